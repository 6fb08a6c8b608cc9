/**
 * Implementation: the SQL lexer ({@code SqlScript}), one-expression field checks, identifier quoting (the one
 * helper) and the SQL resources under {@code resources/dev/zanith/sql}.
 */
package dev.zanith.internal.sql;
