"""Content: article files parsed into Article objects, Markdown turned into safe HTML."""
