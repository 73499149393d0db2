package io.glauber.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private List<Path> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void failedWriteLeavesNoTemporaryFileAndKeepsTheOldContent() throws IOException {
        Path f = dir.resolve("out.bin");
        Files.writeString(f, "old");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(f, true, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, true, out -> {
            out.write(1);
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of(f), files());
        assertEquals("old", Files.readString(f));
    }

    @Test
    void ioFailureMessageNamesTheTarget() {
        Path f = dir.resolve("out.bin");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> AtomicFiles.write(f, false, out -> {
                    throw new IOException("disk full");
                }));
        assertEquals(f + ": disk full", e.getMessage());
    }

    @Test
    void successfulWriteReplacesOnlyWithForce() throws IOException {
        Path f = dir.resolve("out.txt");
        AtomicFiles.write(f, false, out -> out.write("one".getBytes()));
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(f, false, out -> out.write("two".getBytes())));
        AtomicFiles.write(f, true, out -> out.write("two".getBytes()));
        assertEquals("two", Files.readString(f));
        assertEquals(List.of(f), files());
    }

    @Test
    void anOutputDirectoryIsReusedOnlyWhenEmptyOrForced() throws IOException {
        Path run = dir.resolve("runs/one");
        assertFalse(AtomicFiles.createDirectory(run, false), "created");
        assertTrue(AtomicFiles.createDirectory(run, false), "an empty directory is reused");
        Files.writeString(run.resolve("metrics.jsonl"), "{}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AtomicFiles.createDirectory(run, false));
        assertEquals(run + ": output directory is not empty; use --force to overwrite or --out for another", e.getMessage());
        assertTrue(AtomicFiles.createDirectory(run, true));
        assertThrows(IllegalArgumentException.class, () -> AtomicFiles.createDirectory(run.resolve("metrics.jsonl"), true));
    }

    @Test
    void directoryTargetIsRefusedEvenWithForce() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.checkWritable(dir, true));
        assertEquals(dir + ": is a directory", e.getMessage());
    }
}
