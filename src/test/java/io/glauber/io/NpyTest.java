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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NpyTest {

    @TempDir
    Path dir;

    private static NdArray sample(DType type) {
        double[] d = {0, 1, 0, 1, 1, 0};
        if (type == DType.FLOAT64) {
            d = new double[] {-1.5, 0, 1e-300, Double.NaN, Double.POSITIVE_INFINITY, 3.25};
        } else if (type == DType.FLOAT32) {
            d = new double[] {-1.5, 0, 1e-30f, Float.NaN, Float.NEGATIVE_INFINITY, 3.25};
        } else if (type == DType.INT64) {
            d = new double[] {-(1L << 53), -1, 0, 1, 1L << 40, 7};
        } else if (type == DType.INT32) {
            d = new double[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, 7};
        } else if (type == DType.INT16) {
            d = new double[] {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE, 7};
        } else if (type == DType.INT8) {
            d = new double[] {-128, -1, 0, 1, 127, 7};
        } else if (type == DType.UINT8) {
            d = new double[] {0, 1, 128, 200, 255, 7};
        } else if (type == DType.UINT16) {
            d = new double[] {0, 1, 128, 40000, 65535, 7};
        }
        return new NdArray(type, new int[] {2, 3}, d);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void roundTripKeepsDtypeShapeAndValues(DType type) {
        NdArray a = sample(type);
        Path f = dir.resolve("a.npy");
        Npy.write(f, a, false);
        assertEquals(a, Npy.read(f));
    }

    @Test
    void scalarAndEmptyArraysRoundTrip() {
        Npy.write(dir.resolve("s.npy"), NdArray.scalarInt(42), false);
        NdArray s = Npy.read(dir.resolve("s.npy"));
        assertEquals(0, s.rank());
        assertEquals(42, s.asInt());
        NdArray empty = NdArray.of(new double[0], 0, 5);
        Npy.write(dir.resolve("e.npy"), empty, false);
        assertEquals(empty, Npy.read(dir.resolve("e.npy")));
    }

    @Test
    void dataStartsAtAMultipleOf64() throws IOException {
        Npy.write(dir.resolve("a.npy"), sample(DType.FLOAT64), false);
        byte[] b = Files.readAllBytes(dir.resolve("a.npy"));
        assertEquals(0, (b.length - 6 * 8) % 64);
        assertEquals('\n', b[b.length - 6 * 8 - 1]);
    }

    @Test
    void truncatedDataIsReportedWithExpectedAndFoundBytes() throws IOException {
        Path f = dir.resolve("t.npy");
        Npy.write(f, NdArray.of(new double[100], 10, 10), false);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(b, b.length - 300));
        FormatException e = assertThrows(FormatException.class, () -> Npy.read(f));
        assertEquals(f + ": truncated: expected 800 bytes of data, found 500", e.getMessage());
    }

    @Test
    void notAnNpyFileIsReported() throws IOException {
        Path f = dir.resolve("x.npy");
        Files.writeString(f, "hello world");
        FormatException e = assertThrows(FormatException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().startsWith(f + ": not a .npy file"), e.getMessage());
    }

    @Test
    void missingFileIsReported() {
        Path f = dir.resolve("missing.npy");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Npy.read(f));
        assertEquals("no such file: " + f, e.getMessage());
    }

    @Test
    void existingFileIsNotOverwrittenWithoutForce() throws IOException {
        Path f = dir.resolve("a.npy");
        Files.writeString(f, "keep me");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Npy.write(f, NdArray.scalar(1), false));
        assertEquals(f + " exists; use --force to overwrite", e.getMessage());
        assertEquals("keep me", Files.readString(f));
        Npy.write(f, NdArray.scalar(1), true);
        assertEquals(1.0, Npy.read(f).asDouble());
    }

    @Test
    void ndArrayRejectsShapeThatDoesNotMatchData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NdArray.of(new double[5], 2, 3));
        assertEquals("shape [2, 3] holds 6 elements but data has 5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NdArray(DType.UINT8, new int[] {1}, new double[] {256}));
        assertThrows(IllegalArgumentException.class, () -> new NdArray(DType.INT32, new int[] {1}, new double[] {0.5}));
    }

    @Test
    void readsFloat32COrderWrittenByNumpy() {
        Python.run(dir, "import numpy as np; np.save('a.npy', np.arange(12, dtype='<f4').reshape(3, 4) / 4)");
        NdArray a = Npy.read(dir.resolve("a.npy"));
        assertEquals(DType.FLOAT32, a.dtype());
        assertArrayEquals(new int[] {3, 4}, a.shape());
        for (int i = 0; i < 12; i++) {
            assertEquals(i / 4.0, a.data()[i]);
        }
    }

    @Test
    void readsFloat64FortranOrderAsCOrder() {
        Python.run(dir, "import numpy as np; a = np.asfortranarray(np.arange(24, dtype='<f8').reshape(2, 3, 4));"
                + "assert a.flags.f_contiguous; np.save('f.npy', a)");
        NdArray a = Npy.read(dir.resolve("f.npy"));
        assertArrayEquals(new int[] {2, 3, 4}, a.shape());
        for (int i = 0; i < 24; i++) {
            assertEquals(i, a.data()[i]);
        }
    }

    @Test
    void readsBigEndianAndOtherIntegerTypes() {
        Python.run(dir, "import numpy as np\n"
                + "np.save('be8.npy', np.array([[1.5, -2], [3, 4]], dtype='>f8'))\n"
                + "np.save('be4.npy', np.array([1.5, -2], dtype='>f4'))\n"
                + "np.save('i2.npy', np.array([-3, 300], dtype='<i2'))\n"
                + "np.save('u2.npy', np.array([65535, 1], dtype='<u2'))\n"
                + "np.save('b1.npy', np.array([True, False, True]))\n"
                + "np.save('u1.npy', np.array([255, 0], dtype=np.uint8))\n");
        assertArrayEquals(new double[] {1.5, -2, 3, 4}, Npy.read(dir.resolve("be8.npy")).data());
        assertEquals(DType.FLOAT32, Npy.read(dir.resolve("be4.npy")).dtype());
        assertArrayEquals(new double[] {1.5, -2}, Npy.read(dir.resolve("be4.npy")).data());
        assertArrayEquals(new double[] {-3, 300}, Npy.read(dir.resolve("i2.npy")).data());
        assertArrayEquals(new double[] {65535, 1}, Npy.read(dir.resolve("u2.npy")).data());
        assertEquals(new NdArray(DType.BOOL, new int[] {3}, new double[] {1, 0, 1}), Npy.read(dir.resolve("b1.npy")));
        assertArrayEquals(new double[] {255, 0}, Npy.read(dir.resolve("u1.npy")).data());
    }

    @Test
    void readsVersion2And3Headers() {
        Python.run(dir, "import numpy as np; from numpy.lib import format as f\n"
                + "for v in [(2, 0), (3, 0)]:\n"
                + "    with open('v%d.npy' % v[0], 'wb') as fh:\n"
                + "        a = np.arange(6, dtype='<i8').reshape(2, 3)\n"
                + "        f.write_array(fh, a, version=v)\n");
        NdArray expected = new NdArray(DType.INT64, new int[] {2, 3}, new double[] {0, 1, 2, 3, 4, 5});
        assertEquals(expected, Npy.read(dir.resolve("v2.npy")));
        assertEquals(expected, Npy.read(dir.resolve("v3.npy")));
    }

    @Test
    void objectArraysAreRefused() {
        Python.run(dir, "import numpy as np; np.save('o.npy', np.array([{'a': 1}], dtype=object), allow_pickle=True)");
        Path f = dir.resolve("o.npy");
        FormatException e = assertThrows(FormatException.class, () -> Npy.read(f));
        assertEquals(f + ": dtype '|O': object arrays (pickled data) are not supported", e.getMessage());
    }

    @Test
    void numpyReadsWhatWeWrite() {
        Npy.write(dir.resolve("f8.npy"), NdArray.of(new double[] {1, 2, 3, 4, 5, 6.5}, 2, 3), false);
        Npy.write(dir.resolve("f4.npy"), NdArray.ofFloat(new float[] {0.25f, 0.5f}, 2), false);
        Npy.write(dir.resolve("i8.npy"), NdArray.scalarInt(-7), false);
        Npy.write(dir.resolve("u1.npy"), new NdArray(DType.UINT8, new int[] {1, 1, 3}, new double[] {255, 0, 1}), false);
        String out = Python.run(dir, "import numpy as np\n"
                + "for n in ['f8', 'f4', 'i8', 'u1']:\n"
                + "    a = np.load(n + '.npy')\n"
                + "    print(n, a.dtype.str, a.shape, float(a.sum()))\n");
        assertEquals(String.join("\n",
                "f8 <f8 (2, 3) 21.5",
                "f4 <f4 (2,) 0.75",
                "i8 <i8 () -7.0",
                "u1 |u1 (1, 1, 3) 256.0"), out);
    }
}
