package io.glauber.io;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Grey-scale PNG grids of tiles: data samples, reconstructions, or filters (one column of an RBM's
 * W per tile). Tiles are laid out left to right, {@code columns} per row, separated by 1-pixel grey
 * ({@value #SEPARATOR}) lines, each pixel magnified {@code scale} times (e.g. 4 for 4×4 bars and
 * stripes). A value v in [0,1] becomes grey level round(255·v), clamped; with per-tile normalisation
 * a tile's min..max is mapped to 0..255 first (a constant tile becomes mid-grey).
 */
public final class ImageGrid {

    /** Grey level of the separator lines. */
    public static final int SEPARATOR = 128;

    private ImageGrid() {
    }

    /** Writes a grid at scale 1; see {@link #writeGrid(Path, float[][], int, int, int, int, boolean, boolean)}. */
    public static void writeGrid(Path path, float[][] tiles, int tileWidth, int tileHeight, int columns,
                                 boolean normalizePerTile, boolean force) {
        writeGrid(path, tiles, tileWidth, tileHeight, columns, 1, normalizePerTile, force);
    }

    /**
     * Writes {@code tiles} (each row-major, {@code tileWidth × tileHeight} values) as a PNG grid,
     * atomically; an existing file is replaced only if {@code force}.
     */
    public static void writeGrid(Path path, float[][] tiles, int tileWidth, int tileHeight, int columns,
                                 int scale, boolean normalizePerTile, boolean force) {
        BufferedImage image = render(tiles, tileWidth, tileHeight, columns, scale, normalizePerTile);
        AtomicFiles.write(path, force, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new java.io.IOException("no PNG writer available");
            }
        });
    }

    /**
     * Writes a Hopfield recall figure: one row per pattern showing stored | corrupted | recalled,
     * i.e. a grid of three columns.
     */
    public static void writeRows(Path path, float[][] stored, float[][] corrupted, float[][] recalled,
                                 int tileWidth, int tileHeight, int scale, boolean force) {
        if (stored.length != corrupted.length || stored.length != recalled.length) {
            throw new IllegalArgumentException("stored, corrupted and recalled have " + stored.length + ", "
                    + corrupted.length + " and " + recalled.length + " patterns; expected the same number");
        }
        float[][] tiles = new float[3 * stored.length][];
        for (int i = 0; i < stored.length; i++) {
            tiles[3 * i] = stored[i];
            tiles[3 * i + 1] = corrupted[i];
            tiles[3 * i + 2] = recalled[i];
        }
        writeGrid(path, tiles, tileWidth, tileHeight, 3, scale, false, force);
    }

    /** The grid as an 8-bit grey image, (columns·(w·scale+1)−1) wide and (rows·(h·scale+1)−1) high. */
    public static BufferedImage render(float[][] tiles, int tileWidth, int tileHeight, int columns, int scale,
                                       boolean normalizePerTile) {
        if (tiles.length == 0) {
            throw new IllegalArgumentException("no tiles to draw");
        }
        if (tileWidth < 1 || tileHeight < 1 || columns < 1 || scale < 1) {
            throw new IllegalArgumentException("tile " + tileWidth + "x" + tileHeight + ", columns " + columns
                    + ", scale " + scale + ": expected all ≥ 1");
        }
        int cols = Math.min(columns, tiles.length);
        int rows = (tiles.length + cols - 1) / cols;
        int cellW = tileWidth * scale + 1;
        int cellH = tileHeight * scale + 1;
        BufferedImage image = new BufferedImage(cols * cellW - 1, rows * cellH - 1, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = image.getRaster();
        int[] fill = new int[image.getWidth() * image.getHeight()];
        java.util.Arrays.fill(fill, SEPARATOR);
        r.setPixels(0, 0, image.getWidth(), image.getHeight(), fill);
        for (int t = 0; t < tiles.length; t++) {
            float[] tile = tiles[t];
            if (tile.length != tileWidth * tileHeight) {
                throw new IllegalArgumentException("tile " + t + " has " + tile.length + " values, expected "
                        + tileWidth + "x" + tileHeight + " = " + tileWidth * tileHeight);
            }
            float lo = 0;
            float span = 1;
            if (normalizePerTile) {
                lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                for (float v : tile) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                span = hi - lo;
            }
            int x0 = (t % cols) * cellW;
            int y0 = (t / cols) * cellH;
            for (int y = 0; y < tileHeight; y++) {
                for (int x = 0; x < tileWidth; x++) {
                    float v = span > 0 ? (tile[y * tileWidth + x] - lo) / span : 0.5f;
                    int grey = Float.isNaN(v) ? 0 : Math.round(255 * Math.max(0f, Math.min(1f, v)));
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            r.setSample(x0 + x * scale + dx, y0 + y * scale + dy, 0, grey);
                        }
                    }
                }
            }
        }
        return image;
    }
}
