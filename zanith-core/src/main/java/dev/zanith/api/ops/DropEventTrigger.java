package dev.zanith.api.ops;

import dev.zanith.api.schema.EventTrigger;
import dev.zanith.api.schema.TableName;
import dev.zanith.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

/** DROP EVENT TRIGGER. */
public record DropEventTrigger(String name, @Nullable EventTrigger definition) implements Operation {

    public DropEventTrigger {
        Require.present(name, "dropEventTrigger", "name");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.DROP_EVENT_TRIGGER;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        return Statements.of("DROP EVENT TRIGGER IF EXISTS " + Identifiers.quote(name));
    }

    @Override
    public Reversal reverse() {
        return definition == null ? Reversal.irreversible("the event trigger definition is not recorded in this file")
                : Reversal.of(new CreateEventTrigger(definition));
    }

    @Override
    public String summary() {
        return "drop event trigger " + name;
    }
}
