package com.callportrait.profile;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The profiler's shape, checked on the compiled main classes: no package cycle, the profile store on
 * the routing hot path ({@code com.callportrait.profile..}) never imports the portrait engine
 * ({@code com.callportrait.portrait..}) or Tribuo, and the library imports nothing of the application.
 */
class ProfilerArchitectureTest {
    private static final String HOT_PATH = "com.callportrait.profile..";
    private static final String ENGINE = "com.callportrait.portrait..";

    /** One slice per package, a package's {@code .internal} sub-package counted with it. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (!p.startsWith("com.callportrait.")) {
                return SliceIdentifier.ignore();
            }
            int internal = p.indexOf(".internal");
            return SliceIdentifier.of(internal < 0 ? p : p.substring(0, internal));
        }

        @Override
        public String getDescription() {
            return "profiler packages (each with its .internal)";
        }
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.callportrait.profile", "com.callportrait.portrait");
    }

    @Test
    void noPackageCycle() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(classes);
    }

    @Test
    void theHotPathNeverLoadsTheEngineOrTribuo() {
        noClasses().that().resideInAPackage(HOT_PATH)
                .should().dependOnClassesThat().resideInAnyPackage(ENGINE, "org.tribuo..")
                .because("routing reads profiles through com.callportrait.profile and must never load Tribuo")
                .check(classes);
    }

    @Test
    void theLibraryKnowsNothingOfTheApplication() {
        noClasses().that().resideInAnyPackage(HOT_PATH, ENGINE)
                .should().dependOnClassesThat(resideInAPackage("com.callportrait..")
                        .and(not(resideInAnyPackage("com.callportrait.common..", HOT_PATH, ENGINE))))
                .check(classes);
    }

    @Test
    void bothSidesAreThere() {
        // guards the rules above against passing on an empty import (a renamed package)
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("com.callportrait.profile.redis")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("com.callportrait.portrait.engine")).isTrue();
    }
}
