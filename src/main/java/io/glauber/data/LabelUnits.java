package io.glauber.data;

/**
 * Labels as visible units (seed 002, "How does a BM work?"): a labelled data set of d features
 * becomes one of d + C units, the features followed by the one-hot code of the label
 * (unit d + y on, the other C − 1 label units off), so that a Boltzmann machine or RBM trained on
 * it models the joint distribution of images and labels.
 */
public final class LabelUnits {
    private LabelUnits() {
    }

    /**
     * The rows of {@code data} followed by C one-hot label units; the labels are kept, the image
     * geometry is not (the rows are no longer w·h pixels).
     *
     * @throws IllegalArgumentException when the data set has no labels or a label is outside 0..C−1
     */
    public static Dataset append(Dataset data, int classes) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException(data.name() + ": no labels, expected a labelled data set (an idx: spec with its label file)");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes = " + classes + ", expected at least 2");
        }
        checkRange(data.labels(), classes, data.name());
        int d = data.cols();
        int n = d + classes;
        float[] v = new float[data.rows() * n];
        for (int r = 0; r < data.rows(); r++) {
            System.arraycopy(data.values(), r * d, v, r * n, d);
            v[r * n + d + data.labels()[r]] = 1f;
        }
        return new Dataset(data.name() + " + " + classes + " label units", data.rows(), n, v, data.labels().clone(), 0, 0);
    }

    /** Every label in 0..classes−1, or an error naming the first one outside and its row. */
    public static void checkRange(int[] labels, int classes, String where) {
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] < 0 || labels[r] >= classes) {
                throw new IllegalArgumentException(where + ": label " + labels[r] + " at row " + r + " is outside 0.."
                        + (classes - 1) + " (" + classes + " classes)");
            }
        }
    }
}
