"""Shared helpers of the pytest suite: where the repository, the binary and the data are.

The suite compares the module with the `newsclaims` binary: `NEWSCLAIMS_BIN` names it, else
`target/release/newsclaims` of this repository (`cargo xtask ci` builds it and sets the
variable). The research data lies beside the repository, in `../shared/data` (tests that need
it are skipped, saying so, when it is absent).
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures" / "articles"
ALLSIDES = ROOT.parent / "shared" / "data" / "news" / "allsides_2015_2020_sample1000.jsonl"


def binary() -> Path:
    path = Path(os.environ.get("NEWSCLAIMS_BIN", ROOT / "target" / "release" / "newsclaims"))
    if not path.is_file():
        pytest.fail(
            f"the newsclaims binary is not at {path}: build it with "
            "`cargo build --release -p newsclaims` or set NEWSCLAIMS_BIN"
        )
    return path


def run_binary(*args: str | os.PathLike, stdin: bytes | None = None) -> list[dict]:
    """The records the binary prints with `--format jsonl` for `args`."""
    out = subprocess.run(
        [binary(), "--format", "jsonl", "--quiet", *map(str, args)],
        input=stdin,
        capture_output=True,
        check=False,
    )
    if out.returncode not in (0, 1):
        pytest.fail(f"newsclaims exited {out.returncode}: {out.stderr.decode(errors='replace')}")
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]


def canonical(record: dict) -> str:
    """A record as text that compares byte for byte: keys sorted."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def allsides_lines(limit: int | None = None) -> list[str]:
    """The AllSides sample's lines, or a skip saying the data is absent."""
    if not ALLSIDES.is_file():
        pytest.skip(f"the AllSides sample is absent ({ALLSIDES}): nothing to compare on")
    with open(ALLSIDES, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    return lines[:limit] if limit else lines


def fixture_texts() -> dict[str, str]:
    """The fixture articles by id (file stem), read as the binary reads them."""
    texts = {}
    for path in sorted(FIXTURES.glob("*.txt")):
        texts[path.stem] = path.read_bytes().decode("utf-8")
    assert len(texts) >= 2, f"no fixture articles under {FIXTURES}"
    return texts
