import json
from pathlib import Path

import communique

text = Path("article.txt").read_text(encoding="utf-8")
a = communique.analyze(text, published="2022-01-21")   # title: the text's first line, as the CLI
                                                       # shows it (or give title="...")
for q in a.quotes[:3]:
    speaker = a.actor(q.speaker_actor)
    print(speaker.name if speaker else q.speaker and q.speaker.text, "—", q.content[0].text)

articles = [json.loads(line)["text"] for line in open("archive.jsonl", encoding="utf-8")]
pipeline = communique.Pipeline()                      # loads spaCy once
analyses = list(pipeline.analyze_many(articles))      # batches with nlp.pipe

with communique.Store("news.db") as store:
    store.add_many(analyses)                          # idempotent
    rows = store.quotes(actor="Lavrov", since="2022-01-01")
    events = store.events(type="163", actor="European Union")   # sanctions imposed (CAMEO 163)
    found = store.quotes(text="sanctions")                     # the same full-text search as --search
    full = store.get(rows[0].article_id)              # the full Analysis back
print(f"{len(rows)} quotes of Lavrov, {len(events)} sanctions event of the EU ({events[0].event.trigger.text!r})")
print(f"{len(found)} quotes with 'sanctions', the first by {found[0].speaker_name}: {found[0].text}")
print(f"{full.article.title}: {len(full.quotes)} quotes, {len(full.events)} events")
