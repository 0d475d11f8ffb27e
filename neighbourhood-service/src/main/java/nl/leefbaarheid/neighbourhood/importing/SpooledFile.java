package nl.leefbaarheid.neighbourhood.importing;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * A request body written to a temporary file as it streams in, so that an import of any size is read from disk, row by
 * row, and never held in memory; deleted when closed.
 */
public final class SpooledFile implements AutoCloseable {

    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private final Path path;
    private final Charset charset;
    private final long size;

    private SpooledFile(Path path, Charset charset, long size) {
        this.path = path;
        this.charset = charset;
        this.size = size;
    }

    /** Writes the body into a new file in the folder; the body's text is in the given character set. */
    public static SpooledFile of(InputStream body, Path folder, Charset charset) {
        Path path = null;
        try {
            Files.createDirectories(folder);
            path = Files.createTempFile(folder, "import-", ".csv");
            long size = Files.copy(body, path, StandardCopyOption.REPLACE_EXISTING);
            return new SpooledFile(path, charset, size);
        } catch (IOException e) {
            delete(path);
            throw new UncheckedIOException(e);
        }
    }

    /** The size of the body in bytes. */
    public long size() {
        return size;
    }

    /**
     * The text, read as it is needed; {@code bytesRead} hears how many bytes were read so far. The caller closes it. A file
     * that starts with the UTF-8 byte order mark is UTF-8, whatever character set the request named (as browsers read it).
     */
    public Reader reader(LongConsumer bytesRead) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            in.mark(UTF8_BOM.length);
            boolean utf8 = Arrays.equals(in.readNBytes(UTF8_BOM.length), UTF8_BOM);
            in.reset();
            return new InputStreamReader(new Counting(in, bytesRead), utf8 ? StandardCharsets.UTF_8 : charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        delete(path);
    }

    private static void delete(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }

    /** Tells how many bytes were read. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer bytesRead;
        private long count;

        Counting(InputStream in, LongConsumer bytesRead) {
            super(in);
            this.bytesRead = bytesRead;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
                bytesRead.accept(count);
            }
            return n;
        }
    }
}
