"""Output: output/ brought up to date with the page jobs, written atomically, only what changed."""
