package nl.leefbaarheid.neighbourhood.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV text as spreadsheets and pandas write it, read by Apache Commons CSV: comma or semicolon separated (the header
 * line decides), fields optionally in double quotes, with doubled quotes and line breaks inside, CRLF or LF, a byte order
 * mark ignored, spaces around a field stripped. Each record carries the line it starts on as an editor shows it (a
 * quoted field over several lines moves the next record's line accordingly); blank lines are skipped.
 */
public final class CsvFile implements Iterable<CsvFile.Record> {

    /** A record and the line (1-based) it starts on. */
    public record Record(int line, List<String> fields) {
    }

    /** The text is not CSV from {@code line} on (a quote not closed, or text after a closing quote): nothing after it is read. */
    public static final class Malformed extends RuntimeException {
        private final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private final char separator;
    private final List<String> header;
    private final Iterator<Record> records;

    private CsvFile(char separator, List<String> header, Iterator<Record> records) {
        this.separator = separator;
        this.header = header;
        this.records = records;
    }

    /** The longest header line looked at to choose the separator. */
    static final int HEADER_LIMIT = 1 << 20;

    /**
     * Reads the header (the first record that is not blank) of a text; the rest is read as it is iterated, once.
     *
     * @throws Malformed when the header itself is not CSV
     */
    public static CsvFile of(String text) {
        return of(new StringReader(text));
    }

    /**
     * Reads the header of a text as it streams in: the rest is read as it is iterated, once, so a file of any size takes
     * no more memory than its longest record. The caller closes the reader.
     *
     * @throws Malformed when the header itself is not CSV
     * @throws UncheckedIOException when the reader fails
     */
    public static CsvFile of(Reader text) {
        try {
            BufferedReader in = new BufferedReader(text, 1 << 16);
            in.mark(HEADER_LIMIT);
            char separator = separator(firstLine(in));
            in.reset();
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(true).setTrim(true).get();
            Records records = new Records(CSVParser.builder().setReader(in).setFormat(format).get());
            List<String> header = records.hasNext() ? records.next().fields() : List.of();
            return new CsvFile(separator, header, records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of a text (at most {@link #HEADER_LIMIT} characters), a byte order mark left out. */
    private static String firstLine(BufferedReader in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n' && line.length() < HEADER_LIMIT - 1; c = in.read()) {
            if (c != '\uFEFF' || line.length() > 0) {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** The separator of a file: semicolon when the header line has more semicolons than commas. */
    static char separator(String headerLine) {
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    public char separator() {
        return separator;
    }

    /** The names in the first record; empty for an empty text. */
    public List<String> header() {
        return header;
    }

    /** The records after the header, blank lines left out, read as they are taken: it may throw {@link Malformed}. */
    @Override
    public Iterator<Record> iterator() {
        return records;
    }

    /** The records of a parser with the line each starts on, blank ones left out. */
    private static final class Records implements Iterator<Record> {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private Record next;

        Records(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                // the line breaks read up to the end of the previous record: this one starts on the line after them
                int line = (int) parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return false;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    if (!(e.getCause() instanceof CSVException)) {
                        throw e; // the reader failed, not the text
                    }
                    throw new Malformed(line, "a quote is not closed, or text follows a closing quote");
                } catch (IllegalStateException e) {
                    throw new Malformed(line, "a quote is not closed, or text follows a closing quote");
                }
                List<String> fields = record.toList();
                if (fields.size() > 1 || !fields.get(0).isEmpty()) {
                    next = new Record(line, fields);
                }
            }
            return true;
        }

        @Override
        public Record next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Record record = next;
            next = null;
            return record;
        }
    }

    /** A number with a decimal point or a decimal comma; null when empty; NumberFormatException otherwise. */
    public static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = text.strip();
        if (plain.contains(",") && !plain.contains(".")) {
            plain = plain.replace(',', '.');
        }
        double value = Double.parseDouble(plain);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new NumberFormatException("not a finite number: " + text);
        }
        return value;
    }
}
