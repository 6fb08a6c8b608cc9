package dev.zanith.testsupport;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
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
 * between the packages of one layer) and the packages the front ends (CLI, Maven plugin, Spring starter, Studio) may
 * use. Checked by {@code ArchitectureTest} in zanith-core and {@code FrontEndArchitectureTest} in zanith-cli,
 * zanith-maven-plugin, zanith-studio and zanith-spring-boot-autoconfigure; drawn in docs/ARCHITECTURE.md.
 */
public final class Architecture {

    /**
     * zanith-core's components, lowest layer first; a component is a package below {@code dev.zanith} except in the
     * root package, which holds two: the configuration ({@code ZanithConfig}) and the facade ({@code Zanith}).
     * The API packages ({@code dev.zanith.api.*}) sit below the engine: the engine builds and returns API types, an
     * API type never reaches into the engine.
     */
    public static final List<List<String>> LAYERS = List.of(
            List.of("api.exception"),
            List.of("internal", "internal.sql", "internal.jdbc"),
            List.of("api.schema"),
            List.of("api.ops"),
            List.of("api.migration"),
            List.of("api.risk"),
            List.of("api.output"),
            List.of("api"),
            List.of("api.output.text"),
            List.of("internal.introspect"),
            List.of("internal.diff", "internal.migration", "internal.risk"),
            List.of("internal.audit"),
            List.of("internal.plan", "internal.shadow"),
            List.of("internal.step"),
            List.of("internal.config"),
            List.of("internal.apply", "internal.verify", "internal.recover"),
            List.of("internal.command"),
            List.of("config"),
            List.of("facade"));

    /**
     * Known wrong-way dependencies ({@code source component -> target class}). The list only shrinks:
     * {@code ArchitectureTest} fails on an entry that is no longer needed, so a fix must delete its line.
     */
    public static final Set<String> EXEMPTIONS = Set.of();

    /**
     * Public API members allowed to name an implementation class (as {@code Type.member() -> class}), each with its
     * reason.
     */
    public static final Set<String> API_LEAK_EXEMPTIONS = Set.of(
            // A raw SQL step's parsed statements are read by the engine (apply, plan, verify) through the operation;
            // the lexer's statement type is not API yet. Users read RawSqlScript.sql() and location().
            "dev.zanith.api.ops.RawSqlScript.script() -> dev.zanith.internal.sql.SqlScript",
            "dev.zanith.api.ops.RawSqlScript.statements() -> dev.zanith.internal.sql.SqlScript$Statement");

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
                default -> "root";
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
     * Whether a class is zanith-core's public API: {@code Zanith} and {@code ZanithConfig} (with its builder) in
     * {@code dev.zanith}, and everything under {@code dev.zanith.api}. Everything under {@code dev.zanith.internal} is
     * implementation: front ends and users never name it (see docs/ARCHITECTURE.md).
     */
    public static boolean isApi(JavaClass type) {
        String pkg = type.getPackageName();
        if (pkg.equals(ROOT)) {
            String top = type.getName().substring(ROOT.length() + 1).split("\\$")[0];
            return top.equals("Zanith") || top.equals("ZanithConfig");
        }
        return pkg.equals(ROOT + ".api") || pkg.startsWith(ROOT + ".api.");
    }

    /** Whether a class is zanith-core's: the root package, {@code dev.zanith.api.*} or {@code dev.zanith.internal.*}. */
    public static boolean isCore(JavaClass type) {
        String pkg = type.getPackageName();
        return pkg.equals(ROOT) || pkg.equals(ROOT + ".api") || pkg.startsWith(ROOT + ".api.")
                || pkg.equals(ROOT + ".internal") || pkg.startsWith(ROOT + ".internal.");
    }

    /** Whether a front end (CLI, Maven plugin, Spring starter, Studio) may use a class: anything outside zanith-core, or API. */
    public static boolean frontEndMayUse(JavaClass type) {
        return !isCore(type) || isApi(type);
    }

    /**
     * Public members of public API classes whose signature names an implementation class (parameter, return, field,
     * record component, thrown or super type, including type arguments), as {@code member -> implementation class}:
     * what a user could be handed but not name.
     */
    public static Set<String> apiLeaks(JavaClasses core) {
        Set<String> leaks = new TreeSet<>();
        for (JavaClass type : core) {
            if (!isApi(type) || !type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            List<JavaType> supers = new java.util.ArrayList<>();
            type.getSuperclass().ifPresent(supers::add);
            supers.addAll(type.getInterfaces());
            for (JavaType t : supers) {
                leak(type.getName(), t, leaks);
            }
            for (JavaMember member : type.getMembers()) {
                if (!member.getModifiers().contains(JavaModifier.PUBLIC)
                        && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
                    continue;
                }
                String name = member.getFullName();
                if (member instanceof JavaField field) {
                    leak(name, field.getType(), leaks);
                } else if (member instanceof JavaCodeUnit unit) {
                    leak(name, unit.getReturnType(), leaks);
                    for (JavaType parameter : unit.getParameterTypes()) {
                        leak(name, parameter, leaks);
                    }
                    for (JavaClass thrown : unit.getThrowsClause().getTypes()) {
                        leak(name, thrown, leaks);
                    }
                }
            }
        }
        return leaks;
    }

    private static void leak(String member, JavaType type, Set<String> leaks) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            JavaClass base = raw.getBaseComponentType();
            if (isCore(base) && !isApi(base)) {
                String leak = member.replaceAll("\\(.*\\)", "()") + " -> " + base.getName();
                if (!API_LEAK_EXEMPTIONS.contains(leak)) {
                    leaks.add(member + " -> " + base.getName());
                }
            }
        }
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
