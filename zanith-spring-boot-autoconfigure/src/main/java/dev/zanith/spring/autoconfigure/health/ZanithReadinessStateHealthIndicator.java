package dev.zanith.spring.autoconfigure.health;

import dev.zanith.spring.autoconfigure.ZanithRuntime;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;

/**
 * Readiness that also waits for migrations continuing in the background ({@code zanith.background-long-running}):
 * the application is live at once, ready when they are done.
 */
public class ZanithReadinessStateHealthIndicator extends ReadinessStateHealthIndicator {

    private final ZanithRuntime runtime;

    public ZanithReadinessStateHealthIndicator(ApplicationAvailability availability, ZanithRuntime runtime) {
        super(availability);
        this.runtime = runtime;
    }

    @Override
    protected AvailabilityState getState(ApplicationAvailability availability) {
        return runtime.backgroundRunning() ? ReadinessState.REFUSING_TRAFFIC : super.getState(availability);
    }
}
