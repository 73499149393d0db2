package io.glauber.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static final Dataset D = new Dataset("d", 3, 2, new float[] {0, 1, 1, 1, 0, 0}, new int[] {7, 8, 9}, 0, 0);

    @Test
    void emptyDataSetIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("csv:x.csv", 0, 1, new float[0]));
        assertEquals("empty data set: csv:x.csv", e.getMessage());
    }

    @Test
    void inconsistentSizesLabelsImagesAndNonFiniteValuesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.of("d", 2, 2, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("d", 1, 2, new float[2], new int[2], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Dataset("d", 1, 4, new float[4], null, 3, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dataset.of("d", 1, 2, new float[] {0, Float.NaN}));
        assertEquals("d: row 0, column 1 is NaN, expected a finite value", e.getMessage());
    }

    @Test
    void rowsSubsetsMeansAndBinaryCheck() {
        assertArrayEquals(new float[] {1, 1}, D.row(1, new float[2]));
        assertArrayEquals(new double[] {0, 0}, D.rowAsDouble(2));
        Dataset s = D.subset(1, 3);
        assertEquals(2, s.rows());
        assertArrayEquals(new int[] {8, 9}, s.labels());
        assertEquals(1.0 / 3, D.mean(0), 1e-12);
        assertEquals(2.0 / 3, D.mean(1), 1e-12);
        assertTrue(D.isBinary());
        assertFalse(Dataset.of("d", 1, 1, new float[] {0.5f}).isBinary());
    }

    @Test
    void shuffleIsAReproduciblePermutationOfRowsWithTheirLabels() {
        Dataset big = DataSpecs.randomPatterns(5, 50, 3, 0.5);
        Dataset a = big.shuffled(42);
        assertArrayEquals(a.values(), big.shuffled(42).values());
        float[][] before = new float[50][];
        float[][] after = new float[50][];
        for (int i = 0; i < 50; i++) {
            before[i] = big.row(i, null);
            after[i] = a.row(i, null);
        }
        java.util.Comparator<float[]> cmp = Arrays::compare;
        Arrays.sort(before, cmp);
        Arrays.sort(after, cmp);
        assertArrayEquals(before, after);
        Dataset shuffledD = D.shuffled(1);
        for (int i = 0; i < 3; i++) {
            int original = shuffledD.labels()[i] - 7;
            assertArrayEquals(D.row(original, null), shuffledD.row(i, null));
        }
    }
}
