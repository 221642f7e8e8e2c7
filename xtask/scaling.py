#!/usr/bin/env python3
"""Scaling bench of the newsclaims binary on adversarial text (issue 13): time and peak memory
at 1, 2, 4 and 8 MB of each family, and their 8 MB / 1 MB ratios (linear work keeps them near 8;
a quadratic step would give 64).

    cargo build --release -p newsclaims
    python3 xtask/scaling.py [--binary target/release/newsclaims] [--news FILE.jsonl] [--sizes 1,2,4,8]
                             [--repeat N] [--families news,quotes]

The families: `Smith said ` repeated, `said `, `told `, `Smith `, a text of `"` only, news text with
its sentence punctuation and line breaks removed (an unpunctuated transcript) and plain news
text. The news text comes from a JSON Lines file of articles (`--news`, default: the fixtures'
articles). Times are user and system CPU seconds of the child (wait4), memory its peak resident
set; with `--repeat N`, the least of N runs (the machine may be shared).
"""

import argparse
import json
import os
import pathlib
import re
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def news_text(path):
    if path:
        with open(path, encoding="utf-8") as f:
            return "\n\n".join(json.loads(line)["text"] for line in f if line.strip())
    return "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/articles").glob("*.txt"))
    )


def families(news):
    unpunctuated = re.sub(r"\s+", " ", re.sub(r"[.!?;:\"“”]", "", news))
    return {
        "smith-said": "Smith said ",
        "said": "said ",
        "told": "told ",
        "smith": "Smith ",
        "quotes": '"',
        "unpunctuated": unpunctuated,
        "news": news,
    }


def measure(binary, path):
    """User CPU seconds and peak resident memory (MB) of one run."""
    pid = os.posix_spawn(
        binary,
        [binary, "-q", "--max-bytes", "1G", "-o", os.devnull, str(path)],
        os.environ,
    )
    _, status, usage = os.wait4(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{binary} failed on {path}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=str(ROOT / "target/release/newsclaims"))
    parser.add_argument("--news", help="JSON Lines articles for the news families")
    parser.add_argument("--sizes", default="1,2,4,8", help="sizes in MB")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the least counts")
    parser.add_argument("--families", help="comma-separated names (default: all)")
    args = parser.parse_args()
    wanted = set(args.families.split(",")) if args.families else None
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'family':<13}" + "".join(f"{f'{s} MB':>17}" for s in sizes) + "   time x  memory x")
    with tempfile.TemporaryDirectory() as tmp:
        for name, unit in families(news_text(args.news)).items():
            if wanted is not None and name not in wanted:
                continue
            row = []
            for size in sizes:
                n = size << 20
                text = (unit * (n // len(unit) + 1))[:n]
                path = pathlib.Path(tmp) / f"{name}-{size}.txt"
                path.write_text(text, encoding="utf-8")
                runs = [measure(args.binary, path) for _ in range(max(1, args.repeat))]
                row.append((min(t for t, _ in runs), min(m for _, m in runs)))
                path.unlink()
            cells = "".join(f"{t:>7.2f} s {m:>5.0f} MB" for t, m in row)
            time_ratio = row[-1][0] / row[0][0]
            memory_ratio = row[-1][1] / row[0][1]
            print(f"{name:<13}{cells}   {time_ratio:>6.1f} {memory_ratio:>9.1f}", flush=True)


if __name__ == "__main__":
    main()
