package io.glauber.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A JSON-lines metrics log: one JSON object per line ({@link Json#toLine}), flushed after every line
 * so that the file can be followed while a run goes on. Unlike the other writers it writes in place
 * rather than through a temporary file, since a partial log of a long run is worth keeping.
 */
public final class MetricsWriter implements AutoCloseable {

    private final Writer out;
    private final String name;
    private final boolean closeUnderlying;

    private MetricsWriter(Writer out, String name, boolean closeUnderlying) {
        this.out = out;
        this.name = name;
        this.closeUnderlying = closeUnderlying;
    }

    /**
     * Creates (or with {@code force}, truncates) a metrics file, creating parent directories.
     *
     * @throws UncheckedIOException {@code "PATH exists; use --force to overwrite"} or an I/O failure
     */
    public static MetricsWriter open(Path path, boolean force) {
        AtomicFiles.checkWritable(path, force);
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return new MetricsWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), path.toString(), true);
        } catch (IOException e) {
            throw AtomicFiles.unchecked(path, e);
        }
    }

    /** Opens an existing metrics file for appending (a resumed run), creating it when absent. */
    public static MetricsWriter append(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return new MetricsWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), path.toString(), true);
        } catch (IOException e) {
            throw AtomicFiles.unchecked(path, e);
        }
    }

    /** A metrics writer on a stream such as {@code System.out}, which {@link #close()} flushes but leaves open. */
    public static MetricsWriter to(OutputStream stream) {
        return new MetricsWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), "output", false);
    }

    /** Writes {@code fields} as one JSON line and flushes. */
    public void write(Map<String, ?> fields) {
        try {
            out.write(Json.toLine(fields));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (closeUnderlying) {
                out.close();
            } else {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }
}
