package dev.zanith.internal.diff;

import dev.zanith.api.DropStrategy;
import dev.zanith.api.ops.OperationKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One row of the acceptance table: old DDL, new DDL, options, and what the plan must (not) contain. */
final class AcceptanceCase {

    final String name;
    final String oldDdl;
    final String newDdl;
    DropStrategy dropStrategy = DropStrategy.SOFT;
    final List<String> renames = new ArrayList<>();
    final List<OperationKind> expected = new ArrayList<>();
    final List<OperationKind> forbidden = new ArrayList<>();
    int minimumServerVersion = 14;
    boolean expectNonTransactional;
    boolean expectRenameSuspect;
    List<String> schemas = List.of("public");
    /** Roles the DDL names as {@code ${name}}: created for the case with unique names, dropped after it. */
    List<String> roles = List.of();
    /** Rows put into the old schema before the diff (the migration must keep them). */
    String data = "";
    /** SQL that must succeed on the migrated database, e.g. an insert that draws the next identity value. */
    String after = "";
    /** Queries on the migrated database and the number each must answer. */
    final java.util.Map<String, Long> checks = new java.util.LinkedHashMap<>();

    private AcceptanceCase(String name, String oldDdl, String newDdl) {
        this.name = name;
        this.oldDdl = oldDdl;
        this.newDdl = newDdl;
    }

    static AcceptanceCase of(String name, String oldDdl, String newDdl) {
        return new AcceptanceCase(name, oldDdl, newDdl);
    }

    AcceptanceCase expect(OperationKind... kinds) {
        expected.addAll(Arrays.asList(kinds));
        return this;
    }

    AcceptanceCase forbid(OperationKind... kinds) {
        forbidden.addAll(Arrays.asList(kinds));
        return this;
    }

    AcceptanceCase drop(DropStrategy strategy) {
        this.dropStrategy = strategy;
        return this;
    }

    AcceptanceCase rename(String hint) {
        renames.add(hint);
        return this;
    }

    AcceptanceCase since(int version) {
        this.minimumServerVersion = version;
        return this;
    }

    AcceptanceCase online() {
        this.expectNonTransactional = true;
        return this;
    }

    AcceptanceCase suspectsRename() {
        this.expectRenameSuspect = true;
        return this;
    }

    AcceptanceCase schemas(String... names) {
        this.schemas = List.of(names);
        return this;
    }

    AcceptanceCase roles(String... names) {
        this.roles = List.of(names);
        return this;
    }

    AcceptanceCase data(String sql) {
        this.data = sql;
        return this;
    }

    AcceptanceCase after(String sql) {
        this.after = sql;
        return this;
    }

    AcceptanceCase check(String query, long expected) {
        checks.put(query, expected);
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
