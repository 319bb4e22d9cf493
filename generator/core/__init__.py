"""What every stage stands on: configuration, hand-off types, errors, caches, slugs, atomic files, workers."""
