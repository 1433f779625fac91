#!/usr/bin/env python3
"""The side-by-side table of one bench/race.sh run.

Reads WORK/NAME.{copmap,kuzu,sqlite}.json (the runners' result documents) and
WORK/NAME.<engine>.time (/usr/bin/time -v), and prints a Markdown table:
median / p99 per engine and query, and the ratios copmap / best peer (below 1
means copmap is faster), plus load, commits, CPU time, peak RSS and disk.
"""
import argparse
import json
import math
import os
import re

READS = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8"]
PEERS = ["kuzu", "sqlite"]


def load(work, name, engine):
    path = os.path.join(work, f"{name}.{engine}.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def time_v(work, name, engine):
    """CPU seconds (user + sys) and max RSS (MiB) from /usr/bin/time -v."""
    path = os.path.join(work, f"{name}.{engine}.time")
    if not os.path.exists(path):
        return None, None
    text = open(path).read()
    num = lambda key: float(re.search(key + r":\s*([\d.]+)", text).group(1))
    return num("User time \\(seconds\\)") + num("System time \\(seconds\\)"), num("Maximum resident set size \\(kbytes\\)") / 1024


def fmt(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    return f"{x:.3f}"


def ratio(ours, best):
    if ours is None or best is None or best == 0:
        return "-"
    return f"{ours / best:.2f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--engines", default="copmap kuzu sqlite")
    ap.add_argument("--disk", action="append", default=[], help="engine=MiB")
    ap.add_argument("--load-before", default="")
    ap.add_argument("--load-after", default="")
    a = ap.parse_args()
    engines = a.engines.split()
    docs = {e: load(a.work, a.name, e) for e in engines}
    docs = {e: d for e, d in docs.items() if d}
    queries = {e: {q["query"]: q for q in d["queries"]} for e, d in docs.items()}
    disk = dict(x.split("=", 1) for x in a.disk)

    meta = next(iter(docs.values()))["meta"]
    print(f"dataset {a.name}: {meta['people']} people, seed {meta['seed']}, "
          f"{meta['total_nodes']} nodes, {meta['total_relationships']} relationships")
    print(f"load before: {a.load_before.strip()}")
    print(f"load after:  {a.load_after.strip()}")
    print()
    cols = [e for e in ["copmap"] + PEERS if e in docs]
    head = "| query | " + " | ".join(f"{e} median / p99 ms" for e in cols)
    if "copmap" in docs:
        head += " | ratio median | ratio p99 | checksums agree"
    print(head + " |")
    print("|" + "---|" * (head.count("|")))
    for name in READS:
        cells = []
        for e in cols:
            q = queries[e].get(name)
            cells.append(f"{fmt(q['median_ms'])} / {fmt(q['p99_ms'])}" if q else "-")
        row = f"| {name} | " + " | ".join(cells)
        if "copmap" in docs:
            ours = queries["copmap"].get(name)
            peers = [queries[p][name] for p in PEERS if p in docs and name in queries[p]]
            best_med = min((p["median_ms"] for p in peers), default=None)
            best_p99 = min((p["p99_ms"] for p in peers), default=None)
            sums = {q["checksum"] for q in [ours] + peers if q}
            row += (f" | {ratio(ours and ours['median_ms'], best_med)}"
                    f" | {ratio(ours and ours['p99_ms'], best_p99)}"
                    f" | {'yes' if len(sums) == 1 else 'NO'}")
        print(row + " |")
    # Load, writes, resources: one row each, higher-is-better rows say so.
    def row(label, values, better="lower"):
        line = f"| {label} | " + " | ".join(fmt(values.get(e)) for e in cols)
        if "copmap" in docs:
            peers = [values[p] for p in PEERS if values.get(p) is not None]
            ours = values.get("copmap")
            if peers and ours is not None:
                best = min(peers) if better == "lower" else max(peers)
                line += f" | {ratio(ours, best)} |  |"
            else:
                line += " | - |  |"
        print(line + " |")

    row("Q9 load (s)", {e: d.get("load", {}).get("total_s") for e, d in docs.items()})
    row("Q10 durable commits/s (higher is better)",
        {e: queries[e].get("Q10", {}).get("ops_per_s") for e in docs}, better="higher")
    cpu = {e: time_v(a.work, a.name, e) for e in docs}
    row("CPU user+sys, whole run (s)", {e: c[0] for e, c in cpu.items()})
    row("peak RSS (MiB)", {e: c[1] if c[1] is not None else docs[e].get("peak_rss_mib") for e, c in cpu.items()})
    sizes = {e: float(v) for e, v in disk.items() if e in docs}
    if "copmap" in docs:
        sizes["copmap"] = docs["copmap"].get("db_mib")
    row("database on disk at end (MiB)", sizes)


if __name__ == "__main__":
    main()
