package io.glauber.data;

import io.glauber.data.CsvLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns a data spec (DESIGN.md, "Data specs") into a {@link Dataset}:
 * <ul>
 * <li>{@code bas:RxC} — bars and stripes on an R×C grid: every pattern whose rows are each constant
 *     (stripes) or whose columns are each constant (bars). The all-0 and all-1 patterns are both and
 *     appear once, so there are 2^R + 2^C − 2 patterns (30 for 4×4, 14 for 3×3): stripes first, in
 *     order of the bit mask over rows, then the remaining bars. Images C wide, R high.</li>
 * <li>{@code encoder:N-M-N} — the encoder problem of Ackley, Hinton and Sejnowski (1985): N one-hot
 *     patterns, each presented on both the input group and the output group, so row i has 2N units,
 *     with units i and N+i on. The M hidden units belong to the model, not the data. Label i.</li>
 * <li>{@code patterns:random?n=100&count=10&seed=1&p=0.5} — {@code count} random {0,1} patterns of
 *     {@code n} units, each unit 1 with probability {@code p} (default 0.5), drawn in row-major order
 *     as {@code nextDouble() < p} from {@code new SplittableRandom(seed)} (seed default 1).</li>
 * <li>{@code idx:PATH?binarize=T&limit=N&labels=PATH2&downsample=K&classes=C} — MNIST IDX images,
 *     gzip or plain, pixels scaled to [0,1]; with {@code downsample=K} each K×K block is replaced by
 *     the mean of its grey values (28×28 → 14×14 for K = 2, see {@link Downsample}); then, with
 *     {@code binarize=T}, each value v becomes 1 if v > T, else 0 (thresholding after the mean, so
 *     a block is on when its mean grey level is above T). Only the first N images if {@code limit}
 *     is given. Labels from PATH2, or else from the sibling file by MNIST naming
 *     ({@code train-images-idx3-ubyte[.gz]} → {@code train-labels-idx1-ubyte[.gz]}), or none; with
 *     {@code classes=C} every label must lie in 0..C−1 (a label outside names its row).</li>
 * <li>{@code csv:PATH} — numeric rows separated by commas, no header, all of one length, finite.</li>
 * </ul>
 */
public final class DataSpecs {

    private static final String EXPECTED = "expected bas:RxC, encoder:N-M-N, patterns:random?..., idx:PATH, csv:PATH";
    /** Largest side of a bars-and-stripes grid: 2^20 stripes is already a lot of data. */
    private static final int MAX_BAS_SIDE = 20;

    private DataSpecs() {
    }

    /**
     * Loads the data set a spec describes; the data set's name is the spec.
     *
     * @throws IllegalArgumentException     for an unknown or malformed spec or bad file content
     * @throws java.io.UncheckedIOException {@code "no such file: PATH"} or another I/O failure
     */
    public static Dataset load(String spec) {
        int colon = spec.indexOf(':');
        String scheme = colon < 0 ? "" : spec.substring(0, colon);
        String rest = colon < 0 ? "" : spec.substring(colon + 1);
        return switch (scheme) {
            case "bas" -> bas(spec, rest);
            case "encoder" -> encoder(spec, rest);
            case "patterns" -> patterns(spec, rest);
            case "idx" -> idx(spec, rest);
            case "csv" -> csv(spec, Path.of(rest));
            default -> throw new IllegalArgumentException("unknown data spec '" + spec + "'; " + EXPECTED);
        };
    }

    /** Bars and stripes on a {@code height × width} grid. */
    public static Dataset barsAndStripes(int height, int width) {
        String name = "bas:" + height + "x" + width;
        if (height < 1 || width < 1 || height > MAX_BAS_SIDE || width > MAX_BAS_SIDE) {
            throw new IllegalArgumentException(name + ": sides must be between 1 and " + MAX_BAS_SIDE);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<float[]> patterns = new ArrayList<>();
        for (int bars = 0; bars < 2; bars++) {
            int lines = bars == 0 ? height : width;
            for (int mask = 0; mask < 1 << lines; mask++) {
                float[] p = new float[height * width];
                for (int r = 0; r < height; r++) {
                    for (int c = 0; c < width; c++) {
                        p[r * width + c] = (mask >> (bars == 0 ? r : c) & 1);
                    }
                }
                if (seen.add(java.util.Arrays.toString(p))) {
                    patterns.add(p);
                }
            }
        }
        return new Dataset(name, patterns.size(), height * width, concat(patterns, height * width), null, width, height);
    }

    /** The N-M-N encoder data: N rows of 2N units, row i with units i and N+i on, labelled i. */
    public static Dataset encoder(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("encoder: N = " + n + ", expected at least 1");
        }
        float[] v = new float[n * 2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            v[i * 2 * n + i] = 1;
            v[i * 2 * n + n + i] = 1;
            labels[i] = i;
        }
        return new Dataset("encoder:" + n, n, 2 * n, v, labels, 0, 0);
    }

