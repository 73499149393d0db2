package io.glauber.io;

/**
 * Element types of an {@link NdArray}, with their NumPy little-endian type strings ({@code descr})
 * and sizes in bytes. Values are held as {@code double} in memory; the type says how they are stored
 * in a file and which values are allowed (integers in range for the integer types, 0 or 1 for BOOL).
 */
public enum DType {
    /** IEEE 754 single precision, {@code <f4}. */
    FLOAT32("<f4", 4, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY),
    /** IEEE 754 double precision, {@code <f8}. */
    FLOAT64("<f8", 8, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
    /** Signed 8-bit integer, {@code |i1}. */
    INT8("|i1", 1, Byte.MIN_VALUE, Byte.MAX_VALUE),
    /** Signed 16-bit integer, {@code <i2}. */
    INT16("<i2", 2, Short.MIN_VALUE, Short.MAX_VALUE),
    /** Signed 32-bit integer, {@code <i4}. */
    INT32("<i4", 4, Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** Signed 64-bit integer, {@code <i8}; values beyond ±2^53 lose precision as doubles. */
    INT64("<i8", 8, -0x1p63, 0x1p63),
    /** Unsigned 8-bit integer, {@code |u1}. */
    UINT8("|u1", 1, 0, 255),
    /** Unsigned 16-bit integer, {@code <u2}. */
    UINT16("<u2", 2, 0, 65535),
    /** Boolean stored as one byte 0 or 1, {@code |b1}. */
    BOOL("|b1", 1, 0, 1);

    private final String descr;
    private final int itemSize;
    private final double min;
    private final double max;

    DType(String descr, int itemSize, double min, double max) {
        this.descr = descr;
        this.itemSize = itemSize;
        this.min = min;
        this.max = max;
    }

    /** The NumPy type string written to {@code .npy} headers, e.g. {@code "<f8"}. */
    public String descr() {
        return descr;
    }

    /** Bytes per element in a file. */
    public int itemSize() {
        return itemSize;
    }

    /** True for FLOAT32 and FLOAT64. */
    public boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** Whether {@code v} can be stored in this type: any value for the float types (FLOAT32 rounds on write), integral and in range for the integer types. */
    public boolean holds(double v) {
        if (isFloat()) {
            return true; // FLOAT32 rounds on write
        }
        // INT64's max is 2^63 exclusive
        return v == Math.rint(v) && v >= min && (this == INT64 ? v < max : v <= max);
    }
}
