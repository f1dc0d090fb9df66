package com.callportrait.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on every build over the production classes of every module this one
 * sees (common, profiler, speech, simulator and agi-server itself):
 * <ul>
 *   <li>no package cycle anywhere (a package and its own {@code .internal} sub-package count as one);</li>
 *   <li>inside the application, a stage never imports a later one: events, route, live, screenpop,
 *       records, server, cli (the order a call meets them);</li>
 *   <li>the libraries and the simulator import nothing of the application, and nothing below the
 *       command line imports the server's wiring, the commands, the simulator or the benchmarks;</li>
 *   <li>settings are read only through {@code common.config.Env}.</li>
 * </ul>
 */
class ArchitectureTest {
    private static final String ROOT = "com.callportrait";

    /** The application's stages in the order a call meets them; a stage may import only earlier ones. */
    private static final List<String> STAGES = List.of("events", "route", "live", "screenpop", "records", "server", "cli");

    private static final String[] APPLICATION = {
        ROOT + ".events..", ROOT + ".route..", ROOT + ".live..", ROOT + ".screenpop..", ROOT + ".records..",
        ROOT + ".server..", ROOT + ".cli.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void noPackageCycleInAnyModule() {
        SlicesRuleDefinition.slices().assignedFrom(new PackageWithItsInternals()).should().beFreeOfCycles()
                .check(classes);
    }

    @Test
    void noStageImportsALaterStage() {
        for (int i = 0; i < STAGES.size() - 1; i++) {
            String[] later = STAGES.subList(i + 1, STAGES.size()).stream().map(s -> ROOT + "." + s + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + "." + STAGES.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(later)
                    .because("a stage of the call never reaches forward to a later one")
                    .check(classes);
        }
    }

    @Test
    void librariesAndTheSimulatorKnowNothingOfTheApplication() {
        noClasses().that().resideInAnyPackage(ROOT + ".common..", ROOT + ".profile..", ROOT + ".portrait..",
                        ROOT + ".speech..", ROOT + ".simulator..")
                .should().dependOnClassesThat().resideInAnyPackage(APPLICATION)
                .because("common, profiler and speech are libraries and the simulator speaks only wire protocols")
                .check(classes);
    }

    @Test
    void theSimulatorIsABlackBox() {
        noClasses().that().resideInAPackage(ROOT + ".simulator..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".profile..", ROOT + ".portrait..",
                        ROOT + ".speech..")
                .because("the simulator plays Asterisk over the wire and knows none of our internals")
                .check(classes);
    }

    @Test
    void nothingBelowTheCommandLineImportsWiringCommandsSimulatorOrBenchmarks() {
        noClasses().that().resideOutsideOfPackages(ROOT + ".cli..", ROOT + ".simulator..", ROOT + ".bench..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".cli..", ROOT + ".simulator..",
                        ROOT + ".bench..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages(ROOT + ".server..", ROOT + ".cli..", ROOT + ".bench..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".server")
                .check(classes);
    }

    @Test
    void settingsAreReadOnlyThroughEnv() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".common.config")
                .should().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .because("every setting is read once, typed and validated, by common.config.Env")
                .check(classes);
    }

    /** One slice per package, a package's {@code .internal} sub-package folded into it. */
    private static final class PackageWithItsInternals implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String p = javaClass.getPackageName();
            if (!p.startsWith(ROOT)) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(p.endsWith(".internal") ? p.substring(0, p.length() - ".internal".length()) : p);
        }

        @Override
        public String getDescription() {
            return "packages of " + ROOT + " (with their .internal sub-packages)";
        }
    }
}
