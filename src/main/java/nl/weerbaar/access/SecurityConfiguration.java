package nl.weerbaar.access;

import nl.weerbaar.system.IdempotencyFilter;
import nl.weerbaar.system.ProblemWriter;
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
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may reach which URL. Reading public data needs no login; every API write needs at least
 * the operator role (so a viewer can never write, whatever endpoint is added later); what
 * exactly a user may change is decided by {@link AccessControl} per organisation scope and role.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfiguration {

    /** Public, read-only API paths: reference data, the API description, support points, published bulletins and keys. */
    static final String[] PUBLIC_API_READS = {
            "/api/v1/openapi.json", "/api/v1/regions", "/api/v1/regions/**", "/api/v1/municipalities",
            "/api/v1/municipalities/**", "/api/v1/postcodes/**", "/api/v1/locations",
            "/api/v1/support-points", "/api/v1/support-points/**",
            "/api/v1/bulletins", "/api/v1/bulletins/**", "/api/v1/organisations/*/keys", "/api/v1/areas/*/bulletins.atom",
            "/api/v1/audit/tree-head", "/api/v1/audit/consistency-proof"};

    /** Public POSTs that write nothing: checking a bulletin is for every resident, without an account. */
    static final String[] PUBLIC_API_CHECKS = {"/api/v1/verification"};

    /** Writes that authenticate their caller themselves, not with a user: an SMS gateway signs with its shared secret. */
    static final String[] OWN_AUTHENTICATION_WRITES = {"/api/v1/sms/inbound"};

    /**
     * Whether an API call is open to anyone, without login, by the lists above: the one copy of that
     * rule, which the API description reads too. {@code path} is a request path or a path template.
     */
    public static boolean isPublic(String method, String path) {
        String[] open = switch (method) {
            case "GET", "HEAD" -> PUBLIC_API_READS;
            case "POST" -> PUBLIC_API_CHECKS;
            default -> new String[0];
        };
        var matcher = new org.springframework.util.AntPathMatcher();
        return java.util.Arrays.stream(open).anyMatch(pattern -> matcher.match(pattern, path));
    }

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
                .headers(SecurityConfiguration::apiHeaders);
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
                                    AccessDeniedHandler accessDenied, IdempotencyFilter idempotency) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(publicReadsCors()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
                .addFilterAfter(idempotency, AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_API_READS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PUBLIC_API_READS).permitAll()
                        .requestMatchers(HttpMethod.POST, PUBLIC_API_CHECKS).permitAll()
                        .requestMatchers(HttpMethod.POST, OWN_AUTHENTICATION_WRITES).permitAll()
                        // Anyone may give up their own token, a viewer too.
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/tokens/current").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.PUT, "/api/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.PATCH, "/api/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/**").hasRole(Role.OPERATOR.name())
                        .anyRequest().authenticated())
                .headers(SecurityConfiguration::apiHeaders);
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

    /** The security headers the NL API Design Rules ask of every API response. */
    private static void apiHeaders(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true));
    }

    /** Anyone may read public data from any web page; nothing is sent with credentials cross-origin. */
    private static CorsConfigurationSource publicReadsCors() {
        CorsConfiguration reads = new CorsConfiguration();
        reads.addAllowedOrigin("*");
        reads.addAllowedMethod(HttpMethod.GET);
        reads.addAllowedHeader("*");
        reads.addExposedHeader("API-Version");
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", reads);
        return source;
    }
}
