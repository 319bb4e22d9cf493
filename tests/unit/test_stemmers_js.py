"""The browser's Snowball stemmers (templates/static/stem/, made by tools/snowball_js.py) against the index's.

A query finds an article only when search/text.js stems its words as the index did, so one node run
stems, with the committed JavaScript, every word of:
- the Snowball vocabulary samples (tests/data/snowball, 33 languages),
- their folded forms for German and English (the index stems fold(word), not the word),
- words made of each stemmer's own suffixes and letters, a quarter of them with a character
  beyond the BMP, for every algorithm (Arabic, Sesotho and Tamil have no sample).
The index's stems (PyStemmer, through snowballstemmer.stemmer) are the reference. On the made words
the JavaScript must also match, exactly, the pure-Python stemmers it is translated from.
"""

import ast
import importlib
import importlib.metadata
import json
import random
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import snowballstemmer
from snowballstemmer.basestemmer import BaseStemmer

from generator.lang.text import fold, stem_words
from helpers.sites import REPO

STEM = REPO / "templates" / "static" / "stem"
DATA = REPO / "tests" / "data" / "snowball"
DRIVER = REPO / "tests" / "helpers" / "stem_driver.js"
DISAGREEMENTS = DATA / "js_disagreements.tsv"
ALGORITHMS = sorted(p.stem for p in STEM.glob("*.js") if p.name != "base.js")
SAMPLED = sorted(p.stem for p in DATA.glob("*.tsv") if p.name != DISAGREEMENTS.name)
FOLDED = {"german": "de", "english": "en"}  # algorithm → the language whose index stems fold(word)
ASTRAL = ["𠀀", "𐐨", "𐌰", "😀"]  # CJK extension B, Deseret, Gothic, an emoji: two UTF-16 units each
MADE = 300


