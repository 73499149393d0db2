package io.glauber.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes files all at once or not at all: the content goes to a temporary file in the target's
 * directory, which is then renamed onto the target ({@link StandardCopyOption#ATOMIC_MOVE}). If
 * writing fails the temporary file is deleted and the target is untouched. An existing target is
 * replaced only when {@code force} is given.
 *
 * <p>A JVM stopped while a file is being written (SIGTERM, Ctrl-C, {@code System.exit}) runs a
 * shutdown hook that deletes every temporary file not yet moved into place: a stopped command
 * leaves neither a partial output nor a hidden temporary file behind. Once the hook has started,
 * nothing more is moved into place. (SIGKILL runs no hooks; nothing can clean up after it.)
 */
public final class AtomicFiles {

    /** Temporary files created and not yet moved into place or deleted. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();
    /** Set by the shutdown hook; guarded by {@link #OPEN}. */
    private static boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteOpenTemps, "glauber-temp-files"));
    }

    /** A piece of code that writes to a stream and may throw {@link IOException}. */
    @FunctionalInterface
    public interface IOConsumer<T> {
        /** Writes to {@code t}. */
        void accept(T t) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through {@code body}, creating parent directories as needed.
     *
     * @throws UncheckedIOException if the target exists and {@code force} is false, or writing fails
     */
    public static void write(Path target, boolean force, IOConsumer<OutputStream> body) {
        Path temp = createTemp(target, force);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            body.accept(out);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw unchecked(target, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
        moveIntoPlace(temp, target, force);
    }

    /**
     * Checks that {@code target} may be written: it is not a directory, and it does not exist unless
     * {@code force} is given.
     *
     * @throws UncheckedIOException with the message {@code "PATH exists; use --force to overwrite"}
     */
    public static void checkWritable(Path target, boolean force) {
        if (Files.isDirectory(target)) {
            throw new UncheckedIOException(target + ": is a directory", new IOException(target + ": is a directory"));
        }
        if (!force && Files.exists(target)) {
            String m = target + " exists; use --force to overwrite";
            throw new UncheckedIOException(m, new java.nio.file.FileAlreadyExistsException(m));
        }
    }

    /**
     * Creates the output directory of a run, and its parents; an existing directory that is not
     * empty is only reused with {@code force}.
     *
     * @return whether the directory existed before
     * @throws IllegalArgumentException if {@code dir} is a file, or a non-empty directory and {@code force} is false
     */
    public static boolean createDirectory(Path dir, boolean force) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": exists and is not a directory");
        }
        boolean existed = Files.isDirectory(dir);
        try {
            if (existed && !force) {
                try (var files = Files.list(dir)) {
                    if (files.findAny().isPresent()) {
                        throw new IllegalArgumentException(dir + ": output directory is not empty; use --force to overwrite or --out for another");
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw unchecked(dir, e);
        }
        return existed;
    }

    /** Checks the target and creates a temporary file beside it (and the parent directories). */
    static Path createTemp(Path target, boolean force) {
        checkWritable(target, force);
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path temp;
            // created under the lock, so that the shutdown hook either comes first (and nothing is
            // created) or finds the file registered: no window in which a stop leaves it behind
            synchronized (OPEN) {
                if (stopping) {
                    throw new IllegalStateException(target + ": not written, the JVM is shutting down");
                }
                temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
                OPEN.add(temp);
            }
            // createTempFile makes the file private (0600); outputs are ordinary files (0644)
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            return temp;
        } catch (IOException e) {
            throw unchecked(target, e);
        }
    }

    /** Renames a finished temporary file onto the target; deletes it if that fails. */
    static void moveIntoPlace(Path temp, Path target, boolean force) {
        try {
            // checked again: the target may have appeared while we were writing
            checkWritable(target, force);
            // under the lock, so that the shutdown hook either finds the temporary file or its target complete
            synchronized (OPEN) {
                if (stopping) {
                    throw new IllegalStateException(target + ": not written, the JVM is shutting down");
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                OPEN.remove(temp);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw unchecked(target, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the temporary file is hidden and named after its target
        }
        OPEN.remove(p);
    }

    /** The shutdown hook: deletes the temporary files still open and lets no more move into place. */
    private static void deleteOpenTemps() {
        synchronized (OPEN) {
            stopping = true;
            for (Path temp : OPEN) {
                deleteQuietly(temp);
            }
        }
    }

    /** An unchecked exception whose one-line message names {@code path} and the failure. */
    static UncheckedIOException unchecked(Path path, IOException e) {
        String m;
        if (e instanceof NoSuchFileException) {
            m = "no such file: " + path;
        } else if (e instanceof AccessDeniedException) {
            m = path + ": permission denied";
        } else {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            m = path + ": " + reason.replace('\n', ' ');
        }
        return new UncheckedIOException(m, e);
    }
}
