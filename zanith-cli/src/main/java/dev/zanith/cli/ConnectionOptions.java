package dev.zanith.cli;

import dev.zanith.ZanithConfig;
import picocli.CommandLine.Option;

import java.util.List;

/** The options every database-facing command shares. */
public final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:ZANITH_URL}",
            description = "Database: jdbc:postgresql://HOST:PORT/DB[?user=U&password=P] or postgres://U:P@HOST:PORT/DB. "
                    + "Default: $ZANITH_URL.")
    String url;

    @Option(names = "--user", paramLabel = "USER", defaultValue = "${env:ZANITH_USER}",
            description = "Database user (overrides the URL's). Default: $ZANITH_USER.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:ZANITH_PASSWORD}",
            description = "Database password (overrides the URL's). Default: $ZANITH_PASSWORD.")
    String password;

    @Option(names = "--schemas", paramLabel = "SCHEMA", split = ",", defaultValue = "public",
            description = "Schemas to work on, comma-separated. Default: ${DEFAULT-VALUE}.")
    List<String> schemas;

    @Option(names = "--audit-schema", paramLabel = "SCHEMA", defaultValue = ZanithConfig.DEFAULT_AUDIT_SCHEMA,
            description = "Schema of Zanith's audit tables. Default: ${DEFAULT-VALUE}.")
    String auditSchema;

    @Option(names = "--table-prefix", paramLabel = "PREFIX", defaultValue = ZanithConfig.DEFAULT_TABLE_PREFIX,
            description = "Prefix of Zanith's audit tables and parked objects. Default: ${DEFAULT-VALUE}.")
    String tablePrefix;

    /** A validated configuration builder with the connection settings filled in. */
    ZanithConfig.Builder configBuilder() {
        return ZanithConfig.builder().url(url).user(user).password(password).schemas(schemas)
                .auditSchema(auditSchema).tablePrefix(tablePrefix);
    }
}
