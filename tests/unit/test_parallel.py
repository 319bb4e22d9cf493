"""Work on the other core: results and failures come back to the caller."""

import os

import pytest

from generator.core import parallel
from generator.core.parallel import in_background, workers


@pytest.mark.skipif(workers() <= 1, reason="needs a second core")
def test_background_work_returns_its_result_to_the_caller():
    parent = os.getpid()
    result = in_background(lambda: (os.getpid() != parent, list(range(5))))
    assert result() == (True, [0, 1, 2, 3, 4])


def test_a_failure_in_background_work_is_raised_in_the_caller():
    def fail():
        raise ValueError("bad article")
    with pytest.raises(ValueError, match="bad article"):
        in_background(fail)()


def test_with_one_core_the_work_runs_in_the_caller(monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_WORKERS", "1")
    assert in_background(os.getpid)() == os.getpid()


def _niceness(items):
    return [os.nice(0) for _ in items]


@pytest.mark.skipif(workers() <= 1, reason="needs a second core")
def test_stream_workers_give_way_to_background_work_only_while_it_runs():
    import multiprocessing
    from generator.core.parallel import MIN_ITEMS, YIELD_TO_BACKGROUND, stream_chunks
    items = list(range(MIN_ITEMS))
    own = os.nice(0)
    release = multiprocessing.get_context("fork").Event()
    pending = in_background(lambda: release.wait(30))
    try:
        during = {n for chunk in stream_chunks(_niceness, items) for n in chunk}
    finally:
        release.set()
    pending()
    after = {n for chunk in stream_chunks(_niceness, items) for n in chunk}
    assert during == {min(own + YIELD_TO_BACKGROUND, 19)}  # 19 is the lowest priority there is
    assert after == {own}


@pytest.mark.skipif(workers() <= 1, reason="needs a second core")
def test_background_work_ends_when_its_result_is_ready_not_when_the_caller_reads_it():
    # A result larger than a pipe holds: the process that made it must not wait for the caller,
    # keeping everything it made alive meanwhile (the search index, at 100,000 articles a gigabyte).
    import time
    from generator.core import parallel
    pending = in_background(lambda: b"x" * 5_000_000)
    child = parallel._background[-1]
    deadline = time.monotonic() + 30
    while child.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not child.is_alive()
    assert pending() == b"x" * 5_000_000


def _pids(items):
    return [os.getpid() for _ in items]


@pytest.mark.skipif(workers() <= 1, reason="needs a second core")
def test_stream_workers_are_forked_afresh_after_a_bounded_number_of_chunks():
    # Each worker copies the parent's memory it touches: a fresh one every few chunks keeps that bounded.
    from generator.core.parallel import CHUNKS_PER_WORKER, MIN_ITEMS, stream_chunks
    chunks = 4 * CHUNKS_PER_WORKER * workers()
    items = list(range(max(MIN_ITEMS, chunks)))
    pids = [pid for chunk in stream_chunks(_pids, items, chunk=len(items) // chunks) for pid in chunk]
    assert len(pids) == len(items)
    assert len(set(pids)) > workers()



@pytest.mark.skipif(workers() <= 1, reason="needs a second core")
def test_many_items_are_mapped_in_slices_small_enough_for_a_worker_to_hold_in_order(monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_WORKERS", "2")
    monkeypatch.setattr(parallel, "SLICE_ITEMS", 100)
    items = list(range(1000))
    # Two workers, four slices each at most: slices of 125 items.
    assert parallel.map_slices(lambda part: [(i, len(part)) for i in part], items) == [(i, 125) for i in items]
