package dev.zanith.cli;

import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.RiskLevel;

/** Risk pills: a colored background per level on a terminal, {@code [HIGH 72]} otherwise. */
final class RiskPills {

    private RiskPills() {
    }

    static String of(Console console, Assessment assessment) {
        return of(console, assessment.level(), assessment.score());
    }

    static String of(Console console, RiskLevel level, int score) {
        String text = level.name() + " " + score;
        return console.color() ? console.style(" " + text + " ", style(level)) : "[" + text + "]";
    }

    /** Visible width, for alignment (escape codes take no room). */
    static int width(RiskLevel level, int score) {
        return level.name().length() + 1 + String.valueOf(score).length() + 2;
    }

    static Console.Style style(RiskLevel level) {
        return switch (level) {
            case SAFE -> Console.Style.BLACK_ON_GREEN;
            case LOW -> Console.Style.BLACK_ON_CYAN;
            case MEDIUM -> Console.Style.BLACK_ON_YELLOW;
            case UNKNOWN -> Console.Style.WHITE_ON_GRAY;
            case HIGH -> Console.Style.WHITE_ON_MAGENTA;
            case DESTRUCTIVE -> Console.Style.WHITE_ON_RED;
        };
    }
}
