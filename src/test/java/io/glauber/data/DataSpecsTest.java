package io.glauber.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataSpecsTest {

    @TempDir
    Path dir;

    // ---- bars and stripes, encoder, random patterns ----

    @ParameterizedTest
    @CsvSource({"4,4,30", "3,3,14", "2,3,10", "1,3,8"})
    void barsAndStripesHasAllDistinctPatternsEachABarOrStripePattern(int r, int c, int count) {
        Dataset d = DataSpecs.load("bas:" + r + "x" + c);
        assertEquals(count, d.rows());
        assertEquals(r * c, d.cols());
        assertEquals(c, d.imageWidth());
        assertEquals(r, d.imageHeight());
        assertEquals("bas:" + r + "x" + c, d.name());
        assertTrue(d.isBinary());
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < d.rows(); i++) {
            float[] p = d.row(i, null);
            distinct.add(Arrays.toString(p));
            assertTrue(isStripes(p, r, c) || isBars(p, r, c), Arrays.toString(p));
        }
        assertEquals(count, distinct.size());
    }

    private static boolean isStripes(float[] p, int r, int c) {
        for (int i = 0; i < r; i++) {
            for (int j = 1; j < c; j++) {
                if (p[i * c + j] != p[i * c]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isBars(float[] p, int r, int c) {
        for (int j = 0; j < c; j++) {
            for (int i = 1; i < r; i++) {
                if (p[i * c + j] != p[j]) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void encoderPresentsEachOneHotPatternOnInputAndOutputGroups() {
        Dataset d = DataSpecs.load("encoder:4-2-4");
        assertEquals(4, d.rows());
        assertEquals(8, d.cols());
        assertArrayEquals(new float[] {0, 0, 1, 0, 0, 0, 1, 0}, d.row(2, null));
        assertArrayEquals(new int[] {0, 1, 2, 3}, d.labels());
        assertThrows(IllegalArgumentException.class, () -> DataSpecs.load("encoder:4-2-5"));
        assertThrows(IllegalArgumentException.class, () -> DataSpecs.load("encoder:4-2"));
    }

    @Test
    void randomPatternsAreReproducibleBySeedAndFollowP() {
        Dataset a = DataSpecs.load("patterns:random?n=100&count=10&seed=1");
        Dataset b = DataSpecs.load("patterns:random?n=100&count=10&seed=1");
        Dataset c = DataSpecs.load("patterns:random?n=100&count=10&seed=2");
        assertEquals(10, a.rows());
        assertEquals(100, a.cols());
        assertArrayEquals(a.values(), b.values());
        assertTrue(!Arrays.equals(a.values(), c.values()));
        assertTrue(a.isBinary());
        // 20000 draws with p = 0.2: the count of ones has standard deviation sqrt(20000·0.2·0.8) ≈ 57
        Dataset s = DataSpecs.load("patterns:random?n=200&count=100&seed=7&p=0.2");
        double ones = 0;
        for (float v : s.values()) {
            ones += v;
        }
        assertEquals(4000, ones, 5 * Math.sqrt(20000 * 0.2 * 0.8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"patterns:random?n=10", "patterns:random?n=10&count=x", "patterns:random?n=10&count=2&q=1",
            "patterns:random?n=10&count=2&p=1.5", "patterns:other?n=1&count=1", "bas:4", "bas:0x4",
            "idx:x?limit=0", "idx:x?binarize=2"})
    void badParametersAreReported(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSpecs.load(spec));
        assertTrue(e.getMessage().contains(spec.substring(0, spec.indexOf(':'))), e.getMessage());
    }

    @Test
    void unknownSchemeListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSpecs.load("x"));
        assertEquals("unknown data spec 'x'; expected bas:RxC, encoder:N-M-N, patterns:random?..., idx:PATH, csv:PATH",
                e.getMessage());
    }

    // ---- IDX ----

    private static byte[] idxImages(int n, int rows, int cols, int magic) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(magic).putInt(n).putInt(rows).putInt(cols);
        for (int k = 0; k < n * rows * cols; k++) {
            b.put((byte) (k * 37 % 256));
        }
        return b.array();
    }

    private static byte[] idxLabels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n);
        b.putInt(Idx.LABELS).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void idxImagesAndSiblingLabelsRoundTripGzipOrPlain(boolean gz) throws IOException {
        String suffix = gz ? ".gz" : "";
        Path images = dir.resolve("train-images-idx3-ubyte" + suffix);
        Files.write(images, gz ? gzip(idxImages(5, 2, 3, Idx.IMAGES)) : idxImages(5, 2, 3, Idx.IMAGES));
        Files.write(dir.resolve("train-labels-idx1-ubyte" + suffix), gz ? gzip(idxLabels(5)) : idxLabels(5));
        Dataset d = DataSpecs.load("idx:" + images);
        assertEquals(5, d.rows());
        assertEquals(6, d.cols());
        assertEquals(3, d.imageWidth());
        assertEquals(2, d.imageHeight());
        for (int k = 0; k < 30; k++) {
            assertEquals((k * 37 % 256) / 255f, d.values()[k]);
        }
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, d.labels());
    }

    @Test
    void gzipIsDetectedByContentNotByName() throws IOException {
        Path images = dir.resolve("images.idx");
        Files.write(images, gzip(idxImages(2, 2, 2, Idx.IMAGES)));
        Dataset d = DataSpecs.load("idx:" + images);
        assertEquals(2, d.rows());
        assertNull(d.labels());
    }

    @Test
    void idxLimitBinarizeAndExplicitLabels() throws IOException {
        Path images = dir.resolve("imgs");
        Path labels = dir.resolve("lbls");
        Files.write(images, idxImages(5, 2, 3, Idx.IMAGES));
        Files.write(labels, idxLabels(5));
        Dataset d = DataSpecs.load("idx:" + images + "?binarize=0.5&limit=2&labels=" + labels);
        assertEquals(2, d.rows());
        assertArrayEquals(new int[] {0, 1}, d.labels());
        for (int k = 0; k < 12; k++) {
            assertEquals((k * 37 % 256) / 255f > 0.5f ? 1f : 0f, d.values()[k]);
        }
    }

    @Test
    void idxWrongMagicIsReported() throws IOException {
        Path f = dir.resolve("labels-as-images");
        Files.write(f, idxLabels(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSpecs.load("idx:" + f));
        assertEquals(f + ": not an IDX image file: magic 0x00000801 (expected 0x00000803)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void idxTruncatedPixelsAreReported(boolean gz) throws IOException {
        Path f = dir.resolve("cut");
        byte[] raw = Arrays.copyOf(idxImages(4, 2, 3, Idx.IMAGES), 16 + 10);
        Files.write(f, gz ? Arrays.copyOf(gzip(idxImages(4, 2, 3, Idx.IMAGES)), 30) : raw);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSpecs.load("idx:" + f));
        assertTrue(e.getMessage().startsWith(f + ": truncated: expected "), e.getMessage());
        if (!gz) {
            assertEquals(f + ": truncated: expected 24 bytes of pixels, found 10", e.getMessage());
        }
    }

    @Test
    void idxImageAndLabelCountMismatchIsReported() throws IOException {
        Path images = dir.resolve("t10k-images-idx3-ubyte");
        Path labels = dir.resolve("t10k-labels-idx1-ubyte");
        Files.write(images, idxImages(5, 2, 3, Idx.IMAGES));
        Files.write(labels, idxLabels(4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSpecs.load("idx:" + images));
        assertEquals("count mismatch: " + images + " has 5 images but " + labels + " has 4 labels", e.getMessage());
    }

    @Test
    void missingFilesAreReported() {
        Path f = dir.resolve("nothing-here");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> DataSpecs.load("idx:" + f));
        assertEquals("no such file: " + f, e.getMessage());
        e = assertThrows(UncheckedIOException.class, () -> DataSpecs.load("csv:" + f));
        assertEquals("no such file: " + f, e.getMessage());
    }

    @Test
    void readsInstalledFashionMnistTestSet() {
        Path images = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");
        Assumptions.assumeTrue(Files.isRegularFile(images), "dataset-fashion-mnist is not installed");
        Dataset d = DataSpecs.load("idx:" + images + "?limit=100&binarize=0.5");
        assertEquals(100, d.rows());
        assertEquals(784, d.cols());
        assertEquals(28, d.imageWidth());
        assertEquals(100, d.labels().length);
        assertTrue(d.isBinary());
        Dataset all = DataSpecs.load("idx:" + images);
        assertEquals(10000, all.rows());
    }

    // ---- CSV ----

    @Test
    void csvRowsAreRead() throws IOException {
        Path f = dir.resolve("d.csv");
        Files.writeString(f, "0,1,0.5\n1, 1 ,-2e-1\n\n");
        Dataset d = DataSpecs.load("csv:" + f);
        assertEquals(2, d.rows());
        assertEquals(3, d.cols());
        assertArrayEquals(new float[] {0, 1, 0.5f, 1, 1, -0.2f}, d.values());
    }

    static Stream<Arguments> badCsv() {
        return Stream.of(
                Arguments.of("0,1\n1,NaN\n", "line 2, column 2: value 'NaN' is not finite (or out of float range), expected a finite number"),
                Arguments.of("0,1\nInfinity,1\n", "line 2, column 1: value 'Infinity' is not finite (or out of float range), expected a finite number"),
                Arguments.of("0,1\n1,1e99\n", "line 2, column 2: value '1e99' is not finite (or out of float range), expected a finite number"),
                Arguments.of("0,1\n1,1,1\n", "line 2 has 3 values, expected 2 like the first row"),
                Arguments.of("a,b\n0,1\n", "line 1, column 1: expected a number, found 'a'"),
                Arguments.of("0,1\n0,1f\n", "line 2, column 2: expected a number, found '1f'"),
                Arguments.of("0,\n", "line 1, column 2: expected a number, found ''"));
    }

    @ParameterizedTest
    @MethodSource("badCsv")
    void badCsvIsReportedWithLineAndColumn(String content, String problem) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSpecs.load("csv:" + f));
        assertEquals(f + ": " + problem, e.getMessage());
    }

    @Test
    void emptyCsvIsAnEmptyDataSet() throws IOException {
        Path f = dir.resolve("empty.csv");
        Files.writeString(f, "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSpecs.load("csv:" + f));
        assertEquals("empty data set: csv:" + f, e.getMessage());
    }
}
