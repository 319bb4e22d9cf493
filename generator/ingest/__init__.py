"""Import: scraped files read, cleaned of site boilerplate and written as Markdown articles."""
