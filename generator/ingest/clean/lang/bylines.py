"""Words of bylines: the words that introduce an author's name ("Von", "By", "Autor:"), the roles
and agencies that follow or replace a name, and the particles inside names. The words of a
language are in its record (`cleaner:` → `bylines:`); the parts of names stay here, since names
travel: "Ludwig van Beethoven" and "AFP" stand in German and French pages alike."""

from generator.ingest.clean.lang import any_language, recorded_words

# Words (and short phrases) that put a byline's names after them, lower case; a colon may follow.
BYLINE_WORDS = recorded_words("bylines", "byline_words")
# A job title after the name ("Von Christian Unger, Redakteur"): it ends the names.
ROLE_WORDS = recorded_words("bylines", "role_words")
# Common given names: a line holding only two or three capitalised words is a name when the
# first is one of these ("Anna Sleegers"), and a heading otherwise ("Bestes Ergebnis").
GIVEN_NAMES = {code: frozenset(names) for code, names in recorded_words("bylines", "given_names").items()}
# Words that may stand before the byline word on its line, beside dates and times ("Kolumne von",
# "Veröffentlicht am 3. Mai 2024 von", "Posted on 12 May by"); any other word makes the line a
# phrase ("Nachhaltige Erzeugung von Anilin"), not a byline.
BYLINE_LABELS = recorded_words("bylines", "byline_labels")
# Lower-case words that may end a byline's names ("von lupa am 26/10/13", "By Jane Doe on May 3",
# "Von Anna Weber für die Zeitung"); any other makes it a phrase ("Von Kopf bis Fuß").
NAME_ENDS = any_language(recorded_words("bylines", "name_ends"))
# A newsroom signing as a whole ("Redaktion - 31. Januar 2022"): an author, though no person.
STAFF_WORDS = any_language(recorded_words("bylines", "staff_words"))
# Words that join two names ("Simone Jülicher und Rainer Grünberg").
NAME_JOINERS = any_language(recorded_words("bylines", "name_joiners")) | {"&"}

# News agencies: a byline of an agency names no person ("dpa", "Von Anna Weber, AFP").
AGENCIES = frozenset("""dpa afp ap reuters sda apa kna epd sid ansa efe kyodo xinhua upi dts ddp
    ats lusa anp belga tass dapd kap ots afx awp""".split())
# Lower-case words inside a name ("Christoph von Eichhorn", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset("""von vom van der den de del della di da dos das du le la zu zur ten ter
    bin ibn al el v. d'""".split())
# Particles that begin a surname capitalised too ("Marine Le Pen", "Robert De Niro", "Osama Bin
# Laden"), though they are short words of some language's prose. German writes its particles in
# lower case inside names, and a capitalised "Der" after a name begins a paper's ("Der Spiegel").
CAPITALISED_PARTICLES = NAME_PARTICLES - {"von", "vom", "der", "den", "das", "zu", "zur"}
