"""Commands over the corpus and the store: ingest, code, articles, events, stats, demo. Placeholder."""
