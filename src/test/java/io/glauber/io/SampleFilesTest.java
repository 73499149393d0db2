package io.glauber.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFilesTest {

    @TempDir
    Path dir;

    private static final int[][] SPINS = {{1, -1, 1}, {-1, -1, 1}, {1, 1, 1}, {-1, 1, -1}};

    @ParameterizedTest
    @ValueSource(strings = {"s.csv", "s.npy"})
    void samplesRoundTripThroughWholeFileWrite(String name) {
        Path f = dir.resolve(name);
        SampleFiles.write(f, SPINS, false);
        assertArrayEquals(SPINS, SampleFiles.read(f));
    }

    @ParameterizedTest
    @ValueSource(strings = {"s.csv", "s.npy", "deep/dir/s.NPY"})
    void samplesRoundTripThroughStreamingWriter(String name) throws IOException {
        Path f = dir.resolve(name);
        try (SampleWriter w = SampleFiles.open(f, 3, false)) {
            for (int[] row : SPINS) {
                w.write(row);
            }
            assertFalse(Files.exists(f), "nothing appears before close");
            assertEquals(4, w.rows());
        }
        assertArrayEquals(SPINS, SampleFiles.read(f));
        try (var files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void csvHasNoHeaderAndOneSamplePerLine() throws IOException {
        Path f = dir.resolve("s.csv");
        SampleFiles.write(f, new int[][] {{0, 1}, {1, 0}}, false);
        assertEquals("0,1\n1,0\n", Files.readString(f));
    }

    @Test
    void npyUsesInt8ForUnitsAndInt32ForLargerValues() {
        Path small = dir.resolve("small.npy");
        SampleFiles.write(small, SPINS, false);
        assertEquals(DType.INT8, Npy.read(small).dtype());
        Path big = dir.resolve("big.npy");
        SampleFiles.write(big, new int[][] {{1000, -5}}, false);
        assertEquals(DType.INT32, Npy.read(big).dtype());
        assertArrayEquals(new int[][] {{1000, -5}}, SampleFiles.read(big));
    }

    @Test
    void numpyReadsStreamedSamples() {
        Path f = dir.resolve("s.npy");
        try (SampleWriter w = SampleFiles.open(f, 3, false)) {
            for (int[] row : SPINS) {
                w.write(row);
            }
        }
        String out = Python.run(dir, "import numpy as np; a = np.load('s.npy'); print(a.dtype.str, a.shape, a.sum(), a[3].tolist())");
        assertEquals("|i1 (4, 3) 2 [-1, 1, -1]", out);
    }

    @Test
    void abortedWriterLeavesNothing() throws IOException {
        Path f = dir.resolve("s.npy");
        SampleWriter w = SampleFiles.open(f, 3, false);
        w.write(SPINS[0]);
        w.abort();
        w.close();
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void aStreamThatThrowsLeavesNeitherTheFileNorItsTemporaryFile() throws Exception {
        Path f = dir.resolve("s.csv");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SampleFiles.stream(f, 3, false, w -> {
            w.write(SPINS[0]);
            throw new IllegalStateException("sampler failed");
        }));
        assertEquals("sampler failed", e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
        SampleFiles.stream(f, 3, false, w -> {
            for (int[] row : SPINS) w.write(row);
        });
        assertArrayEquals(SPINS, SampleFiles.read(f));
    }

    @Test
    void wrongRowLengthAndExistingFileAreRefused() throws IOException {
        Path f = dir.resolve("s.csv");
        try (SampleWriter w = SampleFiles.open(f, 3, false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(new int[] {1, 0}));
            assertEquals(f + ": sample 0 has 2 units, expected 3", e.getMessage());
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> SampleFiles.open(f, 3, false));
        assertEquals(f + " exists; use --force to overwrite", e.getMessage());
    }

    @Test
    void badCsvSamplesAreReportedByLineAndColumn() throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "1,0\n1,x\n");
        FormatException e = assertThrows(FormatException.class, () -> SampleFiles.read(f));
        assertEquals(f + ": line 2, column 2: expected an integer, found 'x'", e.getMessage());
        Files.writeString(f, "1,0\n1,0,1\n");
        e = assertThrows(FormatException.class, () -> SampleFiles.read(f));
        assertEquals(f + ": line 2 has 3 values, expected 2", e.getMessage());
    }
}
