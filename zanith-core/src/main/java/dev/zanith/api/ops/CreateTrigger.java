package dev.zanith.api.ops;

import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.Trigger;

/** CREATE TRIGGER from the server's definition ({@code pg_get_triggerdef}), then its enabled state unless origin. */
public record CreateTrigger(Trigger trigger) implements Operation {

    public CreateTrigger {
        Require.present(trigger, "createTrigger", "trigger");
    }

    @Override
    public OperationKind kind() {
        return OperationKind.CREATE_TRIGGER;
    }

    @Override
    public TableName target() {
        return trigger.qualifiedTable();
    }

    @Override
    public Statements render(RenderContext context) {
        return RoutineDdl.createTrigger(trigger, false);
    }

    @Override
    public Reversal reverse() {
        return Reversal.of(new DropTrigger(trigger.qualifiedTable(), trigger.name(), trigger));
    }

    @Override
    public String summary() {
        return "create trigger " + trigger.name() + " on " + trigger.qualifiedTable() + " executing " + trigger.function();
    }
}
