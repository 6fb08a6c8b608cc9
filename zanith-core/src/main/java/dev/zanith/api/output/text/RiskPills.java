package dev.zanith.api.output.text;

import dev.zanith.api.risk.Assessment;
import dev.zanith.api.risk.RiskLevel;

/** Risk pills: a colored background per level where color shows, {@code [HIGH 72]} otherwise. */
public final class RiskPills {

    private RiskPills() {
    }

    /** The pill of an assessed step: {@code [HIGH 72]}, or the level's colors where they show. */
    public static String of(Styler styler, Assessment assessment) {
        return of(styler, assessment.level(), assessment.score());
    }

    /** The pill of a level and score (0-100). */
    public static String of(Styler styler, RiskLevel level, int score) {
        String text = level.name() + " " + score;
        return styler.color() ? styler.style(" " + text + " ", style(level)) : "[" + text + "]";
    }

    /** Visible width in characters, for alignment (escape codes take no room). */
    public static int width(RiskLevel level, int score) {
        return level.name().length() + 1 + String.valueOf(score).length() + 2;
    }

    /** The pill's style for a level (the Grafana dashboard's thresholds use the same colors). */
    public static TextStyle style(RiskLevel level) {
        return switch (level) {
            case SAFE -> TextStyle.BLACK_ON_GREEN;
            case LOW -> TextStyle.BLACK_ON_CYAN;
            case MEDIUM -> TextStyle.BLACK_ON_YELLOW;
            case UNKNOWN -> TextStyle.WHITE_ON_GRAY;
            case HIGH -> TextStyle.WHITE_ON_MAGENTA;
            case DESTRUCTIVE -> TextStyle.WHITE_ON_RED;
        };
    }
}
