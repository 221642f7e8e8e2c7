"""newsclaims as a filter inside Spark: JSON Lines in, one JSON Lines record out per line.

Every partition of the input is piped through the binary (`RDD.pipe`), one process per task,
one thread each (a Spark task holds one core). The binary reads the partition's lines as JSON
Lines (`--input-format jsonl`: a line that is not a record, even the first, gets an error
record of its own) and exits 0 when every unreadable line has its error record
(`--keep-going`), so line N of a partition's output is line N of its input.

    spark-submit --master local[2] examples/spark/pipe_job.py \\
        --binary target/release/newsclaims docs.jsonl out/

On a cluster, ship the binary with the job (`--files target/release/newsclaims`) and give
`--binary ./newsclaims`: each executor finds the shipped file in its working directory.
"""

from __future__ import annotations

import argparse
import shlex
import time

# The flags of the filter; `--threads 1` because each task already holds one core.
FLAGS = ["--format", "jsonl", "--input-format", "jsonl", "--keep-going", "--threads", "1", "--quiet"]


def command(binary: str) -> str:
    """The command each task runs, its partition's lines on standard input."""
    return shlex.join([binary, *FLAGS])


def records(spark, path: str, binary: str, partitions: int | None = None):
    """The RDD of output lines (JSON records) of the input lines of `path`, partition by
    partition."""
    lines = spark.sparkContext.textFile(path, minPartitions=partitions)
    return lines.pipe(command(binary))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="JSON Lines articles: {\"id\", \"text\", ...} per line")
    parser.add_argument("output", help="a folder for the records (part-NNNNN files)")
    parser.add_argument("--binary", default="newsclaims", help="the newsclaims binary")
    parser.add_argument("--partitions", type=int, default=None, help="input partitions, at least")
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("newsclaims-pipe").getOrCreate()
    start = time.perf_counter()
    out = records(spark, args.input, args.binary, args.partitions)
    out.saveAsTextFile(args.output)
    seconds = time.perf_counter() - start
    print(f"pipe_job: {spark.sparkContext.master}, wrote {args.output} in {seconds:.2f} s")
    spark.stop()


if __name__ == "__main__":
    main()
