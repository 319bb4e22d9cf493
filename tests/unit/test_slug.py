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
