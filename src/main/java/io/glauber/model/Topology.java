package io.glauber.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Which units of a Boltzmann machine are coupled: the units are split into named groups of
 * consecutive indices, and a link between two groups (or a group and itself) couples every unit of
 * one to every unit of the other. Fully connected (seed 000: visible–visible, hidden–hidden and
 * visible–hidden terms), restricted (visible–hidden only; seed 003's RBM) and the encoder networks of
 * Ackley, Hinton and Sejnowski (1985; two visible groups that are not coupled to each other, the
 * hidden group between them) are all topologies.
 *
 * <p>Validated: every unit is in exactly one group (the groups cover 0..size−1 without overlap),
 * group names are distinct, links name existing groups. The coupled pairs are listed i &lt; j in
 * row order ({@link #pairs()}), which is the order of {@link Couplings#pairs()} of the couplings this
 * topology builds ({@link #couplings}), so weights and statistics line up.
 *
 * @param size number of units n ≥ 1
 * @param groups the groups, each a range of units
 * @param links the coupled group pairs
 */
public record Topology(int size, List<Group> groups, List<Link> links) {

  /** Units [from, to) under a name. */
  public record Group(String name, int from, int to) {
    public Group {
      if (name == null || name.isBlank() || name.contains("-")) {
        throw new IllegalArgumentException("topology group name '" + name + "' (expected a non-empty name without '-')");
      }
      if (from < 0 || to <= from) {
        throw new IllegalArgumentException("topology group " + name + " = units [" + from + ", " + to + ") (expected a non-empty range from 0)");
      }
    }

    /** Number of units in the group. */
    public int count() {
      return to - from;
    }
  }

  /** Every unit of group {@code a} coupled to every unit of group {@code b} (a = b: within the group). */
  public record Link(String a, String b) {
    public Link {
      if (a == null || b == null) throw new IllegalArgumentException("topology link with a missing group (expected GROUP-GROUP)");
    }
  }

  public Topology {
    if (size < 1) throw new IllegalArgumentException("topology of " + size + " units (expected ≥ 1)");
    if (groups == null || groups.isEmpty()) throw new IllegalArgumentException("topology without groups (expected at least one)");
    groups = List.copyOf(groups);
    links = List.copyOf(links == null ? List.of() : links);
    int[] owner = new int[size];
    Arrays.fill(owner, -1);
    Map<String, Group> byName = new LinkedHashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      Group group = groups.get(g);
      if (byName.put(group.name(), group) != null) throw new IllegalArgumentException("topology group " + group.name() + " given twice (expected distinct names)");
      if (group.to() > size) {
        throw new IllegalArgumentException("topology group " + group.name() + " = units " + group.from() + "-" + (group.to() - 1)
            + " (expected units within 0-" + (size - 1) + ")");
      }
      for (int i = group.from(); i < group.to(); i++) {
        if (owner[i] >= 0) {
          throw new IllegalArgumentException("topology: unit " + i + " is in groups " + groups.get(owner[i]).name() + " and " + group.name()
              + " (expected every unit in exactly one group)");
        }
        owner[i] = g;
      }
    }
    int covered = 0;
    int firstMissing = -1;
    for (int i = 0; i < size; i++) {
      if (owner[i] >= 0) covered++;
      else if (firstMissing < 0) firstMissing = i;
    }
    if (covered != size) {
      throw new IllegalArgumentException("topology: groups cover " + covered + " of " + size + " units (unit " + firstMissing
          + " is in no group; expected every unit in exactly one group)");
    }
    for (Link l : links) {
      for (String name : List.of(l.a(), l.b())) {
        if (!byName.containsKey(name)) {
          throw new IllegalArgumentException("topology link " + l.a() + "-" + l.b() + " names group " + name + " (expected one of " + byName.keySet() + ")");
        }
      }
    }
  }

  /** Every pair of units coupled: one group, linked to itself. */
  public static Topology full(int n) {
    return new Topology(n, List.of(new Group("all", 0, n)), List.of(new Link("all", "all")));
  }

  /** Visible units coupled to hidden units only (the RBM's bipartite graph). */
  public static Topology restricted(int nVisible, int nHidden) {
    if (nVisible < 1 || nHidden < 1) {
      throw new IllegalArgumentException("restricted topology of " + nVisible + " visible and " + nHidden + " hidden units (expected ≥ 1 each)");
    }
    return new Topology(nVisible + nHidden, List.of(new Group("visible", 0, nVisible), new Group("hidden", nVisible, nVisible + nHidden)),
        List.of(new Link("visible", "hidden")));
  }

  /**
   * Parses groups "NAME=FROM-TO, ..." (inclusive unit ranges, e.g. "in=0-3, out=4-7, hidden=8-9"; a
   * single unit as "NAME=K") and links "A-B, ..." (e.g. "in-in, in-hidden, out-out, out-hidden").
   */
  public static Topology parse(int size, String groups, String links) {
    List<Group> gs = new ArrayList<>();
    for (String part : split(groups)) {
      int eq = part.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("topology group '" + part + "' (expected NAME=FROM-TO, e.g. hidden=8-9)");
      String range = part.substring(eq + 1).trim();
      int dash = range.indexOf('-');
      try {
        int from = Integer.parseInt((dash < 0 ? range : range.substring(0, dash)).trim());
        int to = dash < 0 ? from : Integer.parseInt(range.substring(dash + 1).trim());
        gs.add(new Group(part.substring(0, eq).trim(), from, to + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("topology group '" + part + "' (expected NAME=FROM-TO with unit numbers, e.g. hidden=8-9)");
      }
    }
    List<Link> ls = new ArrayList<>();
    for (String part : split(links)) {
      int dash = part.indexOf('-');
      if (dash <= 0 || dash == part.length() - 1) throw new IllegalArgumentException("topology link '" + part + "' (expected GROUP-GROUP, e.g. in-hidden)");
      ls.add(new Link(part.substring(0, dash).trim(), part.substring(dash + 1).trim()));
    }
    return new Topology(size, gs, ls);
  }

  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) return out;
    for (String p : text.split(",")) if (!p.isBlank()) out.add(p.trim());
    return out;
  }

  /** The group named {@code name}. */
  public Group group(String name) {
    for (Group g : groups) if (g.name().equals(name)) return g;
    throw new IllegalArgumentException("topology has no group " + name + " (expected one of " + groups.stream().map(Group::name).toList() + ")");
  }

  /** Whether units i and j (i ≠ j) are coupled. */
  public boolean coupled(int i, int j) {
    if (i == j) return false;
    for (Link l : links) {
      Group a = group(l.a());
      Group b = group(l.b());
      if ((in(a, i) && in(b, j)) || (in(a, j) && in(b, i))) return true;
    }
    return false;
  }

  private static boolean in(Group g, int i) {
    return i >= g.from() && i < g.to();
  }

  /** The coupled pairs (i, j), i &lt; j, in row order: 2·m entries. */
  public int[] pairs() {
    int[] out = new int[size * (size - 1)];
    int m = 0;
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        if (coupled(i, j)) {
          out[m++] = i;
          out[m++] = j;
        }
      }
    }
    return Arrays.copyOf(out, m);
  }

  /** Whether every pair is coupled (then {@link #couplings} are dense). */
  public boolean isFull() {
    return pairs().length == size * (size - 1);
  }

  /**
   * Couplings on this graph with the given pair weights (order of {@link #pairs()}): a
   * {@link DenseCouplings} when every pair is coupled, a {@link SparseCouplings} otherwise.
   */
  public Couplings couplings(double[] pairWeights) {
    int[] p = pairs();
    if (pairWeights.length != p.length / 2) {
      throw new IllegalArgumentException("pair weights of length " + pairWeights.length + " (expected " + p.length / 2 + " coupled pairs)");
    }
    if (p.length == size * (size - 1)) return new DenseCouplings(size, new double[size * size]).withPairWeights(pairWeights);
    return new SparseCouplings(size, p, pairWeights);
  }

  /**
   * A machine on this graph with weights w_ij ~ N(0, std²) (drawn in pair order; all zero when std
   * is 0) and zero biases.
   */
  public BoltzmannMachine machine(Units units, int nVisible, double temperature, double std, SplittableRandom rng) {
    if (!(std >= 0) || Double.isInfinite(std)) throw new IllegalArgumentException("initial weight std " + std + " (expected finite ≥ 0)");
    double[] w = new double[pairs().length / 2];
    if (std > 0) for (int m = 0; m < w.length; m++) w[m] = std * Gaussian.standard(rng);
    return new BoltzmannMachine(units, couplings(w), new double[size], nVisible, temperature);
  }
}
