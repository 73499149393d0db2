package io.glauber.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one CSV reader of the project (data sets and sample files): a UTF-8 text file of
 * comma-separated values, no header, no quoting; blank lines are skipped. What a cell must hold,
 * and how many per line, is the caller's to check and report.
 */
public final class CsvLines {
    private CsvLines() {}

    /** What to do with one non-blank line: its 1-based number and its cells, each stripped of blanks. */
    @FunctionalInterface
    public interface Line {
        void accept(int lineNo, String[] cells);
    }

    /** Calls {@code line} for every non-blank line of {@code path}, in order. */
    public static void forEach(Path path, Line line) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String text;
            int lineNo = 0;
            while ((text = r.readLine()) != null) {
                lineNo++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split(",", -1);
                for (int j = 0; j < cells.length; j++) {
                    cells[j] = cells[j].strip();
                }
                line.accept(lineNo, cells);
            }
        }
    }
}
