"""analyze_many: input order, one record per document, errors in place, laziness, arguments."""

from __future__ import annotations

import doctest
import itertools
import json
import threading
import time
import tomllib
from importlib import resources

import pytest

import newsclaims
from conftest import ROOT, allsides_lines, canonical, fixture_texts


def mixed_docs() -> list:
    docs: list = list(fixture_texts().values())
    docs += [{"id": "d", "text": "She said it was over."}, None, 3.5, b"bytes", {"id": "x"}, ""]
    docs += [json.loads(line) for line in allsides_lines(200)]
    return docs


def test_one_record_per_document_in_input_order():
    docs = mixed_docs()
    records = list(newsclaims.analyze_many(docs))
    assert len(records) == len(docs)
    for n, (doc, record) in enumerate(zip(docs, records)):
        if isinstance(doc, dict) and "id" in doc:
            assert record["id"] == doc["id"], n
        else:
            assert record["id"] == str(n), n
        readable = isinstance(doc, str) or (isinstance(doc, dict) and "text" in doc)
        assert ("error" in record) != readable, (n, record)


def test_threads_do_not_change_the_records():
    docs = mixed_docs()
    one = [canonical(r) for r in newsclaims.analyze_many(docs, threads=1)]
    two = [canonical(r) for r in newsclaims.analyze_many(docs, threads=2)]
    three = [canonical(r) for r in newsclaims.analyze_many(docs, threads=3)]
    assert one == two == three


def test_a_string_is_the_record_of_analyze():
    text = "“Fine,” the minister said on Tuesday."
    (many,) = newsclaims.analyze_many([text])
    assert canonical(many) == canonical(newsclaims.analyze(text))


def test_an_endless_input_streams():
    texts = (f"Officer {n} said the road was closed." for n in itertools.count())
    records = newsclaims.analyze_many(texts, threads=2)
    first = list(itertools.islice(records, 500))
    assert [r["id"] for r in first] == [str(n) for n in range(500)]
    # What was read ahead is bounded: the generator has not run far past what was taken.
    assert next(texts).startswith("Officer ")
    assert int(next(texts).split()[1]) < 500 + 4 * 64 * 16


def test_an_input_that_raises_gives_the_records_before_it_then_raises():
    def docs():
        yield "He said yes."
        yield "She said no."
        raise KeyError("broken input")

    records = newsclaims.analyze_many(docs(), threads=2)
    assert [r["id"] for r in itertools.islice(records, 2)] == ["0", "1"]
    with pytest.raises(KeyError, match="broken input"):
        next(records)


def test_a_stream_left_unfinished_does_not_block_the_next():
    for _ in range(3):
        records = newsclaims.analyze_many((f"Doc {n} said so." for n in range(10_000)))
        assert next(records)["id"] == "0"
        del records
    assert len(list(newsclaims.analyze_many(["a", "b"], threads=1))) == 2


def test_odd_text_gives_a_record_with_problems_not_an_exception():
    for text in ["\ud83d half an emoji", "\x00\x01", "“" * 10_000, "a" * 100_000, "\u2028" * 50]:
        record = newsclaims.analyze(text)
        assert record["id"] == "0" and "error" not in record
    (record,) = newsclaims.analyze_many(["\ud83d said"])
    assert [e["kind"] for e in record["errors"]] == ["lone-surrogate"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: newsclaims.analyze(b"text"), "wants the text as a str, not bytes"),
        (lambda: newsclaims.analyze(None), "wants the text as a str, not NoneType"),
        (lambda: newsclaims.analyze("text", id=3), "wants the id as a str or None, not int"),
        (lambda: newsclaims.analyze_many(5), "wants an iterable of documents, not int"),
        (lambda: newsclaims.analyze_many("one text"), "not one str; for one text call analyze"),
        (lambda: newsclaims.analyze_many({"id": "a", "text": "b"}), "not one dict"),
        (lambda: newsclaims.analyze_many([], threads="2"), "threads must be an int or None"),
        (lambda: newsclaims.analyze_many([], threads=2.0), "threads must be an int or None"),
    ],
)
def test_a_wrong_argument_type_raises_type_error(call, message):
    with pytest.raises(TypeError, match=message):
        call()


def test_threads_below_one_raise_value_error():
    with pytest.raises(ValueError, match="threads must be at least 1, not 0"):
        newsclaims.analyze_many([], threads=0)


def test_version_schema_and_stubs():
    cargo = tomllib.loads((ROOT / "Cargo.toml").read_text("utf-8"))
    assert newsclaims.__version__ == cargo["workspace"]["package"]["version"]
    on_disk = json.loads((ROOT / "schema" / "newsclaims-1.schema.json").read_text("utf-8"))
    assert newsclaims.SCHEMA == on_disk
    package = resources.files("newsclaims")
    assert package.joinpath("py.typed").is_file()
    assert "def analyze_many(" in package.joinpath("__init__.pyi").read_text("utf-8")


def test_docstring_examples():
    failed, attempted = doctest.testmod(newsclaims, raise_on_error=False)
    assert attempted >= 4 and failed == 0


def test_the_gil_is_released_while_the_workers_analyse():
    text = "\n\n".join(fixture_texts().values())
    while True:
        start = time.perf_counter()
        newsclaims.analyze(text)
        alone = time.perf_counter() - start
        if alone > 0.4:
            break
        text = text + "\n\n" + text
    finished = threading.Event()

    def consume():
        list(newsclaims.analyze_many([text], threads=1))
        finished.set()

    start = time.perf_counter()
    consumer = threading.Thread(target=consume)
    consumer.start()
    time.sleep(0.02)  # the consumer is in analyze_many now
    sum(range(10_000))  # Python work, which needs the GIL
    main_done = time.perf_counter() - start
    consumer.join()
    assert finished.is_set()
    # Held through the analysis, the GIL would keep this thread waiting for about `alone`.
    assert main_done < alone / 2, (main_done, alone)
