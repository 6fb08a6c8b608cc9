package dev.zanith.internal.diff;

import dev.zanith.api.ops.AlterDefaultPrivileges;
import dev.zanith.api.ops.DropCheckConstraint;
import dev.zanith.api.ops.DropColumn;
import dev.zanith.api.ops.DropCompositeType;
import dev.zanith.api.ops.DropDomain;
import dev.zanith.api.ops.DropDomainConstraint;
import dev.zanith.api.ops.DropEventTrigger;
import dev.zanith.api.ops.DropFunction;
import dev.zanith.api.ops.DropPolicy;
import dev.zanith.api.ops.DropRangeType;
import dev.zanith.api.ops.DropStatistics;
import dev.zanith.api.ops.DropTrigger;
import dev.zanith.api.ops.DropForeignKey;
import dev.zanith.api.ops.DropIndex;
import dev.zanith.api.ops.DropPrimaryKey;
import dev.zanith.api.ops.DropSequence;
import dev.zanith.api.ops.DropUniqueConstraint;
import dev.zanith.api.ops.GrantPrivileges;
import dev.zanith.api.ops.Operation;
import dev.zanith.api.ops.RevokePrivileges;
import dev.zanith.api.ops.SetComment;
import dev.zanith.api.ops.SetPersistence;
import dev.zanith.api.ops.SetStorageParameters;
import dev.zanith.api.schema.DefaultPrivilege;
import dev.zanith.api.schema.Grant;
import dev.zanith.api.schema.GraphAttachments;
import dev.zanith.api.schema.ObjectComment;
import dev.zanith.api.schema.Routine;
import dev.zanith.api.schema.SchemaGraph;
import dev.zanith.api.schema.Table;
import dev.zanith.api.schema.TableName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The differ's part for privileges, object comments and table storage: grants and revokes per object and grantee
 * (tables, columns, sequences, schemas and routines; a routine created or dropped and created again starts with
 * EXECUTE to PUBLIC and the role's default privileges, as on the server), comments on the objects without a comment
 * field of their own ({@link ObjectComment}), storage parameters and UNLOGGED/LOGGED. Grants and comments
 * come after every object they are on exists (the differ runs them with row level security, after tables, columns,
 * indexes and constraints, after routines and triggers are created; a comment on an event trigger after the event
 * trigger, which is created last); nothing is revoked from or commented on an
 * object the diff drops, and an object it drops and creates again gets its declared comment again.
 */
final class AttachmentDiff {

    private AttachmentDiff() {
    }

    /** The storage changes that turn {@code live} into {@code wanted} (an existing table). */
    static List<Operation> storage(Table live, Table wanted) {
        List<Operation> ops = new ArrayList<>();
        TableName name = wanted.qualifiedName();
        if (live.unlogged() != wanted.unlogged()) {
            ops.add(new SetPersistence(name, wanted.unlogged()));
        }
        if (!live.storageParameters().equals(wanted.storageParameters())) {
            List<String> set = wanted.storageParameters().stream()
                    .filter(p -> !live.storageParameters().contains(p)).toList();
            List<String> wantedNames = wanted.storageParameters().stream().map(SetStorageParameters::nameOf).toList();
            List<String> reset = live.storageParameters().stream().map(SetStorageParameters::nameOf)
                    .filter(n -> !wantedNames.contains(n)).toList();
            List<String> touched = new ArrayList<>(set.stream().map(SetStorageParameters::nameOf).toList());
            touched.addAll(reset);
            List<String> previous = live.storageParameters().stream()
                    .filter(p -> touched.contains(SetStorageParameters.nameOf(p))).toList();
            ops.add(new SetStorageParameters(name, set, reset, previous));
        }
        return ops;
    }

    /**
     * The grants, revokes and object comments that turn {@code live} into {@code wanted}, given the operations the
     * differ has planned so far ({@code planned}: an object it drops and re-creates loses its comment).
     */
    static List<Operation> grantsAndComments(SchemaGraph live, SchemaGraph wanted, List<Operation> planned) {
        List<Operation> ops = new ArrayList<>();
        // what is on an object the declared schema no longer has goes with the object: nothing to revoke or uncomment
        SchemaGraph kept = GraphAttachments.prune(wanted.withGrants(live.grants()).withComments(live.comments())
                .withDefaultPrivileges(live.defaultPrivileges()));
        // what the migration role creates gets its default privileges (those of the live schema: the defaults change
        // after the objects are created), as if granted
        // a routine the plan drops and creates again loses its grants with the drop and starts over like a new one
        java.util.Set<String> recreatedRoutines = new java.util.HashSet<>();
        planned.stream().filter(op -> op instanceof DropFunction).map(op -> ((DropFunction) op).signature())
                .forEach(recreatedRoutines::add);
        List<Grant> start = new ArrayList<>(kept.grants().stream()
                .filter(g -> !(g.on().equals("function") && recreatedRoutines.contains(g.name()))).toList());
        for (Routine r : wanted.routines()) {
            if (recreatedRoutines.contains(r.signature())
                    || live.routines().stream().noneMatch(l -> l.signature().equals(r.signature()))) {
                start.addAll(GraphAttachments.implied(live, "function", r.schema(), r.signature()));
            }
        }
        for (Table t : wanted.tables()) {
            if (live.table(t.qualifiedName()).isEmpty()) {
                start.addAll(GraphAttachments.implied(live, "table", t.schema(), t.name()));
            }
        }
        wanted.sequences().stream().filter(q -> live.sequences().stream()
                        .noneMatch(l -> l.qualifiedName().equals(q.qualifiedName())))
                .forEach(q -> start.addAll(GraphAttachments.implied(live, "sequence", q.schema(), q.name())));
        wanted.schemas().stream().filter(n -> !live.schemas().contains(n))
                .forEach(n -> start.addAll(GraphAttachments.implied(live, "schema", n, null)));
        kept = kept.withGrants(start);
        defaults(kept.defaultPrivileges(), wanted.defaultPrivileges(), ops);
        grants(kept.grants(), wanted.grants(), ops);
        comments(recreated(kept.comments(), planned), wanted.comments(), ops);
        return ops;
    }

    /** Whether {@code op} comments on an event trigger, which the differ creates after every other step. */
    static boolean onEventTrigger(Operation op) {
        return op instanceof SetComment c && c.on().equals(ObjectComment.EVENT_TRIGGER);
    }

    /** Revoked built-in defaults are their own group: one that goes is granted back, one that comes is revoked. */
    private record DefaultsKey(String schema, String objects, String grantee, boolean revoked) {
        static DefaultsKey of(DefaultPrivilege d) {
            return new DefaultsKey(d.schema(), d.objects(), d.grantee(), d.revoked());
        }
    }

    private static void defaults(List<DefaultPrivilege> live, List<DefaultPrivilege> wanted, List<Operation> ops) {
        Map<DefaultsKey, List<DefaultPrivilege>> before = new LinkedHashMap<>();
        live.forEach(d -> before.computeIfAbsent(DefaultsKey.of(d), k -> new ArrayList<>()).add(d));
        Map<DefaultsKey, List<DefaultPrivilege>> after = new LinkedHashMap<>();
        wanted.forEach(d -> after.computeIfAbsent(DefaultsKey.of(d), k -> new ArrayList<>()).add(d));
        List<Operation> grants = new ArrayList<>();
        for (Map.Entry<DefaultsKey, List<DefaultPrivilege>> entry : before.entrySet()) {
            DefaultsKey k = entry.getKey();
            List<DefaultPrivilege> keep = after.getOrDefault(k, List.of());
            for (boolean option : List.of(false, true)) {
                // gone, or held with another grant option: revoked (and granted again below when still wanted)
                List<String> gone = entry.getValue().stream().filter(d -> d.grantable() == option)
                        .filter(d -> !keep.contains(d)).map(DefaultPrivilege::privilege).toList();
                if (!gone.isEmpty()) {
                    ops.add(new AlterDefaultPrivileges(k.schema(), k.objects(), k.grantee(), gone, option, !k.revoked()));
                }
            }
        }
        for (Map.Entry<DefaultsKey, List<DefaultPrivilege>> entry : after.entrySet()) {
            DefaultsKey k = entry.getKey();
            List<DefaultPrivilege> had = before.getOrDefault(k, List.of());
            for (boolean option : List.of(false, true)) {
                List<String> added = entry.getValue().stream().filter(d -> d.grantable() == option)
                        .filter(d -> !had.contains(d)).map(DefaultPrivilege::privilege).toList();
                if (!added.isEmpty()) {
                    grants.add(new AlterDefaultPrivileges(k.schema(), k.objects(), k.grantee(), added, option, k.revoked()));
                }
            }
        }
        ops.addAll(grants);
    }

    private record Key(String on, String schema, String name, String column, String grantee) {
        static Key of(Grant g) {
            return new Key(g.on(), g.schema(), g.name(), g.column(), g.grantee());
        }
    }

    private static void grants(List<Grant> live, List<Grant> wanted, List<Operation> ops) {
        Map<Key, List<Grant>> before = group(live);
        Map<Key, List<Grant>> after = group(wanted);
        List<Operation> revokes = new ArrayList<>();
        List<Operation> grants = new ArrayList<>();
        for (Map.Entry<Key, List<Grant>> entry : after.entrySet()) {
            Key k = entry.getKey();
            List<Grant> had = before.getOrDefault(k, List.of());
            List<String> plain = new ArrayList<>();
            List<String> withOption = new ArrayList<>();
            List<String> dropOption = new ArrayList<>();
            for (Grant g : entry.getValue()) {
                Optional<Grant> existing = had.stream().filter(h -> h.privilege().equals(g.privilege())).findFirst();
                if (existing.isEmpty()) {
                    (g.grantable() ? withOption : plain).add(g.privilege());
                } else if (g.grantable() && !existing.get().grantable()) {
                    withOption.add(g.privilege());
                } else if (!g.grantable() && existing.get().grantable()) {
                    dropOption.add(g.privilege());
                }
            }
            if (!dropOption.isEmpty()) {
                revokes.add(new RevokePrivileges(k.on, k.schema, k.name, k.column, k.grantee, dropOption, true, true));
            }
            if (!plain.isEmpty()) {
                grants.add(new GrantPrivileges(k.on, k.schema, k.name, k.column, k.grantee, plain, false));
            }
            if (!withOption.isEmpty()) {
                grants.add(new GrantPrivileges(k.on, k.schema, k.name, k.column, k.grantee, withOption, true));
            }
        }
        for (Map.Entry<Key, List<Grant>> entry : before.entrySet()) {
            Key k = entry.getKey();
            List<Grant> keep = after.getOrDefault(k, List.of());
            List<Grant> gone = entry.getValue().stream()
                    .filter(g -> keep.stream().noneMatch(w -> w.privilege().equals(g.privilege()))).toList();
            List<String> plain = gone.stream().filter(g -> !g.grantable()).map(Grant::privilege).toList();
            List<String> option = gone.stream().filter(Grant::grantable).map(Grant::privilege).toList();
            if (!plain.isEmpty()) {
                revokes.add(new RevokePrivileges(k.on, k.schema, k.name, k.column, k.grantee, plain, false, false));
            }
            if (!option.isEmpty()) {
                revokes.add(new RevokePrivileges(k.on, k.schema, k.name, k.column, k.grantee, option, true, false));
            }
        }
        ops.addAll(revokes);
        ops.addAll(grants);
    }

    private static Map<Key, List<Grant>> group(List<Grant> grants) {
        Map<Key, List<Grant>> byKey = new LinkedHashMap<>();
        for (Grant g : grants) {
            byKey.computeIfAbsent(Key.of(g), k -> new ArrayList<>()).add(g);
        }
        return byKey;
    }

    /** The live comments without those on objects the plan drops (and may create again, without a comment). */
    private static List<ObjectComment> recreated(List<ObjectComment> live, List<Operation> planned) {
        return live.stream().filter(c -> planned.stream().noneMatch(op -> drops(op, c))).toList();
    }

    private static boolean drops(Operation op, ObjectComment c) {
        return switch (c.on()) {
            case "index" -> op instanceof DropIndex d && d.table().schema().equals(c.schema()) && d.name().equals(c.name());
            case "sequence" -> op instanceof DropSequence d && d.sequence().schema().equals(c.schema())
                    && d.sequence().name().equals(c.name());
            case "constraint" -> Objects.equals(op.target(), new TableName(c.schema(), c.table()))
                    && (op instanceof DropCheckConstraint d && d.name().equals(c.name())
                    || op instanceof DropUniqueConstraint u && u.name().equals(c.name())
                    || op instanceof DropForeignKey f && f.name().equals(c.name())
                    || op instanceof DropPrimaryKey p && p.name().equals(c.name()));
            case "trigger" -> op instanceof DropTrigger d && d.table().equals(new TableName(c.schema(), c.table()))
                    && d.name().equals(c.name());
            case "policy" -> op instanceof DropPolicy d && d.table().equals(new TableName(c.schema(), c.table()))
                    && d.name().equals(c.name());
            case "domain" -> op instanceof DropDomain d && d.domain().equals(named(c));
            // a domain's constraint goes with it, or alone (dropped and added again when its check changes)
            case ObjectComment.DOMAIN_CONSTRAINT -> op instanceof DropDomain d
                    && d.domain().equals(new TableName(c.schema(), c.table()))
                    || op instanceof DropDomainConstraint k && k.domain().equals(new TableName(c.schema(), c.table()))
                    && k.name().equals(c.name());
            case ObjectComment.EVENT_TRIGGER -> op instanceof DropEventTrigger d && d.name().equals(c.name());
            case "compositeType" -> op instanceof DropCompositeType d && d.type().equals(named(c));
            case "rangeType" -> op instanceof DropRangeType d && d.type().equals(named(c));
            case "statistics" -> op instanceof DropStatistics d && d.statistics().equals(named(c));
            // a routine is dropped by its signature; the comment names it by schema, name and argument types
            case "function", "procedure" -> op instanceof DropFunction d && d.signature().endsWith("(" + c.arguments() + ")")
                    && (d.definition() == null ? d.signature().startsWith(named(c).sql() + "(") : c.isOn(d.definition()));
            default -> false;
        };
    }

    private static TableName named(ObjectComment c) {
        return new TableName(c.schema(), c.name());
    }

    private static void comments(List<ObjectComment> live, List<ObjectComment> wanted, List<Operation> ops) {
        for (ObjectComment w : wanted) {
            Optional<ObjectComment> had = live.stream().filter(l -> l.sameObject(w)).findFirst();
            if (had.isEmpty() || !had.get().comment().equals(w.comment())) {
                ops.add(SetComment.on(w, w.comment(), had.map(ObjectComment::comment).orElse(null)));
            }
        }
        for (ObjectComment l : live) {
            if (wanted.stream().noneMatch(w -> w.sameObject(l))) {
                ops.add(SetComment.on(l, null, l.comment()));
            }
        }
    }

}
