package dev.zanith;

import dev.zanith.internal.config.Settings;

/** For engine tests: the {@link Settings} a {@link ZanithConfig} hands the commands (not API, so package-private there). */
public final class TestSettings {

    private TestSettings() {
    }

    public static Settings of(ZanithConfig config) {
        return config.settings();
    }
}
