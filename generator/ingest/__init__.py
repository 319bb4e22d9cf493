"""Import: scraped files read, cleaned of site boilerplate and written as Markdown articles.

importer.py runs an import (`import_paths`, for `newsarchive import`); new_raw.py imports what
is new in content/raw/ (`import_new_raw`, for the build). On the way: raw_files.py finds the raw
files, read.py reads them into documents, prepare.py cleans each one (the clean package) and
builds its front matter, duplicates.py tells repeats of earlier articles, article_file.py writes
the Markdown file, and state.py keeps what was written in content/.imports.json.
"""
