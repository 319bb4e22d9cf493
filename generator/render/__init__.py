"""Render: every page kind as jobs made from Jinja2 templates, the sitemap and machine-readable metadata."""
