"""Words of bylines per language: the words that introduce an author's name ("Von", "By",
"Autor:"), the roles and agencies that follow or replace a name, and the particles inside names."""

# Words (and short phrases) that put a byline's names after them, lower case; a colon may follow.
BYLINE_WORDS = {
    "de": ("von", "vom", "autor", "autorin", "autorin/autor", "autor*in", "autoren", "text", "interview",
           "verfasst von", "veröffentlicht von", "geschrieben von", "erstellt von", "eingestellt von",
           "ein artikel von", "artikel von", "ein kommentar von", "kolumne von",
           "ein gastbeitrag von", "gastbeitrag von", "eine analyse von", "analyse von", "durch"),
    "en": ("by", "author", "authors", "words", "written by", "posted by", "story by", "reporting by",
           "text", "interview"),
    "pt": ("por", "autor", "autora", "texto"),
    "it": ("di", "autore", "autrice", "testo", "a cura di"),
    "fr": ("par", "auteur", "texte"),
    "es": ("por", "autor", "autora", "texto"),
    "nl": ("door", "auteur", "tekst"),
}

# A job title after the name ("Von Christian Unger, Redakteur"): it ends the names.
ROLE_WORDS = {
    "de": ("redakteur", "redakteurin", "redaktor", "redaktorin", "korrespondent", "korrespondentin",
           "reporter", "reporterin", "chefredakteur", "chefredakteurin", "volontär", "volontärin",
           "mitarbeiter", "mitarbeiterin", "gastautor", "gastautorin", "autor", "autorin", "kolumnist",
           "kolumnistin", "moderator", "moderatorin", "medienverantwortlicher", "leiter", "leiterin",
           "ressortleiter", "ressortleiterin", "freier", "freie", "fotograf", "fotografin"),
    "en": ("correspondent", "reporter", "editor", "writer", "contributor", "columnist", "staff",
           "journalist", "producer", "photographer", "senior", "chief"),
    "pt": ("repórter", "correspondente", "editor", "editora", "colunista", "jornalista"),
    "it": ("corrispondente", "inviato", "inviata", "giornalista", "redattore", "redattrice"),
    "fr": ("correspondant", "correspondante", "journaliste", "rédacteur", "rédactrice", "envoyé", "envoyée"),
    "es": ("corresponsal", "periodista", "redactor", "redactora", "enviado", "enviada"),
    "nl": ("correspondent", "verslaggever", "redacteur", "journalist"),
}

# News agencies: a byline of an agency names no person ("dpa", "Von Anna Weber, AFP").
AGENCIES = frozenset("""dpa afp ap reuters sda apa kna epd sid ansa efe kyodo xinhua upi dts ddp
    ats lusa anp belga tass dapd kap ots afx awp""".split())

# Lower-case words inside a name ("Christoph von Eichhorn", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset("""von vom van der den de del della di da dos das du le la zu zur ten ter
    bin ibn al el v. d'""".split())

# Words that join two names ("Simone Jülicher und Rainer Grünberg").
NAME_JOINERS = frozenset("und and & e y et en".split())

