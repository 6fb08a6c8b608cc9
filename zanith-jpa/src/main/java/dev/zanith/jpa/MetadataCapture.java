package dev.zanith.jpa;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Keeps the boot-time {@link Metadata} of every Hibernate {@code SessionFactory} started while zanith-jpa is on the
 * classpath, so that {@link EntityModel#of(jakarta.persistence.EntityManagerFactory)} can export exactly the mapping
 * the application runs with (its naming strategies, {@code orm.xml}, converters and dialect): Hibernate exposes the
 * boot model to integrators only. Registered through {@code META-INF/services/org.hibernate.integrator.spi.Integrator};
 * not meant to be called directly.
 */
public final class MetadataCapture implements Integrator {

    /** Weak keys: a closed and forgotten session factory takes its metadata with it. */
    private static final Map<SessionFactoryImplementor, Metadata> METADATA =
            Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
                          SessionFactoryImplementor sessionFactory) {
        METADATA.put(sessionFactory, metadata);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry registry) {
        METADATA.remove(sessionFactory);
    }

    /** The metadata {@code sessionFactory} was built from, or null when it started before this class was loaded. */
    static @Nullable Metadata of(SessionFactoryImplementor sessionFactory) {
        return METADATA.get(sessionFactory);
    }
}
