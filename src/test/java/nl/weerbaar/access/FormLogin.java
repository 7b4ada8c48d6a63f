package nl.weerbaar.access;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The staff login page as a browser without JavaScript uses it: a session cookie, the CSRF field, a form post. */
final class FormLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    FormLogin(int port) {
        this.base = "http://localhost:" + port;
    }

    /** The answer to a login: where it redirects, and the session it leaves the browser with. */
    record Outcome(int status, String location, String session) {}

    Outcome login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/inloggen")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field on the login page");
        }
        String session = session(page, null);
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/inloggen"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "JSESSIONID=" + session)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Outcome(answer.statusCode(), answer.headers().firstValue("Location").orElse(null), session(answer, session));
    }

    /** A page as the browser with this session gets it. */
    HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", "JSESSIONID=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Submits a form of the page at {@code pagePath} to {@code action}, as the button on it does. */
    HttpResponse<String> submit(String pagePath, String action, String session) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(get(pagePath, session).body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field on " + pagePath);
        }
        return http.send(HttpRequest.newBuilder(URI.create(base + action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "JSESSIONID=" + session)
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String session(HttpResponse<String> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElse(previous);
    }
}
