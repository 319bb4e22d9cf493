from generator.core.slug import slugify, term_slug


def test_slug_transliterates_german():
    assert slugify("Übergang für Straßenbahn: Öl & Ärger") == "uebergang-fuer-strassenbahn-oel-aerger"


def test_slug_is_a_single_safe_segment():
    for text in ["../../etc/passwd", "a/b\\c", "  ", "…", "x" * 500]:
        slug = slugify(text)
        assert slug and "/" not in slug and "\\" not in slug and ".." not in slug and len(slug) <= 80


def test_term_slug_keeps_non_latin_names_apart():
    assert term_slug("Москва") != term_slug("Київ")
    assert term_slug("Москва") == term_slug("Москва")


def test_slug_spells_other_scripts_and_letters_in_ascii():
    assert slugify("Łódź") == "lodz" and slugify("Søren Kierkegaard") == "soren-kierkegaard"
    assert slugify("Москва") == "moskva" and slugify("Αθήνα") == "athina"
    assert slugify("北京") == "beijing" and slugify("서울") == "seoul"
    assert slugify("القاهرة") == "lqhrh"
    assert slugify("Œuvre complète") == "oeuvre-complete"


def test_slug_of_latin_titles_is_as_it_always_was():
    """Symbols stay dropped, not spelt out ('eur', '(c)'), so the addresses of existing articles hold."""
    assert slugify("Preis: 5 € für ½ Liter") == "preis-5-fuer-12-liter"
    assert slugify("Café © 2025 – “Zürich”") == "cafe-2025-zuerich"
    assert slugify("🎉🎉") == "article"


def test_term_slug_spells_other_scripts_and_keeps_homophones_apart():
    assert term_slug("Москва").startswith("moskva-") and term_slug("Łódź") == "lodz"
    assert term_slug("北京") != term_slug("背景") and term_slug("北京").startswith("beijing-")
    assert term_slug("Köln") == "koeln" and term_slug("🎉").startswith("x-")
