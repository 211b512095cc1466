-- Covering indexes for the situation pages (communique.store.situation), so their window
-- aggregates read an index instead of the rows (whose JSON makes them large):
-- events per day by quad class and the places of a date window; the speakers quoted most;
-- the stories of a date window; every event of an actor (its parties, then each event's
-- date and quad class); an actor's aliases (the distinct texts of its mentions). Portable SQL, one file for SQLite and PostgreSQL.

CREATE INDEX events_situation ON events (event_date, quad_class, variant, location_name, location_country, goldstein,
                                         article_id);
CREATE INDEX events_dated ON events (article_id, seq, variant, event_date, quad_class);
CREATE INDEX quotes_situation ON quotes (quote_date, speaker_actor, variant, article_id);
CREATE INDEX articles_situation ON articles (published, story_id, source_key, id);
CREATE INDEX event_parties_situation ON event_parties (actor_id, article_id, seq);
CREATE INDEX mentions_actor_text ON mentions (actor_id, text);
