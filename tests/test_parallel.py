"""Work on the other core: results and failures come back to the caller."""

import os

import pytest

from generator.parallel import in_background, workers


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
