"""Synthetic news corpora for the benchmarks (deterministic for a seed).

* :func:`generate` — N varied articles: diplomacy, protest, conflict, economy and
  court stories built from many sentence patterns, with quotes (direct and indirect),
  dates, places, numbers, and actors drawn from a few hundred names, so no two articles
  share much text.
* :func:`syndicate` — a wire story as another outlet republishes it: a byline or dateline
  added, a boilerplate footer, a few words changed (style edits), sometimes a sentence
  dropped or the end cut off, sometimes a different headline.
* :func:`dedup_corpus` — originals plus syndicated copies with the true story of each.

Run ``python bench/corpus.py N OUT.jsonl`` to write a JSONL corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from dataclasses import dataclass

COUNTRIES = [
    ("Russia", "Moscow", "Russian"), ("Ukraine", "Kyiv", "Ukrainian"), ("France", "Paris", "French"),
    ("Germany", "Berlin", "German"), ("China", "Beijing", "Chinese"), ("Japan", "Tokyo", "Japanese"),
    ("India", "New Delhi", "Indian"), ("Brazil", "Brasilia", "Brazilian"), ("Turkey", "Ankara", "Turkish"),
    ("Iran", "Tehran", "Iranian"), ("Israel", "Jerusalem", "Israeli"), ("Egypt", "Cairo", "Egyptian"),
    ("Nigeria", "Abuja", "Nigerian"), ("Kenya", "Nairobi", "Kenyan"), ("Mexico", "Mexico City", "Mexican"),
    ("Canada", "Ottawa", "Canadian"), ("Poland", "Warsaw", "Polish"), ("Italy", "Rome", "Italian"),
    ("Spain", "Madrid", "Spanish"), ("Pakistan", "Islamabad", "Pakistani"), ("Ethiopia", "Addis Ababa", "Ethiopian"),
    ("Colombia", "Bogota", "Colombian"), ("Indonesia", "Jakarta", "Indonesian"), ("Sweden", "Stockholm", "Swedish"),
    ("South Korea", "Seoul", "South Korean"), ("Argentina", "Buenos Aires", "Argentine"),
    ("Saudi Arabia", "Riyadh", "Saudi"), ("Vietnam", "Hanoi", "Vietnamese"), ("Chile", "Santiago", "Chilean"),
    ("Greece", "Athens", "Greek"), ("Hungary", "Budapest", "Hungarian"), ("Morocco", "Rabat", "Moroccan"),
]
FIRST = ["Anna", "Sergei", "Maria", "Olaf", "Li", "Hiroshi", "Priya", "Carlos", "Mehmet", "Ali", "Yael",
         "Amina", "Grace", "Jorge", "Claire", "Tomasz", "Giulia", "Pedro", "Imran", "Abebe", "Lucia",
         "Budi", "Ingrid", "Min-jun", "Diego", "Fatima", "Nguyen", "Camila", "Nikos", "Zoltan", "Youssef",
         "Helen", "Marek", "Sofia", "Kwame", "Rania", "Viktor", "Elena", "Tariq", "Hana"]
LAST = ["Petrova", "Ivanov", "Dubois", "Schmidt", "Wei", "Tanaka", "Sharma", "Silva", "Yilmaz", "Rezaei",
        "Cohen", "Hassan", "Okafor", "Mwangi", "Lopez", "Tremblay", "Kowalski", "Rossi", "Garcia", "Khan",
        "Tesfaye", "Restrepo", "Santoso", "Lindqvist", "Park", "Fernandez", "Al-Saud", "Tran", "Morales",
        "Papadopoulos", "Nagy", "Benali", "Novak", "Berg", "Mensah", "Haddad", "Orban", "Costa", "Ahmed"]
ROLES = ["foreign minister", "defence minister", "prime minister", "president", "interior minister",
         "finance minister", "spokesperson for the government", "opposition leader", "army chief",
         "central bank governor", "ambassador to the United Nations", "health minister", "mayor of the capital"]
ORGS = ["the United Nations", "NATO", "the European Union", "the African Union", "the World Bank",
        "the International Monetary Fund", "the Red Cross", "Amnesty International", "the World Health Organization",
        "the Organization of American States", "ASEAN", "the Arab League", "Human Rights Watch"]
GROUPS = ["farmers", "students", "teachers", "truck drivers", "nurses", "pensioners", "dock workers",
          "miners", "taxi drivers", "doctors", "rail workers", "shopkeepers", "factory workers"]
TOPICS = ["the border dispute", "the gas pipeline", "the trade agreement", "grain exports",
          "the ceasefire", "the nuclear programme", "fishing rights", "the prisoner exchange",
          "the new security pact", "visa rules", "the water treaty", "arms sales", "climate funding",
          "the refugee crisis", "the election dispute", "debt relief", "the peace plan", "oil prices"]
ISSUES = ["fuel prices", "a pension reform", "rising rents", "a new labour law", "food prices",
          "police violence", "corruption", "school closures", "a tax increase", "water shortages",
          "power cuts", "low wages", "a mining project", "a disputed election"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ADVERBS = ["sharply", "firmly", "repeatedly", "publicly", "openly", "cautiously", "strongly", "briefly"]
ADJ = ["tense", "lengthy", "closed-door", "unexpected", "emergency", "long-awaited", "fraught", "brief"]
SPEECH = ["said", "told reporters", "said in a statement", "told a news conference", "wrote on social media",
          "told state television", "said in an interview", "told parliament"]
CONNECT = ["Meanwhile,", "Separately,", "Earlier,", "Later,", "At the same time,", "In a related move,"]


@dataclass
class Ctx:
    rnd: random.Random
    a: tuple[str, str, str]
    b: tuple[str, str, str]
    person_a: str
    role_a: str
    person_b: str
    role_b: str
    org: str
    topic: str
    day: str
    n: int


def _person(rnd: random.Random) -> str:
    return f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"


def _num(rnd: random.Random) -> str:
    return rnd.choice([str(rnd.randint(2, 95)), f"{rnd.randint(2, 40)},{rnd.randint(100, 999)}",
                       f"{rnd.randint(2, 9)}.{rnd.randint(1, 9)} million", "dozens", "hundreds"])


SENTENCES = [
    lambda c: f"{c.a[2]} {c.role_a} {c.person_a} met {c.b[2]} {c.role_b} {c.person_b} in {c.a[1]} on {c.day} to discuss {c.topic}.",
    lambda c: f"\"We are ready to {c.rnd.choice(['continue the dialogue', 'sign an agreement', 'make concessions', 'defend our interests'])} on {c.topic},\" {c.person_a} {c.rnd.choice(SPEECH)} after the {c.rnd.choice(ADJ)} talks.",
    lambda c: f"{c.person_b} {c.rnd.choice(ADVERBS)} rejected the proposal, saying that {c.b[0]} would not accept {c.rnd.choice(['any preconditions', 'foreign interference', 'new sanctions', 'a delay'])}.",
    lambda c: f"{c.org[0].upper() + c.org[1:]} called on both sides to {c.rnd.choice(['show restraint', 'return to negotiations', 'respect the ceasefire', 'protect civilians'])} and offered to mediate.",
    lambda c: f"Thousands of {c.rnd.choice(GROUPS)} marched through {c.a[1]} on {c.day} to protest against {c.rnd.choice(ISSUES)}, police said.",
    lambda c: f"Police in {c.b[1]} arrested {_num(c.rnd)} {c.rnd.choice(GROUPS)} after {c.rnd.choice(['clashes', 'scuffles', 'a sit-in', 'a blockade'])} near the {c.rnd.choice(['parliament', 'presidential palace', 'central station', 'ministry', 'port'])}.",
    lambda c: f"{c.a[0]} accused {c.b[0]} of {c.rnd.choice(['violating the truce', 'spreading disinformation', 'blocking aid convoys', 'massing troops near the frontier', 'cyberattacks on its banks'])}, a charge {c.b[1]} denied.",
    lambda c: f"{c.b[2]} forces shelled {c.rnd.choice(['villages', 'positions', 'a supply depot', 'an airfield'])} near the frontier overnight, killing {_num(c.rnd)} people, according to local officials.",
    lambda c: f"The {c.rnd.choice(['government', 'cabinet', 'parliament', 'ruling coalition'])} in {c.a[1]} approved {_num(c.rnd)} dollars in {c.rnd.choice(['humanitarian aid', 'military assistance', 'emergency loans', 'reconstruction funds'])} for {c.b[0]}.",
    lambda c: f"{c.person_a} warned that {c.a[0]} could {c.rnd.choice(['impose sanctions', 'expel diplomats', 'cut gas supplies', 'recall its ambassador', 'close the border'])} if {c.b[0]} did not {c.rnd.choice(['withdraw its troops', 'release the detainees', 'stop the attacks', 'reopen the crossing'])} by the end of the month.",
    lambda c: f"The central bank of {c.a[0]} raised its key interest rate by {c.rnd.randint(1, 9) * 25} basis points, citing inflation of {c.rnd.randint(3, 19)}.{c.rnd.randint(0, 9)} percent in {c.rnd.choice(['January', 'March', 'May', 'August', 'October', 'December'])}.",
    lambda c: f"Exports of {c.rnd.choice(['grain', 'steel', 'cars', 'oil', 'coffee', 'copper', 'fertiliser'])} from {c.b[0]} fell {c.rnd.randint(2, 40)} percent last year, customs data showed.",
    lambda c: f"A court in {c.a[1]} sentenced {_person(c.rnd)}, a former {c.rnd.choice(ROLES)}, to {c.rnd.randint(2, 15)} years in prison for {c.rnd.choice(['bribery', 'treason', 'embezzlement', 'inciting violence', 'abuse of office'])}.",
    lambda c: f"{c.org} said {_num(c.rnd)} people had fled {c.rnd.choice(['the fighting', 'the floods', 'the drought', 'the violence'])} in the {c.rnd.choice(['north', 'south', 'east', 'west'])} of {c.b[0]} since {c.rnd.choice(WEEKDAYS)}.",
    lambda c: f"According to {c.rnd.choice(['diplomats', 'officials', 'analysts', 'sources familiar with the talks'])}, a {c.rnd.choice(['second round', 'summit', 'phone call', 'follow-up meeting'])} could take place in {c.rnd.choice(COUNTRIES)[1]} {c.rnd.choice(['next week', 'later this month', 'in the spring', 'before the summer'])}.",
    lambda c: f"{c.person_b} said {c.b[0]} {c.rnd.choice(['hoped', 'expected', 'doubted', 'feared'])} that {c.a[0]} would {c.rnd.choice(['honour its commitments', 'lift the embargo', 'change course', 'escalate further'])}.",
    lambda c: f"The {c.rnd.choice(['opposition', 'unions', 'business lobby', 'church', 'students union'])} in {c.a[0]} {c.rnd.choice(['welcomed', 'condemned', 'questioned', 'criticised'])} the decision, calling it {c.rnd.choice(['a step forward', 'a betrayal', 'premature', 'long overdue', 'reckless'])}.",
    lambda c: f"{c.n} {c.rnd.choice(['soldiers', 'police officers', 'aid workers', 'journalists', 'civilians'])} were {c.rnd.choice(['wounded', 'detained', 'evacuated', 'reported missing'])} in {c.rnd.choice(['an ambush', 'a raid', 'an explosion', 'a landslide'])} near {c.b[1]} on {c.rnd.choice(WEEKDAYS)}.",
    lambda c: f"\"{c.rnd.choice(['This is unacceptable', 'We will not back down', 'The door remains open', 'Nobody wants a war', 'Our patience has limits'])},\" {c.role_b} {c.person_b} {c.rnd.choice(SPEECH)}.",
    lambda c: f"{c.rnd.choice(CONNECT)} {c.a[2]} officials {c.rnd.choice(['signed', 'postponed', 'suspended', 'renewed'])} a {c.rnd.choice(['cooperation agreement', 'loan deal', 'defence contract', 'memorandum'])} with {c.org}.",
]
HEADLINES = [
    lambda c: f"{c.a[0]} and {c.b[0]} hold talks on {c.topic}",
    lambda c: f"{c.person_a} warns {c.b[0]} over {c.topic}",
    lambda c: f"Protests in {c.a[1]} as tensions with {c.b[0]} rise",
    lambda c: f"{c.org} urges restraint in {c.a[0]}-{c.b[0]} dispute",
]


def _ctx(rnd: random.Random) -> Ctx:
    a, b = rnd.sample(COUNTRIES, 2)
    return Ctx(rnd, a, b, _person(rnd), rnd.choice(ROLES), _person(rnd), rnd.choice(ROLES),
               rnd.choice(ORGS), rnd.choice(TOPICS), rnd.choice(WEEKDAYS), rnd.randint(2, 60))


def article(i: int, seed: int = 0) -> dict:
    """One synthetic article as a JSONL record (``id, title, published, source, url, text``)."""
    rnd = random.Random(seed * 1_000_003 + i)
    c = _ctx(rnd)
    n = rnd.randint(7, 14)
    order = rnd.sample(range(len(SENTENCES)), n)
    sentences = [SENTENCES[k](c) for k in order]
    paras, k = [], 0
    while k < len(sentences):
        step = rnd.randint(1, 3)
        paras.append(" ".join(sentences[k:k + step]))
        k += step
    published = dt.date(2022, 1, 1) + dt.timedelta(days=rnd.randint(0, 364))
    outlet = rnd.randint(1, 40)
    return {"id": f"syn-{seed}-{i}", "title": rnd.choice(HEADLINES)(c), "published": published.isoformat(),
            "source": f"Outlet {outlet}", "url": f"https://outlet{outlet}.example/news/{seed}/{i}",
            "text": "\n\n".join(paras)}


def generate(n: int, seed: int = 0) -> list[dict]:
    return [article(i, seed) for i in range(n)]


SYNONYMS = [("said", "stated"), ("on Monday", "Monday"), ("on Tuesday", "Tuesday"), ("percent", "%"),
            ("people", "persons"), ("officials", "authorities"), ("talks", "negotiations"),
            ("after", "following"), ("near", "close to"), ("warned", "cautioned"), ("rejected", "dismissed"),
            ("police said", "according to police"), ("would", "will"), ("accused", "charged")]
BYLINES = ["By {w} Staff", "{city} ({w}) -", "{city}, {w} -", "Reporting by {p}; editing by {q}",
           "{w} | Updated {h}:{m:02d} GMT"]
FOOTERS = ["Copyright {y} {w}. All rights reserved. This material may not be published, broadcast, "
           "rewritten or redistributed.", "({w}) Additional reporting by {p}.",
           "Read more: {h2}", "Sign up for our daily newsletter to get the top stories in your inbox.",
           "This article was produced by {w} and republished with permission."]


def syndicate(record: dict, copy: int, *, rnd: random.Random, outlet: int) -> dict:
    """A republished copy of ``record`` with the edits outlets make."""
    text = record["text"]
    wire = rnd.choice(["Associated Press", "Reuters", "AFP", "Wire Service"])
    # style edits: a few substitutions
    for old, new in rnd.sample(SYNONYMS, rnd.randint(1, 4)):
        if rnd.random() < 0.7:
            text = text.replace(old, new)
    paras = text.split("\n\n")
    r = rnd.random()
    if r < 0.25 and len(paras) > 3:            # cut the end off
        paras = paras[: max(3, int(len(paras) * rnd.uniform(0.65, 0.9)))]
    elif r < 0.4 and len(paras) > 3:           # drop one paragraph in the middle
        del paras[rnd.randrange(1, len(paras) - 1)]
    head = rnd.choice(BYLINES).format(w=wire, city=rnd.choice(COUNTRIES)[1].upper(), p=_person(rnd),
                                      q=_person(rnd), h=rnd.randint(0, 23), m=rnd.randint(0, 59))
    foot = rnd.choice(FOOTERS).format(y=2022, w=wire, p=_person(rnd), h2=article(rnd.randint(0, 10**6), 99)["title"])
    out = dict(record)
    out.update({"id": f"{record['id']}-copy{copy}", "source": f"Outlet {outlet}",
                "url": f"https://outlet{outlet}.example/{rnd.choice(['world', 'news', 'wire'])}/{record['id']}-{copy}"
                       f"?utm_source={rnd.choice(['rss', 'twitter', 'newsletter'])}",
                "title": record["title"] if rnd.random() < 0.5 else record["title"] + f" - {wire}",
                "text": head + "\n\n" + "\n\n".join(paras) + "\n\n" + foot})
    return out


def dedup_corpus(n: int, seed: int = 0, copy_share: float = 0.5) -> tuple[list[dict], list[str]]:
    """About ``n`` articles, ``copy_share`` of them syndicated copies (1-6 per wire story);
    returns the records (shuffled) and the true story of each (the original's id)."""
    rnd = random.Random(seed + 7)
    records, truth = [], []
    i = 0
    while len(records) < n:
        orig = article(i, seed)
        i += 1
        records.append(orig)
        truth.append(orig["id"])
        if rnd.random() < copy_share / (1 - copy_share) / 3.5:
            for c in range(rnd.randint(1, 6)):
                if len(records) >= n:
                    break
                records.append(syndicate(orig, c, rnd=rnd, outlet=rnd.randint(41, 400)))
                truth.append(orig["id"])
    order = list(range(len(records)))
    rnd.shuffle(order)
    return [records[k] for k in order], [truth[k] for k in order]


def main(argv: list[str]) -> None:
    n = int(argv[1]) if len(argv) > 1 else 1000
    path = argv[2] if len(argv) > 2 else f"corpus-{n}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for rec in generate(n):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {n} articles to {path}")

def texts(polnear: str | None, split: str, limit: int) -> list[str]:
    """The benchmark input: the first ``limit`` texts of PolNeAR's ``split`` when ``polnear``
    (its root) is given, else ``limit`` synthetic articles."""
    if polnear:
        from communique.evaluation.polnear import load_split

        return [d.text for d in load_split(polnear, split, limit=limit)]
    return [a["text"] for a in generate(limit, 0)]


if __name__ == "__main__":
    main(sys.argv)