def sample(algorithm: str) -> list[str]:
    lines = (DATA / f"{algorithm}.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines]


def made_words(algorithm: str) -> list[str]:
    """Words of 1–5 pieces: the stemmer's own strings (suffixes, letters), some with an astral character."""
    source = Path(snowballstemmer.__file__).parent / f"{algorithm}_stemmer.py"
    pieces = sorted({n.value for n in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
                     if isinstance(n, ast.Constant) and isinstance(n.value, str) and len(n.value) < 12 and "\n" not in n.value})
    rng = random.Random(f"stemmers-js:{algorithm}")
    words = []
    for _ in range(MADE):
        word = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        if rng.random() < 0.25:
            at = rng.randint(0, len(word))
            word = word[:at] + rng.choice(ASTRAL) + word[at:]
        words.append(word)
    return words


@cache
def inputs() -> dict[str, dict[str, list[str]]]:
    """algorithm → kind ("sample", "folded", "made") → words."""
    words = {}
    for algorithm in ALGORITHMS:
        kinds = {}
        if algorithm in SAMPLED:
            kinds["sample"] = sample(algorithm)
        if algorithm in FOLDED:
            kinds["folded"] = [fold(w) for w in sample(algorithm)]
        kinds["made"] = made_words(algorithm)
        words[algorithm] = kinds
    return words


def node_stems(words: dict[str, list[str]]) -> dict[str, list[str]]:
    """algorithm → words, stemmed by the committed JavaScript in Node.js (tests/helpers/stem_driver.js)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: these tests run the browser's stemmers in Node.js; "
                    "install it (Debian: apt-get install nodejs)")
    run = subprocess.run([node, str(DRIVER), str(STEM)], input=json.dumps(words), capture_output=True,
                         text=True, encoding="utf-8", timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def js_stems() -> dict[str, dict[str, list[str]]]:
    """The JavaScript stems of inputs(), from one node run over all of them."""
    flat = node_stems({algorithm: sum(kinds.values(), []) for algorithm, kinds in inputs().items()})
    stems = {}
    for algorithm, kinds in inputs().items():
        start, stems[algorithm] = 0, {}
        for kind, kind_words in kinds.items():
            stems[algorithm][kind] = flat[algorithm][start:start + len(kind_words)]
            start += len(kind_words)
    return stems


def index_stems(algorithm: str, kind: str, words: list[str]) -> list[str]:
    """The stems the Python index gives: for folded words through the search's own stem_words."""
    if kind == "folded":
        return stem_words(FOLDED[algorithm], words)
    return list(map(snowballstemmer.stemmer(algorithm).stemWord, words))


def pure_python_stemmer(algorithm: str) -> BaseStemmer:
    """snowballstemmer's pure-Python stemmer (what the JavaScript is translated from), not PyStemmer."""
    module = importlib.import_module(f"snowballstemmer.{algorithm}_stemmer")
    [cls] = [c for c in vars(module).values()
             if isinstance(c, type) and issubclass(c, BaseStemmer) and c is not BaseStemmer]
    return cls()


def read_disagreements() -> set[tuple[str, str, str, str]]:
    lines = DISAGREEMENTS.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "language\tword\tpython_stem\tjs_stem"
    return {tuple(line.split("\t")) for line in lines[1:]}


def test_every_algorithm_is_checked():
    assert "base.js" not in ALGORITHMS and {"german", "english"} <= set(ALGORITHMS)
    assert set(SAMPLED) <= set(ALGORITHMS), "a sampled language has no stemmer file"
    assert len(SAMPLED) == 33


@pytest.mark.parametrize("algorithm", SAMPLED)
def test_js_agrees_with_the_index_on_the_snowball_sample(algorithm, js_stems):
    words = inputs()[algorithm]["sample"]
    python = index_stems(algorithm, "sample", words)
    agree = sum(p == j for p, j in zip(python, js_stems[algorithm]["sample"]))
    assert agree / len(words) >= 0.999, f"{algorithm}: {agree} of {len(words)}"


@pytest.mark.parametrize("algorithm", sorted(FOLDED))
def test_js_agrees_with_the_index_on_folded_words(algorithm, js_stems):
    words = inputs()[algorithm]["folded"]
    python = index_stems(algorithm, "folded", words)
    agree = sum(p == j for p, j in zip(python, js_stems[algorithm]["folded"]))
    assert agree / len(words) >= 0.999, f"{algorithm}: {agree} of {len(words)}"


def test_every_disagreement_with_the_index_is_a_known_one(js_stems):
    """Over all words checked (samples, folded, made): no difference that js_disagreements.tsv does not list."""
    found = set()
    for algorithm, kinds in inputs().items():
        for kind, words in kinds.items():
            python = index_stems(algorithm, kind, words)
            found |= {(algorithm, w, p, j) for w, p, j in zip(words, python, js_stems[algorithm][kind]) if p != j}
    known = read_disagreements()
    assert sorted(found - known) == [], "new disagreements (language, word, python, js)"
    assert sorted(known - found) == [], "listed disagreements that no longer occur: remove them from the fixture"


def test_js_is_an_exact_translation_of_the_pure_python_stemmers(js_stems):
    """On the made words, beyond the BMP too, every algorithm's JavaScript stems as its Python source does."""
    for algorithm, kinds in inputs().items():
        stemmer = pure_python_stemmer(algorithm)
        python = [stemmer.stemWord(w) for w in kinds["made"]]
        wrong = [(w, p, j) for w, p, j in zip(kinds["made"], python, js_stems[algorithm]["made"]) if p != j]
        assert wrong == [], algorithm


def test_characters_beyond_the_bmp_count_as_one():
    # Counted in UTF-16 units, "a𠀀" would be long enough to need no "e" once "-ing" goes (English),
    # and "a𠀀en" long enough (3 letters before the ending) to lose "-en" (German).
    words = {"english": ["a𠀀ing", "ba𠀀es"], "german": ["a𠀀en", "a𠀀er"]}
    expected = {"english": ["a𠀀e", "ba𠀀e"], "german": ["a𠀀en", "a𠀀er"]}
    assert {a: list(map(snowballstemmer.stemmer(a).stemWord, w)) for a, w in words.items()} == expected
    assert node_stems(words) == expected


def test_committed_js_is_the_translation_of_the_pinned_snowballstemmer(tmp_path):
    """tools/snowball_js.py, run again, writes the committed files byte for byte (and no others)."""
    run = subprocess.run([sys.executable, str(REPO / "tools" / "snowball_js.py"), "--quiet", "--out", str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    made = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    committed = {p.name: p.read_bytes() for p in STEM.iterdir()}
    assert sorted(made) == sorted(committed)
    assert [name for name in sorted(made) if made[name] != committed[name]] == []


def test_each_file_names_its_source_and_registers_its_algorithm():
    version = importlib.metadata.version("snowballstemmer")
    for algorithm in ALGORITHMS:
        header, code = (STEM / f"{algorithm}.js").read_text(encoding="utf-8").split("\n", 1)
        assert header.startswith(f"/* Generated by tools/snowball_js.py from snowballstemmer {version} (")
        assert code.startswith(f'(globalThis.__NA_STEM=globalThis.__NA_STEM||{{}})["{algorithm}"]=function(')
