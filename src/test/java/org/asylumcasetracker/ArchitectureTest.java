package org.asylumcasetracker;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the code base. Features ({@code client}, {@code filing}, {@code alert}, {@code report},
 * {@code organization}, {@code integration}) may use each other without cycles and may use {@code platform};
 * {@code platform} knows no feature, so that it can be read, tested and changed on its own; {@code dev} (demo
 * data, dev tokens) is used by nothing else. Within a feature the domain does not know its {@code api}
 * package: HTTP is translated at the edge.
 */
class ArchitectureTest {

    private static final String ROOT = "org.asylumcasetracker";
    private static final String PLATFORM = ROOT + ".platform..";
    private static final String DEV = ROOT + ".dev..";
    /** Outbound clients of other services' HTTP APIs (e.g. USCIS case status). */
    private static final String REMOTE = "..remote..";

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(MAIN_CLASSES);
    }

    @Test
    void platformDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(PLATFORM)
                .should()
                .dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(PLATFORM))))
                .because("platform is the shared foundation; a feature it imported could not change on its own")
                .check(MAIN_CLASSES);
    }

    @Test
    void onlyDevModeCodeUsesTheDevPackage() {
        noClasses()
                .that()
                .resideOutsideOfPackage(DEV)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(DEV)
                .because("demo users, demo data and dev tokens do not exist in the production build")
                .check(MAIN_CLASSES);
    }

    @Test
    void domainCodeDoesNotDependOnApiPackages() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "..")
                .and()
                .resideOutsideOfPackages("..api..", PLATFORM)
                // Temporary: the client service still takes its request record (create, upsert, merge patch).
                .and()
                .doNotHaveFullyQualifiedName(ROOT + ".client.ClientService")
                .should()
                .dependOnClassesThat(resideInAPackage(ROOT + "..api..").and(not(resideInAPackage(PLATFORM))))
                .because("requests and responses are the HTTP edge; the domain must not change when they do")
                .check(MAIN_CLASSES);
    }

    @Test
    void restClientsOfOtherServicesLiveInRemotePackages() {
        classes()
                .that()
                .areAnnotatedWith(org.eclipse.microprofile.rest.client.inject.RegisterRestClient.class)
                .should()
                .resideInAPackage(REMOTE)
                .check(MAIN_CLASSES);
    }

    @Test
    void domainCodeSpeaksNoHttp() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "..")
                .and()
                .resideOutsideOfPackages("..api..", REMOTE, PLATFORM, DEV)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.ws.rs..")
                .because("HTTP lives at the edges: api/ packages answer it, remote/ packages call other services")
                .check(MAIN_CLASSES);
    }

    @Test
    void httpResourcesLiveInApiPackages() {
        classes()
                .that()
                .areAnnotatedWith(jakarta.ws.rs.Path.class)
                .and()
                .areNotAnnotatedWith(org.eclipse.microprofile.rest.client.inject.RegisterRestClient.class)
                .should()
                .resideInAnyPackage("..api..", DEV)
                .check(MAIN_CLASSES);
    }

    @Test
    void alertRulesArePureFunctions() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".alert..")
                .and()
                .haveSimpleNameEndingWith("Rule")
                .should()
                .dependOnClassesThat(resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..", "java.sql..")
                        .or(assignableTo(Clock.class)))
                .because("a rule takes facts, settings and a day and returns alerts: no clock, database or HTTP")
                .check(MAIN_CLASSES);
    }
}
