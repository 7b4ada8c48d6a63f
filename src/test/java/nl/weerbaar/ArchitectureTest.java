package nl.weerbaar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Rules Spring Modulith does not check ({@link ModuleStructureTest} verifies the modules, their
 * declared dependencies and internal packages): which classes may speak in HTTP statuses.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.weerbaar");

    /**
     * Services refuse in the domain's words ({@code nl.weerbaar.system.DomainException}); only the
     * HTTP layer turns that into a status. So a page controller catches a refusal by its kind, and a
     * service reads the same from a page, the API, a CLI command or a text message.
     */
    @Test
    void onlyTheHttpLayerSpeaksInHttpStatuses() {
        noClasses().that(OUTSIDE_HTTP_LAYER)
                .should().dependOnClassesThat().belongToAnyOf(ResponseStatusException.class, HttpStatus.class, HttpStatusCode.class)
                .because("services throw a DomainException (not found, conflict, unusable, version mismatch, invalid input); "
                        + "web.DomainStatus maps each kind to its HTTP status once")
                .check(CLASSES);
    }

    /**
     * Where HTTP is the subject: the web package, controllers and their advice, servlet filters, and
     * the few classes that write an HTTP answer before any controller runs (the security chain's
     * refusals, the problem writer, the busy-database answer).
     */
    private static final DescribedPredicate<JavaClass> OUTSIDE_HTTP_LAYER = DescribedPredicate.describe(
            "lie outside the HTTP layer (web, controllers, controller advice, servlet filters, problem writing)", javaClass -> {
                JavaClass outermost = javaClass;
                while (outermost.getEnclosingClass().isPresent()) {
                    outermost = outermost.getEnclosingClass().get();
                }
                return !(outermost.getPackageName().startsWith("nl.weerbaar.web")
                        || outermost.isMetaAnnotatedWith(Controller.class)
                        || outermost.isMetaAnnotatedWith(ControllerAdvice.class)
                        || outermost.isAssignableTo(jakarta.servlet.Filter.class)
                        || outermost.getName().equals("nl.weerbaar.access.SecurityConfiguration")
                        || outermost.getName().equals("nl.weerbaar.system.ProblemWriter")
                        || outermost.getName().equals("nl.weerbaar.system.DatabaseBusy"));
            });
}
