package io.glauber.job;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import io.glauber.data.DataSpecs;
import io.glauber.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * HOCON experiment configurations: a file from {@code config/}, overridden by {@code --set
 * key=value} pairs (each parsed as HOCON, so {@code --set train.epochs=10} and {@code --set
 * 'data="bas:3x3"'} both work), resolved.
 */
public final class Configs {
  private Configs() {}

  /** Loads a configuration file with overrides; errors name the file and the problem. */
  public static Config load(Path file, List<String> overrides) {
    if (!Files.exists(file)) throw new IllegalArgumentException("no such file: " + file);
    Config merged;
    try {
      merged = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
    } catch (ConfigException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("--set " + o + " (expected key=value)");
      String key = o.substring(0, eq).trim();
      String value = o.substring(eq + 1).trim();
      Config one;
      try {
        one = ConfigFactory.parseString(key + " = " + value);
      } catch (ConfigException e) {
        one = ConfigFactory.parseString(key + " = " + com.typesafe.config.ConfigUtil.quoteString(value));
      }
      merged = one.withFallback(merged);
    }
    try {
      return merged.resolve();
    } catch (ConfigException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
  }

  /** A required value, with the key named when missing or of the wrong type. */
  public static <T> T get(Config c, String key, java.util.function.BiFunction<Config, String, T> getter) {
    try {
      return getter.apply(c, key);
    } catch (ConfigException.Missing e) {
      throw new IllegalArgumentException("config: missing key '" + key + "'");
    } catch (ConfigException.WrongType e) {
      throw new IllegalArgumentException("config: key '" + key + "': " + e.getMessage());
    }
  }

  /** An optional value with a default. */
  public static <T> T get(Config c, String key, java.util.function.BiFunction<Config, String, T> getter, T fallback) {
    return c.hasPath(key) ? get(c, key, getter) : fallback;
  }

  /** {@code eval.every}: epochs between evaluations (at least 1; the last epoch is always evaluated). */
  public static int evalEvery(Config c, int fallback) {
    int every = get(c, "eval.every", Config::getInt, fallback);
    if (every < 1) throw new IllegalArgumentException("config: eval.every = " + every + " (expected at least 1 epoch)");
    return every;
  }

  /** The data set of {@code data}, which must be binary (the RBM and Boltzmann-machine jobs). */
  public static Dataset binaryData(Config c) {
    return DataSpecs.load(get(c, "data", Config::getString)).requireBinary();
  }
}
