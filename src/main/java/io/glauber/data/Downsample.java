package io.glauber.data;

/**
 * Image downsampling by block means: a K×K block of grey values g ∈ [0, 1] becomes one pixel of
 * value (1/K²) Σ g, optionally thresholded afterwards (1 if the mean is above T, else 0).
 *
 * <p>Why the mean of the grey values and then the threshold, rather than thresholding first: the
 * block mean keeps the partial coverage of a block by a stroke, so a block half covered by mid-grey
 * pixels is decided by how much ink it holds, not by a vote of four already-binarised pixels with
 * ties at two of four. For Fashion-MNIST 28×28 → 14×14 with T = 0.5, a block is on when its mean
 * grey level exceeds one half.
 */
final class Downsample {
    private Downsample() {
    }

    /**
     * The images of {@code img} with each {@code k×k} block replaced by its mean, then by
     * {@code mean > threshold ? 1 : 0} when {@code threshold} is not NaN.
     *
     * @throws IllegalArgumentException when k does not divide both sides (the spec is named)
     */
    static Idx.Images meanPool(Idx.Images img, int k, double threshold, String spec) {
        int h = img.height();
        int w = img.width();
        if (k < 1 || h % k != 0 || w % k != 0) {
            throw new IllegalArgumentException("data spec '" + spec + "': downsample = " + k + " does not divide the "
                    + w + "x" + h + " images, expected a factor of both sides");
        }
        int oh = h / k;
        int ow = w / k;
        float[] in = img.values();
        float[] out = new float[img.count() * oh * ow];
        float scale = 1f / (k * k);
        for (int n = 0; n < img.count(); n++) {
            int src = n * h * w;
            int dst = n * oh * ow;
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    float sum = 0;
                    for (int dr = 0; dr < k; dr++) {
                        for (int dc = 0; dc < k; dc++) {
                            sum += in[src + (r * k + dr) * w + c * k + dc];
                        }
                    }
                    float mean = sum * scale;
                    out[dst + r * ow + c] = Double.isNaN(threshold) ? mean : (mean > threshold ? 1f : 0f);
                }
            }
        }
        return new Idx.Images(img.count(), img.total(), oh, ow, out);
    }
}
