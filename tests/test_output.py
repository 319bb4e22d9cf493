import pytest

from generator.model import Page
from generator.output import recover, write_output


def test_output_is_replaced_whole(tmp_path):
    out = tmp_path / "output"
    write_output([Page("a/index.html", b"alt"), Page("stale.html", b"x")], out)
    write_output([Page("a/index.html", b"neu")], out)
    assert (out / "a/index.html").read_bytes() == b"neu"
    assert not (out / "stale.html").exists()


def test_failure_while_rendering_keeps_previous_output(tmp_path):
    out = tmp_path / "output"
    write_output([Page("index.html", b"alt")], out)

    def pages():
        yield Page("index.html", b"neu")
        raise RuntimeError("template blew up")

    with pytest.raises(RuntimeError):
        write_output(pages(), out)
    assert (out / "index.html").read_bytes() == b"alt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


@pytest.mark.parametrize("path", ["../escape.html", "/etc/x", "a/../../b", "a//b", ""])
def test_pages_cannot_be_written_outside_output(tmp_path, path):
    with pytest.raises(ValueError, match="unsafe output path"):
        write_output([Page(path, b"x")], tmp_path / "output")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_interrupted_swap_is_recovered(tmp_path):
    out = tmp_path / "output"
    old = tmp_path / ".output.old"
    old.mkdir()
    (old / "index.html").write_bytes(b"alt")
    (tmp_path / ".output.new").mkdir()
    recover(out)
    assert (out / "index.html").read_bytes() == b"alt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]
