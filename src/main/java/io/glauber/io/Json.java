package io.glauber.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-line JSON for machine-readable output ({@code --json}) and JSON-lines metrics. Maps keep their
 * iteration order (use a {@link java.util.LinkedHashMap} for a stable key order); NaN and infinite
 * numbers, which JSON cannot represent, are written as {@code null}.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("glauber-finite")
                    .addSerializer(Double.class, new FiniteDouble())
                    .addSerializer(Double.TYPE, new FiniteDouble())
                    .addSerializer(Float.class, new FiniteFloat())
                    .addSerializer(Float.TYPE, new FiniteFloat())
                    .addSerializer(double[].class, new FiniteDoubles())
                    .addSerializer(float[].class, new FiniteFloats()))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /** The map as one line of JSON, without a trailing newline. */
    public static String toLine(Map<String, ?> fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A JSON object of keys and values in the order given, e.g. {@code object("probe", 3, "sweeps", 7)}
     * for {@code {"probe":3,"sweeps":7}}; null values are kept (written as {@code null}).
     *
     * @throws IllegalArgumentException if the arguments are not pairs of a string key and a value
     */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(keysAndValues.length + " arguments (expected key, value pairs)");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            if (!(keysAndValues[k] instanceof String key)) {
                throw new IllegalArgumentException("key " + keysAndValues[k] + " at argument " + k + " (expected a string)");
            }
            m.put(key, keysAndValues[k + 1]);
        }
        return m;
    }

    /** The configured mapper (shared; do not reconfigure). */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static void number(double v, JsonGenerator g) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    private static final class FiniteDouble extends StdSerializer<Double> {
        private static final long serialVersionUID = 1L;

        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            number(v, g);
        }
    }

    private static final class FiniteFloat extends StdSerializer<Float> {
        private static final long serialVersionUID = 1L;

        FiniteFloat() {
            super(Float.class);
        }

        @Override
        public void serialize(Float v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (Float.isFinite(v)) {
                g.writeNumber(v);
            } else {
                g.writeNull();
            }
        }
    }

    private static final class FiniteDoubles extends StdSerializer<double[]> {
        private static final long serialVersionUID = 1L;

        FiniteDoubles() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray();
            for (double x : v) {
                number(x, g);
            }
            g.writeEndArray();
        }
    }

    private static final class FiniteFloats extends StdSerializer<float[]> {
        private static final long serialVersionUID = 1L;

        FiniteFloats() {
            super(float[].class);
        }

        @Override
        public void serialize(float[] v, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray();
            for (float x : v) {
                if (Float.isFinite(x)) {
                    g.writeNumber(x);
                } else {
                    g.writeNull();
                }
            }
            g.writeEndArray();
        }
    }
}
