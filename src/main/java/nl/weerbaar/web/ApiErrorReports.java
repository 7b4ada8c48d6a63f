package nl.weerbaar.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import nl.weerbaar.system.Release;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat refuses some requests before the application sees them (an encoded slash or NUL in the
 * path, a path that is not UTF-8) and answers with its own error report. On {@code /api} that
 * report is problem+json like every other API error; elsewhere it is a small page in Dutch with the
 * error page's own words (a resident following a mangled link), without server details.
 */
@Component
class ApiErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    /** Tomcat makes its report valves itself, by class name: the release reaches them through this field. */
    private static volatile String release = "unknown";

    ApiErrorReports(Release release) {
        ApiErrorReports.release = release.version();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReportValve());
            // Else the host adds Tomcat's own report valve when it starts, which would answer first.
            ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    /** After Spring Boot's own customizer, whose plain report valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class ProblemReportValve extends ErrorReportValve {

        ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getCoyoteRequest().requestURI().toString();
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            if (uri == null || !uri.startsWith("/api/")) {
                reportPage(response, status);
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                // Tomcat refused it before any filter ran: the API-Version every API answer carries is set here.
                response.setHeader(ApiVersionFilter.HEADER, release);
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"the request cannot be read as sent: its path or request line holds characters "
                            + "the server refuses (an encoded slash or NUL, bytes that are not UTF-8)\",\"instance\":\"/api\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the answer is already under way: nothing more can be said.
            }
        }

        /** The words of templates/error.html, from the Dutch message bundle: Spring's message source is out of reach here. */
        private static void reportPage(Response response, int status) {
            ResourceBundle messages = ResourceBundle.getBundle("messages", Locale.ROOT);
            String title = message(messages, "error." + status + ".title", "error.title");
            String text = message(messages, "error." + status + ".text", "error.text");
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                            + HtmlUtils.htmlEscape(title) + "</title></head><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>"
                            + HtmlUtils.htmlEscape(text) + "</p><p>" + HtmlUtils.htmlEscape(MessageFormat.format(messages.getString("error.code"), status))
                            + "</p><p><a href=\"/\">" + HtmlUtils.htmlEscape(messages.getString("error.home")) + "</a></p></body></html>");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // As above: nothing more can be said.
            }
        }

        private static String message(ResourceBundle messages, String key, String fallback) {
            return messages.containsKey(key) ? messages.getString(key) : messages.getString(fallback);
        }
    }
}
