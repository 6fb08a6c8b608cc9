package dev.zanith.api;

import dev.zanith.api.exception.ZanithConfigException;
import dev.zanith.api.schema.QualifiedNames;

import java.util.List;

/**
 * A user's statement that something was renamed, not dropped and re-added: {@code users.old=users.new}
 * (a column), {@code old_table=new_table} or {@code schema.old=schema.new} (a table). Which one a
 * two-part hint means is decided against the live schema.
 */
public record RenameHint(List<String> from, List<String> to, String text) {

    public static RenameHint parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new ZanithConfigException("--rename '" + text + "' must look like table.old_column=table.new_column "
                    + "or old_table=new_table");
        }
        try {
            List<String> from = QualifiedNames.split(text.substring(0, eq).trim());
            List<String> to = QualifiedNames.split(text.substring(eq + 1).trim());
            if (from.size() != to.size() || from.size() > 3) {
                throw new ZanithConfigException("--rename '" + text + "': both sides need the same form "
                        + "(table.column=table.column, or table=table)");
            }
            return new RenameHint(from, to, text);
        } catch (IllegalArgumentException e) {
            throw new ZanithConfigException("--rename '" + text + "': " + e.getMessage());
        }
    }
}
