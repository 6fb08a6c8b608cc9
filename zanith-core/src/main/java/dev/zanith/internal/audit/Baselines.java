package dev.zanith.internal.audit;

import dev.zanith.api.output.AppliedMigration;
import dev.zanith.internal.migration.NaturalOrder;
import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.Optional;

/**
 * The one rule for what a baseline covers: a migration file whose id sorts at or before the latest baseline's id
 * ({@link NaturalOrder}, the order files are applied in) counts as applied, without a ledger row of its own and
 * without a checksum comparison (the baseline recorded the schema, not the files). Plan, apply, status, health and
 * the endpoint all ask here.
 */
public final class Baselines {

    private final @Nullable String latest;

    private Baselines(@Nullable String latest) {
        this.latest = latest;
    }

    /** The baselines among ledger ids; the one sorting last is the one that counts. */
    public static Baselines of(Collection<String> baselineIds) {
        return new Baselines(baselineIds.stream().max(NaturalOrder.INSTANCE).orElse(null));
    }

    /** The baselines among ledger rows. */
    public static Baselines fromLedger(Collection<AppliedMigration> ledger) {
        return of(ledger.stream().filter(AppliedMigration::baseline).map(AppliedMigration::id).toList());
    }

    /** The id of the baseline that counts, if any. */
    public Optional<String> latest() {
        return Optional.ofNullable(latest);
    }

    /** Whether a migration file with this id counts as applied because of the baseline. */
    public boolean covers(String migrationId) {
        return latest != null && NaturalOrder.INSTANCE.compare(migrationId, latest) <= 0;
    }
}
