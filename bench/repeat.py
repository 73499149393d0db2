#!/usr/bin/env python3
"""Runs a `glauber bench ... --json` command N times, each in a fresh JVM, and summarises every
numeric key over the runs: median, min, max. Prints one JSON object per result line of the command
(`bench actor --side 32,100,316` prints three), keyed like the command's own output.

Why: on this project's 2-core machine a benchmark's figures move by 10-50% from one JVM to the next
(docs/BENCHMARKS.md, fifth session), while they hold within a JVM. A single run cannot settle a
target; the median over fresh JVMs can.

    python3 bench/repeat.py 5 -- bin/glauber bench layer --json
    python3 bench/repeat.py 4 --keys ns_per_update,engine_vs_ceiling -- bin/glauber bench actor --json --side 32,316

Standard library only. Stops with a one-line error if a run fails or prints no JSON.
"""
import argparse
import json
import statistics
import subprocess
import sys


def runs(n, command):
    """The JSON result lines of each of n runs of command: a list (per run) of lists (per line)."""
    out = []
    for i in range(n):
        try:
            p = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except OSError as e:
            raise SystemExit(f"repeat: cannot run {command[0]}: {e.strerror}")
        if p.returncode != 0:
            last = (p.stderr.strip().splitlines() or ["(no message)"])[-1]
            raise SystemExit(f"repeat: run {i + 1} of {n} failed (exit {p.returncode}): {last}")
        lines = [json.loads(l) for l in p.stdout.splitlines() if l.startswith("{")]
        if not lines:
            raise SystemExit(f"repeat: run {i + 1} of {n} printed no JSON line (did the command get --json?)")
        if out and len(lines) != len(out[0]):
            raise SystemExit(f"repeat: run {i + 1} printed {len(lines)} result lines, run 1 printed {len(out[0])}")
        out.append(lines)
        print(f"repeat: run {i + 1} of {n} done", file=sys.stderr)
    return out


def summary(results, keys):
    """Per result line: every numeric key (or the chosen ones) as median, min, max and the values."""
    lines = []
    for j in range(len(results[0])):
        first = results[0][j]
        line = {k: v for k, v in first.items() if isinstance(v, str)}  # labels such as benchmark, data
        for k, v in first.items():
            if isinstance(v, bool) or not isinstance(v, (int, float)) or (keys and k not in keys):
                continue
            xs = [r[j][k] for r in results if isinstance(r[j].get(k), (int, float))]
            line[k] = {"median": statistics.median(xs), "min": min(xs), "max": max(xs), "runs": xs}
        lines.append(line)
    return lines


def main():
    argv = sys.argv[1:]
    if "--" not in argv:
        raise SystemExit("repeat: no command (give it after --)")
    cut = argv.index("--")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], usage="repeat.py N [--keys K,...] -- COMMAND...")
    ap.add_argument("n", type=int, help="number of runs (fresh JVMs)")
    ap.add_argument("--keys", help="comma-separated keys to summarise (default: every numeric key)")
    a = ap.parse_args(argv[:cut])
    command = argv[cut + 1:]
    if a.n < 1:
        raise SystemExit(f"repeat: {a.n} runs (expected at least 1)")
    if not command:
        raise SystemExit("repeat: no command (give it after --)")
    keys = set(a.keys.split(",")) if a.keys else None
    for line in summary(runs(a.n, command), keys):
        print(json.dumps(line))


if __name__ == "__main__":
    main()
