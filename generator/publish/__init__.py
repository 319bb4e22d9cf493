"""Publish: output/ committed to a branch and pushed, with minimal diffs."""
