package io.glauber.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NumPy {@code .npy} format, versions 1.0, 2.0 and 3.0: the magic {@code \x93NUMPY}, a version,
 * a little-endian header length, a Python dict literal {@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (3, 4), }} padded with spaces and a newline, then the raw elements.
 *
 * <p>Reading accepts the float, integer and boolean types {@code f4 f8 i1 i2 i4 i8 u1 u2 u4 b1} in
 * either byte order, and C or Fortran order (Fortran arrays are transposed into C order). Object
 * arrays (pickled data) and structured types are refused. Writing produces version 1.0 (2.0 for
 * headers over 64 KiB), little-endian, C order, in the array's {@link DType}, with the data starting at
 * a multiple of 64 bytes, as {@code numpy.save} does.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @throws UncheckedIOException {@code "no such file: PATH"} or another I/O failure naming the path
     * @throws FormatException      if the content is not a supported {@code .npy} array
     */
    public static NdArray read(Path path) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            return read(in, path.toString());
        } catch (IOException e) {
            throw AtomicFiles.unchecked(path, e);
        }
    }

    /**
     * Reads one {@code .npy} array from a stream; {@code source} names it in error messages.
     *
     * @throws FormatException if the content is not a supported {@code .npy} array
     */
    public static NdArray read(InputStream in, String source) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length + 2);
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= magic.length || magic[i] != MAGIC[i]) {
                throw new FormatException(source + ": not a .npy file (no \\x93NUMPY magic)");
            }
        }
        if (magic.length < 8) {
            throw new FormatException(source + ": truncated .npy header");
        }
        int major = magic[6];
        int minor = magic[7];
        if (major < 1 || major > 3) {
            throw new FormatException(source + ": unsupported .npy version " + major + "." + minor
                    + " (expected 1.0, 2.0 or 3.0)");
        }
        int lenBytes = major == 1 ? 2 : 4;
        byte[] lenRaw = in.readNBytes(lenBytes);
        if (lenRaw.length < lenBytes) {
            throw new FormatException(source + ": truncated .npy header");
        }
        long headerLen = ByteBuffer.wrap(lenBytes == 2 ? new byte[] {lenRaw[0], lenRaw[1], 0, 0} : lenRaw)
                .order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (headerLen > 1 << 24) {
            throw new FormatException(source + ": .npy header length " + headerLen + " is implausible");
        }
        byte[] headerRaw = in.readNBytes((int) headerLen);
        if (headerRaw.length < headerLen) {
            throw new FormatException(source + ": truncated .npy header: expected " + headerLen
                    + " bytes, found " + headerRaw.length);
        }
        String header = new String(headerRaw, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h = parseHeader(header.strip(), source);
        double[] data = readData(in, h, source);
        if (h.fortran && h.shape.length > 1) {
            data = fortranToC(data, h.shape);
        }
        return new NdArray(h.dtype, h.shape, data);
    }

    /** Writes {@code array} to {@code path} atomically, refusing to replace an existing file unless {@code force}. */
    public static void write(Path path, NdArray array, boolean force) {
        AtomicFiles.write(path, force, out -> write(out, array));
    }

    /** Writes {@code array} as one {@code .npy} image to {@code out} (which is not closed). */
    public static void write(OutputStream out, NdArray array) throws IOException {
        out.write(header(array.dtype(), array.shape()));
        writeData(out, array.dtype(), array.data());
    }

    /**
     * The bytes of a {@code .npy} header (magic, version, length, dict) for a C-order array, padded so
     * that the data starts at a multiple of 64.
     */
    static byte[] header(DType dtype, int[] shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': " + dims + ", }";
        // version 1.0 has a 2-byte header length; 2.0 a 4-byte one, needed only for huge headers
        int prefix = dict.length() + 1 + ALIGN > 65535 ? MAGIC.length + 2 + 4 : MAGIC.length + 2 + 2;
        int total = prefix + dict.length() + 1;
        int padded = (total + ALIGN - 1) / ALIGN * ALIGN;
        String text = dict + " ".repeat(padded - total) + "\n";
        ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (prefix == 10 ? 1 : 2)).put((byte) 0);
        if (prefix == 10) {
            b.putShort((short) text.length());
        } else {
            b.putInt(text.length());
        }
        b.put(text.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }

    /** Writes the elements little-endian in {@code dtype}. */
    static void writeData(OutputStream out, DType dtype, double[] data) throws IOException {
        int item = dtype.itemSize();
        int chunk = Math.max(1, (1 << 16) / item);
        ByteBuffer b = ByteBuffer.allocate(chunk * item).order(ByteOrder.LITTLE_ENDIAN);
        for (int start = 0; start < data.length; start += chunk) {
            b.clear();
            int end = Math.min(data.length, start + chunk);
            for (int i = start; i < end; i++) {
                double v = data[i];
                switch (dtype) {
                    case FLOAT64 -> b.putDouble(v);
                    case FLOAT32 -> b.putFloat((float) v);
                    case INT64 -> b.putLong((long) v);
                    case INT32 -> b.putInt((int) v);
                    case INT16, UINT16 -> b.putShort((short) (int) v);
                    case INT8, UINT8, BOOL -> b.put((byte) (int) v);
                }
            }
            out.write(b.array(), 0, b.position());
        }
    }

    private record Header(DType dtype, String code, ByteOrder order, boolean fortran, int[] shape, long count) {
    }

    private static Header parseHeader(String header, String source) {
        Matcher d = DESCR.matcher(header);
        if (!d.find()) {
            String what = header.matches("(?s).*['\"]descr['\"]\\s*:\\s*\\[.*")
                    ? "structured dtypes are not supported" : "header has no 'descr'";
            throw new FormatException(source + ": " + what + ": " + header);
        }
        String descr = d.group(1);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!f.find() || !s.find()) {
            throw new FormatException(source + ": .npy header lacks 'fortran_order' or 'shape': " + header);
        }
        char byteOrder = descr.isEmpty() ? '?' : descr.charAt(0);
        String code = descr.isEmpty() ? "" : descr.substring(1);
        if (code.startsWith("O")) {
            throw new FormatException(source + ": dtype '" + descr + "': object arrays (pickled data) are not supported");
        }
        ByteOrder order = byteOrder == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        DType dtype = switch (code) {
            case "f4" -> DType.FLOAT32;
            case "f8" -> DType.FLOAT64;
            case "i1" -> DType.INT8;
            case "i2" -> DType.INT16;
            case "i4" -> DType.INT32;
            case "i8", "u4" -> DType.INT64;
            case "u1" -> DType.UINT8;
            case "u2" -> DType.UINT16;
            case "b1" -> DType.BOOL;
            default -> null;
        };
        if (dtype == null || "<>|=".indexOf(byteOrder) < 0) {
            throw new FormatException(source + ": unsupported dtype '" + descr
                    + "' (expected one of f4 f8 i1 i2 i4 i8 u1 u2 u4 b1, little- or big-endian)");
        }
        String dims = s.group(1).strip();
        String[] parts = dims.isEmpty() ? new String[0] : dims.split("\\s*,\\s*");
        int[] shape = new int[parts.length];
        long count = 1;
        for (int i = 0; i < parts.length; i++) {
            try {
                long v = Long.parseLong(parts[i].replaceFirst("[lL]$", ""));
                if (v < 0 || v > Integer.MAX_VALUE) {
                    throw new NumberFormatException();
                }
                shape[i] = (int) v;
                count *= v;
            } catch (NumberFormatException e) {
                throw new FormatException(source + ": bad shape (" + dims + ") in .npy header");
            }
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new FormatException(source + ": array of " + count + " elements is too large (at most 2^31 - 9)");
        }
        return new Header(dtype, code, order, f.group(1).equals("True"), shape, count);
    }

    private static double[] readData(InputStream in, Header h, String source) throws IOException {
        int n = (int) h.count;
        int item = Integer.parseInt(h.code.substring(1));
        long expected = (long) n * item;
        double[] data = new double[n];
        int chunk = Math.max(1, (1 << 16) / item);
        byte[] raw = new byte[chunk * item];
        ByteBuffer b = ByteBuffer.wrap(raw).order(h.order);
        for (int start = 0; start < n; start += chunk) {
            int len = Math.min(chunk, n - start) * item;
            int got = in.readNBytes(raw, 0, len);
            if (got < len) {
                throw new FormatException(source + ": truncated: expected " + expected + " bytes of data, found "
                        + ((long) start * item + got));
            }
            b.clear();
            for (int i = start, end = start + len / item; i < end; i++) {
                data[i] = switch (h.code) {
                    case "f4" -> b.getFloat();
                    case "f8" -> b.getDouble();
                    case "i1" -> b.get();
                    case "i2" -> b.getShort();
                    case "i4" -> b.getInt();
                    case "i8" -> b.getLong();
                    case "u1" -> b.get() & 0xFF;
                    case "u2" -> b.getShort() & 0xFFFF;
                    case "u4" -> b.getInt() & 0xFFFFFFFFL;
                    case "b1" -> b.get() != 0 ? 1 : 0;
                    default -> throw new IllegalStateException(h.code);
                };
            }
        }
        return data;
    }

    /** Reorders elements stored in Fortran (column-major) order into C (row-major) order. */
    private static double[] fortranToC(double[] f, int[] shape) {
        int rank = shape.length;
        int[] fStride = new int[rank];
        int s = 1;
        for (int k = 0; k < rank; k++) {
            fStride[k] = s;
            s *= shape[k];
        }
        double[] c = new double[f.length];
        int[] idx = new int[rank];
        int fi = 0;
        for (int ci = 0; ci < c.length; ci++) {
            c[ci] = f[fi];
            // odometer over the C index, last axis fastest, keeping the Fortran offset in step
            for (int k = rank - 1; k >= 0; k--) {
                if (++idx[k] < shape[k]) {
                    fi += fStride[k];
                    break;
                }
                fi -= (shape[k] - 1) * fStride[k];
                idx[k] = 0;
            }
        }
        return c;
    }
}
