package nl.weerbaar;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the modules of DESIGN.md apart: dependencies point one way (areas and access at the
 * bottom; points and stock on them; planning on points and stock; bulletins, household and
 * funding beside), and modules meet only through each other's public top-level package.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.weerbaar");

    @Test
    void modulesDoNotFormCycles() {
        slices().matching("nl.weerbaar.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void foundationModulesDependOnNoDomainModuleAbove() {
        noClasses().that().resideInAnyPackage("nl.weerbaar.areas..", "nl.weerbaar.system..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "nl.weerbaar.access..", "nl.weerbaar.points..", "nl.weerbaar.stock..", "nl.weerbaar.planning..",
                        "nl.weerbaar.bulletins..", "nl.weerbaar.household..", "nl.weerbaar.funding..", "nl.weerbaar.web..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("nl.weerbaar.access..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "nl.weerbaar.points..", "nl.weerbaar.stock..", "nl.weerbaar.planning..",
                        "nl.weerbaar.bulletins..", "nl.weerbaar.household..", "nl.weerbaar.funding..", "nl.weerbaar.web..")
                .check(CLASSES);
    }

    @Test
    void pointsAndStockDoNotDependOnModulesAboveThem() {
        noClasses().that().resideInAnyPackage("nl.weerbaar.points..", "nl.weerbaar.stock..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "nl.weerbaar.planning..", "nl.weerbaar.bulletins..", "nl.weerbaar.household..", "nl.weerbaar.funding..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void webHoldsNoDomainLogicThatModulesDependOn() {
        noClasses().that().resideOutsideOfPackage("nl.weerbaar.web..")
                .and().resideOutsideOfPackage("nl.weerbaar")
                .should().dependOnClassesThat().resideInAPackage("nl.weerbaar.web..")
                .check(CLASSES);
    }

    @Test
    void modulesUseOnlyEachOthersTopLevelPackage() {
        for (String module : new String[] {"areas", "access", "points", "stock", "planning", "bulletins", "household", "funding"}) {
            noClasses().that().resideOutsideOfPackage("nl.weerbaar." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("nl.weerbaar." + module + ".*..")
                    .allowEmptyShould(true)
                    .because("the public door of a module is its top-level package; sub-packages are its inside")
                    .check(CLASSES);
        }
    }
}
