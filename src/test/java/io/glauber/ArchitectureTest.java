package io.glauber;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.glauber.model.fixture.ModelThatImportsAnEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's dependency picture as tests. From the ground up:
 * <ol>
 *   <li>{@code model} and {@code data} depend on nothing of ours;
 *   <li>{@code kernel} and {@code exact} on {@code model}; {@code learn} on {@code model} and
 *       {@code kernel}; {@code io} on {@code model} and {@code data};
 *   <li>the engines ({@code engine.batch}, {@code engine.actor} with its {@code neuron},
 *       {@code layer} and {@code memory} parts, {@code engine.reference}) and {@code evaluate} on the packages below
 *       them, never on one another — but for the actor engine's shared root, which its parts
 *       may use and which uses neither, and for {@code engine.actor.cluster} (cluster mode), which
 *       hosts the neuron part's patch and neuron actors and the layer part's layer actors on
 *       every member and so may use both;
 *   <li>{@code engine.batch.cluster} (data-parallel training on a cluster) on the batched engine,
 *       the membership API of {@code engine.actor.cluster} and the actor root's serializer base,
 *       and what is below them; the batched engine itself never uses it (nor Akka);
 *   <li>{@code hopfield} (a model family's workflows: storage, recall on either engine, scoring) on
 *       everything below it;
 *   <li>{@code bench} (benchmarks and experiment harnesses), then {@code job} (what a command runs:
 *       where the engines meet) and {@code cli} at the top; nothing depends on {@code cli}, only
 *       {@code cli} on {@code job}, and only these two on {@code bench}.
 * </ol>
 * No package cycles anywhere. Every package-info states the rule that concerns it.
 */
class ArchitectureTest {
  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.glauber");
  }

  /** The layers of DESIGN.md and who each may use. */
  static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("model").definedBy("io.glauber.model..")
      .layer("data").definedBy("io.glauber.data..")
      .layer("kernel").definedBy("io.glauber.kernel..")
      .layer("exact").definedBy("io.glauber.exact..")
      .layer("learn").definedBy("io.glauber.learn..")
      .layer("io").definedBy("io.glauber.io..")
      .layer("batch engine").definedBy("io.glauber.engine.batch")
      .layer("batch cluster").definedBy("io.glauber.engine.batch.cluster..")
      .layer("actor engine root").definedBy("io.glauber.engine.actor")
      .layer("neuron actors").definedBy("io.glauber.engine.actor.neuron..")
      .layer("layer actors").definedBy("io.glauber.engine.actor.layer..")
      .layer("memory actors").definedBy("io.glauber.engine.actor.memory..")
      .layer("actor cluster").definedBy("io.glauber.engine.actor.cluster..")
      .layer("reference engine").definedBy("io.glauber.engine.reference..")
      .layer("evaluate").definedBy("io.glauber.evaluate..")
      .layer("hopfield").definedBy("io.glauber.hopfield..")
      .layer("bench").definedBy("io.glauber.bench..")
      .layer("job").definedBy("io.glauber.job..")
      .layer("cli").definedBy("io.glauber.cli..")
      .whereLayer("model").mayNotAccessAnyLayer()
      .whereLayer("data").mayNotAccessAnyLayer()
      .whereLayer("kernel").mayOnlyAccessLayers("model")
      .whereLayer("exact").mayOnlyAccessLayers("model")
      .whereLayer("learn").mayOnlyAccessLayers("model", "kernel")
      .whereLayer("io").mayOnlyAccessLayers("model", "data")
      .whereLayer("batch engine").mayOnlyAccessLayers("model", "data", "kernel", "exact", "learn", "io")
      .whereLayer("batch cluster").mayOnlyAccessLayers("batch engine", "actor cluster", "actor engine root", "model", "data", "kernel", "exact", "learn", "io")
      .whereLayer("actor engine root").mayOnlyAccessLayers("model", "data", "kernel", "exact", "learn", "io")
      .whereLayer("neuron actors").mayOnlyAccessLayers("actor engine root", "model", "data", "kernel", "exact", "learn", "io")
      .whereLayer("layer actors").mayOnlyAccessLayers("actor engine root", "model", "data", "kernel", "exact", "learn", "io")
      .whereLayer("memory actors").mayOnlyAccessLayers("actor engine root", "model", "data", "kernel", "exact", "learn", "io")
      .whereLayer("actor cluster").mayOnlyAccessLayers("actor engine root", "neuron actors", "layer actors", "model", "data", "kernel", "exact", "learn", "io")
      .whereLayer("reference engine").mayOnlyAccessLayers("model", "data", "kernel", "exact", "learn", "io")
      .whereLayer("evaluate").mayOnlyAccessLayers("model", "data", "kernel", "exact", "learn", "io")
      .whereLayer("hopfield").mayOnlyAccessLayers("model", "data", "kernel", "exact", "learn", "io",
          "batch engine", "actor engine root", "neuron actors", "layer actors", "memory actors", "actor cluster", "reference engine", "evaluate")
      .whereLayer("bench").mayOnlyAccessLayers("model", "data", "kernel", "exact", "learn", "io",
          "batch engine", "batch cluster", "actor engine root", "neuron actors", "layer actors", "memory actors", "actor cluster", "reference engine", "evaluate", "hopfield")
      .whereLayer("job").mayOnlyBeAccessedByLayers("cli")
      .whereLayer("cli").mayNotBeAccessedByAnyLayer();

  /** Packages (each engine part counted as one) form no cycle. */
  static final ArchRule NO_CYCLES = slices().matching("io.glauber.(**)").should().beFreeOfCycles();

  @Test
  void packagesDependOnlyDownwardAsDesignMdDraws() {
    LAYERS.check(main);
  }

  @Test
  void packagesFormNoCycles() {
    NO_CYCLES.check(main);
  }

  /** The rule is not vacuous: a model class that imports an engine is reported, by name. */
  @Test
  void aModelClassThatImportsAnEngineBreaksTheLayerRule() {
    JavaClasses withViolation = new ClassFileImporter().importPackages("io.glauber.model.fixture", "io.glauber.engine.batch");
    EvaluationResult result = LAYERS.evaluate(withViolation);
    assertTrue(result.hasViolation(), "a model class using engine.batch went unnoticed");
    String report = result.getFailureReport().toString();
    assertTrue(report.contains(ModelThatImportsAnEngine.class.getName()), report);
  }
}
