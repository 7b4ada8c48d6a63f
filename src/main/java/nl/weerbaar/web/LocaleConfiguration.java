package nl.weerbaar.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Dutch by default, English on request. {@code ?lang=en} switches and a cookie keeps the choice,
 * because residents follow links from leaflets and QR codes that carry no language. Without the
 * cookie the browser's {@code Accept-Language} decides. Any other language falls back to Dutch, so
 * {@code <html lang>} never claims a language the page is not in.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final Locale DUTCH = Locale.of("nl");
    private static final List<Locale> SUPPORTED = List.of(DUTCH, Locale.ENGLISH);

    /** The bean name {@code localeResolver} replaces Spring Boot's Accept-Language-only resolver. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("weerbaar-lang") {
            @Override
            protected Locale parseLocaleValue(String cookieValue) {
                return supportedOrDutch(cookieValue);
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieHttpOnly(true);
        resolver.setDefaultLocaleFunction(request -> supportedOrDutch(request.getHeader("Accept-Language")));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String parameterValue) {
                return supportedOrDutch(parameterValue);
            }
        };
        languageSwitch.setParamName("lang");
        // The API speaks JSON for machines and must not hand out cookies.
        registry.addInterceptor(languageSwitch).excludePathPatterns("/api/**");
    }

    /** Best match of a language tag or an Accept-Language header (RFC 4647 lookup), else Dutch. */
    static Locale supportedOrDutch(String languageRanges) {
        if (languageRanges == null || languageRanges.isBlank()) {
            return DUTCH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(languageRanges), SUPPORTED);
            return match != null ? match : DUTCH;
        } catch (IllegalArgumentException malformed) {
            return DUTCH;
        }
    }
}
