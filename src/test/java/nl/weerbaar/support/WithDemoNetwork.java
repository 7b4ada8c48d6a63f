package nl.weerbaar.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * An integration test whose database holds the demo network and demo stock: a context and an
 * embedded database of its own (also when the suite runs against a server, whose one database the
 * other tests share), shared by every class with this annotation, so that the thousands
 * of demo points never reach the tests that count, rank or list the points they made themselves.
 * Load the data with {@code DemoDataForTests.load(context)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@TestPropertySource(properties = {"weerbaar.test.database=with-demo-network", "weerbaar.db.url="})
public @interface WithDemoNetwork {}