    /** {@code count} random {0,1} patterns of {@code n} units with P(1) = p, from {@code SplittableRandom(seed)}. */
    public static Dataset randomPatterns(int n, int count, long seed, double p) {
        String name = "patterns:random?n=" + n + "&count=" + count + "&seed=" + seed + "&p=" + p;
        if (n < 1 || count < 1 || (long) n * count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": n and count must be ≥ 1 and n·count < 2^31");
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + ": p = " + p + ", expected a probability in [0, 1]");
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n * count];
        for (int k = 0; k < v.length; k++) {
            v[k] = random.nextDouble() < p ? 1 : 0;
        }
        return Dataset.of(name, count, n, v);
    }

    private static Dataset bas(String spec, String rest) {
        String[] sides = rest.split("x", -1);
        if (sides.length != 2) {
            throw new IllegalArgumentException("data spec '" + spec + "': expected bas:RxC, e.g. bas:4x4");
        }
        Dataset d = barsAndStripes(parseInt(spec, "R", sides[0]), parseInt(spec, "C", sides[1]));
        return rename(d, spec);
    }

    private static Dataset encoder(String spec, String rest) {
        String[] parts = rest.split("-", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("data spec '" + spec + "': expected encoder:N-M-N, e.g. encoder:4-2-4");
        }
        int n = parseInt(spec, "N", parts[0]);
        int m = parseInt(spec, "M", parts[1]);
        int n2 = parseInt(spec, "N", parts[2]);
        if (n != n2 || n < 1 || m < 1) {
            throw new IllegalArgumentException("data spec '" + spec
                    + "': expected encoder:N-M-N with equal outer sizes N ≥ 1 and M ≥ 1");
        }
        return rename(encoder(n), spec);
    }

    private static Dataset patterns(String spec, String rest) {
        int q = rest.indexOf('?');
        String kind = q < 0 ? rest : rest.substring(0, q);
        if (!kind.equals("random")) {
            throw new IllegalArgumentException("data spec '" + spec + "': unknown pattern kind '" + kind
                    + "', expected patterns:random?n=N&count=K[&seed=S][&p=P]");
        }
        Map<String, String> params = query(spec, q < 0 ? "" : rest.substring(q + 1), Set.of("n", "count", "seed", "p"));
        for (String required : List.of("n", "count")) {
            if (!params.containsKey(required)) {
                throw new IllegalArgumentException("data spec '" + spec + "': missing parameter '" + required
                        + "', expected patterns:random?n=N&count=K[&seed=S][&p=P]");
            }
        }
        long seed = params.containsKey("seed") ? parseLong(spec, "seed", params.get("seed")) : 1;
        double p = params.containsKey("p") ? parseDouble(spec, "p", params.get("p")) : 0.5;
        Dataset d = randomPatterns(parseInt(spec, "n", params.get("n")), parseInt(spec, "count", params.get("count")), seed, p);
        return rename(d, spec);
    }

    private static Dataset idx(String spec, String rest) {
        int q = rest.indexOf('?');
        Path images = Path.of(q < 0 ? rest : rest.substring(0, q));
        Map<String, String> params = query(spec, q < 0 ? "" : rest.substring(q + 1), Set.of("binarize", "limit", "labels", "downsample", "classes"));
        double threshold = Double.NaN;
        if (params.containsKey("binarize")) {
            threshold = parseDouble(spec, "binarize", params.get("binarize"));
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("data spec '" + spec + "': binarize = " + threshold
                        + ", expected a threshold in [0, 1]");
            }
        }
        int limit = Integer.MAX_VALUE;
        if (params.containsKey("limit")) {
            limit = parseInt(spec, "limit", params.get("limit"));
            if (limit < 1) {
                throw new IllegalArgumentException("data spec '" + spec + "': limit = " + limit + ", expected at least 1");
            }
        }
        int factor = params.containsKey("downsample") ? parseInt(spec, "downsample", params.get("downsample")) : 1;
        int classes = params.containsKey("classes") ? parseInt(spec, "classes", params.get("classes")) : 0;
        if (factor < 1 || (params.containsKey("classes") && classes < 1)) {
            throw new IllegalArgumentException("data spec '" + spec + "': downsample = " + factor + ", classes = "
                    + classes + ", expected downsample ≥ 1 and classes ≥ 1");
        }
        Path labelsPath = params.containsKey("labels") ? Path.of(params.get("labels")) : siblingLabels(images);
        if (params.containsKey("classes") && labelsPath == null) {
            throw new IllegalArgumentException("data spec '" + spec + "': classes given but no label file (add labels=PATH)");
        }
        Idx.Images img = Idx.readImages(images, limit, factor == 1 ? threshold : Double.NaN);
        if (factor > 1) {
            img = Downsample.meanPool(img, factor, threshold, spec);
        }
        int[] labels = null;
        if (labelsPath != null) {
            Idx.Labels l = Idx.readLabels(labelsPath, limit);
            if (l.total() != img.total()) {
                throw new IllegalArgumentException("count mismatch: " + images + " has " + img.total()
                        + " images but " + labelsPath + " has " + l.total() + " labels");
            }
            labels = l.labels();
            if (classes > 0) {
                LabelUnits.checkRange(labels, classes, spec + " (labels " + labelsPath + ")");
            }
        }
        return new Dataset(spec, img.count(), img.height() * img.width(), img.values(), labels, img.width(), img.height());
    }

    /** The labels file beside an MNIST images file, by the MNIST naming convention, or null if there is none. */
    static Path siblingLabels(Path images) {
        String name = images.getFileName().toString();
        if (!name.contains("images-idx3")) {
            return null;
        }
        String base = name.replace("images-idx3", "labels-idx1");
        String other = base.endsWith(".gz") ? base.substring(0, base.length() - 3) : base + ".gz";
        for (String candidate : List.of(base, other)) {
            Path p = images.resolveSibling(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static Dataset csv(String spec, Path path) {
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + ": is a directory, expected a CSV file");
        }
        List<float[]> rows = new ArrayList<>();
        try {
            CsvLines.forEach(path, (lineNo, cells) -> {
                if (!rows.isEmpty() && cells.length != rows.get(0).length) {
                    throw new IllegalArgumentException(path + ": line " + lineNo + " has " + cells.length
                            + " values, expected " + rows.get(0).length + " like the first row");
                }
                float[] row = new float[cells.length];
                for (int j = 0; j < cells.length; j++) {
                    row[j] = csvCell(path, lineNo, j, cells[j]);
                }
                rows.add(row);
            });
        } catch (IOException e) {
            throw Idx.unchecked(path, e);
        }
        int cols = rows.isEmpty() ? 1 : rows.get(0).length;
        return Dataset.of(spec, rows.size(), cols, concat(rows, cols));
    }

    private static float csvCell(Path path, int line, int col, String cell) {
        float v;
        try {
            // Java also parses "1f", "1d" and hex floats; a CSV number is decimal only
            if (!cell.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(NaN|Infinity|inf|Inf|nan)")) {
                throw new NumberFormatException();
            }
            v = Float.parseFloat(cell.replaceAll("(?i)^([+-]?)inf$", "$1Infinity").replaceAll("(?i)^[+-]?nan$", "NaN"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": line " + line + ", column " + (col + 1)
                    + ": expected a number, found '" + cell + "'");
        }
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException(path + ": line " + line + ", column " + (col + 1) + ": value '" + cell
                    + "' is not finite (or out of float range), expected a finite number");
        }
        return v;
    }

    private static Map<String, String> query(String spec, String query, Set<String> allowed) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (eq < 0 || !allowed.contains(key)) {
                throw new IllegalArgumentException("data spec '" + spec + "': bad parameter '" + pair
                        + "', expected key=value with key one of " + new java.util.TreeSet<>(allowed));
            }
            if (params.put(key, pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("data spec '" + spec + "': parameter '" + key + "' given twice");
            }
        }
        return params;
    }

    private static int parseInt(String spec, String what, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("data spec '" + spec + "': " + what + " = '" + text + "', expected an integer");
        }
    }

    private static long parseLong(String spec, String what, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("data spec '" + spec + "': " + what + " = '" + text + "', expected an integer");
        }
    }

    private static double parseDouble(String spec, String what, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("data spec '" + spec + "': " + what + " = '" + text + "', expected a number");
        }
    }

    private static Dataset rename(Dataset d, String name) {
        return new Dataset(name, d.rows(), d.cols(), d.values(), d.labels(), d.imageWidth(), d.imageHeight());
    }

    private static float[] concat(List<float[]> rows, int cols) {
        float[] v = new float[rows.size() * cols];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, v, i * cols, cols);
        }
        return v;
    }
}
