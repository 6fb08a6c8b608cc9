package dev.zanith.api.ops;

import dev.zanith.api.schema.EventTrigger;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.Trigger;
import dev.zanith.internal.sql.Identifiers;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CREATE EVENT TRIGGER (superuser only, database-wide), then its enabled state unless origin. It fires on the DDL
 * of every later step, so the differ creates event triggers last and drops them first.
 */
public record CreateEventTrigger(EventTrigger trigger) implements Operation {

    public CreateEventTrigger {
        Require.present(trigger, "createEventTrigger", "trigger");
        RoutineDdl.signature(trigger.function(), "createEventTrigger");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_EVENT_TRIGGER;
    }

    @Override
    public @Nullable TableName target() {
        return null;
    }

    @Override
    public Statements render(RenderContext context) {
        String name = Identifiers.quote(trigger.name());
        List<String> sql = new ArrayList<>();
        sql.add("CREATE EVENT TRIGGER " + name + " ON " + Identifiers.quote(trigger.event())
                + (trigger.tags().isEmpty() ? "" : " WHEN TAG IN (" + trigger.tags().stream().map(Identifiers::literal)
                .collect(Collectors.joining(", ")) + ")") + " EXECUTE FUNCTION " + trigger.function());
        if (!trigger.enabled().equals(Trigger.ORIGIN)) {
            sql.add("ALTER EVENT TRIGGER " + name + " " + switch (trigger.enabled()) {
                case Trigger.DISABLED -> "DISABLE";
                case Trigger.REPLICA -> "ENABLE REPLICA";
                default -> "ENABLE ALWAYS";
            });
        }
        return Statements.of(sql);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropEventTrigger(trigger.name(), trigger));
    }

    @Override
    public String summary() {
        return "create event trigger " + trigger.name() + " on " + trigger.event() + " executing " + trigger.function();
    }
}
