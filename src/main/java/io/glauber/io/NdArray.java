package io.glauber.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array as NumPy stores it: an element type, a shape, and the elements in C
 * (row-major) order, held as {@code double} whatever the type (conversion happens on read and write).
 * A 0-d array ({@code shape = []}) holds one scalar.
 *
 * <p>The shape is copied; the data array is not (arrays of model weights are large), so the caller
 * must not modify it after construction. Equality compares type, shape and data.
 *
 * @param dtype element type in files
 * @param shape dimensions, each ≥ 0; their product equals {@code data.length}
 * @param data  elements in C order
 */
public record NdArray(DType dtype, int[] shape, double[] data) {

    /** Validates that the shape matches the data and that every value fits the type. */
    public NdArray {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        shape = shape.clone();
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + ": dimensions must be ≥ 0");
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size
                    + " elements but data has " + data.length);
        }
        if (!dtype.isFloat()) {
            for (int i = 0; i < data.length; i++) {
                if (!dtype.holds(data[i])) {
                    throw new IllegalArgumentException("element " + i + " = " + data[i] + " does not fit dtype "
                            + dtype + " (expected an integer in its range)");
                }
            }
        }
    }

    /** A FLOAT64 array of {@code data} with the given shape (a 1-d array if no shape is given). */
    public static NdArray of(double[] data, int... shape) {
        return new NdArray(DType.FLOAT64, shape.length == 0 ? new int[] {data.length} : shape, data);
    }

    /** A FLOAT32 array of {@code data} with the given shape (a 1-d array if no shape is given). */
    public static NdArray ofFloat(float[] data, int... shape) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return new NdArray(DType.FLOAT32, shape.length == 0 ? new int[] {data.length} : shape, d);
    }

    /** An INT32 array of {@code data} with the given shape (a 1-d array if no shape is given). */
    public static NdArray ofInt(int[] data, int... shape) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return new NdArray(DType.INT32, shape.length == 0 ? new int[] {data.length} : shape, d);
    }

    /** A 0-d FLOAT64 array. */
    public static NdArray scalar(double value) {
        return new NdArray(DType.FLOAT64, new int[0], new double[] {value});
    }

    /** A 0-d INT64 array. */
    public static NdArray scalarInt(long value) {
        return new NdArray(DType.INT64, new int[0], new double[] {value});
    }

    /** The same elements as another type (rounded to float precision for FLOAT32); fails if a value does not fit. */
    public NdArray withDType(DType type) {
        double[] d = data;
        if (type == DType.FLOAT32) {
            d = data.clone();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) d[i];
            }
        }
        return new NdArray(type, shape, d);
    }

    /** The shape (a copy). */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions (0 for a scalar). */
    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code axis}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** The elements as floats, in C order (a new array). */
    public float[] toFloatArray() {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        return f;
    }

    /** The elements as ints, in C order (a new array); fails unless every element is an int. */
    public int[] toIntArray() {
        int[] r = new int[data.length];
        for (int i = 0; i < r.length; i++) {
            if (!DType.INT32.holds(data[i])) {
                throw new IllegalArgumentException("element " + i + " = " + data[i] + " is not a 32-bit integer");
            }
            r[i] = (int) data[i];
        }
        return r;
    }

    /** The value of a one-element array (0-d or of shape (1,), (1,1), ...). */
    public double asDouble() {
        if (data.length != 1) {
            throw new IllegalArgumentException("expected a scalar (one element), found shape " + Arrays.toString(shape));
        }
        return data[0];
    }

    /** The integer value of a one-element array; fails if it is not an integer in int range. */
    public int asInt() {
        double v = asDouble();
        if (!DType.INT32.holds(v)) {
            throw new IllegalArgumentException("expected an integer scalar, found " + v);
        }
        return (int) v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray a && a.dtype == dtype && Arrays.equals(a.shape, shape) && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "NdArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
