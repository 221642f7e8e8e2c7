"""Throughput of analyze_many against the binary on the same JSON Lines file, same threads.

    python crates/newsclaims-py/bench/throughput.py BINARY FILE [--threads 1 2] [--runs 3]

Runs the binary (`--format jsonl`, output to /dev/null) and analyze_many (the file's lines
parsed with json.loads, every record made a dict and counted) in turn, `--runs` times each, and
prints for each the best wall time and the best CPU time (user + system, all threads), and the
ratios of the binary's to analyze_many's: throughput relative to the binary. On a busy machine
wall time measures the neighbours as much as the work; the CPU time of the same work moves far
less, so the CPU ratio is the figure to compare there. Compare runs made one after the other.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import time

import newsclaims


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def binary_seconds(binary: str, path: str, threads: int) -> tuple[float, float]:
    """Wall and CPU seconds of the binary over `path`."""
    cpu = cpu_seconds(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        subprocess.run(
            [binary, "--format", "jsonl", "--quiet", "--threads", str(threads), path],
            stdout=sink,
            check=False,
        )
    return time.perf_counter() - start, cpu_seconds(resource.RUSAGE_CHILDREN) - cpu


def module_seconds(path: str, threads: int) -> tuple[float, float]:
    """Wall and CPU seconds of analyze_many over `path`, every record a dict."""
    cpu = cpu_seconds(resource.RUSAGE_SELF)
    start = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        docs = (json.loads(line) for line in f if line.strip())
        records = sum(1 for _ in newsclaims.analyze_many(docs, threads=threads))
    assert records > 0
    return time.perf_counter() - start, cpu_seconds(resource.RUSAGE_SELF) - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("file")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    size = os.path.getsize(args.file) / 1e6
    print(f"{args.file}: {size:.1f} MB, best of {args.runs} runs, os.cpu_count() {os.cpu_count()}")
    for threads in args.threads:
        ours, theirs = [], []
        for _ in range(args.runs):
            theirs.append(binary_seconds(args.binary, args.file, threads))
            ours.append(module_seconds(args.file, threads))
        (bw, bc), (mw, mc) = [(min(w for w, _ in t), min(c for _, c in t)) for t in (theirs, ours)]
        print(
            f"threads {threads}: binary {bw:.2f} s wall ({size / bw:.2f} MB/s), {bc:.2f} s CPU; "
            f"analyze_many {mw:.2f} s wall ({size / mw:.2f} MB/s), {mc:.2f} s CPU; "
            f"analyze_many/binary throughput: wall {bw / mw:.3f}, CPU {bc / mc:.3f}"
        )


if __name__ == "__main__":
    main()
