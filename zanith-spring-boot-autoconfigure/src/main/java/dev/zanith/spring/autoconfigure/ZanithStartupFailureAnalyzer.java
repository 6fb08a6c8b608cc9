package dev.zanith.spring.autoconfigure;

import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.exception.ZanithException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a Zanith failure at startup into a readable description and the thing to change — for a refused plan,
 * the plan itself and the property that gates it; never a stack-trace wall.
 */
class ZanithStartupFailureAnalyzer extends AbstractFailureAnalyzer<ZanithException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ZanithException cause) {
        if (cause instanceof ZanithStartupException startup) {
            return new FailureAnalysis(startup.description(), startup.action(), cause);
        }
        String action = cause instanceof ZanithConfigException
                ? "Fix the zanith.* property named above (see the application's configuration)."
                : "Fix the problem named above. Zanith applies nothing it could not read or reach.";
        return new FailureAnalysis("Zanith could not start: " + StarterMessages.forStarter(cause.getMessage()), action, cause);
    }
}
