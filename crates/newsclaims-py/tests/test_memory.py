"""Memory stays flat: 50 copies of the AllSides sample through analyze_many peak within 10% of
one copy (each run in a fresh interpreter, its peak resident set size from getrusage)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ALLSIDES, allsides_lines

COPIES = 50
# What "flat" means here: the bound on 50x against 1x.
MAX_GROWTH = 0.10

SCRIPT = """
import json, resource, sys
import newsclaims

path, copies = sys.argv[1], int(sys.argv[2])

def docs():
    for k in range(copies):
        with open(path, encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                doc["id"] = f"{doc['id']}-{k}"
                yield doc

records = claims = 0
for record in newsclaims.analyze_many(docs(), threads=2):
    records += 1
    claims += len(record.get("claims", ()))
print(records, claims, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak(copies: int) -> tuple[int, int, int]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(ALLSIDES), str(copies)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    records, claims, kilobytes = map(int, out.stdout.split())
    return records, claims, kilobytes


def test_memory_is_flat_over_fifty_copies_of_the_allsides_sample():
    lines = allsides_lines()
    one = peak(1)
    many = peak(COPIES)
    print(f"\npeak RSS: 1x {one[2] / 1024:.1f} MB, {COPIES}x {many[2] / 1024:.1f} MB")
    assert one[0] == len(lines) and many[0] == COPIES * len(lines)
    assert many[1] == COPIES * one[1]
    assert many[2] <= one[2] * (1 + MAX_GROWTH), (one, many)
