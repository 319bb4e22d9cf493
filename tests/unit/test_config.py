import pytest

from generator.core.config import load_config
from generator.core.errors import SiteError


def write(tmp_path, text):
    (tmp_path / "site.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_config_reads_typed_values(tmp_path):
    config = load_config(write(tmp_path, "title: Archiv\nlanguage: de\nper_page: 7\nbase_url: https://x.org/a\n"))
    assert (config.title, config.language, config.per_page) == ("Archiv", "de", 7)
    assert config.base_url == "https://x.org/a/"


def test_config_defaults_when_empty(tmp_path):
    config = load_config(write(tmp_path, ""))
    assert config.per_page == 20 and config.language == "en"


@pytest.mark.parametrize("given, tag", [("fr", "fr"), ("pt-BR", "pt-BR"), ("pt_BR", "pt-BR"), ("ar", "ar"),
                                        ("sr-Latn", "sr-Latn"), ("da", "da")])
def test_any_language_cldr_knows_will_do(tmp_path, given, tag):
    assert load_config(write(tmp_path, f"language: {given}\n")).language == tag


@pytest.mark.parametrize("text, expected", [
    ("titel: Archiv\n", "unknown key 'titel'"),
    ("per_page: viele\n", "'per_page' must be a whole number"),
    ("per_page: true\n", "'per_page' must be a whole number"),
    ("per_page: 0\n", "'per_page' must be at least 1"),
    ("title: [a, b]\n", "'title' must be text"),
    ("language: xx\n", "'language' is not a language CLDR knows: 'xx'"),
    ("language: de-XX\n", "'language' is not a language CLDR knows: 'de-XX'"),
    ("language: Deutsch\n", "'language' is not a language CLDR knows: 'Deutsch'"),
    ("timezone: Mars/Olympus\n", "'timezone' is not a known time zone"),
    ("base_url: example.org\n", "'base_url' must start with http"),
    ("- just\n- a list\n", "must be a mapping"),
])
def test_config_error_names_file_key_and_problem(tmp_path, text, expected):
    with pytest.raises(SiteError) as info:
        load_config(write(tmp_path, text))
    assert "site.yaml" in str(info.value) and expected in str(info.value)


def test_config_broken_yaml_names_line(tmp_path):
    with pytest.raises(SiteError, match=r"site.yaml:2: invalid YAML"):
        load_config(write(tmp_path, "title: ok\nbase_url: [unclosed\n"))


def test_config_key_given_twice_names_line(tmp_path):
    with pytest.raises(SiteError, match=r"site.yaml:3: invalid YAML: the key 'per_page' is given twice"):
        load_config(write(tmp_path, "per_page: 10\ntitle: ok\nper_page: 50\n"))


def test_missing_config_says_how_to_create_one(tmp_path):
    with pytest.raises(SiteError, match="newsarchive init"):
        load_config(tmp_path)
