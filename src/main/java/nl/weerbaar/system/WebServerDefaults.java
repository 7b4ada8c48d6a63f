package nl.weerbaar.system;

import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * Cookies and proxies. Every cookie (the session above all) is {@code SameSite=Lax}: another site
 * cannot make a logged-in browser send it with a form post. Behind a reverse proxy the server
 * takes the client's address and scheme from {@code X-Forwarded-For} and {@code X-Forwarded-Proto}
 * ({@code server.forward-headers-strategy=native}, a default here that configuration overrides),
 * but only when the proxy's own address is trusted ({@code server.tomcat.remoteip.internal-proxies},
 * by default private and loopback addresses); so a request that reached the proxy over HTTPS gets
 * its session cookie marked {@code Secure}, as a direct HTTPS request does, and login throttling
 * sees the real client.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:nl/weerbaar/system/web-server-defaults.properties")
class WebServerDefaults {

    @Bean
    CookieSameSiteSupplier laxCookies() {
        return CookieSameSiteSupplier.ofLax();
    }
}
