package dev.openhands.jiradc;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.ws.rs.Path;

/**
 * The architecture, checked on the main classes. Each package under {@code dev.openhands.jiradc} is a business
 * component with {@code boundary} (what others call), {@code control} (its logic) and {@code entity} (its data and
 * values), except {@code platform}, the kernel of plumbing every component may use. The graph these rules keep
 * one-way is drawn in docs/dev/architecture.md. No rule has an exception.
 */
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ROOT = "dev.openhands.jiradc";
    static final String PLATFORM = ROOT + ".platform..";
    static final String OPS = ROOT + ".ops..";

    /** Imports between components run one way: none reaches, through others, back to itself. */
    @ArchTest
    static final ArchRule componentsFormNoCycle = slices().matching(ROOT + ".(*)..").namingSlices("$1")
            .should().beFreeOfCycles();

    /** A business component is its boundary, control and entity; the platform is one flat package. */
    @ArchTest
    static final ArchRule componentsAreBoundaryControlEntity = classes().that().resideOutsideOfPackage(PLATFORM)
            .should().resideInAnyPackage(ROOT + ".*.boundary", ROOT + ".*.control", ROOT + ".*.entity");

    /** A component's control is its own: the others go through its boundary, or share its entities. */
    @ArchTest
    static final ArchRule controlIsUsedOnlyInItsComponent = classes().that().resideInAPackage(ROOT + ".*.control")
            .should(beUsedOnlyInTheirOwnComponent());

    /** The platform is for every component and knows none. */
    @ArchTest
    static final ArchRule platformUsesNoComponent = noClasses().that().resideInAPackage(PLATFORM)
            .should().dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(PLATFORM))));

    /** ops reads the components (health, metrics, troubleshooting); no component reads ops. */
    @ArchTest
    static final ArchRule nothingUsesOps = noClasses().that().resideOutsideOfPackage(OPS)
            .should().dependOnClassesThat().resideInAPackage(OPS);

    /** Each table is its component's: ops asks the owners for counts and the platform only migrates the schema. */
    @ArchTest
    static final ArchRule opsAndPlatformQueryNoTable = noClasses().that().resideInAnyPackage(OPS, PLATFORM)
            .should().dependOnClassesThat().resideInAPackage("jakarta.persistence..");

    /** The clients of Jira and OpenHands know nothing of the triggers and jobs that call them. */
    @ArchTest
    static final ArchRule clientsKnowNothingOfTriggersOrJobs = noClasses()
            .that().resideInAnyPackage(ROOT + ".jira..", ROOT + ".openhands..")
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".triggers..", ROOT + ".jobs..");

    /** A JAX-RS resource translates HTTP and hands off: no EntityManager, no query, nothing of JPA. */
    @ArchTest
    static final ArchRule resourcesHoldNoPersistence = noClasses().that().areAnnotatedWith(Path.class)
            .should().dependOnClassesThat().resideInAPackage("jakarta.persistence..");

    private static ArchCondition<JavaClass> beUsedOnlyInTheirOwnComponent() {
        return new ArchCondition<>("be used only inside their own component") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Dependency use : type.getDirectDependenciesToSelf()) {
                    if (!component(use.getOriginClass()).equals(component(type))) {
                        events.add(SimpleConditionEvent.violated(use, use.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code jobs} for {@code dev.openhands.jiradc.jobs.control.JobCheck}. */
    private static String component(JavaClass type) {
        return type.getPackageName().substring(ROOT.length() + 1).split("\\.")[0];
    }
}
