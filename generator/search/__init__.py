"""Search: the full-text index made at build time, split into shards the browser loads."""
