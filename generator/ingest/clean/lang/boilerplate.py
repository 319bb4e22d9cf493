"""Words of page furniture that interrupts or trails an article: ad labels and video interstitials
between its paragraphs, headings of "read also" teaser boxes inside it, and the link word that
ends a teaser's blurb. Lower case; a dict by language code."""

# A line that is only one of these is an interstitial (an ad slot, an embedded player's end card):
# it stands between two paragraphs of the same article and is no part of either.
INTERSTITIALS = {
    "de": ("anzeige", "werbung", "-- anzeige --", "- anzeige -", "anzeige -", "weiter nach der anzeige",
           "artikel wird unter der anzeige fortgesetzt", "video", "danke fürs zuschauen"),
    "en": ("advertisement", "ad", "sponsored", "story continues below advertisement", "article continues below",
           "continue reading below", "story continues below", "thanks for watching", "replay video"),
    "fr": ("publicité", "pub"),
    "it": ("pubblicità",),
    "es": ("publicidad", "anuncio"),
    "pt": ("publicidade",),
    "nl": ("advertentie",),
}

# A short line that is only one of these heads a box of links to other articles set inside the
# text ("Lesen Sie auch" and a headline with its blurb); the article goes on after the box.
TEASER_HEADINGS = {
    "de": ("lesen sie auch", "lies auch", "auch interessant", "mehr zum thema", "passend zum thema",
           "das könnte sie auch interessieren", "weitere artikel", "empfehlungen der redaktion", "meistgelesen",
           "meistgelesene artikel", "top-artikel", "beliebte artikel", "zum thema", "die redaktion empfiehlt",
           "redaktion empfiehlt", "unsere empfehlung", "empfehlungen", "empfehlungen aus der redaktion",
           "auch lesen", "mehr themen", "weitere themen", "weitere meldungen", "vorschau auf den nächsten artikel"),
    "en": ("read also", "also read", "read more", "see also", "related", "related articles", "related stories",
           "related content", "related links", "more on this story", "more stories", "most read", "most popular", "recommended", "trending",
           "you may also like", "you might also like", "editor's picks", "top stories"),
    "fr": ("lire aussi", "à lire aussi", "sur le même sujet", "les plus lus"),
    "it": ("leggi anche", "i più letti"),
    "es": ("lea también", "lee también", "te puede interesar", "lo más leído"),
    "pt": ("leia também", "veja também", "mais lidas"),
    "nl": ("lees ook", "meest gelezen"),
}

# The link word at the end of a teaser's blurb: "… Die Stadt plant neue Radwege … mehr".
TEASER_TAILS = {
    "de": ("mehr", "weiterlesen", "mehr lesen", "zum artikel"),
    "en": ("more", "read more", "continue reading", "full story"),
    "fr": ("lire la suite", "suite"),
    "it": ("leggi tutto", "continua"),
    "es": ("leer más", "seguir leyendo"),
    "pt": ("leia mais", "continue lendo"),
    "nl": ("lees meer", "verder lezen"),
}


# Words that label a picture's credit: "Foto: dpa", "(AP Photo/Name)", "Bildrechte: MDR/Name".
PICTURE_CREDITS = {
    "de": ("foto", "bild", "bildrechte", "bildquelle"),
    "en": ("photo", "image", "credit"),
}
# Labels of where a caption's material comes from, credits too when glued to a caption's end.
SOURCE_LABELS = {
    "de": ("quelle", "grafik", "video"),
    "en": ("source", "video"),
}

# A gallery's counter above each caption: "Image 2 of 5", "Bild 3 von 12" (the word may be left out).
GALLERY_WORDS = {
    "de": ("bild", "foto", "galerie"),
    "en": ("image", "photo", "slide", "picture", "gallery"),
}
COUNTER_JOINS = {"de": ("von",), "en": ("of",), "fr": ("sur",), "it": ("di",), "es": ("de",), "pt": ("de",)}
