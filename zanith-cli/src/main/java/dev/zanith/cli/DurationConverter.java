package dev.zanith.cli;

import dev.zanith.api.output.text.Durations;
import picocli.CommandLine;

import java.time.Duration;

/** Reads durations as {@link Durations#parse} does: {@code 500ms}, {@code 2s}, {@code 10m}, {@code 1h}, {@code 30d}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
