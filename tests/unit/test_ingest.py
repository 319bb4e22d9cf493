"""Reading raw files: decoding, format detection and ids, before any cleaning."""

from pathlib import Path

import pytest

from generator.core.errors import SiteError
from generator.ingest.read import decode_raw as decode, detect_format, file_id, read_raw


def test_format_comes_from_the_content_not_only_the_name():
    assert detect_format(b"<!DOCTYPE html><html><body><p>x</p>", ".txt") == "html"
    assert detect_format(b'{"title": "x", "text": "y"}\n', ".txt") == "jsonl"
    assert detect_format(b"<p>Ein Absatz</p><div>mehr</div>", ".html") == "html"
    assert detect_format(b"KIEW / LONDON (IT BOLTWISE) - Die Ukraine ...", ".html") == "text"
    assert detect_format(b"Ein ganz normaler Text.", ".jsonl") == "text"


def test_utf8_first_then_utf16_with_bom_then_windows_1252_said_so():
    assert decode("Grüße".encode("utf-8"), "a.txt") == ("Grüße", "")
    assert decode("\ufeffGrüße".encode("utf-8"), "a.txt") == ("Grüße", "")
    assert decode("Grüße".encode("utf-16"), "a.txt") == ("Grüße", "decoded as UTF-16")
    text, note = decode("Grüße – bis bald".encode("cp1252"), "a.txt")
    assert text == "Grüße – bis bald" and "decoded as Windows-1252" in note


def test_utf8_with_a_few_stray_bytes_stays_utf8_and_names_where_they_were():
    good = "Grüße aus Köln: schöne Wörter, überall Umlaute. ".encode("utf-8")
    text, note = decode(good + b"Caf\xe9 " + good, "a.txt")
    assert "Wörter" in text and "WÃ¶rter" not in text and "Caf\ufffd " in text
    assert f"at byte offset {len(good) + 3}" in note and "replaced" in note


def test_a_file_with_no_utf8_at_all_is_read_as_windows_1252():
    text, note = decode("Grüße aus Köln: schöne Wörter.".encode("cp1252"), "a.txt")
    assert text == "Grüße aus Köln: schöne Wörter." and "decoded as Windows-1252" in note


def test_a_utf16_file_is_read_as_text_and_its_format_told_from_its_text(tmp_path):
    (tmp_path / "a.txt").write_bytes("Grüße aus Köln.\n\nZweiter Absatz.".encode("utf-16"))
    (tmp_path / "b.txt").write_bytes('{"title": "Grüße", "text": "Ein Text."}\n'.encode("utf-16"))
    (text,), errors = read_raw(tmp_path / "a.txt", "a.txt")
    assert errors == [] and text.text.startswith("Grüße aus Köln.") and text.note == "decoded as UTF-16"
    (record,), errors = read_raw(tmp_path / "b.txt", "b.txt")
    assert errors == [] and (record.format, record.title) == ("jsonl", "Grüße")


def test_undecodable_bytes_name_the_offset():
    with pytest.raises(SiteError, match=r"a.txt: undecodable: neither UTF-8 \(byte 0xe9 at offset 3\)"):
        decode(b"Caf\xe9 \x81", "a.txt")


def test_id_is_the_hex_of_a_scraper_name_else_a_content_hash():
    assert file_id(Path("000_3f014d1e3b49df7b.txt"), b"x") == "3f014d1e3b49df7b"
    assert file_id(Path("artikel.txt"), b"x") == file_id(Path("other.txt"), b"x") != file_id(Path("a.txt"), b"y")


def test_a_missing_file_is_reported_not_raised(tmp_path):
    docs, errors = read_raw(tmp_path / "gone.txt", "gone.txt")
    assert docs == [] and [str(e) for e in errors] == ["gone.txt: cannot be read: No such file or directory"]
