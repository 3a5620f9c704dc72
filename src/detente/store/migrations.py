"""Named, ordered, transactional schema migrations with a version table.

Each migration is applied once, inside a transaction, and recorded in ``schema_version``.
Add a new migration at the end of ``MIGRATIONS``; never edit one that has shipped.
"""
from __future__ import annotations

from dataclasses import dataclass

from .derived import SCHEMA as _DERIVED_SCHEMA, rebuild_sql, recluster_sql

ACTOR_COLS = """
    {p}_text VARCHAR, {p}_name VARCHAR, {p}_country VARCHAR, {p}_sector VARCHAR,
    {p}_sector2 VARCHAR, {p}_kb_id VARCHAR, {p}_org VARCHAR, {p}_confidence DOUBLE"""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


_INITIAL = f"""
CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY, command VARCHAR, started_at TIMESTAMP, finished_at TIMESTAMP,
    read_count INTEGER, stored_count INTEGER, duplicate_count INTEGER, rejected_count INTEGER,
    event_count INTEGER, settings_json VARCHAR
);
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL UNIQUE,
    title VARCHAR, publisher VARCHAR, author VARCHAR, published DATE, url VARCHAR, language VARCHAR,
    raw_text VARCHAR NOT NULL, body VARCHAR, sources_cited VARCHAR[], removed VARCHAR[], flags VARCHAR[],
    origin VARCHAR, run_id VARCHAR, ingested_at TIMESTAMP, coded_at TIMESTAMP
);
CREATE TABLE rejections (
    run_id VARCHAR, origin VARCHAR, reason VARCHAR, rejected_at TIMESTAMP
);
CREATE TABLE actors (
    article_id VARCHAR, tok_start INTEGER, tok_end INTEGER, char_start INTEGER, char_end INTEGER,
    text VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, sector2 VARCHAR, kb_id VARCHAR,
    org VARCHAR, confidence DOUBLE, basis VARCHAR
);
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY, cameo VARCHAR, cameo_root VARCHAR, plover VARCHAR, plover_mode VARCHAR,
    quad_class INTEGER, goldstein DOUBLE, {ACTOR_COLS.format(p='source')}, {ACTOR_COLS.format(p='target')},
    modality VARCHAR, reported BOOLEAN, date_start DATE, date_end DATE, date_precision VARCHAR,
    date_basis VARCHAR, location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE,
    contexts VARCHAR[], confidence DOUBLE, num_mentions INTEGER, num_articles INTEGER, updated_at TIMESTAMP
);
CREATE TABLE mentions (
    mention_id VARCHAR PRIMARY KEY, event_id VARCHAR, article_id VARCHAR, sentence VARCHAR,
    char_start INTEGER, char_end INTEGER, trigger VARCHAR, trigger_char INTEGER, rule VARCHAR,
    cameo VARCHAR, modality VARCHAR, reported BOOLEAN, confidence DOUBLE,
    {ACTOR_COLS.format(p='source')}, {ACTOR_COLS.format(p='target')},
    date_start DATE, date_end DATE, date_precision VARCHAR, date_basis VARCHAR, date_text VARCHAR,
    published DATE, contexts VARCHAR[]
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX events_dyad ON events(source_country, target_country);
"""

_ARTICLE_ORDER = """
ALTER TABLE articles ADD COLUMN seq BIGINT;
CREATE INDEX articles_seq ON articles(seq);
"""

_INTENDED = """
ALTER TABLE events ADD COLUMN intended_cameo VARCHAR;
ALTER TABLE mentions ADD COLUMN intended_cameo VARCHAR;
"""

_PLACES = """
ALTER TABLE events ADD COLUMN admin1 VARCHAR;
ALTER TABLE events ADD COLUMN geonames_id BIGINT;
ALTER TABLE events ADD COLUMN location_basis VARCHAR;
ALTER TABLE events ADD COLUMN location_kind VARCHAR;
"""

_STORIES_FEEDS = """
CREATE TABLE article_stories (
    article_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL, similarity DOUBLE, signature BLOB
);
CREATE INDEX article_stories_story ON article_stories(story_id);
CREATE TABLE story_bands (band_key BIGINT NOT NULL, article_id VARCHAR NOT NULL);
CREATE INDEX story_bands_key ON story_bands(band_key);
CREATE TABLE feed_items (
    item_key VARCHAR PRIMARY KEY, feed VARCHAR, url VARCHAR, article_id VARCHAR, status VARCHAR,
    reason VARCHAR, attempts INTEGER, first_seen TIMESTAMP, last_tried TIMESTAMP
);
"""


