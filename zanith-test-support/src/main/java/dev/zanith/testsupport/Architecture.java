package dev.zanith.testsupport;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Zanith's package rules, in one place: the layers of zanith-core (dependencies point down only, never sideways
 * between the packages of one layer) and the packages the front ends (CLI, Spring starter) may use. Checked by
 * {@code ArchitectureTest} in zanith-core and {@code FrontEndArchitectureTest} in zanith-cli and
 * zanith-spring-boot-autoconfigure; drawn in docs/ARCHITECTURE.md.
 */
public final class Architecture {

    /**
     * zanith-core's components, lowest layer first; a component is a package below {@code dev.zanith} except in the
     * root package, which holds three: the exceptions (a leaf), the configuration and the facade.
     */
    public static final List<List<String>> LAYERS = List.of(
            List.of("exceptions"),
            List.of("internal", "internal.sql", "internal.jdbc"),
            List.of("schema"),
            List.of("ops", "introspect"),
            List.of("diff", "migration", "risk"),
            List.of("audit"),
            List.of("plan", "shadow"),
            List.of("apply", "verify", "recover"),
            List.of("config"),
            List.of("command"),
            List.of("facade"));

    /**
     * Known wrong-way dependencies ({@code source component -> target class}), each waiting for the package move of
     * issue 20 (execution machinery below apply/verify/recover; configuration beside the API). The list only shrinks:
     * {@code ArchitectureTest} fails on an entry that is no longer needed, so a fix must delete its line.
     */
    public static final Set<String> EXEMPTIONS = Set.of(
            // Step execution (timeouts, lock retries) and the apply lock live in apply, though verify (replay on a
            // shadow) and recover (restore) run steps too: they belong in a package below all three.
            "verify -> dev.zanith.internal.step.StepExecutor",
            "verify -> dev.zanith.internal.step.StepExecutor$InTransaction",
            "verify -> dev.zanith.internal.step.Timeouts",
            "recover -> dev.zanith.internal.step.StepExecutor",
            "recover -> dev.zanith.internal.step.StepExecutor$RetryListener",
            "recover -> dev.zanith.internal.step.AdvisoryLock",
            // The artifact recorder is a step hook apply runs with every step; the hook interface belongs with step
            // execution, below apply and recover.
            "recover -> dev.zanith.internal.step.StepHook",
            // Recovery reads the whole configuration; it should take the few settings it needs, as apply does.
            "recover -> dev.zanith.ZanithConfig");

    private static final String ROOT = "dev.zanith";

    private Architecture() {
    }

    /** zanith-core's main classes (from the directory or jar that holds {@code anyCoreClass}). */
    public static JavaClasses coreClasses(Class<?> anyCoreClass) {
        return new ClassFileImporter().importPath(locationOf(anyCoreClass));
    }

