package dev.zanith.jpa;

import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.schema.ServerVersion;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.Action;
import org.hibernate.tool.schema.spi.DelayedDropRegistryNotAvailableImpl;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypesScanner;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JPA entity model, and the PostgreSQL DDL Hibernate would create for it ({@link #createScript}): what Zanith takes
 * as the declared schema when the entities are the source of truth. Immutable; the {@code with…} methods return a
 * copy.
 * <ul>
 *   <li>{@link #packages}/{@link #classes}: entity classes found as Spring Boot's {@code @EntityScan} finds them
 *       (Spring's {@link PersistenceManagedTypesScanner}: {@code @Entity}, {@code @Embeddable},
 *       {@code @MappedSuperclass}, {@code @Converter}), mapped with Spring Boot's default naming strategies
 *       ({@link #SPRING_BOOT_PHYSICAL_NAMING_STRATEGY}, {@link #SPRING_BOOT_IMPLICIT_NAMING_STRATEGY}) and Hibernate's
 *       PostgreSQL dialect ({@code PostgreSQLDialect}) for the target server's version. Nothing connects to a database here.</li>
 *   <li>{@link #of(EntityManagerFactory)}: the persistence unit an application (or a Spring Boot test) already runs,
 *       exported exactly as it was mapped: its own naming strategies, {@code orm.xml}, converters and dialect.</li>
 * </ul>
 */
public final class EntityModel {

    /**
     * Spring Boot's default physical naming strategy ({@code spring.jpa.hibernate.naming.physical-strategy}):
     * {@code camelCase} becomes {@code camel_case}. Hibernate 7's name for what was
     * {@code CamelCaseToUnderscoresNamingStrategy} (now a deprecated subclass of it).
     */
    public static final String SPRING_BOOT_PHYSICAL_NAMING_STRATEGY = PhysicalNamingStrategySnakeCaseImpl.class.getName();

    /**
     * Spring Boot's default implicit naming strategy ({@code spring.jpa.hibernate.naming.implicit-strategy}): JPA's
     * rules, except that a join table is named after the owning table and the attribute
     * ({@code purchase_orders_tags}).
     */
    public static final String SPRING_BOOT_IMPLICIT_NAMING_STRATEGY = SpringImplicitNamingStrategy.class.getName();

    private final List<String> packages;
    private final List<String> classNames;
    private final @Nullable ClassLoader classLoader;
    private final String physicalNamingStrategy;
    private final String implicitNamingStrategy;
    private final Map<String, Object> properties;
    private final @Nullable EntityManagerFactory entityManagerFactory;

    private EntityModel(List<String> packages, List<String> classNames, @Nullable ClassLoader classLoader,
                        String physicalNamingStrategy, String implicitNamingStrategy, Map<String, Object> properties,
                        @Nullable EntityManagerFactory entityManagerFactory) {
        this.packages = List.copyOf(packages);
        this.classNames = List.copyOf(classNames);
        this.classLoader = classLoader;
        this.physicalNamingStrategy = physicalNamingStrategy;
        this.implicitNamingStrategy = implicitNamingStrategy;
        this.properties = Map.copyOf(properties);
        this.entityManagerFactory = entityManagerFactory;
    }

    /**
     * The entities in {@code packages} and their subpackages, loaded through the thread's context class loader
     * unless {@link #withClassLoader} says otherwise.
     *
     * @throws ZanithConfigException when no package is given
     */
    public static EntityModel packages(String... packages) {
        List<String> names = Arrays.stream(packages).map(String::trim).filter(p -> !p.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new ZanithConfigException("No entity package given: name the packages that hold the @Entity "
                    + "classes (as in @EntityScan), for example com.example.shop.domain.");
        }
        return new EntityModel(names, List.of(), null, SPRING_BOOT_PHYSICAL_NAMING_STRATEGY,
                SPRING_BOOT_IMPLICIT_NAMING_STRATEGY, Map.of(), null);
    }

    /** Exactly these entity (and embeddable, mapped-superclass, converter) classes. */
    public static EntityModel classes(Class<?>... classes) {
        if (classes.length == 0) {
            throw new ZanithConfigException("No entity class given.");
        }
        return new EntityModel(List.of(), Arrays.stream(classes).map(Class::getName).toList(),
                classes[0].getClassLoader(), SPRING_BOOT_PHYSICAL_NAMING_STRATEGY,
                SPRING_BOOT_IMPLICIT_NAMING_STRATEGY, Map.of(), null);
    }

    /**
     * The persistence unit behind {@code entityManagerFactory} (Hibernate's, as Spring Boot builds it), exported as
     * it was mapped, with its own dialect. Needs zanith-jpa on the classpath when the factory was built (it records
     * the mapping then).
     */
    public static EntityModel of(EntityManagerFactory entityManagerFactory) {
        return new EntityModel(List.of(), List.of(), null, SPRING_BOOT_PHYSICAL_NAMING_STRATEGY,
                SPRING_BOOT_IMPLICIT_NAMING_STRATEGY, Map.of(), entityManagerFactory);
    }

    /** Where entity classes and naming strategies are loaded from (the Maven plugin: the project's classes). */
    public EntityModel withClassLoader(ClassLoader loader) {
        requireScanned("withClassLoader");
        return new EntityModel(packages, classNames, loader, physicalNamingStrategy, implicitNamingStrategy,
                properties, null);
    }

    /** A physical naming strategy's class name, as {@code spring.jpa.hibernate.naming.physical-strategy}. */
    public EntityModel withPhysicalNamingStrategy(String className) {
        requireScanned("withPhysicalNamingStrategy");
        return new EntityModel(packages, classNames, classLoader, className, implicitNamingStrategy, properties, null);
    }

    /** An implicit naming strategy's class name, as {@code spring.jpa.hibernate.naming.implicit-strategy}. */
    public EntityModel withImplicitNamingStrategy(String className) {
        requireScanned("withImplicitNamingStrategy");
        return new EntityModel(packages, classNames, classLoader, physicalNamingStrategy, className, properties, null);
    }

    /**
     * One more Hibernate setting, as {@code spring.jpa.properties.*} (for example
     * {@code hibernate.type.preferred_uuid_jdbc_type}); it wins over what this class sets.
     */
    public EntityModel withProperty(String name, Object value) {
        requireScanned("withProperty");
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new EntityModel(packages, classNames, classLoader, physicalNamingStrategy, implicitNamingStrategy,
                more, null);
    }

    /** For messages and the script's header: the packages, the classes or the persistence unit. */
    public String describe() {
        if (entityManagerFactory != null) {
            return "the entities of the application's EntityManagerFactory";
        }
        return packages.isEmpty() ? "entity classes " + String.join(", ", classNames)
                : "entity packages " + String.join(", ", packages);
    }

    /**
     * The {@code CREATE} script Hibernate's schema export writes for this model: plain PostgreSQL DDL, one statement
     * per line, each ending in {@code ;}, preceded by a comment naming the model.
     *
     * @param server the target server's version, for the dialect (ignored for {@link #of(EntityManagerFactory)},
     *               whose dialect is the application's)
     * @throws ZanithConfigException when the packages hold no entity, or Hibernate rejects the mapping (its message)
     */
    public String createScript(ServerVersion server) {
        try {
            if (entityManagerFactory != null) {
                SessionFactoryImplementor factory;
                try {
                    factory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
                } catch (PersistenceException e) {
                    throw new ZanithConfigException("The EntityManagerFactory is not Hibernate's (" + e.getMessage()
                            + "): zanith-jpa exports Hibernate's schema. Use EntityModel.packages with the entity "
                            + "packages instead.");
                }
                Metadata metadata = MetadataCapture.of(factory);
                if (metadata == null) {
                    throw new ZanithConfigException("The EntityManagerFactory was built before zanith-jpa was on the "
                            + "classpath, so its mapping was not recorded. Add zanith-jpa as a dependency of the tests "
                            + "(scope test) and build the EntityManagerFactory again, or use EntityModel.packages.");
                }
                return header() + export(metadata, factory.getServiceRegistry());
            }
            return header() + exportScanned(server);
        } catch (HibernateException | IllegalArgumentException | IllegalStateException e) {
            throw new ZanithConfigException("Hibernate could not map " + describe() + ": " + e.getMessage()
                    + ". Fix the mapping (the application would fail the same way at startup).");
        }
    }

    private String exportScanned(ServerVersion server) {
        ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        List<String> entityClasses = classNames;
        List<String> entityPackages = List.of();
        if (!packages.isEmpty()) {
            PersistenceManagedTypes found = new PersistenceManagedTypesScanner(new DefaultResourceLoader(loader))
                    .scan(packages.toArray(String[]::new));
            entityClasses = found.getManagedClassNames();
            entityPackages = found.getManagedPackages();
            if (entityClasses.isEmpty()) {
                throw new ZanithConfigException("No @Entity, @Embeddable, @MappedSuperclass or @Converter class in "
                        + String.join(", ", packages) + " (nor below). Name the packages that hold the entity "
                        + "classes, and compile them first.");
            }
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL");
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, String.valueOf(server.major()));
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, String.valueOf(server.minor()));
        // the dialect comes from the settings above: Hibernate must not look for a database to ask
        settings.put(AvailableSettings.ALLOW_METADATA_ON_BOOT, "false");
        settings.put(AvailableSettings.PHYSICAL_NAMING_STRATEGY, physicalNamingStrategy);
        settings.put(AvailableSettings.IMPLICIT_NAMING_STRATEGY, implicitNamingStrategy);
        settings.putAll(properties);
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap).applySettings(settings).build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            entityClasses.forEach(sources::addAnnotatedClassName);
            entityPackages.forEach(sources::addPackage);
            return export(sources.buildMetadata(), registry);
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /**
     * Hibernate's own schema export of {@code metadata}, as the JPA script settings ask for it
     * ({@code jakarta.persistence.schema-generation.scripts.*}): the create action only, into a string.
     */
    private static String export(Metadata metadata, ServiceRegistry registry) {
        StringWriter script = new StringWriter();
        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_ACTION, Action.CREATE_ONLY);
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_SCRIPTS_CREATE_TARGET, script);
        settings.put(AvailableSettings.HBM2DDL_DELIMITER, ";");
        settings.put(AvailableSettings.FORMAT_SQL, false);
        settings.put(AvailableSettings.HBM2DDL_HALT_ON_ERROR, true);
        // an entity's @Table(schema = ...) brings its CREATE SCHEMA, so the script runs on an empty shadow
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_CREATE_SCHEMAS, true);
        SchemaManagementToolCoordinator.process(metadata, registry, settings, DelayedDropRegistryNotAvailableImpl.INSTANCE);
        return script.toString();
    }

    private String header() {
        return "-- The schema Hibernate creates for " + describe() + " (written by zanith-jpa; regenerated on "
                + "every run, do not edit)\n";
    }

    private void requireScanned(String method) {
        if (entityManagerFactory != null) {
            throw new IllegalStateException(method + " does not apply to an EntityManagerFactory's model: its "
                    + "mapping is the application's, as it was built");
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
