package io.glauber.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The idx: spec's downsample and classes options, and label units appended to a data set. */
class DownsampleAndLabelsTest {
  @TempDir Path dir;

  /** Two 4×4 images: pixel (r, c) of image n is given in bytes. */
  private static final int[][] PIXELS = {
      {255, 255, 0, 0,
       255, 0, 0, 0,
       0, 0, 128, 128,
       0, 0, 128, 127},
      {0, 0, 255, 255,
       0, 0, 255, 255,
       255, 0, 0, 0,
       0, 0, 0, 0}};

  private Path images() throws IOException {
    Path p = dir.resolve("images.idx");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(p))) {
      out.writeInt(Idx.IMAGES);
      out.writeInt(PIXELS.length);
      out.writeInt(4);
      out.writeInt(4);
      for (int[] image : PIXELS) for (int v : image) out.writeByte(v);
    }
    return p;
  }

  private Path labels(int... labels) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(Idx.LABELS);
      out.writeInt(labels.length);
      for (int l : labels) out.writeByte(l);
    }
    return Files.write(dir.resolve("labels.idx"), bytes.toByteArray());
  }

  @Test
  void downsamplingAveragesEachBlockOfGreyValuesThenThresholds() throws IOException {
    String spec = "idx:" + images() + "?labels=" + labels(3, 7) + "&downsample=2";
    Dataset grey = DataSpecs.load(spec);
    assertEquals(2, grey.imageWidth());
    assertEquals(2, grey.imageHeight());
    float q = 255f / 255 / 4;
    // image 0: blocks (3 of 4 at 255), (0), (0), (128+128+128+127)/255/4
    assertArrayEquals(new float[] {3 * q, 0, 0, (128 + 128 + 128 + 127) / 255f / 4}, grey.row(0, null), 1e-6f);
    assertArrayEquals(new float[] {0, 4 * q, q, 0}, grey.row(1, null), 1e-6f);
    Dataset binary = DataSpecs.load(spec + "&binarize=0.5");
    // 0.75 > 0.5 on; 511/1020 = 0.50098 > 0.5 on; 0.25 off: the threshold applies to the block mean
    assertArrayEquals(new float[] {1, 0, 0, 1}, binary.row(0, null));
    assertArrayEquals(new float[] {0, 1, 0, 0}, binary.row(1, null));
    assertArrayEquals(new int[] {3, 7}, binary.labels());
  }

  @Test
  void aFactorThatDoesNotDivideTheSidesIsRefused() throws IOException {
    String spec = "idx:" + images() + "?downsample=3";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSpecs.load(spec));
    assertTrue(e.getMessage().contains("downsample = 3 does not divide the 4x4 images"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DataSpecs.load("idx:" + dir.resolve("images.idx") + "?downsample=0"));
  }

  @Test
  void aLabelOutsideItsRangeIsNamedWithItsRow() throws IOException {
    String spec = "idx:" + images() + "?labels=" + labels(3, 12) + "&classes=10";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataSpecs.load(spec));
    assertTrue(e.getMessage().contains("label 12 at row 1 is outside 0..9"), e.getMessage());
    assertEquals(2, DataSpecs.load(spec.replace("classes=10", "classes=13")).rows());
  }

  @Test
  void labelUnitsAreAOneHotCodeAfterTheFeatures() throws IOException {
    Dataset d = DataSpecs.load("idx:" + images() + "?labels=" + labels(2, 0) + "&downsample=2&binarize=0.5");
    Dataset joint = LabelUnits.append(d, 3);
    assertEquals(4 + 3, joint.cols());
    assertArrayEquals(new float[] {1, 0, 0, 1, 0, 0, 1}, joint.row(0, null));
    assertArrayEquals(new float[] {0, 1, 0, 0, 1, 0, 0}, joint.row(1, null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelUnits.append(d, 2));
    assertTrue(e.getMessage().contains("label 2 at row 0 is outside 0..1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LabelUnits.append(Dataset.of("x", 1, 2, new float[2]), 3));
  }
}
