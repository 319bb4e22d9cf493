"""A small bilingual archive for the search tests: German and English articles, several sources and tags."""

from pathlib import Path

ARTICLES = {
    "2025/08/verhandlungen.md": """---
title: "Ukraine und Russland: Verhandlungen in Sicht?"
date: "2025-08-20T09:00:00+02:00"
source: IT BOLTWISE
lang: de
tags: [Ukraine, Diplomatie]
---
Die Ukraine zeigt sich bereit für Verhandlungen mit Russland. Neue Sanktionen der Europäischen Union sind vorerst vom Tisch.
""",
    "2025/07/strasse.md": """---
title: "Neue Straße am Fluss eröffnet"
date: "2025-07-03T10:00:00+02:00"
source: Stadtanzeiger
lang: de
tags: [Verkehr]
---
Die Schulhöfe der Altstadt werden grüner, und die neue Strasse entlastet den Verkehr am Fluss.
""",
    "2024/03/sanctions.md": """---
title: "Ministers agree new sanctions package"
date: "2024-03-12T08:00:00+00:00"
source: Demo Desk
lang: en
tags: [Diplomacy]
---
Foreign ministers agreed a new sanctions package on Tuesday after talks lasting into the night.
""",
    "2024/02/harbour.md": """---
title: "Harbour ferry adds evening crossings"
date: "2024-02-01T08:00:00+00:00"
source: Demo Desk
lang: en
tags: [Transport]
---
The harbour ferry adds evening crossings for the summer. Crossings in the evening were asked for by commuters.
""",
    "2023/05/crossing.md": """---
title: "Old bridge closes for repairs"
date: "2023-05-05T08:00:00+00:00"
source: Harbour Times
lang: en
tags: [Transport]
---
The evening traffic crossing the old bridge moves to the ferry while the bridge is repaired.
""",
    "2023/01/hostile.md": """---
title: "Markup <script>alert('x')</script> in a headline"
date: "2023-01-10T08:00:00+00:00"
source: Harbour Times
lang: en
---
Scraped text sometimes holds markup such as <b>bold</b> words; search shows it as plain text.
""",
}


def make_search_site(root: Path, language: str = "en") -> Path:
    (root / "site.yaml").write_text(f'title: "Suchtest"\nlanguage: {language}\ntimezone: Europe/Berlin\n',
                                    encoding="utf-8")
    for name, text in ARTICLES.items():
        path = root / "content" / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
