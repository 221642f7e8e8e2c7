"""The module's records are the binary's, byte for byte once keys are sorted."""

from __future__ import annotations

import json

import newsclaims
from conftest import FIXTURES, allsides_lines, canonical, fixture_texts, run_binary


def test_fixture_articles_match_the_binary():
    expected = {r["id"]: r for r in run_binary(FIXTURES)}
    texts = fixture_texts()
    assert sorted(expected) == sorted(texts)
    for doc_id, text in texts.items():
        assert canonical(newsclaims.analyze(text, id=doc_id)) == canonical(expected[doc_id]), doc_id


def test_offsets_are_code_points():
    for doc_id, text in fixture_texts().items():
        record = newsclaims.analyze(text, id=doc_id)
        for claim in record["claims"]:
            assert text[claim["start"] : claim["end"]] == claim["text"], doc_id
        for entity in record["entities"]:
            assert text[entity["start"] : entity["end"]] == entity["text"], doc_id


def corpus_records() -> list[dict]:
    """JSON Lines records with carried fields of every JSON type, and unreadable ones."""
    records = []
    for k, (doc_id, text) in enumerate(fixture_texts().items()):
        records.append(
            {
                "id": doc_id,
                "title": f"Fixture “{doc_id}”",
                "text": text,
                "rank": k,
                "score": k / 4,
                "tags": ["a", {"b": None}],
                "seen": k % 2 == 0,
            }
        )
    records += [
        {"id": 7, "text": "The mayor said the bridge would reopen."},
        {"id": "no-text", "title": "gone"},
        {"id": "number-text", "text": 5},
        {"id": "list-text", "text": ["a"]},
        {"id": ["bad"], "text": "An id that is a list."},
        {"text": "No id at all."},
        {"id": "clash", "text": "He said so.", "claims": [], "errors": 1},
        {"id": "empty", "text": ""},
        {"id": "blank", "text": " \n\t "},
        {"id": "control", "text": "Bell\x07 rang, she said."},
        {"id": "seed-nato-kyiv", "text": "A duplicate id, said the tester."},
    ]
    return records


def test_dicts_match_the_binary_on_json_lines(tmp_path):
    records = corpus_records()
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    expected = run_binary(path)
    got = list(newsclaims.analyze_many(records, threads=2))
    assert len(got) == len(expected) == len(records)
    for n, (ours, theirs) in enumerate(zip(got, expected)):
        if "error" in theirs:
            # The messages name a file and line for the binary, a position for the module.
            assert ours["error"]["kind"] == theirs["error"]["kind"], (n, ours, theirs)
            if isinstance(records[n].get("id"), (str, int)):
                assert ours["id"] == theirs["id"], n
            else:
                assert ours["id"] == str(n)
        else:
            assert canonical(ours) == canonical(theirs), n


def test_allsides_sample_matches_the_binary():
    lines = allsides_lines()
    expected = run_binary(stdin="".join(lines).encode("utf-8"))
    got = list(newsclaims.analyze_many((json.loads(line) for line in lines), threads=2))
    assert len(got) == len(expected) == len(lines)
    for n, (ours, theirs) in enumerate(zip(got, expected)):
        assert canonical(ours) == canonical(theirs), n
