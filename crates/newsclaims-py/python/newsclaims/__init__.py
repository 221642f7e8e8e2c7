"""Who claimed what in English news articles, from Python.

Every named entity, every quote and piece of reported speech with its speaker resolved to a
name, and every check-worthy statement, each with exact offsets into the article. The records
are those of the ``newsclaims`` command (the ``newsclaims/1`` JSON contract), as dicts and
lists; offsets count code points, so ``text[c["start"]:c["end"]]`` is a claim's text.

>>> import newsclaims
>>> text = "“We will prevail,” Zelensky said."
>>> record = newsclaims.analyze(text, id="d1")
>>> claim = record["claims"][0]
>>> claim["kind"], claim["speaker"]["name"], text[claim["start"]:claim["end"]]
('direct', 'Zelensky', 'We will prevail,')

Many documents, in parallel, in input order, in bounded memory:

>>> docs = [{"id": "a", "text": "He said it was fine.", "url": "https://example.org/a"},
...         {"id": "b", "text": 42}]
>>> [(r["id"], "error" in r) for r in newsclaims.analyze_many(docs)]
[('a', False), ('b', True)]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any, Optional, Union

from . import _native

__all__ = ["SCHEMA", "__version__", "analyze", "analyze_many"]

__version__: str = _native.VERSION
"""The version of the package (the version of the Rust crates it is built from)."""

SCHEMA: dict[str, Any] = json.loads(_native.schema_json())
"""The JSON Schema (draft 2020-12) every record follows, result or error record."""

def analyze(text: str, id: Optional[str] = None) -> dict[str, Any]:
    """Analyse one article and return its record.

    ``text`` is the article; ``id`` names it in the record (``"0"`` when not given, as the
    first document of :func:`analyze_many`). The record has ``schema``, ``id``, ``sentences``,
    ``entities``, ``clusters``, ``claims`` and ``errors`` (what was odd in the text, which was
    still analysed). A bug met while analysing gives an error record (``{"schema", "id",
    "error": {"kind": "internal-error", ...}}``) rather than an exception.

    >>> r = analyze("Mayor Ann Lee said the bridge would reopen in May.", id="x")
    >>> [(c["kind"], c["speaker"]["name"], c["cue"]["text"]) for c in r["claims"]]
    [('indirect', 'Ann Lee', 'said')]
    >>> analyze(b"bytes")
    Traceback (most recent call last):
      ...
    TypeError: analyze() wants the text as a str, not bytes
    """
    if not isinstance(text, str):
        raise TypeError(f"analyze() wants the text as a str, not {type(text).__name__}")
    if id is None:
        id = "0"
    elif not isinstance(id, str):
        raise TypeError(f"analyze() wants the id as a str or None, not {type(id).__name__}")
    return _native.analyze_record(text, id)


def analyze_many(
    docs: Iterable[Union[str, dict[str, Any]]], threads: Optional[int] = None
) -> Iterator[dict[str, Any]]:
    """Analyse many documents in parallel and yield their records in input order.

    ``docs`` is any iterable (a list, a generator, a file's lines parsed as JSON ...) of
    articles as ``str`` or of JSON Lines records as ``dict``: ``{"id": ..., "text": ...}``, any
    other field (``url``, ``title``, ``date`` ...) carried to the record after ``id``. A ``str``
    is named by its 0-based position in the input. ``threads`` is the number of worker threads
    (default: one per core); the records never depend on it.

    Exactly one record comes out per document, in order, and the input is read as the records
    are taken: memory stays bounded however long it is. The analysis runs on Rust threads
    without the GIL. A document that cannot be read gives an error record in its place, as
    the ``newsclaims`` command gives one for a bad JSON line: a ``dict`` without a str or int
    ``id`` (``missing-field``, named by its position), a ``text`` that is missing
    (``missing-field``) or not a str (``bad-field``), a field JSON cannot hold, or an item
    that is neither a ``str`` nor a ``dict`` (``bad-field``). An exception raised by the
    iterable itself is raised again once the records before it are out.

    >>> for r in analyze_many(["Prices rose 5% in May.", None], threads=2):
    ...     print(r["id"], r.get("error", {}).get("kind"), len(r.get("sentences", [])))
    0 None 1
    1 bad-field 0
    """
    if isinstance(docs, (str, bytes, dict)):
        raise TypeError(
            "analyze_many() wants an iterable of documents (str or dict), not one "
            f"{type(docs).__name__}; for one text call analyze()"
        )
    try:
        iter(docs)
    except TypeError:
        raise TypeError(
            f"analyze_many() wants an iterable of documents, not {type(docs).__name__}"
        ) from None
    if threads is None:
        threads = 0
    elif isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int or None, not {type(threads).__name__}")
    elif threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    return _native.Stream(docs, threads)
