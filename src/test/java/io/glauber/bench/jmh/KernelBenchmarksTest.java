package io.glauber.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/** The JMH benchmarks are found by JMH and run; no timing is asserted. */
class KernelBenchmarksTest {
  private static final List<Class<?>> BENCHMARKS =
      List.of(BlasBenchmark.class, BatchGibbsBenchmark.class, ElementwiseBenchmark.class, GlauberBenchmark.class);

  @Test
  void everyBenchmarkMethodIsInJmhsBenchmarkList() throws IOException {
    String list;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
      assertNotNull(in, "META-INF/BenchmarkList (written by JMH's annotation processor) is missing");
      list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Set<String> expected = new TreeSet<>();
    for (Class<?> c : BENCHMARKS) {
      for (Method m : c.getMethods()) if (m.isAnnotationPresent(Benchmark.class)) expected.add(c.getSimpleName() + "_" + m.getName() + "_jmhTest");
    }
    assertEquals(11, expected.size(), expected.toString());
    for (String name : expected) assertTrue(list.contains(name), name + " not in META-INF/BenchmarkList");
  }

  @Test
  void everyBenchmarkRunsOnItsSmallestParameters() throws Exception {
    for (Class<?> c : BENCHMARKS) {
      Object b = c.getConstructor().newInstance();
      // the first value of each @Param, as JMH would set it
      for (var f : c.getFields()) {
        var p = f.getAnnotation(org.openjdk.jmh.annotations.Param.class);
        if (p == null) continue;
        String v = p.value()[0];
        if (f.getType() == int.class) f.setInt(b, Integer.parseInt(v));
        else f.setDouble(b, Double.parseDouble(v));
      }
      invokeAnnotated(b, Setup.class);
      try {
        for (Method m : c.getMethods()) {
          if (m.isAnnotationPresent(Benchmark.class)) {
            for (int i = 0; i < 3; i++) assertNotNull(m.invoke(b), c.getSimpleName() + "." + m.getName());
          }
        }
      } finally {
        invokeAnnotated(b, TearDown.class);
      }
    }
  }

  private static void invokeAnnotated(Object b, Class<? extends java.lang.annotation.Annotation> a) throws Exception {
    for (Method m : b.getClass().getMethods()) if (m.isAnnotationPresent(a)) m.invoke(b);
  }
}
