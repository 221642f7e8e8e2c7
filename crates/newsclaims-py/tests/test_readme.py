"""The README's examples run as written (on a JSON Lines file of the fixture articles)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import fixture_texts, run_binary

README = Path(__file__).resolve().parents[1] / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text("utf-8"), re.S)


def test_the_pandas_recipe_gives_one_row_per_claim(tmp_path, monkeypatch, capsys):
    pd = pytest.importorskip("pandas", reason="pandas is not installed: no recipe to run")
    docs = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": k, "text": t}, ensure_ascii=False) for k, t in fixture_texts().items()]
    docs.write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    (recipe,) = [b for b in python_blocks() if "pd.DataFrame" in b]
    scope: dict = {}
    exec(compile(recipe, str(README), "exec"), scope)
    claims = scope["claims"]
    assert isinstance(claims, pd.DataFrame)
    expected = run_binary(docs)
    assert len(claims) == sum(len(r["claims"]) for r in expected)
    assert list(claims["document"].unique()) == [r["id"] for r in expected if r["claims"]]
    assert capsys.readouterr().out.strip(), "the recipe prints its top speakers"


def test_the_first_example_prints_what_it_says():
    first = python_blocks()[0]
    scope: dict = {}
    exec(compile(first, str(README), "exec"), scope)
    record = scope["record"]
    claim = record["claims"][0]
    said = first.split("# ")[-1].strip()
    assert f"{claim['kind']} {claim['speaker']['name']} {scope['text'][claim['start']:claim['end']]}" == said
