from pathlib import Path

import communique

d = communique.analyze(Path("article.txt").read_text(encoding="utf-8")).to_dict()
for span in [q["content"][0] for q in d["quotes"]] + [e["trigger"] for e in d["events"]]:
    assert d["text"][span["start"]:span["end"]] == span["text"]
q = d["quotes"][0]["content"][0]
print(q["start"], q["end"], repr(d["text"][q["start"]:q["end"]]))
