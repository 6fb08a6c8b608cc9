package dev.zanith.internal.migration;

import dev.zanith.api.exception.ZanithException;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.Reversal;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Writes a generated migration as a reviewed-and-committed YAML file. */
public final class MigrationWriter {

    private MigrationWriter() {
    }

    /**
     * The YAML text of a migration: a header for reviewers (source, rename suspects), the operations, and the
     * computed reversal (never executed; notes on what it cannot bring back as comments).
     *
     * @param possibleRenames one note per drop + add that looks like a rename: what it is, then (after a line break)
     *                        how to make it a rename; printed as comments
     */
    public static String render(String id, String description, List<Operation> operations, List<String> header,
                                List<String> possibleRenames) {
        StringBuilder out = new StringBuilder();
        for (String line : header) {
            out.append("# ").append(line).append('\n');
        }
        if (!possibleRenames.isEmpty()) {
            out.append("#\n# Possible renames (Zanith never guesses; this file drops and re-adds):\n");
            for (String note : possibleRenames) {
                out.append("#   ").append(note.replace("\n", "\n#     ")).append('\n');
            }
        }
        List<Operation> reversal = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = operations.size() - 1; i >= 0; i--) {
            Reversal r = operations.get(i).reverse();
            reversal.addAll(r.operations());
            if (r.note() != null) {
                notes.add("step " + (i + 1) + " (" + operations.get(i).kind() + "): " + r.note());
            }
        }
        JsonNode reversalNode = MigrationYaml.MAPPER.readTree(MigrationYaml.MAPPER
                .writerFor(new TypeReference<List<Operation>>() { }).writeValueAsString(reversal));
        String yaml = MigrationYaml.MAPPER.writeValueAsString(
                new MigrationYaml.Document(id, description, operations, null));
        out.append(yaml);
        out.append("\n# Reversal: computed for review, never executed by apply.\n");
        for (String note : notes) {
            out.append("#   ").append(note).append('\n');
        }
        out.append(MigrationYaml.MAPPER.writeValueAsString(new ReversalOnly(reversalNode)));
        return out.toString();
    }

    /** Writes {@code <directory>/<id>.yaml}, refusing to overwrite an existing file. */
    public static Path write(Path directory, String id, String text) {
        Path file = directory.resolve(id + ".yaml");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            return file;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new ZanithException(file + " already exists. Wait a second or pass another --name.", e);
        } catch (IOException e) {
            throw new ZanithException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private record ReversalOnly(JsonNode reversal) {
    }
}
