package nl.weerbaar.web;

import java.io.IOException;
import java.io.PrintWriter;
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

/**
 * Tomcat refuses some requests before the application sees them (an encoded slash or NUL in the
 * path, a path that is not UTF-8) and answers with its own error report. On {@code /api} that
 * report is problem+json like every other API error; elsewhere it stays the plain one, without
 * server details.
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
            if (uri == null || !uri.startsWith("/api/")) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
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
    }
}
