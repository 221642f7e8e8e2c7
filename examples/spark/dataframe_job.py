"""Claims of a DataFrame of articles, as a DataFrame with one row per claim, through the
`newsclaims` Python package inside Spark (`mapInPandas`).

Each task analyses its batches of articles with `newsclaims.analyze_many` (one thread: a task
holds one core) and yields one row per claim: the article's id, the claim's number in it, its
kind, the speaker's resolved name, the cue, the claim's words and their check-worthiness.

    spark-submit --master local[2] examples/spark/dataframe_job.py docs.jsonl claims/

The package must be importable by the executors' Python: on a cluster, ship an environment
that has it installed (`spark.archives`, see the README's "Past one machine").
"""

from __future__ import annotations

import argparse
import time

# One row per claim.
SCHEMA = (
    "document string, claim long, kind string, speaker string, cue string, "
    "content string, checkworthiness double"
)
COLUMNS = [field.split()[0] for field in SCHEMA.split(", ")]


def content(text: str, claim: dict) -> str:
    """A claim's words: its text, or for a quote interrupted by its attribution frame
    (`“A,” he said. “B.”`) its fragments joined by ` … `, as the binary's CSV shows them."""
    if claim.get("fragments"):
        return " … ".join(text[start:end] for start, end in claim["fragments"])
    return claim["text"]


def claim_rows(record: dict, text: str) -> list[tuple]:
    """The rows of one record (none for an error record or an article without claims)."""
    rows = []
    for claim in record.get("claims", []):
        speaker = claim.get("speaker") or {}
        cue = claim.get("cue") or {}
        rows.append(
            (
                record["id"],
                claim["id"],
                claim["kind"],
                speaker.get("name", ""),
                cue.get("text", ""),
                content(text, claim),
                claim["checkworthiness"],
            )
        )
    return rows


def analyze_batches(batches):
    """The `mapInPandas` function: pandas batches of articles to pandas batches of claims."""
    import pandas as pd

    import newsclaims

    for batch in batches:
        docs = batch[["id", "text"]].to_dict("records")
        rows = []
        for doc, record in zip(docs, newsclaims.analyze_many(docs, threads=1)):
            rows.extend(claim_rows(record, doc["text"]))
        yield pd.DataFrame(rows, columns=COLUMNS)


def claims(articles):
    """The claims DataFrame of a DataFrame of articles with string columns `id` and `text`."""
    return articles.select("id", "text").mapInPandas(analyze_batches, SCHEMA)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="JSON Lines articles: {\"id\", \"text\", ...} per line")
    parser.add_argument("output", help="a folder for the claims, as Parquet")
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("newsclaims-claims").getOrCreate()
    start = time.perf_counter()
    articles = spark.read.json(args.input)
    claims(articles).write.mode("overwrite").parquet(args.output)
    seconds = time.perf_counter() - start
    print(f"dataframe_job: {spark.sparkContext.master}, wrote {args.output} in {seconds:.2f} s")
    spark.stop()


if __name__ == "__main__":
    main()
