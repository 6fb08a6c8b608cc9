package dev.zanith.cli;

/** {@code --format} for the audit verbs. */
enum OutputFormat { text, json }
