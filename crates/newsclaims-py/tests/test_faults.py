"""What goes wrong inside the Rust workers: a panic in a stage becomes the document's
`internal-error` record, and Ctrl-C while the workers are busy raises KeyboardInterrupt at once.

The faults are the pipeline's faults on demand (`newsclaims._native.PANIC_MARKER` and
`STALL_MARKER`), compiled in only with the crate's `fault-injection` feature: `cargo xtask python`
builds the module with it; a module built without it fails these tests, saying how to build it.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

import newsclaims
from conftest import canonical
from newsclaims import _native

# How long an interrupted analyze_many may take to give up, far below the stall it interrupts
# (the pipeline stalls for two minutes): a busy machine can take seconds to schedule the child.
PROMPTLY_SECONDS = 20.0


def markers() -> tuple[str, str]:
    if not _native.FAULT_INJECTION:
        pytest.fail(
            "the module was built without the `fault-injection` feature: build it with "
            "`cargo xtask python`, or `MATURIN_PEP517_ARGS='--features fault-injection' "
            "pip install ./crates/newsclaims-py`"
        )
    return _native.PANIC_MARKER, _native.STALL_MARKER


@pytest.mark.parametrize("threads", [1, 2])
def test_a_panic_in_a_stage_becomes_an_internal_error_record(threads):
    panic, _ = markers()
    docs = [f"Officer {n} said the road was closed." for n in range(40)]
    # One in the first run of documents (16 to a run), one alone at the end of another.
    at_fault = {5: f"He said {panic} it was fine.", 31: panic}
    for n, text in at_fault.items():
        docs[n] = text
    records = list(newsclaims.analyze_many(docs, threads=threads))
    assert len(records) == len(docs)
    for n, (text, record) in enumerate(zip(docs, records)):
        assert record["id"] == str(n)
        if n in at_fault:
            assert record["error"]["kind"] == "internal-error", record
            assert "fault injection" in record["error"]["message"]
        else:
            # The documents of the run at fault are analysed all the same.
            assert canonical(record) == canonical(newsclaims.analyze(text, id=str(n))), n


def test_a_panic_in_analyze_is_an_error_record_too():
    panic, _ = markers()
    record = newsclaims.analyze(panic, id="p")
    assert record["id"] == "p" and record["error"]["kind"] == "internal-error"
    assert newsclaims.analyze("“Fine,” the minister said.")["claims"], "the next call works"


INTERRUPTED = """
import sys, time
import newsclaims
from newsclaims import _native

threads = int(sys.argv[1])
records = newsclaims.analyze_many(["She said " + _native.STALL_MARKER], threads=threads)
print("waiting", flush=True)
try:
    next(records)
except KeyboardInterrupt:
    print("interrupted", flush=True)
    # The interpreter goes on: a new stream works while the stalled one is left behind.
    (record,) = newsclaims.analyze_many(["“Fine,” the minister said."], threads=threads)
    print(record["claims"][0]["cue"]["text"], flush=True)
"""


@pytest.mark.parametrize("threads", [1, 2])
def test_ctrl_c_while_the_workers_run_raises_keyboard_interrupt(threads):
    markers()
    child = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTED, str(threads)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline() == "waiting\n"
        time.sleep(1.0)  # into next(), waiting for the stalled worker
        sent = time.perf_counter()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=PROMPTLY_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        pytest.fail(f"Ctrl-C did not stop analyze_many within {PROMPTLY_SECONDS} s")
    finally:
        if child.poll() is None:
            child.kill()
    took = time.perf_counter() - sent
    print(f"\nthreads {threads}: KeyboardInterrupt handled, the child out {took:.2f} s after SIGINT")
    assert child.returncode == 0, err
    assert out.splitlines() == ["interrupted", "said"], (out, err)

