"""Words of the lines near a headline that are the page's services, not its article's title:
sign-up thanks, newsletter and comment boxes, a broadcaster's audio or video library, 'more on
this' labels, a picture's credit line. A candidate line starting with one, or made of one, is
rarely the headline. By language (the records' `cleaner:` → `headlines:`)."""

from generator.ingest.clean.lang import recorded_words

SERVICE_WORDS = recorded_words("headlines", "service_words")
