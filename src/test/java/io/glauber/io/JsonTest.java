package io.glauber.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {

    @TempDir
    Path dir;

    @Test
    void nonFiniteNumbersBecomeNullAndKeyOrderIsKept() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", 3);
        m.put("ll", Double.NaN);
        m.put("ais", Double.NEGATIVE_INFINITY);
        m.put("f", Float.POSITIVE_INFINITY);
        m.put("err", 0.25);
        m.put("xs", new double[] {1.5, Double.NaN});
        m.put("fs", new float[] {Float.NaN, 2f});
        m.put("list", List.of(1.0, Double.POSITIVE_INFINITY));
        m.put("engine", "batch");
        assertEquals("{\"epoch\":3,\"ll\":null,\"ais\":null,\"f\":null,\"err\":0.25,\"xs\":[1.5,null],"
                + "\"fs\":[null,2.0],\"list\":[1.0,null],\"engine\":\"batch\"}", Json.toLine(m));
    }

    @Test
    void anObjectKeepsItsPairsInOrderAndRefusesAnOddArgumentList() {
        assertEquals("{\"probe\":3,\"target\":null,\"overlaps\":[1.0,-0.5]}",
                Json.toLine(Json.object("probe", 3, "target", null, "overlaps", new double[] {1, -0.5})));
        assertThrows(IllegalArgumentException.class, () -> Json.object("probe", 3, "sweeps"));
        assertThrows(IllegalArgumentException.class, () -> Json.object(3, "probe"));
    }

    @Test
    void metricsWriterWritesOneFlushedLinePerRecord() throws IOException {
        Path f = dir.resolve("runs/metrics.jsonl");
        try (MetricsWriter w = MetricsWriter.open(f, false)) {
            w.write(Map.of("epoch", 1));
            assertEquals("{\"epoch\":1}\n", Files.readString(f), "flushed before close");
            w.write(Map.of("epoch", 2));
        }
        assertEquals(List.of("{\"epoch\":1}", "{\"epoch\":2}"), Files.readAllLines(f));
    }

    @Test
    void metricsWriterOnAStreamLeavesItOpen() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MetricsWriter w = MetricsWriter.to(bytes)) {
            w.write(Map.of("ok", true));
        }
        assertEquals("{\"ok\":true}\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
