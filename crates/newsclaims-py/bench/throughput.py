"""Throughput of analyze_many against the binary on the same JSON Lines file, same threads.

    python crates/newsclaims-py/bench/throughput.py BINARY FILE [--threads 1 2] [--runs 3]

Runs the binary (`--format jsonl`, output to /dev/null) and analyze_many (the file's lines
parsed with json.loads, every record turned into a dict and counted) in turn, `--runs` times
each, and prints the best time of each and their ratio. The machine's other work moves the
figures: compare runs made one after the other.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import time

import newsclaims


def binary_seconds(binary: str, path: str, threads: int) -> float:
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        subprocess.run(
            [binary, "--format", "jsonl", "--quiet", "--threads", str(threads), path],
            stdout=sink,
            check=False,
        )
    return time.perf_counter() - start


def module_seconds(path: str, threads: int) -> float:
    start = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        docs = (json.loads(line) for line in f if line.strip())
        records = sum(1 for _ in newsclaims.analyze_many(docs, threads=threads))
    assert records > 0
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("file")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    size = os.path.getsize(args.file) / 1e6
    for threads in args.threads:
        ours, theirs = [], []
        for _ in range(args.runs):
            theirs.append(binary_seconds(args.binary, args.file, threads))
            ours.append(module_seconds(args.file, threads))
        b, m = min(theirs), min(ours)
        print(
            f"threads {threads}: binary {b:.2f} s ({size / b:.2f} MB/s), "
            f"analyze_many {m:.2f} s ({size / m:.2f} MB/s), analyze_many/binary throughput {b / m:.3f}"
        )


if __name__ == "__main__":
    main()