    /** The main classes of the module holding {@code anyClass} (its output directory or jar). */
    public static JavaClasses classesBeside(Class<?> anyClass) {
        return new ClassFileImporter().importPath(locationOf(anyClass));
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The component of a zanith-core class ({@link #LAYERS}), or null for a class outside zanith-core. */
    public static String component(JavaClass type) {
        String pkg = type.getPackageName();
        if (pkg.equals(ROOT)) {
            String top = type.getName().substring(ROOT.length() + 1).split("\\$")[0];
            return switch (top) {
                case "Zanith" -> "facade";
                case "ZanithConfig" -> "config";
                default -> "exceptions";
            };
        }
        return pkg.startsWith(ROOT + ".") ? pkg.substring(ROOT.length() + 1) : null;
    }

    /** The layer index of a component; -1 when it is in no layer (a new package must be placed in one). */
    public static int layer(String component) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(component)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Every dependency inside zanith-core that points up a layer, or sideways to another component of the same
     * layer, as {@code source component -> target class (source class)}; exempted ones apart.
     */
    public static Set<String> wrongWay(JavaClasses core, Set<String> exemptionsUsed) {
        Set<String> wrong = new TreeSet<>();
        for (JavaClass source : core) {
            String from = component(source);
            for (Dependency d : source.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                String to = component(target);
                if (to == null || from == null || from.equals(to)) {
                    continue;
                }
                int a = layer(from);
                int b = layer(to);
                if (a < 0 || b < 0 || b >= a) {
                    String key = from + " -> " + target.getName();
                    if (EXEMPTIONS.contains(key)) {
                        exemptionsUsed.add(key);
                    } else {
                        wrong.add(key + " (" + source.getName() + (a < 0 || b < 0 ? ", in no layer" : "") + ")");
                    }
                }
            }
        }
        return wrong;
    }

    /**
     * Engine classes in packages that otherwise hold API types (results, options, listeners, the schema and operation
     * model): they do the work behind the facade, so a front end reaches them through {@code Zanith}.
     */
    public static final Set<String> ENGINES = Set.of(
            "dev.zanith.internal.apply.Applier", "dev.zanith.internal.step.StepExecutor", "dev.zanith.internal.step.AdvisoryLock",
            "dev.zanith.internal.apply.Backfiller", "dev.zanith.internal.apply.ConcurrentIndexes",
            "dev.zanith.internal.audit.AuditLog", "dev.zanith.internal.audit.MigrationHistory", "dev.zanith.internal.audit.SchemaSnapshots",
            "dev.zanith.internal.audit.Checkpoints", "dev.zanith.internal.audit.AuditQuery",
            "dev.zanith.internal.diff.Differ",
            "dev.zanith.internal.migration.MigrationLoader", "dev.zanith.internal.migration.MigrationWriter",
            "dev.zanith.internal.plan.Planner", "dev.zanith.internal.plan.Preflight", "dev.zanith.internal.plan.GateKeeper",
            "dev.zanith.internal.recover.Recovery", "dev.zanith.internal.recover.ArtifactRecorder", "dev.zanith.internal.recover.Artifacts",
            "dev.zanith.internal.risk.RiskModel",
            "dev.zanith.internal.verify.Verifier", "dev.zanith.internal.verify.StepObserver", "dev.zanith.internal.verify.ShadowReplay");

    /**
     * Whether a front end (CLI, Spring starter) may use a zanith-core class: the facade, its configuration and
     * exceptions, and the API types of the other packages — not the command classes (their nested result records
     * are API), not {@code internal}, {@code introspect} or the shadow implementations ({@code ShadowProvider} is the
     * SPI), and no {@link #ENGINES engine}.
     */
    public static boolean frontEndMayUse(JavaClass type) {
        String c = component(type);
        if (c == null) {
            return true;
        }
        String top = type.getName().split("\\$")[0];
        return switch (c) {
            case "command" -> !type.getName().equals(top);
            case "internal", "internal.sql", "internal.jdbc", "introspect" -> false;
            case "shadow" -> top.equals("dev.zanith.api.ShadowProvider");
            default -> !ENGINES.contains(top);
        };
    }

    /** The dependencies of front-end classes on zanith-core classes they may not use, as {@code source -> target}. */
    public static Set<String> frontEndViolations(JavaClasses frontEnd) {
        Set<String> wrong = new TreeSet<>();
        for (JavaClass source : frontEnd) {
            for (Dependency d : source.getDirectDependenciesFromSelf()) {
                JavaClass target = d.getTargetClass().getBaseComponentType();
                if (!frontEndMayUse(target)) {
                    wrong.add(source.getName() + " -> " + target.getName());
                }
            }
        }
        return wrong;
    }

    /** Slices for the cycle check: the components of {@link #component(JavaClass)}. */
    public static SliceAssignment components() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                String c = component(type);
                return c == null ? SliceIdentifier.ignore() : SliceIdentifier.of(c);
            }

            @Override
            public String getDescription() {
                return "zanith-core components";
            }
        };
    }
}
