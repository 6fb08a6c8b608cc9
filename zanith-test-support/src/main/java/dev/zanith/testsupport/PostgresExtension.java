package dev.zanith.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link TestDatabase} and {@link PostgresServer} parameters against a real PostgreSQL server.
 *
 * <p>A {@code TestDatabase} parameter of a test method (or {@code @BeforeEach}) is a fresh database for
 * that test; one of a static {@code @BeforeAll} method is a fresh database for the whole class. Either is
 * dropped when its scope ends. Use {@link RealPostgres} to register the extension.
 */
public final class PostgresExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestDatabase.class || type == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == PostgresServer.class) {
            return PostgresServer.shared();
        }
        String hint = context.getTestMethod().map(m -> context.getRequiredTestClass().getSimpleName() + "_" + m.getName())
                .orElseGet(() -> context.getRequiredTestClass().getSimpleName());
        String key = "database:" + parameterContext.getIndex() + ":" + parameterContext.getDeclaringExecutable();
        try {
            return context.getStore(NAMESPACE).computeIfAbsent(key,
                    k -> PostgresServer.shared().createDatabase(hint), TestDatabase.class);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("No test database: " + e.getMessage(), e);
        }
    }
}