# Common given names: a line holding only two or three capitalised words is a name when the
# first is one of these ("Anna Sleegers"), and a heading otherwise ("Bestes Ergebnis").
GIVEN_NAMES = {
    "de": frozenset("""adam adrian amelie emilia mia finn noah elias luis ben leni ida alexander alexandra
        alfred alina andrea andreas andré anja anke anna
        anne annette annika anton antje armin arne arno axel barbara bastian beate benedikt benjamin
        bernd bernhard bettina birgit björn bodo boris brigitte britta carina carl carla carmen carolin
        caroline carsten charlotte christa christian christiane christina christine christoph christopher
        clara claudia claus cornelia daniel daniela david denis dennis detlef diana dieter dietmar dirk
        dominik dominique doris dorothea edgar elena elisabeth elke emil emma erich erik erika ernst eva
        evelyn fabian felix florian frank franz franziska friedrich fritz georg gerd gerhard gregor gudrun
        guido gunnar günter günther hanna hannah hannes hans harald hartmut heike heiko heinrich heinz
        helene helga helmut hendrik henning herbert hermann holger horst hubert ina ines inga ingo ingrid
        irene iris isabel isabell jakob jan jana janina jannik jasmin jens jessica joachim jochen johann
        johanna johannes jonas jonathan josef julia julian juliane julius jörg jürgen kai karin karl
        karsten katharina kathrin katja katrin kerstin kevin kirsten klaus konrad kristina lars laura lea
        lena leon leonie lisa lorenz lothar lucas luisa lukas magdalena maik manfred manuel manuela marc
        marcel marco marcus maren margit maria marie marina mario marion mark markus marlene martin martina
        marvin mathias matthias max maximilian melanie michael michaela miriam moritz nadine nadja natalie
        nicole niklas nico nils nina nora norbert olaf oliver pascal patrick patricia paul paula peter petra
        philipp pia rainer ralf ralph ramona regina reinhard renate rene robert robin roland rolf roman
        rudolf ruth sabine sabrina sandra sarah sascha sebastian silke simon simone sina sofia sonja sophie
        stefan stefanie steffen stephan stephanie susanne svenja sven swen thomas thorsten tilman tim tina
        tobias tom torsten udo ulf ulla ulrich ulrike ursula ute uwe valentin vanessa vera verena viktor
        vivien volker walter werner wilhelm wolfgang yannick yvonne""".split()),
    "en": frozenset("""aaron adam alan alex alice alison amanda amy andrew angela ann anna anthony ashley
        barbara ben benjamin beth bill bob brandon brian carol caroline catherine charles charlie chris
        christine christopher claire daniel david deborah dennis diana donald donna dorothy douglas ed
        edward elizabeth emily emma eric frances frank gary george grace greg gregory hannah harry helen
        henry ian jack jacob james jane janet jason jeff jeffrey jennifer jeremy jessica jim joan joe john
        jonathan joseph joshua julia julie justin karen kate katherine kathleen kelly kenneth kevin kim
        laura lauren linda lisa louise lucy margaret maria mark mary matt matthew megan melissa michael
        michelle mike nancy natalie nicholas nick nicole oliver pamela patricia patrick paul peter rachel
        rebecca richard rob robert ryan sam samuel sandra sara sarah scott sean sharon simon sophie stephen
        steve steven susan thomas tim timothy tom tony victoria william""".split()),
    "fr": frozenset("""alain anne antoine camille catherine céline christophe claire émilie françois
        françoise isabelle jacques jean julien laurent louis luc marc marie mathieu michel nathalie nicolas
        olivier philippe pierre sophie sylvie thierry""".split()),
    "it": frozenset("""alessandra alessandro andrea antonio chiara davide elena federica francesca
        francesco giovanni giulia giuseppe lorenzo luca marco maria matteo paola paolo roberto sara
        simone stefano valentina""".split()),
    "pt": frozenset("""ana antónio antônio beatriz bruno carlos fernanda fernando joão josé luís luiz
        mariana miguel paulo pedro rafael ricardo rita rodrigo tiago""".split()),
    "es": frozenset("""alejandro ana carlos carmen david diego elena francisco javier jorge josé juan
        laura lucía luis manuel maría miguel pablo pedro sergio""".split()),
}

# Words that may stand before the byline word on its line, beside dates and times ("Kolumne von",
# "Veröffentlicht am 3. Mai 2024 von", "Posted on 12 May by"); any other word makes the line a
# phrase ("Nachhaltige Erzeugung von Anilin"), not a byline.
BYLINE_LABELS = {
    "de": ("kolumne", "veröffentlicht", "erstellt", "eingestellt", "verfasst", "geschrieben", "aktualisiert",
           "zuletzt", "geändert", "uhr", "am", "um", "ein", "eine", "artikel", "beitrag", "gastbeitrag",
           "kommentar", "analyse", "bericht", "reportage", "essay", "interview", "rezension", "kritik",
           "glosse", "porträt", "text", "mo", "di", "mi", "do", "fr", "sa", "so", "montag", "dienstag",
           "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "gestern", "heute", "stand"),
    "en": ("posted", "published", "updated", "filed", "written", "story", "article", "post", "column",
           "analysis", "opinion", "review", "on", "at", "am", "pm", "mon", "tue", "wed", "thu", "fri", "sat",
           "sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
           "yesterday", "last", "edited"),
    "pt": ("publicado", "atualizado", "em", "às"),
    "it": ("pubblicato", "aggiornato", "il", "alle", "ore"),
    "fr": ("publié", "mis", "jour", "le", "à"),
    "es": ("publicado", "actualizado", "el", "a", "las"),
    "nl": ("gepubliceerd", "bijgewerkt", "op", "om"),
}

# Lower-case words that may end a byline's names ("von lupa am 26/10/13", "By Jane Doe on May 3",
# "Von Anna Weber für die Zeitung"); any other makes it a phrase ("Von Kopf bis Fuß").
NAME_ENDS = frozenset("""am um vom für aus via on at for from in em às il alle le à el op om""".split())

# A newsroom signing as a whole ("Redaktion - 31. Januar 2022"): an author, though no person.
STAFF_WORDS = frozenset("""redaktion redaktionsteam onlineredaktion editorial staff newsroom redazione
    redação redacción rédaction redactie""".split())
