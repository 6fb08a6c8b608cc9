package dev.zanith.api.ops;

import dev.zanith.api.schema.CompositeType;
import dev.zanith.api.schema.Domain;
import dev.zanith.api.schema.DomainConstraint;
import dev.zanith.api.schema.RangeType;
import dev.zanith.api.schema.StatisticsObject;
import dev.zanith.api.schema.TableName;
import dev.zanith.api.schema.TypeAttribute;

import java.util.List;
import java.util.Map;

/** {@link OperationSamples} for domains, composite and range types, exclusion constraints and extended statistics. */
final class TypeSamples {

    private static final TableName EMAIL = new TableName("public", "email_address");
    private static final DomainConstraint SHAPE = new DomainConstraint("email_address_shape",
            "CHECK ((VALUE ~~ '%@%'::text))", true);
    private static final Domain DOMAIN = new Domain("public", "email_address", "text", "C", "''::text", true,
            List.of(SHAPE));
    private static final CompositeType ADDRESS = new CompositeType("public", "address",
            List.of(new TypeAttribute("street", "text", null), new TypeAttribute("zip", "character varying(10)", "C")));
    private static final RangeType RANGE = new RangeType("public", "floatrange", "double precision",
            "pg_catalog.float8_ops", null, null, "pg_catalog.float8mi", "floatmultirange");
    private static final StatisticsObject STATISTICS = new StatisticsObject("public", "users_city_zip", "public",
            "users", "CREATE STATISTICS public.users_city_zip (dependencies) ON city, zip FROM public.users");

    private TypeSamples() {
    }

    static void addTo(Map<OperationKind, Operation> m) {
        m.put(OperationKind.CREATE_DOMAIN, new CreateDomain(DOMAIN));
        m.put(OperationKind.DROP_DOMAIN, new DropDomain(EMAIL, DOMAIN));
        m.put(OperationKind.SET_DOMAIN_DEFAULT, new SetDomainDefault(EMAIL, "'nobody@example.com'::text", "''::text"));
        m.put(OperationKind.SET_DOMAIN_NOT_NULL, new SetDomainNotNull(EMAIL, true));
        m.put(OperationKind.ADD_DOMAIN_CONSTRAINT, new AddDomainConstraint(EMAIL, SHAPE, true));
        m.put(OperationKind.VALIDATE_DOMAIN_CONSTRAINT, new ValidateDomainConstraint(EMAIL, SHAPE.name()));
        m.put(OperationKind.DROP_DOMAIN_CONSTRAINT, new DropDomainConstraint(EMAIL, SHAPE.name(), SHAPE));
        m.put(OperationKind.CREATE_COMPOSITE_TYPE, new CreateCompositeType(ADDRESS));
        m.put(OperationKind.DROP_COMPOSITE_TYPE, new DropCompositeType(ADDRESS.qualifiedName(), ADDRESS));
        m.put(OperationKind.ADD_TYPE_ATTRIBUTE, new AddTypeAttribute(ADDRESS.qualifiedName(),
                new TypeAttribute("country", "text", null)));
        m.put(OperationKind.DROP_TYPE_ATTRIBUTE, new DropTypeAttribute(ADDRESS.qualifiedName(), "zip",
                ADDRESS.attributes().get(1)));
        m.put(OperationKind.CREATE_RANGE_TYPE, new CreateRangeType(RANGE));
        m.put(OperationKind.DROP_RANGE_TYPE, new DropRangeType(RANGE.qualifiedName(), RANGE));
        m.put(OperationKind.ADD_EXCLUSION_CONSTRAINT, new AddExclusionConstraint(OperationSamples.USERS,
                "users_no_overlap", "EXCLUDE USING gist (active_during WITH &&)"));
        m.put(OperationKind.DROP_EXCLUSION_CONSTRAINT, new DropExclusionConstraint(OperationSamples.USERS,
                "users_no_overlap", "EXCLUDE USING gist (active_during WITH &&)"));
        m.put(OperationKind.CREATE_STATISTICS, new CreateStatistics(STATISTICS));
        m.put(OperationKind.DROP_STATISTICS, new DropStatistics(STATISTICS.qualifiedName(), STATISTICS));
    }
}
