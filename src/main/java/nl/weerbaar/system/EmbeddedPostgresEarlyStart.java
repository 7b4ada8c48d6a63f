package nl.weerbaar.system;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the application context exists,
 * so that PostgreSQL starts (and on a new data folder runs initdb) while Spring is still reading
 * the application's configuration, instead of after it. Registered in META-INF/spring.factories;
 * {@link DatabaseConfiguration} waits for the server when the data source needs it.
 */
final class EmbeddedPostgresEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "embeddedPostgresStarting";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        String externalUrl = environment.getProperty("weerbaar.db.url");
        if (externalUrl != null && !externalUrl.isBlank()) {
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty("weerbaar.data-dir", "./data"));
        boolean serving = environment.getProperty("weerbaar.serving", Boolean.class, false);
        Starting starting = new Starting(CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.open(dataDirectory, serving),
                task -> Thread.ofPlatform().name("embedded-postgres-start").start(task)));
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory beans) {
            beans.registerSingleton(BEAN_NAME, starting);
            // Stops the server with the context, also when the context fails before anything used it.
            beans.registerDisposableBean(BEAN_NAME, starting);
        }
    }

    /** The server being started; closing waits for the start to end, then stops the server. */
    record Starting(CompletableFuture<EmbeddedPostgresServer> server) implements DisposableBean {

        /** Waits for the server; a failed start throws what {@link EmbeddedPostgresServer#open} threw. */
        EmbeddedPostgresServer await() {
            try {
                return server.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        @Override
        public void destroy() {
            server.thenAccept(EmbeddedPostgresServer::close).exceptionally(failure -> null).join();
        }
    }
}
