"""Organise: the articles put in order and grouped (months, tags, places, sources), related ones found."""
