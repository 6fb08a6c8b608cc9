package dev.zanith.api.schema;

/** A PostgreSQL server version as {@code server_version_num} (e.g. 180001 for 18.1). */
public record ServerVersion(int number) {

    /** The oldest server Zanith supports. */
    public static final int MINIMUM_MAJOR = 14;

    public int major() {
        return number / 10000;
    }

    public int minor() {
        return number % 10000;
    }

    public boolean atLeast(int major) {
        return major() >= major;
    }

    @Override
    public String toString() {
        return major() + "." + minor();
    }
}
