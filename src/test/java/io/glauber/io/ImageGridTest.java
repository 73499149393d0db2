package io.glauber.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

    @TempDir
    Path dir;

    private static int grey(BufferedImage img, int x, int y) {
        return img.getRaster().getSample(x, y, 0);
    }

    @Test
    void gridIsReadableByImageIoWithExpectedSizeAndPixels() throws IOException {
        float[][] tiles = new float[5][16];
        tiles[0][0] = 1; // top-left pixel of the first tile white
        tiles[1][15] = 0.5f;
        Path f = dir.resolve("bas.png");
        ImageGrid.writeGrid(f, tiles, 4, 4, 3, 4, false, false);
        BufferedImage img = ImageIO.read(f.toFile());
        // 3 columns of 16 px + 2 separators; 2 rows of 16 px + 1 separator
        assertEquals(3 * 16 + 2, img.getWidth());
        assertEquals(2 * 16 + 1, img.getHeight());
        assertEquals(255, grey(img, 3, 3));
        assertEquals(0, grey(img, 4, 4));
        assertEquals(ImageGrid.SEPARATOR, grey(img, 16, 0));
        assertEquals(128, grey(img, 17 + 15, 15)); // round(0.5 * 255)
        assertEquals(ImageGrid.SEPARATOR, grey(img, 40, 20)); // the empty sixth cell
    }

    @Test
    void perTileNormalisationMapsMinToBlackAndMaxToWhite() {
        float[][] tiles = {{-3, 0, 5, 1}};
        BufferedImage img = ImageGrid.render(tiles, 2, 2, 1, 1, true);
        assertEquals(0, grey(img, 0, 0));
        assertEquals(255, grey(img, 0, 1));
    }

    @Test
    void recallRowsAreAGridOfThreeColumns() throws IOException {
        float[][] p = {{1, 0, 0, 1}, {0, 1, 1, 0}};
        Path f = dir.resolve("recall.png");
        ImageGrid.writeRows(f, p, p, p, 2, 2, 2, false);
        BufferedImage img = ImageIO.read(f.toFile());
        assertEquals(3 * 4 + 2, img.getWidth());
        assertEquals(2 * 4 + 1, img.getHeight());
    }

    @Test
    void tileOfWrongSizeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.render(new float[][] {{1, 2, 3}}, 2, 2, 1, 1, false));
        assertEquals("tile 0 has 3 values, expected 2x2 = 4", e.getMessage());
    }
}
