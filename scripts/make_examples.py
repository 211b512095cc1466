"""Write src/communique/data/examples/examples.jsonl (the bundled example articles).

The seed article is tests/fixtures/seed_article.txt (published 2022-01-21); the other
articles are original, invented text written for communique (public domain / CC0).
Run: python scripts/make_examples.py
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "communique" / "data" / "examples" / "examples.jsonl"

ARTICLES = [
    {
        "title": "Kenya and Tanzania agree to reopen border crossings after talks in Arusha",
        "published": "2023-03-15",
        "source": "communique examples",
        "text": (
            "Kenya and Tanzania agree to reopen border crossings after talks in Arusha\n\n"
            "ARUSHA, Tanzania — Kenyan Trade Minister Daniel Mwangi met his Tanzanian counterpart, "
            "Halima Said, in Arusha on Tuesday to settle a dispute that has kept trucks waiting at "
            "the Namanga border post for almost three weeks.\n\n"
            "After four hours of talks, the two ministers agreed to reopen the crossings on Monday "
            "and to set up a joint committee on cargo inspections.\n\n"
            "\"Our traders have lost too much already. Nobody gains when the border is closed,\" "
            "Mwangi told reporters after the meeting.\n\n"
            "Said said Tanzania would drop the new inspection fee that had angered Kenyan hauliers, "
            "but she warned that smuggling along the border remained a serious concern.\n\n"
            "The East African Community welcomed the agreement and said it would send observers to "
            "Namanga next week. Truck drivers' unions in Nairobi had threatened to block the highway "
            "to Mombasa if the crossings stayed shut."
        ),
    },
    {
        "title": "EU imposes sanctions on Belarusian officials over crackdown",
        "published": "2023-05-10",
        "source": "communique examples",
        "text": (
            "EU imposes sanctions on Belarusian officials over crackdown\n\n"
            "BRUSSELS — The European Union imposed sanctions on Tuesday on twelve Belarusian "
            "officials it accuses of organising the arrest of opposition activists, freezing their "
            "assets and banning them from travelling to the bloc.\n\n"
            "EU foreign policy chief Marta Lindqvist said the measures sent a clear message to Minsk. "
            "\"Those who jail peaceful protesters will not do business in Europe,\" she said in a "
            "statement.\n\n"
            "The Belarusian Foreign Ministry condemned the decision and promised a response. A "
            "spokesman, Andrei Kovalenko, accused Brussels of interfering in the country's internal "
            "affairs and said Belarus would expel two European diplomats.\n\n"
            "Lithuania and Poland had pushed for tougher measures since last month, when police in "
            "Minsk detained more than forty people at a rally. Lithuanian Foreign Minister Jonas "
            "Petraitis said on Wednesday that the sanctions were \"a first step, not the last one.\"\n\n"
            "EU ministers will meet in Luxembourg in June to discuss further restrictions on trade."
        ),
    },
    {
        "title": "Thousands march in Santiago against pension reform",
        "published": "2023-09-18",
        "source": "communique examples",
        "text": (
            "Thousands march in Santiago against pension reform\n\n"
            "SANTIAGO, Chile — Tens of thousands of people marched through central Santiago on "
            "Sunday to protest against the government's plan to raise the retirement age, in the "
            "largest demonstration the Chilean capital has seen this year.\n\n"
            "Police fired tear gas and water cannon at a group of protesters who tried to reach the "
            "presidential palace, and arrested 38 people, the Interior Ministry said.\n\n"
            "\"We worked all our lives and now they want us to work five more years,\" said Rosa "
            "Fuentes, a 61-year-old teacher who travelled from Valparaiso for the march.\n\n"
            "Interior Minister Tomás Herrera defended the police response and called on union "
            "leaders to return to negotiations. He said the government was ready to meet them on "
            "Thursday.\n\n"
            "The CUT trade union federation rejected the offer and announced a national strike for "
            "next month."
        ),
    },
    {
        "title": "Serbia moves troops toward Kosovo boundary as NATO urges restraint",
        "published": "2023-10-05",
        "source": "communique examples",
        "text": (
            "Serbia moves troops toward Kosovo boundary as NATO urges restraint\n\n"
            "BELGRADE — Serbia moved armoured units and several hundred soldiers toward its boundary "
            "with Kosovo on Wednesday, two days after clashes in the north of Kosovo left three "
            "police officers injured.\n\n"
            "NATO called on Belgrade to withdraw the troops. \"Any further build-up would be a "
            "dangerous mistake,\" alliance spokeswoman Claire Dubois said in Brussels, adding that "
            "the KFOR peacekeeping mission was reinforcing its patrols near Mitrovica.\n\n"
            "Serbian Defence Minister Milan Petrović denied that the deployment was a threat and "
            "said the army was conducting routine exercises.\n\n"
            "Kosovo Prime Minister Arben Krasniqi accused Serbia of trying to intimidate his "
            "government and asked the United States and the European Union for help. Washington "
            "said on Thursday that it was sending a senior envoy to Pristina and Belgrade next week."
        ),
    },
]


def seed() -> dict:
    text = (ROOT / "tests" / "fixtures" / "seed_article.txt").read_bytes().decode("utf-8")
    return {"title": "Blinken, Lavrov, Expect No Breakthroughs on Ukraine", "published": "2022-01-21",
            "source": "seed article", "text": text}


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        for record in [seed(), *ARTICLES]:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)} ({1 + len(ARTICLES)} articles)")


if __name__ == "__main__":
    main()
