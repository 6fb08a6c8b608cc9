package dev.zanith.internal.apply;

import dev.zanith.api.migration.Migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The pre-apply check: called once per apply, inside the advisory lock, after the history was re-read and
 * before anything runs. The planner plugs in here (re-plan, compare the schema fingerprint, enforce the gates);
 * a refusal applies nothing.
 */
@FunctionalInterface
public interface ApplyGuard {

    /** Lets everything through, without risk facts. */
    ApplyGuard ALLOW_ALL = (connection, pending) -> GuardDecision.go();

    /**
     * Decides whether {@code pending} may be applied.
     *
     * @param connection the apply's work connection (auto-commit, audit tables present); leave it as found
     * @param pending    the migrations about to run, in order (a partially applied one resumes at its first step
     *                   that is not done)
     */
    GuardDecision check(Connection connection, List<Migration> pending) throws SQLException;
}
