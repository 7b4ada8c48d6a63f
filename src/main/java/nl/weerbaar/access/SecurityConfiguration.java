package nl.weerbaar.access;

import nl.weerbaar.system.IdempotencyFilter;
import nl.weerbaar.system.ProblemWriter;
import nl.weerbaar.system.PublicApi;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach which URL. Reading public data needs no login (each module declares its public
 * calls, gathered by {@link PublicApi}); every API write needs at least the operator role (so a
 * viewer can never write, whatever endpoint is added later); what exactly a user may change is
 * decided by {@link AccessControl} per organisation scope and role.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    @Bean
    AuthenticationEntryPoint problemEntryPoint(ProblemWriter problems) {
        return (request, response, exception) -> problems.write(response, HttpStatus.UNAUTHORIZED,
                "authentication required: " + exception.getMessage(), request.getRequestURI());
    }

    @Bean
    AccessDeniedHandler problemAccessDenied(ProblemWriter problems) {
        return (request, response, exception) -> problems.write(response, HttpStatus.FORBIDDEN,
                "not allowed: " + exception.getMessage(), request.getRequestURI());
    }

    /** Only here do passwords travel with an API call: to exchange them for a token. */
    @Bean
    @Order(1)
    SecurityFilterChain tokenIssuing(HttpSecurity http, AuthenticationEntryPoint entryPoint,
                                     AccessDeniedHandler accessDenied) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .headers(ApiResponseHeaders::configure);
        return http.build();
    }

    /** The idempotency filter runs inside the API chain, once the caller is known; not on its own. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterOutsideSecurity(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, AuthenticationEntryPoint entryPoint,
                                    AccessDeniedHandler accessDenied, IdempotencyFilter idempotency, PublicApi open) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(ApiResponseHeaders.cors()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
                .addFilterAfter(idempotency, AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.GET, open.reads()).permitAll()
                        .requestMatchers(HttpMethod.HEAD, open.reads()).permitAll()
                        .requestMatchers(HttpMethod.POST, open.checks()).permitAll()
                        .requestMatchers(HttpMethod.POST, open.selfAuthenticatedWrites()).permitAll()
                        // Anyone may give up their own token, a viewer too.
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/tokens/current").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.PUT, "/api/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.PATCH, "/api/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/**").hasRole(Role.OPERATOR.name())
                        .anyRequest().authenticated())
                .headers(ApiResponseHeaders::configure);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageSecurity(HttpSecurity http, UserRepository users) throws Exception {
        http.addFilterBefore(new DisabledUserSessions(users), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/medewerkers", "/medewerkers/**").authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().permitAll())
                .formLogin(form -> form.loginPage("/inloggen").defaultSuccessUrl("/medewerkers").permitAll())
                .logout(logout -> logout.logoutUrl("/uitloggen").logoutSuccessUrl("/inloggen?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
                                        + "form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