def _side_sql(p: str) -> str:
    """``identity._side`` in SQL: a country, or an organisation as "IGO:name"."""
    return (f"CASE WHEN {p}_country = 'IGO' OR ({p}_country IS NULL AND nullif({p}_org, '') IS NOT NULL) "
            f"THEN 'IGO:' || lower(coalesce(nullif({p}_org, ''), nullif({p}_name, ''), '')) ELSE {p}_country END")


# identity.block_key and identity.mention_window in SQL, for mentions stored before they were kept
BLOCK_SQL = (f"CASE WHEN ({_side_sql('source')}) IS NULL OR ({_side_sql('target')}) IS NULL THEN NULL "
             f"ELSE least({_side_sql('source')}, {_side_sql('target')}) || '|' || "
             f"greatest({_side_sql('source')}, {_side_sql('target')}) || '|' || left(cameo, 2) END")
WINDOW_START_SQL = ("CASE WHEN date_start IS NULL THEN NULL WHEN date_basis = 'publication' "
                    "THEN CAST(date_start - INTERVAL 7 DAY AS DATE) ELSE date_start END")
WINDOW_END_SQL = ("CASE WHEN date_start IS NULL THEN NULL ELSE greatest(coalesce(date_end, CASE WHEN "
                  "date_precision <> 'day' AND published IS NOT NULL THEN published ELSE date_start END), "
                  "date_start) END")

_MERGE_BLOCKS = f"""
ALTER TABLE mentions ADD COLUMN block VARCHAR;
ALTER TABLE mentions ADD COLUMN window_start DATE;
ALTER TABLE mentions ADD COLUMN window_end DATE;
ALTER TABLE mentions ADD COLUMN location_name VARCHAR;
ALTER TABLE mentions ADD COLUMN location_country VARCHAR;
ALTER TABLE mentions ADD COLUMN lat DOUBLE;
ALTER TABLE mentions ADD COLUMN lon DOUBLE;
ALTER TABLE mentions ADD COLUMN admin1 VARCHAR;
ALTER TABLE mentions ADD COLUMN geonames_id BIGINT;
ALTER TABLE mentions ADD COLUMN location_basis VARCHAR;
ALTER TABLE mentions ADD COLUMN location_kind VARCHAR;
UPDATE mentions SET block = {BLOCK_SQL}, window_start = {WINDOW_START_SQL}, window_end = {WINDOW_END_SQL};
UPDATE mentions SET location_name = e.location_name, location_country = e.location_country, lat = e.lat,
    lon = e.lon, admin1 = e.admin1, geonames_id = e.geonames_id, location_basis = e.location_basis,
    location_kind = e.location_kind
FROM events e WHERE e.event_id = mentions.event_id;
"""
# DuckDB cannot index a table with updates of the same transaction: on a store holding mentions,
# migration 6 failed when it also made this index, so it is made by the next migration (stores
# created empty by the first version of migration 6 have it already).
_MERGE_BLOCKS_INDEX = "CREATE INDEX IF NOT EXISTS mentions_block ON mentions(block);\n"

# Readers of one pair filter on ``pair`` and DuckDB skips the row groups whose min/max of it
# exclude the pair (derived.py: the writer keeps each write's rows in pair order); the ART
# indexes on the two countries served no reader and cost every write.
_CLUSTERED = """
DROP INDEX IF EXISTS events_dyad;
DROP INDEX IF EXISTS dyad_days_pair;
ALTER TABLE events ADD COLUMN pair VARCHAR;
ALTER TABLE dyad_days ADD COLUMN pair VARCHAR;
""" + recluster_sql()

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial", _INITIAL),
    Migration(2, "article_insertion_order", _ARTICLE_ORDER),
    Migration(3, "speech_act_intended_code", _INTENDED),
    Migration(4, "event_places_gazetteer", _PLACES),
    Migration(5, "stories_and_feed_items", _STORIES_FEEDS),
    Migration(6, "mention_blocks_and_places", _MERGE_BLOCKS),
    Migration(7, "derived_event_columns_and_dyad_days",
              _MERGE_BLOCKS_INDEX + _DERIVED_SCHEMA + rebuild_sql(clustered=False)),
    Migration(8, "events_and_dyad_days_clustered_by_pair", _CLUSTERED),
)
