-- story clusters (ingest/dedup.py): each article's story_id and the key of its outlet, so
-- events and quotes can be counted per story (articles and distinct sources per cluster).
-- Existing articles keep the story id their JSON carries (batch loads), else their own id;
-- their source key is the source name, else the URL (new rows get the URL's host).
-- SQLite twin: 0004_stories.sqlite.sql. Independent of every other migration.

ALTER TABLE articles ADD COLUMN story_id TEXT;
ALTER TABLE articles ADD COLUMN source_key TEXT;
UPDATE articles SET
    story_id = COALESCE(data::json ->> 'story_id', id),
    source_key = COALESCE(LOWER(NULLIF(TRIM(source), '')), url, 'article:' || id);
CREATE INDEX articles_story ON articles (story_id, source_key);
