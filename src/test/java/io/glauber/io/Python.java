package io.glauber.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs python3 with numpy for interoperability tests; skips the test if either is missing. */
final class Python {

    private static Boolean available;

    private Python() {
    }

    static synchronized boolean available() {
        if (available == null) {
            try {
                available = exec(Path.of("."), "import numpy").exit == 0;
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }

    /** Runs {@code code} in {@code dir}, asserting success; returns stdout trimmed. */
    static String run(Path dir, String code) {
        assumeTrue(available(), "python3 with numpy is not available");
        try {
            Result r = exec(dir, code);
            assertEquals(0, r.exit, () -> "python failed: " + r.out);
            return r.out.strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private record Result(int exit, String out) {
    }

    private static Result exec(Path dir, String code) throws IOException {
        Process p = new ProcessBuilder("python3", "-c", code).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timeout");
            }
            return new Result(p.exitValue(), out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
