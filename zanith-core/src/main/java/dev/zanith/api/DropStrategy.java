package dev.zanith.api;

/** How the differ removes a column or table the declared schema no longer has. */
public enum DropStrategy {
    /** Park it under a reserved name (softDropColumn / softDropTable): instant, restorable. The default. */
    SOFT,
    /** Copy the data into the archive schema first (archiveColumn / archiveTable): restorable. */
    ARCHIVE,
    /** Drop it (dropColumn / dropTable): permanent. */
    HARD
}
