package io.glauber.hopfield;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Pictures of ±1 states as image grids (javax.imageio): one row per example, one panel per state
 * (e.g. stored | corrupted | recalled); +1 is drawn black, −1 white, anything in between grey.
 */
public final class PatternImages {
  private PatternImages() {}

  /**
   * Writes a PNG with one row per entry of {@code rows}; each row holds states of width×height
   * units (row-major), each drawn as a scale×scale block, with a gap of one block between panels;
   * an existing file is replaced.
   */
  public static void write(List<double[][]> rows, int width, int height, int scale, Path png) throws IOException {
    write(rows, width, height, scale, png, true);
  }

  /**
   * The picture of a recall run on square images: for the first ten probes a row stored | probe |
   * recalled (the stored pattern when the probe's target is known, else the probe again), each
   * unit a block of about 96/side pixels.
   *
   * @throws IllegalArgumentException if N is not a square
   */
  public static void writeRecall(AssociativeMemory model, RecallProbes probes, RecallReport report, Path png, boolean force) throws IOException {
    int n = model.size();
    int side = (int) Math.round(Math.sqrt(n));
    if (side * side != n) throw new IllegalArgumentException("square images needed (" + n + " units is not a square)");
    List<double[][]> rows = new java.util.ArrayList<>();
    for (int k = 0; k < Math.min(report.results().size(), 10); k++) {
      double[] probe = probes.states()[k];
      double[] original = probes.targets() != null ? Patterns.state(model.patterns()[probes.targets()[k]]) : probe;
      rows.add(new double[][] {original, probe, report.results().get(k).state()});
    }
    write(rows, side, side, Math.max(1, 96 / side), png, force);
  }

  /** {@link #write(List, int, int, int, Path)}, replacing an existing file only if {@code force}. */
  public static void write(List<double[][]> rows, int width, int height, int scale, Path png, boolean force) throws IOException {
    if (rows.isEmpty()) throw new IllegalArgumentException("no rows to draw (expected at least one)");
    int panels = rows.get(0).length;
    int gap = scale * 2;
    int w = panels * width * scale + (panels + 1) * gap;
    int h = rows.size() * height * scale + (rows.size() + 1) * gap;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, 0xB0B0B0);
    for (int r = 0; r < rows.size(); r++) {
      double[][] row = rows.get(r);
      if (row.length != panels) throw new IllegalArgumentException("row " + r + " has " + row.length + " panels (expected " + panels + ")");
      for (int p = 0; p < panels; p++) {
        if (row[p].length != width * height) {
          throw new IllegalArgumentException("row " + r + ", panel " + p + " has " + row[p].length + " units (expected " + width * height + ")");
        }
        int x0 = gap + p * (width * scale + gap);
        int y0 = gap + r * (height * scale + gap);
        for (int i = 0; i < height; i++) {
          for (int j = 0; j < width; j++) {
            double v = Math.max(-1, Math.min(1, row[p][i * width + j]));
            int g = (int) Math.round((1 - v) / 2 * 255);
            int rgb = (g << 16) | (g << 8) | g;
            for (int dy = 0; dy < scale; dy++) for (int dx = 0; dx < scale; dx++) img.setRGB(x0 + j * scale + dx, y0 + i * scale + dy, rgb);
          }
        }
      }
    }
    io.glauber.io.AtomicFiles.write(png, force, out -> ImageIO.write(img, "png", out));
  }
}
