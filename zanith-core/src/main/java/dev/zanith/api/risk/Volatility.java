package dev.zanith.api.risk;

import java.util.Optional;

/** A function's volatility as {@code pg_proc.provolatile} records it; VOLATILE defaults force a rewrite. */
public enum Volatility {
    IMMUTABLE('i'), STABLE('s'), VOLATILE('v');

    private final char code;

    Volatility(char code) {
        this.code = code;
    }

    public static Optional<Volatility> fromCode(String code) {
        if (code == null || code.length() != 1) {
            return Optional.empty();
        }
        for (Volatility v : values()) {
            if (v.code == code.charAt(0)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Name → {@code provolatile} code, as the catalog reads them, to name → volatility (unknown codes: volatile). */
    public static java.util.Map<String, Volatility> of(java.util.Map<String, String> codes) {
        java.util.Map<String, Volatility> out = new java.util.HashMap<>();
        codes.forEach((name, code) -> out.put(name, fromCode(code).orElse(VOLATILE)));
        return java.util.Map.copyOf(out);
    }

    public static Volatility strictest(Volatility a, Volatility b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
