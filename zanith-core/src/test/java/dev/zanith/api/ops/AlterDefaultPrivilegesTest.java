package dev.zanith.api.ops;

import dev.zanith.api.migration.Migration;
import dev.zanith.api.migration.MigrationResource;
import dev.zanith.api.schema.DefaultPrivilege;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.internal.migration.MigrationLoader;
import dev.zanith.internal.migration.MigrationWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ALTER DEFAULT PRIVILEGES of PostgreSQL's built-in defaults: rendering, reversal, the file, and the effect. */
class AlterDefaultPrivilegesTest {

    private static final RenderContext CONTEXT = RenderContext.preview();
    private static final AlterDefaultPrivileges NO_PUBLIC_EXECUTE = new AlterDefaultPrivileges(null, "functions",
            "PUBLIC", List.of("EXECUTE"), false, true);
    private static final AlterDefaultPrivileges NO_OWN_DELETE = new AlterDefaultPrivileges(null, "tables",
            DefaultPrivilege.SELF, List.of("truncate", "DELETE"), false, true);

    @Test
    void revokesRenderAndReverseWithTheRoleItselfAsCurrentUser() {
        assertThat(NO_PUBLIC_EXECUTE.render(CONTEXT).sql())
                .containsExactly("ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC RESTRICT");
        assertThat(NO_PUBLIC_EXECUTE.reverse().operations().get(0).render(CONTEXT).sql())
                .containsExactly("ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC");
        assertThat(NO_OWN_DELETE.render(CONTEXT).sql())
                .containsExactly("ALTER DEFAULT PRIVILEGES REVOKE DELETE, TRUNCATE ON TABLES FROM CURRENT_USER RESTRICT");
        assertThat(NO_OWN_DELETE.reverse().operations().get(0).render(CONTEXT).sql())
                .containsExactly("ALTER DEFAULT PRIVILEGES GRANT DELETE, TRUNCATE ON TABLES TO CURRENT_USER");
        assertThat(NO_OWN_DELETE.summary()).contains("the migration role itself");
        assertThat(new AlterDefaultPrivileges(null, "types", "Odd \"Role\"", List.of("USAGE"), false, true)
                .render(CONTEXT).sql()).containsExactly("ALTER DEFAULT PRIVILEGES REVOKE USAGE ON TYPES FROM "
                + "\"Odd \"\"Role\"\"\" RESTRICT");
    }

    @Test
    void survivesTheMigrationFile() {
        String id = "20260101000000_defaults";
        List<Operation> ops = List.of(NO_PUBLIC_EXECUTE, NO_OWN_DELETE);
        String yaml = MigrationWriter.render(id, null, ops, List.of(), List.of());
        Migration migration = MigrationLoader.parse(new MigrationResource(id + ".yaml", id + ".yaml",
                yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(migration.operations()).isEqualTo(ops);
    }

    @Test
    void theEffectRevokesBuiltInsForEverySchemaAndGivesThemBackAsNothing() {
        SchemaGraph revoked = SchemaEffect.apply(SchemaEffect.apply(SchemaGraph.empty(), NO_PUBLIC_EXECUTE),
                NO_OWN_DELETE);
        assertThat(revoked.defaultPrivileges()).containsExactly(
                DefaultPrivilege.revoked("functions", "PUBLIC", "EXECUTE"),
                DefaultPrivilege.revoked("tables", DefaultPrivilege.SELF, "DELETE"),
                DefaultPrivilege.revoked("tables", DefaultPrivilege.SELF, "TRUNCATE"));
        SchemaGraph back = revoked;
        for (Operation undo : List.of(NO_PUBLIC_EXECUTE.reverse().operations().get(0),
                NO_OWN_DELETE.reverse().operations().get(0))) {
            back = SchemaEffect.apply(back, undo);
        }
        assertThat(back.defaultPrivileges()).isEmpty();
        // limited to a schema, a revoke of a built-in default changes nothing (the server writes no row)
        assertThat(SchemaEffect.apply(SchemaGraph.empty(), new AlterDefaultPrivileges("public", "functions", "PUBLIC",
                List.of("EXECUTE"), false, true)).defaultPrivileges()).isEmpty();
        // a grant beyond the built-in default (to a role, or in one schema) is still an entry
        assertThat(SchemaEffect.apply(revoked, new AlterDefaultPrivileges("public", "functions", "PUBLIC",
                List.of("EXECUTE"), false, false)).defaultPrivileges())
                .contains(new DefaultPrivilege("public", "functions", "PUBLIC", "EXECUTE", false));
    }
}
