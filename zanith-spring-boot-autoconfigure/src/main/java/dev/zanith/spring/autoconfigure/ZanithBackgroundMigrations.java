package dev.zanith.spring.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.core.task.TaskExecutor;

import java.util.function.BooleanSupplier;

/**
 * Runs migrations that continue after startup ({@code zanith.background-long-running}) on a Spring
 * {@link TaskExecutor} (the application's {@code applicationTaskExecutor} when there is one) and keeps readiness
 * at {@link ReadinessState#REFUSING_TRAFFIC} until they are done, through {@link AvailabilityChangeEvent}s:
 * Spring Boot declares the application ready once it has started, and while the background work still runs this
 * answers that declaration with {@code REFUSING_TRAFFIC}; when the work is done it declares
 * {@code ACCEPTING_TRAFFIC} itself. A background migration that fails leaves readiness refusing traffic (the
 * schema is not the one this version of the application expects) and health {@code DOWN}. Liveness is never
 * touched.
 */
public class ZanithBackgroundMigrations implements ApplicationListener<AvailabilityChangeEvent<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(ZanithBackgroundMigrations.class);

    private final TaskExecutor executor;
    private final ZanithRuntime runtime;
    private final ApplicationEventPublisher publisher;
    private boolean running;
    private boolean failed;
    private boolean declaredReady;

    /**
     * @param availability the application's availability bean, if any. It is asked for here so that it exists, and
     *                     listens, before this listener does: listeners of equal order hear an event in the order they
     *                     were registered, so this one answers Boot's {@code ACCEPTING_TRAFFIC} only after the
     *                     availability bean has recorded it, and its answer is what stays recorded.
     */
    public ZanithBackgroundMigrations(TaskExecutor executor, ZanithRuntime runtime, ApplicationEventPublisher publisher,
                                      ApplicationAvailability availability) {
        this.executor = executor;
        this.runtime = runtime;
        this.publisher = publisher;
    }

    /**
     * Marks the application not ready and runs {@code work} on the executor; ready again when it says it succeeded.
     */
    public void start(BooleanSupplier work) {
        synchronized (this) {
            running = true;
            runtime.background();
        }
        AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
        executor.execute(() -> {
            boolean succeeded = false;
            try {
                succeeded = work.getAsBoolean();
            } catch (RuntimeException e) {
                runtime.failed(StarterMessages.forStarter(e.getMessage()));
                LOG.error("Zanith: background migration failed: {}", runtime.problem());
            } finally {
                finished(succeeded);
            }
        });
    }

    /** Whether background work is still running. */
    public synchronized boolean running() {
        return running;
    }

    private void finished(boolean succeeded) {
        boolean declare;
        synchronized (this) {
            running = false;
            failed = !succeeded;
            declare = succeeded && declaredReady;
        }
        if (declare) {
            AvailabilityChangeEvent.publish(publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    @Override
    public void onApplicationEvent(AvailabilityChangeEvent<?> event) {
        if (event.getSource() == this || event.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
            return;
        }
        boolean refuse;
        synchronized (this) {
            declaredReady = true;
            refuse = running || failed;
        }
        if (refuse) {
            AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
        }
    }
}
