package dev.zanith.api.risk;

import dev.zanith.testsupport.RealPostgres;
import dev.zanith.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Type changes: the classification, and the rewrite fact checked against the real server by watching the
 * table's {@code relfilenode} (a rewrite gives the table a new file).
 */
@RealPostgres
class TypeChangeTest {

    record Change(String from, String to, String using, TypeChange.Kind kind) {
    }

    static final List<Change> CHANGES = List.of(
            new Change("varchar(10)", "varchar(20)", null, TypeChange.Kind.BINARY_COMPATIBLE),
            new Change("character varying(20)", "varchar(10)", null, TypeChange.Kind.NARROWING),
            new Change("varchar(10)", "text", null, TypeChange.Kind.BINARY_COMPATIBLE),
            new Change("varchar(10)", "varchar", null, TypeChange.Kind.BINARY_COMPATIBLE),
            new Change("text", "varchar(10)", null, TypeChange.Kind.NARROWING),
            new Change("text", "character varying", null, TypeChange.Kind.BINARY_COMPATIBLE),
            new Change("char(5)", "char(10)", null, TypeChange.Kind.WIDENING),
            new Change("char(5)", "varchar(10)", null, TypeChange.Kind.WIDENING),
            new Change("integer", "bigint", null, TypeChange.Kind.WIDENING),
            new Change("int2", "int4", null, TypeChange.Kind.WIDENING),
            new Change("bigint", "integer", null, TypeChange.Kind.NARROWING),
            new Change("integer", "numeric", null, TypeChange.Kind.WIDENING),
            new Change("numeric(10,2)", "integer", null, TypeChange.Kind.LOSSY),
            new Change("numeric(10,2)", "numeric(12,2)", null, TypeChange.Kind.BINARY_COMPATIBLE),
            new Change("numeric(10,2)", "numeric", null, TypeChange.Kind.BINARY_COMPATIBLE),
            new Change("numeric(10,2)", "numeric(12,3)", null, TypeChange.Kind.WIDENING),
            new Change("numeric(10,2)", "numeric(8,2)", null, TypeChange.Kind.NARROWING),
            new Change("numeric(10,4)", "numeric(10,2)", null, TypeChange.Kind.LOSSY),
            new Change("numeric", "numeric(10,2)", null, TypeChange.Kind.LOSSY),
            new Change("real", "double precision", null, TypeChange.Kind.WIDENING),
            new Change("float8", "float4", null, TypeChange.Kind.LOSSY),
            new Change("timestamp(3)", "timestamp(6)", null, TypeChange.Kind.BINARY_COMPATIBLE),
            new Change("timestamp(6) with time zone", "timestamptz(3)", null, TypeChange.Kind.LOSSY),
            new Change("timestamptz", "date", null, TypeChange.Kind.LOSSY),
            new Change("interval", "interval(3)", null, TypeChange.Kind.LOSSY),
            new Change("varbit(5)", "bit varying(10)", null, TypeChange.Kind.BINARY_COMPATIBLE),
            new Change("cidr", "inet", null, TypeChange.Kind.BINARY_COMPATIBLE),
            new Change("json", "jsonb", null, TypeChange.Kind.CHANGE),
            new Change("integer", "text", null, TypeChange.Kind.CHANGE),
            new Change("text", "integer", "x::integer", TypeChange.Kind.CHANGE),
            new Change("varchar(10)", "varchar(20)", "x::varchar(20)", TypeChange.Kind.BINARY_COMPATIBLE),
            new Change("integer[]", "bigint[]", null, TypeChange.Kind.WIDENING),
            new Change("varchar(10)[]", "varchar(20)[]", null, TypeChange.Kind.BINARY_COMPATIBLE),
            new Change("text", "integer", "length(x)", TypeChange.Kind.CHANGE),
            new Change("integer", "integer[]", "ARRAY[x]", TypeChange.Kind.CHANGE));

    @Test
    void classifiesTheValuesFate() {
        for (Change c : CHANGES) {
            assertThat(TypeChange.of(c.from, c.to, c.using, true, false).kind()).as(c.from + " → " + c.to)
                    .isEqualTo(c.kind);
        }
        assertThat(ColumnType.parse("character varying(100)")).isEqualTo(ColumnType.parse("VARCHAR (100)"));
        assertThat(ColumnType.parse("timestamp(3) with time zone").base()).isEqualTo("timestamp with time zone");
        assertThat(ColumnType.parse("float(10)").base()).isEqualTo("real");
        assertThat(ColumnType.parse("text[]").array()).isTrue();
    }

    @Test
    void rewriteFactsMatchWhatTheServerDoes(TestDatabase db) throws Exception {
        List<String> wrong = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String zone : List.of("UTC", "America/New_York")) {
                s.execute("SET TimeZone = '" + zone + "'");
                List<Change> changes = new ArrayList<>(CHANGES);
                changes.add(new Change("timestamp", "timestamptz", null, TypeChange.Kind.CHANGE));
                changes.add(new Change("timestamptz", "timestamp", null, TypeChange.Kind.CHANGE));
                for (Change change : changes) {
                    s.execute("DROP TABLE IF EXISTS rw; CREATE TABLE rw (x " + change.from + "); INSERT INTO rw VALUES (NULL)");
                    long before = relfilenode(s);
                    s.execute("ALTER TABLE rw ALTER COLUMN x TYPE " + change.to
                            + (change.using != null ? " USING " + change.using : ""));
                    boolean observed = relfilenode(s) != before;
                    boolean predicted = TypeChange.of(change.from, change.to, change.using, true, zone.equals("UTC"))
                            .rewrite();
                    if (observed != predicted) {
                        wrong.add(change.from + " → " + change.to + (change.using != null ? " using " + change.using : "")
                                + " in " + zone + ": predicted rewrite=" + predicted + ", observed " + observed);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static long relfilenode(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT relfilenode FROM pg_class WHERE oid = 'rw'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
