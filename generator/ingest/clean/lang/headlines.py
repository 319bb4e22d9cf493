"""Words of the lines near a headline that are the page's services, not its article's title:
sign-up thanks, newsletter and comment boxes, a broadcaster's audio or video library, 'more on
this' labels. A candidate line starting with one, or made of one, is rarely the headline."""

SERVICE_WORDS = {
    "de": ("vielen dank", "danke für", "anmeldung", "anmelden", "registrieren", "newsletter", "abonnieren",
           "abonnement", "abo", "kommentare", "kommentar schreiben", "mehr zum thema", "mehr zu", "lesen sie auch",
           "audiothek", "mediathek", "podcast", "livestream", "jetzt lesen", "jetzt anhören", "weiterlesen",
           "teilen", "werbung", "anzeige", "e-mail", "login", "suche",
           # credits of a picture, set as a line of their own under it
           "foto:", "bild:", "fotos:", "quelle:", "grafik:", "weitere services", "aktuelle meldungen"),
    "en": ("thank you", "thanks for", "sign up", "sign in", "subscribe", "subscription", "newsletter", "comments",
           "leave a comment", "more on this", "read more", "related", "podcast", "listen", "watch", "advertisement",
           "share", "log in", "search",
           "photo:", "image:", "credit:", "source:", "filed under", "posted in", "latest news"),
}
