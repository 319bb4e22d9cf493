"""Words of page furniture that interrupts or trails an article, lower case, by language (the
records' `cleaner:` → `boilerplate:`)."""

from generator.ingest.clean.lang import recorded_words

# A line that is only one of these is an interstitial (an ad slot, an embedded player's end card):
# it stands between two paragraphs of the same article and is no part of either.
INTERSTITIALS = recorded_words("boilerplate", "interstitials")
# A short line that is only one of these heads a box of links to other articles set inside the
# text ("Lesen Sie auch" and a headline with its blurb); the article goes on after the box.
TEASER_HEADINGS = recorded_words("boilerplate", "teaser_headings")
# The link word at the end of a teaser's blurb: "… Die Stadt plant neue Radwege … mehr".
TEASER_TAILS = recorded_words("boilerplate", "teaser_tails")
# Words that label a picture's credit: "Foto: dpa", "(AP Photo/Name)", "Bildrechte: MDR/Name".
PICTURE_CREDITS = recorded_words("boilerplate", "picture_credits")
# What a caption says in brackets about its picture: who stands where ("Anna Muster (l.) und …"),
# or that it is a stock or archive picture ("(Symbolbild)"). Spaces inside do not count: "v. l.".
CAPTION_MARKS = recorded_words("boilerplate", "caption_marks")
# Labels that open a caption: "Legende: …", "Image caption …" (a label of two words needs no colon).
CAPTION_LABELS = recorded_words("boilerplate", "caption_labels")
# What a caption says between commas or in passing about its picture: "Anna Muster, left, and …",
# "This 2017 file photo shows …", "… pictured at the White House". An entry ending in a comma
# stands after a comma too ("…, left, …").
CAPTION_PHRASES = recorded_words("boilerplate", "caption_phrases")
# Labels of where a caption's material comes from, credits too when glued to a caption's end.
SOURCE_LABELS = recorded_words("boilerplate", "source_labels")
# A gallery's counter above each caption: "Image 2 of 5", "Bild 3 von 12" (the word may be left out).
GALLERY_WORDS = recorded_words("boilerplate", "gallery_words")
COUNTER_JOINS = recorded_words("boilerplate", "counter_joins")
# The word heading a box on the article's author, before the author's name: "About Jane Doe",
# "Über Anna Muster", "Sobre Carlos Nadalim".
AUTHOR_BOXES = recorded_words("boilerplate", "author_boxes")
