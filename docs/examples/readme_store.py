from pathlib import Path

import communique

text = Path("article.txt").read_text(encoding="utf-8")
a = communique.analyze(text, published="2022-01-21")
with communique.Store("news.db") as store:    # or "postgresql://user:password@host:5432/news"
    store.add(a)
    rows = store.quotes(actor="Lavrov")
for row in rows:
    print(row.speaker_name, "—", row.text)
