package dev.zanith.internal.sql;

import dev.zanith.api.exception.ZanithException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A SQL file split into statements the way {@code psql} splits it, each with the line, column and character
 * offset where it starts, so that a server error can be pointed at in the file.
 *
 * <p>Semicolons end a statement only outside of single-quoted strings (with {@code ''} escapes), {@code E'...'}
 * strings (with backslash escapes), double-quoted identifiers, dollar-quoted bodies ({@code $$...$$},
 * {@code $tag$...$tag$}), {@code --} comments, nested {@code /* *}{@code /} comments, parentheses (rule actions)
 * and the {@code BEGIN ATOMIC ... END} body of a SQL-standard function or procedure. Empty statements and chunks
 * holding only comments are dropped. A backslash outside of quotes and comments starts a psql meta-command (up
 * to the end of that line), which becomes a statement of its own with {@link Statement#psqlMetaCommand()} set,
 * for the caller to refuse; a statement it interrupts continues after it, as in psql.
 *
 * <p>After a {@code COPY ... FROM STDIN} statement, the lines that follow it up to a line holding only
 * {@code \.} (or the end of the file) are its data ({@link Statement#copyData()}), not SQL — as psql reads
 * them. Whatever follows the COPY's semicolon on its own line is lexed after the data, as psql does.
 *
 * <p>Plain {@code '...'} strings follow {@code standard_conforming_strings}: on (the default since PostgreSQL
 * 9.1) until a statement of the script sets it off ({@code SET [SESSION|LOCAL] standard_conforming_strings =
 * off|false|0}), after which backslashes escape in them too, until it is set on again or reset. psql tracks the
 * same setting from the server after each statement.
 */
public final class SqlScript {

    /** A 1-based line and column (in Unicode code points, as editors and PostgreSQL count them). */
    public record Position(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    /**
     * One statement of a script.
     *
     * @param index           0-based position among the statements of the script
     * @param sql             the statement's text from its first token to just before its terminating semicolon
     *                        (or the end of the file), trailing whitespace removed
     * @param offset          where {@code sql} starts in the script's text (a {@code char} index)
     * @param line            1-based line where the statement starts
     * @param column          1-based column where the statement starts
     * @param psqlMetaCommand whether this is a psql backslash command such as {@code \connect}, not SQL
     * @param copyData        for a {@code COPY ... FROM STDIN}, the data lines that follow it (each with its line
     *                        break, without the terminating {@code \.} line); null for any other statement
     */
    public record Statement(int index, String sql, int offset, int line, int column, boolean psqlMetaCommand,
                            String copyData) {

        /** The statement on one line (whitespace runs collapsed), cut to about {@code maxChars} characters. */
        public String summary(int maxChars) {
            String flat = sql.replaceAll("\\s+", " ").trim();
            if (flat.length() <= maxChars) {
                return flat;
            }
            int cut = maxChars;
            if (Character.isHighSurrogate(flat.charAt(cut - 1))) {
                cut--;
            }
            return flat.substring(0, cut).trim() + "...";
        }

        /**
         * The statement's words outside of strings, quoted identifiers and comments, lower-cased, in order (at
         * most {@code max}); e.g. {@code [create, or, replace, function]}. Quoted identifiers, numbers and
         * operators are skipped.
         */
        public List<String> words(int max) {
            return SqlScript.words(sql, max);
        }

        /**
         * The statement's first tokens as written (at most {@code max}): words, quoted identifiers (with their
         * quotes) and single punctuation characters; comments, whitespace and string literals are skipped. For
         * reading names out of a statement, e.g. {@code [CREATE, INDEX, "Idx", ON, app, ., t, (]}.
         */
        public List<String> tokens(int max) {
            return SqlScript.tokens(sql, max);
        }

        /** Whether this is {@code COPY ... FROM STDIN}, whose data follows it in the script. */
        public boolean copyFromStdin() {
            return isCopyFromStdin(words(1000));
        }
    }

    private final String text;
    private final List<Statement> statements;
    private final int[] lineStarts;

    private SqlScript(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.statements = List.copyOf(new Splitter(text).split());
    }

    /** Splits {@code text} into statements. */
    public static SqlScript parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        return new SqlScript(text);
    }

    /**
     * Reads a UTF-8 file (a leading byte order mark is ignored) and splits it.
     *
     * @throws ZanithException when the file is missing, unreadable or not UTF-8
     */
    public static SqlScript read(Path file) {
        return parse(readText(file));
    }

    /**
     * The text of a UTF-8 file, without a leading byte order mark.
     *
     * @throws ZanithException when the file is missing, unreadable or not UTF-8 (naming the byte offset)
     */
    public static String readText(Path file) {
        if (Files.isDirectory(file)) {
            throw new ZanithException(file + " is a directory, not a file. Pass the path of the SQL file.");
        }
        try {
            return decode(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new ZanithException("File not found: " + file + " (looked for " + file.toAbsolutePath().normalize()
                    + "). Check the path.", e);
        } catch (IOException e) {
            throw new ZanithException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code bytes} decoded as strict UTF-8, a leading byte order mark dropped (psql too ignores one at the start
     * of a script).
     *
     * @param location how the message names the content, e.g. its path
     * @throws ZanithException naming the 0-based byte offset and line of the first byte that is not UTF-8
     */
    public static String decode(byte[] bytes, String location) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ZanithException(location + ":" + line + ": not valid UTF-8: byte " + offset + " (0x"
                    + String.format("%02X", bytes[offset] & 0xFF) + ") does not start or continue a UTF-8 "
                    + "character. Save the file as UTF-8 (e.g. iconv -f LATIN1 -t UTF-8) and try again.");
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The whole text the statements were split from. */
    public String text() {
        return text;
    }

    /** The statements in file order. */
    public List<Statement> statements() {
        return statements;
    }

    /** The line and column of a {@code char} index into {@link #text()} (clamped to the text). */
    public Position positionAt(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int index = Arrays.binarySearch(lineStarts, clamped);
        int line = index >= 0 ? index : -index - 2;
        int column = text.codePointCount(lineStarts[line], clamped) + 1;
        return new Position(line + 1, column);
    }

    /**
     * The line and column in this script of a PostgreSQL error position (the 1-based character index into the
     * statement's text that {@code ServerErrorMessage.getPosition()} reports); the statement's start if
     * {@code serverPosition} is not positive.
     */
    public Position positionInStatement(Statement statement, int serverPosition) {
        if (serverPosition <= 0) {
            return new Position(statement.line(), statement.column());
        }
        String sql = statement.sql();
        int codePoints = sql.codePointCount(0, sql.length());
        int index = sql.offsetByCodePoints(0, Math.min(serverPosition - 1, codePoints));
        return positionAt(statement.offset() + index);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    /** The lower-cased words of {@code sql} outside of quotes and comments (at most {@code max}). */
    static List<String> words(String sql, int max) {
        List<String> words = new ArrayList<>();
        Lexer lexer = new Lexer(sql);
        while (words.size() < max && lexer.pos < sql.length()) {
            int start = lexer.pos;
            if (lexer.skipQuotedOrComment()) {
                continue;
            }
            char c = sql.charAt(start);
            if (isIdentStart(c)) {
                String word = lexer.word();
                if (!lexer.skipEString(word)) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            } else if (c >= '0' && c <= '9') {
                while (lexer.pos < sql.length() && isIdentPart(sql.charAt(lexer.pos)) && sql.charAt(lexer.pos) != '$') {
                    lexer.pos++;
                }
            } else {
                lexer.pos++;
            }
        }
        return words;
    }

    /** The first tokens of {@code sql} as written (see {@link Statement#tokens}). */
    static List<String> tokens(String sql, int max) {
        List<String> tokens = new ArrayList<>();
        Lexer lexer = new Lexer(sql);
        while (tokens.size() < max && lexer.pos < sql.length()) {
            int start = lexer.pos;
            char c = sql.charAt(start);
            if (Character.isWhitespace(c)) {
                lexer.pos++;
            } else if (lexer.skipQuotedOrComment()) {
                if (c == '"') {
                    tokens.add(sql.substring(start, lexer.pos));
                }
            } else if (isIdentStart(c)) {
                String word = lexer.word();
                if (!lexer.skipEString(word)) {
                    tokens.add(word);
                }
            } else {
                lexer.pos++;
                tokens.add(String.valueOf(c));
            }
        }
        return tokens;
    }

    static boolean isCopyFromStdin(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("copy")) {
            return false;
        }
        for (int i = 1; i + 1 < words.size(); i++) {
            if (words.get(i).equals("from") && words.get(i + 1).equals("stdin")) {
                return true;
            }
        }
        return false;
    }

    /** Skips over the lexical elements inside which a semicolon is not a terminator. */
    private static class Lexer {
        final String s;
        int pos;
        /** Whether backslashes escape in plain '...' strings (standard_conforming_strings off). */
        boolean backslashQuotes;

        Lexer(String s) {
            this.s = s;
        }

        char at(int i) {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        /**
         * If a string, quoted identifier, dollar-quoted body or comment starts at {@code pos}, moves past its end
         * (or to the end of the text when it is unterminated) and returns true.
         */
        boolean skipQuotedOrComment() {
            char c = at(pos);
            if (c == '\'') {
                pos = endOfQuoted(pos + 1, '\'', backslashQuotes);
                return true;
            }
            if (c == '"') {
                pos = endOfQuoted(pos + 1, '"', false);
                return true;
            }
            if (c == '-' && at(pos + 1) == '-') {
                while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
                    pos++;
                }
                return true;
            }
            if (c == '/' && at(pos + 1) == '*') {
                pos = endOfBlockComment(pos + 2);
                return true;
            }
            if (c == '$') {
                if (pos > 0 && isIdentPart(s.charAt(pos - 1))) {
                    return false; // part of an identifier such as a$b (words are consumed whole, so rare)
                }
                int tagEnd = dollarTagEnd(pos);
                if (tagEnd > 0) {
                    String tag = s.substring(pos, tagEnd);
                    int close = s.indexOf(tag, tagEnd);
                    pos = close < 0 ? s.length() : close + tag.length();
                    return true;
                }
            }
            return false;
        }

        /** Reads an unquoted word starting at {@code pos}. */
        String word() {
            int start = pos;
            pos++;
            while (pos < s.length() && isIdentPart(s.charAt(pos))) {
                pos++;
            }
            return s.substring(start, pos);
        }

        /** After the word {@code E}/{@code e} directly followed by a quote, skips the escape string. */
        boolean skipEString(String word) {
            if ((word.equals("E") || word.equals("e")) && at(pos) == '\'') {
                pos = endOfQuoted(pos + 1, '\'', true);
                return true;
            }
            return false;
        }

        /** The index after the closing quote (a doubled quote is an escaped one), or the text's length. */
        int endOfQuoted(int from, char quote, boolean backslashEscapes) {
            int i = from;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (backslashEscapes && c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    if (at(i + 1) == quote) {
                        i += 2;
                    } else {
                        return i + 1;
                    }
                } else {
                    i++;
                }
            }
            return s.length();
        }

        int endOfBlockComment(int from) {
            int depth = 1;
            int i = from;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '/' && at(i + 1) == '*') {
                    depth++;
                    i += 2;
                } else if (c == '*' && at(i + 1) == '/') {
                    depth--;
                    i += 2;
                    if (depth == 0) {
                        return i;
                    }
                } else {
                    i++;
                }
            }
            return s.length();
        }

        /** If a dollar-quote delimiter ({@code $$} or {@code $tag$}) starts at {@code at}, the index after it. */
        int dollarTagEnd(int at) {
            int i = at + 1;
            if (i < s.length() && isIdentStart(s.charAt(i))) {
                i++;
                while (i < s.length() && isIdentPart(s.charAt(i)) && s.charAt(i) != '$') {
                    i++;
                }
            }
            return i < s.length() && s.charAt(i) == '$' ? i + 1 : -1;
        }
    }

    /** Splits a whole script, tracking what makes a semicolon part of a statement rather than its end. */
    private final class Splitter extends Lexer {
        private static final java.util.regex.Pattern SET_STANDARD_STRINGS = java.util.regex.Pattern.compile(
                "(?is)set\\s+(?:session\\s+|local\\s+)?standard_conforming_strings\\s*(?:=|\\bto\\b)\\s*'?([a-z0-9_]+)'?\\s*");
        private static final java.util.regex.Pattern RESET_STANDARD_STRINGS = java.util.regex.Pattern.compile(
                "(?is)reset\\s+(?:standard_conforming_strings|all)\\s*|set\\s+(?:session\\s+|local\\s+)?"
                        + "standard_conforming_strings\\s*(?:=|\\bto\\b)\\s*default\\s*");

        private final List<Statement> result = new ArrayList<>();
        private int start = -1;          // first significant char of the current statement, or -1
        private int parenDepth;
        private int beginDepth;          // BEGIN ... END nesting inside CREATE FUNCTION/PROCEDURE
        private final List<String> leadingWords = new ArrayList<>();
        private int copySkipFrom = -1;   // COPY data not yet passed: [copySkipFrom, copySkipTo)
        private int copySkipTo = -1;

        Splitter(String text) {
            super(text);
        }

        List<Statement> split() {
            while (pos < s.length()) {
                if (copySkipFrom >= 0 && pos >= copySkipFrom) {
                    pos = Math.max(pos, copySkipTo);
                    copySkipFrom = -1;
                    continue;
                }
                char c = s.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                    continue;
                }
                int tokenStart = pos;
                if ((c == '-' && at(pos + 1) == '-') || (c == '/' && at(pos + 1) == '*')) {
                    skipQuotedOrComment(); // comments never start a statement
                    continue;
                }
                if (c == '\\') {
                    metaCommand();
                    continue;
                }
                if (c == ';') {
                    if (start >= 0 && parenDepth == 0 && beginDepth == 0) {
                        finish(pos);
                    }
                    pos++;
                    continue;
                }
                if (start < 0) {
                    start = tokenStart;
                }
                if (skipQuotedOrComment()) {
                    continue;
                }
                if (isIdentStart(c)) {
                    String word = word();
                    if (!skipEString(word)) {
                        onWord(word.toLowerCase(Locale.ROOT));
                    }
                } else if (c >= '0' && c <= '9') {
                    // numbers (1e5, 0x1F, 1_000) must not read as words
                    while (pos < s.length() && isIdentPart(s.charAt(pos)) && s.charAt(pos) != '$') {
                        pos++;
                    }
                } else if (c == '$') {
                    pos++; // a parameter such as $1, or a stray dollar
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                        pos++;
                    }
                } else {
                    if (c == '(') {
                        parenDepth++;
                    } else if (c == ')' && parenDepth > 0) {
                        parenDepth--;
                    }
                    pos++;
                }
            }
            if (start >= 0) {
                finish(s.length());
            }
            return result;
        }

        private void onWord(String word) {
            if (leadingWords.size() < 4) {
                leadingWords.add(word);
            }
            if (parenDepth != 0 || !definesRoutine()) {
                return;
            }
            switch (word) {
                case "begin" -> beginDepth++;
                case "case" -> {
                    if (beginDepth > 0) {
                        beginDepth++; // CASE ... END inside the body
                    }
                }
                case "end" -> {
                    if (beginDepth > 0) {
                        beginDepth--;
                    }
                }
                default -> {
                }
            }
        }

        /** CREATE [OR REPLACE] FUNCTION|PROCEDURE: the statements whose body may be BEGIN ATOMIC ... END. */
        private boolean definesRoutine() {
            if (leadingWords.size() < 2 || !leadingWords.get(0).equals("create")) {
                return false;
            }
            String kind = leadingWords.get(1);
            if (kind.equals("or") && leadingWords.size() >= 4 && leadingWords.get(2).equals("replace")) {
                kind = leadingWords.get(3);
            }
            return kind.equals("function") || kind.equals("procedure");
        }

        private void metaCommand() {
            int begin = pos;
            pos = endOfLine(pos);
            add(begin, pos, true, null);
        }

        private int endOfLine(int from) {
            int i = from;
            while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                i++;
            }
            return i;
        }

        /** The index after the line break at {@code lineEnd} (CRLF counts as one), or the text's length. */
        private int nextLineStart(int lineEnd) {
            if (lineEnd >= s.length()) {
                return s.length();
            }
            return s.charAt(lineEnd) == '\r' && at(lineEnd + 1) == '\n' ? lineEnd + 2 : lineEnd + 1;
        }

        private void finish(int end) {
            String sql = s.substring(start, end);
            String copyData = null;
            if (end < s.length() && copySkipFrom < 0 && isCopyFromStdin(SqlScript.words(sql, 1000))) {
                copyData = copyData(end + 1);
            }
            add(start, end, false, copyData);
            if (SET_STANDARD_STRINGS.matcher(sql).matches()) {
                String value = SET_STANDARD_STRINGS.matcher(sql).replaceFirst("$1").toLowerCase(Locale.ROOT);
                backslashQuotes = value.equals("off") || value.equals("false") || value.equals("0")
                        || value.equals("no") || value.equals("of");
            } else if (RESET_STANDARD_STRINGS.matcher(sql).matches()) {
                backslashQuotes = false;
            }
            start = -1;
            parenDepth = 0;
            beginDepth = 0;
            leadingWords.clear();
        }

        /**
         * The COPY data starting on the line after {@code from}: lines up to one holding only {@code \.} or the end
         * of the text. The rest of the COPY's own line is lexed as usual; the data is skipped when reached.
         */
        private String copyData(int from) {
            int dataStart = nextLineStart(endOfLine(from));
            int line = dataStart;
            while (line < s.length()) {
                int lineEnd = endOfLine(line);
                if (s.substring(line, lineEnd).equals("\\.")) {
                    copySkipFrom = dataStart;
                    copySkipTo = nextLineStart(lineEnd);
                    return s.substring(dataStart, line);
                }
                line = nextLineStart(lineEnd);
            }
            copySkipFrom = dataStart;
            copySkipTo = s.length();
            return s.substring(dataStart);
        }

        private void add(int begin, int end, boolean meta, String copyData) {
            int trimmed = end;
            while (trimmed > begin && Character.isWhitespace(s.charAt(trimmed - 1))) {
                trimmed--;
            }
            Position p = positionAt(begin);
            result.add(new Statement(result.size(), s.substring(begin, trimmed), begin, p.line(), p.column(), meta,
                    copyData));
        }
    }
}
