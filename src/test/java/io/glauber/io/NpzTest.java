package io.glauber.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    @TempDir
    Path dir;

    private static Map<String, NdArray> model() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("W", NdArray.of(new double[] {0.5, -1, 2, 0.25, 0, 3}, 3, 2));
        m.put("vbias", NdArray.ofFloat(new float[] {0.1f, 0.2f, 0.3f}));
        m.put("hbias", NdArray.ofInt(new int[] {-1, 1}));
        m.put("n_visible", NdArray.scalarInt(3));
        m.put("temperature", NdArray.scalar(1.5));
        m.put("mask", new NdArray(DType.UINT8, new int[] {2}, new double[] {0, 255}));
        return m;
    }

    @Test
    void roundTripKeepsNamesOrderDtypesAndValues() {
        Path f = dir.resolve("model.npz");
        Npz.write(f, model(), false);
        Map<String, NdArray> back = Npz.read(f);
        assertEquals(List.copyOf(model().keySet()), List.copyOf(back.keySet()));
        assertEquals(model(), back);
    }

    @Test
    void writingCreatesParentDirectoriesAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("a/b/model.npz");
        Npz.write(f, model(), false);
        try (var files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList());
        }
    }

    @Test
    void existingFileIsNotOverwrittenWithoutForce() throws IOException {
        Path f = dir.resolve("model.npz");
        Npz.write(f, model(), false);
        byte[] before = Files.readAllBytes(f);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Npz.write(f, Map.of("x", NdArray.scalar(0)), false));
        assertEquals(f + " exists; use --force to overwrite", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f));
        Npz.write(f, Map.of("x", NdArray.scalar(0)), true);
        assertEquals(List.of("x"), List.copyOf(Npz.read(f).keySet()));
    }

    @Test
    void missingFileIsReported() {
        Path f = dir.resolve("none.npz");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Npz.read(f));
        assertEquals("no such file: " + f, e.getMessage());
    }

    @Test
    void truncatedArchiveIsReportedWithItsPath() throws IOException {
        Path f = dir.resolve("model.npz");
        Npz.write(f, model(), false);
        byte[] b = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.npz");
        Files.write(cut, Arrays.copyOf(b, b.length / 2));
        FormatException e = assertThrows(FormatException.class, () -> Npz.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": not a valid .npz (zip) file"), e.getMessage());
        Path junk = dir.resolve("junk.npz");
        Files.writeString(junk, "not a zip at all");
        assertThrows(FormatException.class, () -> Npz.read(junk));
    }

    @Test
    void corruptEntryIsReportedWithPathAndEntry() throws IOException {
        Path f = dir.resolve("c.npz");
        Npz.write(f, Map.of("W", NdArray.of(new double[2000], 50, 40)), false);
        byte[] b = Files.readAllBytes(f);
        int npy = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("NUMPY");
        b[npy + 400] ^= 0x5a; // one bit pattern flipped inside W's data
        Files.write(f, b);
        FormatException e = assertThrows(FormatException.class, () -> Npz.read(f));
        assertEquals(f + ": W.npy: corrupt entry (CRC mismatch)", e.getMessage());
    }

    @Test
    void readsSavezAndSavezCompressedFromNumpy() {
        Python.run(dir, "import numpy as np\n"
                + "W = np.arange(6, dtype=np.float32).reshape(2, 3)\n"
                + "np.savez('plain.npz', W=W, n_visible=np.array(2), spin=np.int64(1))\n"
                + "np.savez_compressed('packed.npz', W=W, bias=np.asfortranarray(np.arange(6.).reshape(3, 2)),"
                + " temperature=np.array(0.5))\n");
        for (String name : List.of("plain.npz", "packed.npz")) {
            Map<String, NdArray> m = Npz.read(dir.resolve(name));
            NdArray w = m.get("W");
            assertEquals(DType.FLOAT32, w.dtype());
            assertArrayEquals(new int[] {2, 3}, w.shape());
            assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, w.data());
        }
        Map<String, NdArray> plain = Npz.read(dir.resolve("plain.npz"));
        assertEquals(2, plain.get("n_visible").asInt());
        assertEquals(0, plain.get("n_visible").rank());
        assertEquals(1, plain.get("spin").asInt());
        Map<String, NdArray> packed = Npz.read(dir.resolve("packed.npz"));
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, packed.get("bias").data());
        assertEquals(0.5, packed.get("temperature").asDouble());
    }

    @Test
    void numpyLoadsWhatWeWrite() {
        Npz.write(dir.resolve("m.npz"), model(), false);
        String out = Python.run(dir, "import numpy as np\n"
                + "z = np.load('m.npz')\n"
                + "for k in z.files: print(k, z[k].dtype.str, z[k].shape, round(float(z[k].sum()), 4))\n");
        assertEquals(String.join("\n",
                "W <f8 (3, 2) 4.75",
                "vbias <f4 (3,) 0.6",
                "hbias <i4 (2,) 0.0",
                "n_visible <i8 () 3.0",
                "temperature <f8 () 1.5",
                "mask |u1 (2,) 255.0"), out);
    }
}
