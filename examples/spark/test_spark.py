"""The Spark examples in Spark local mode (`local[2]`), against the binary run locally.

- `pipe_job`: the set of output records equals the binary's on the same input (the fixture
  articles, 200 AllSides articles, malformed lines), and each partition gives one output line
  per input line.
- `dataframe_job`: its rows equal the binary's CSV rows on the same articles.

Needs Java and PySpark (`.ci/run` and `cargo xtask ci` install them); without either the test
fails, saying which is missing. The binary is `NEWSCLAIMS_BIN`, else `target/release/newsclaims`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import dataframe_job  # noqa: E402
import pipe_job  # noqa: E402

ALLSIDES = ROOT.parent / "shared" / "data" / "news" / "allsides_2015_2020_sample1000.jsonl"
ALLSIDES_ARTICLES = 200
MALFORMED = ["not json at all", "[1, 2]", '{"id": "no-text"}', "", '{"id": "t", "text": 5}', "{"]
PARTITIONS = 4


def binary() -> str:
    path = Path(os.environ.get("NEWSCLAIMS_BIN", ROOT / "target" / "release" / "newsclaims"))
    if not path.is_file():
        pytest.fail(f"the newsclaims binary is not at {path}: `cargo build --release -p newsclaims`")
    return str(path)


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None:
        pytest.fail("Java is missing: the Spark test needs a JDK 17 (Debian: openjdk-17-jre-headless)")
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:
        pytest.fail(f"PySpark is not installed ({e}): `pip install pyspark` into this environment")
    # The workers run this interpreter, which has the newsclaims package.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    # Local mode talks to itself only.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsclaims-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    # The executors import the job's functions by module, as `--py-files` ships them.
    session.sparkContext.addPyFile(str(HERE / "dataframe_job.py"))
    yield session
    session.stop()


def articles() -> list[str]:
    """JSON lines of the fixture articles and of 200 AllSides articles (when present)."""
    lines = []
    for path in sorted((ROOT / "fixtures" / "articles").glob("*.txt")):
        record = {"id": path.stem, "title": path.stem.replace("-", " "), "text": path.read_text("utf-8")}
        lines.append(json.dumps(record, ensure_ascii=False))
    if ALLSIDES.is_file():
        with open(ALLSIDES, encoding="utf-8") as f:
            lines += [line.rstrip("\n") for _, line in zip(range(ALLSIDES_ARTICLES), f)]
    else:
        print(f"\nnote: the AllSides sample is absent ({ALLSIDES}); fixtures only")
    return lines


def with_malformed(lines: list[str]) -> list[str]:
    """`lines` with the malformed lines spread through them (one opens the input)."""
    out = [MALFORMED[0]]
    step = max(1, len(lines) // len(MALFORMED))
    for k, line in enumerate(lines):
        out.append(line)
        if k % step == step - 1 and 1 + k // step < len(MALFORMED):
            out.append(MALFORMED[1 + k // step])
    return out


def normalized(record: dict) -> str:
    """A record that compares across runs: an error record's id and message name the line of
    the stream it was read from, which differ between a partition and the whole file."""
    if "error" in record:
        record = {"schema": record["schema"], "error": {"kind": record["error"]["kind"]}}
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def local_run(*args: str, stdin: str) -> str:
    out = subprocess.run(
        [binary(), *args], input=stdin.encode("utf-8"), capture_output=True, check=False
    )
    assert out.returncode == 0, out.stderr.decode(errors="replace")
    return out.stdout.decode("utf-8")


def test_pipe_job_equals_the_local_run(spark, tmp_path):
    lines = with_malformed(articles())
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    start = time.perf_counter()
    rdd = pipe_job.records(spark, str(path), binary(), partitions=PARTITIONS)
    per_partition = rdd.glom().map(len).collect()
    output = rdd.collect()
    print(f"\npipe_job: {len(lines)} lines, local[2], {time.perf_counter() - start:.2f} s")
    inputs = spark.sparkContext.textFile(str(path), minPartitions=PARTITIONS)
    assert per_partition == inputs.glom().map(len).collect()
    assert len(per_partition) >= 2, "the input should span several partitions"
    expected = local_run(*pipe_job.FLAGS, stdin="\n".join(lines) + "\n").splitlines()
    assert len(output) == len(expected) == len(lines)
    ours = sorted(normalized(json.loads(line)) for line in output)
    theirs = sorted(normalized(json.loads(line)) for line in expected)
    assert ours == theirs
    assert sum("error" in json.loads(line) for line in output) == len(MALFORMED)


def undefused(cell: str) -> str:
    """A CSV cell as it was before the binary defused it for spreadsheets (a leading `'` before
    a cell that starts like a formula)."""
    if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return cell[1:]
    return cell


def test_dataframe_job_equals_the_binary_csv(spark, tmp_path):
    lines = articles()
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    start = time.perf_counter()
    rows = dataframe_job.claims(spark.read.json(str(path)).repartition(PARTITIONS)).collect()
    print(f"\ndataframe_job: {len(lines)} articles, {len(rows)} claims, {time.perf_counter() - start:.2f} s")
    table = local_run("--format", "csv", "--quiet", stdin="\n".join(lines) + "\n")
    expected = [
        (
            undefused(row["document"]),
            int(row["claim"]),
            row["kind"],
            undefused(row["speaker"]),
            undefused(row["cue"]),
            undefused(row["text"]),
            float(row["checkworthiness"]),
        )
        for row in csv.DictReader(io.StringIO(table.lstrip("\ufeff"), newline=""))
    ]
    ours = sorted(tuple(row) for row in rows)
    assert len(ours) > len(lines), "the articles should have claims"
    assert ours == sorted(expected)
