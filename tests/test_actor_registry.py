"""The persistent actor registry: user dictionaries loaded into the store (SQLite and
PostgreSQL), `communique actors import/show`, and extraction resolving actors with it."""

from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.config import Settings
from communique.kb import UserActors, actor_id, load_kb
from communique.kb.dictionaries import load_dictionary, parse_csv, parse_petrarch, parse_yaml
from communique.store import Store

ENV = {"COLUMNS": "160", "NO_COLOR": "1", "TERM": "dumb"}

PETRARCH = """\
# a PETRARCH/CAMEO actors file: a date-restricted code per period
JOHN_HALVORSEN_   [USAMIL 080603-090120] [USAGOV >090120]
+HALVORSEN_
+JON_HALVORSEN_
ACME_LIBERATION_FRONT_ [SYRREB]
+ALF_
BROKEN_ACTOR_ [RUSGOV >08x508]
+BROKEN_
"""

CSV = """\
name,kind,country,sector,aliases
Oleksiy Danilov,person,UKR,GOV,Oleksii Danylov|Oleksiy Danylov|Danylov
,person,UKR,,
"""

# the same person spelled two ways, in articles published before and after 2009-01-20
ARTICLES = [
    {"text": "Oleksiy Danilov met John Halvorsen in Kyiv on Tuesday. Danilov said the talks with "
             "Washington were useful and that Ukraine would ask for more help. Halvorsen promised "
             "to report back.", "published": "2008-07-01", "url": "https://example.org/a1"},
    {"text": "Oleksii Danylov said on Monday that John Halvorsen would visit Kyiv again next month. "
             "Danylov told reporters that the meeting would focus on security and energy supplies "
             "for the winter.", "published": "2010-03-01", "url": "https://example.org/a2"},
]
HALVORSEN = actor_id("person", "John Halvorsen")
DANILOV = actor_id("person", "Oleksiy Danilov")


def run(*args: str):
    return CliRunner().invoke(app, list(args), env=ENV)


@pytest.fixture()
def dictionaries(tmp_path):
    pet = tmp_path / "people.actors.txt"
    pet.write_text(PETRARCH, encoding="utf-8")
    csv = tmp_path / "variants.csv"
    csv.write_text(CSV, encoding="utf-8")
    return pet, csv


def _records(pet, csv):
    return load_dictionary(pet, problems=[]), load_dictionary(csv, problems=[])


# --- the registry in the store ------------------------------------------------------------


def test_actor_registry_import_is_idempotent(store, dictionaries):
    pet, csv = _records(*dictionaries)
    first = store.import_actors(pet)
    assert (first.actors, first.new_actors, first.aliases, first.dated_roles) == (2, 2, 3, 2)
    before = store.registry_counts()
    again = store.import_actors(pet)
    assert (again.new_actors, again.new_aliases, again.taken_over) == (0, 0, [])
    assert store.registry_counts() == before
    assert store.import_actors(csv).new_aliases == 3


@pytest.mark.parametrize("name", ["Halvorsen", "jon halvorsen", "JOHN HALVORSEN", HALVORSEN])
def test_actor_registry_find_by_alias_id_or_name(store, dictionaries, name):
    store.import_actors(_records(*dictionaries)[0])
    (found,) = store.find_actor(name)
    assert found["id"] == HALVORSEN and found["name"] == "John Halvorsen"
    assert found["aliases"] == ["Halvorsen", "Jon Halvorsen"]
    assert [(r["role"], r["start"], r["end"]) for r in found["roles"]] == [
        ("USAMIL", "2008-06-03", "2009-01-20"), ("USAGOV", "2009-01-20", None)]


def test_actor_registry_records_round_trip_with_dated_roles(store, dictionaries):
    pet, csv = _records(*dictionaries)
    store.import_actors(pet + csv)
    back = {r.name: r for r in store.registry_records()}
    assert set(back) == {"John Halvorsen", "Acme Liberation Front", "Oleksiy Danilov"}
    john = back["John Halvorsen"]
    assert john.role_on(dt.date(2008, 7, 1)).code == "USAMIL"
    assert john.role_on(dt.date(2010, 3, 1)).code == "USAGOV"
    assert back["Acme Liberation Front"].kind == "organization" and back["Acme Liberation Front"].sector == "REB"
    assert set(back["Oleksiy Danilov"].aliases) == {"Oleksii Danylov", "Oleksiy Danylov", "Danylov"}
    builtin = store.registry_records("builtin")
    assert "Volodymyr Zelenskiy" in {r.name for r in builtin}  # the built-in people, where missing


def test_actor_registry_alias_is_unique_and_user_import_takes_it_over(store):
    store.import_actors(parse_csv("name,aliases\nJane Roe,J. Roe|Roe\n", source="a.csv"))
    moved = store.import_actors(parse_csv("name,aliases\nJanet Roe,Roe\n", source="b.csv"))
    assert moved.taken_over == [("Roe", actor_id("person", "Jane Roe"), actor_id("person", "Janet Roe"))]
    assert [d["name"] for d in store.find_actor("Roe")] == ["Janet Roe"]
    assert [d["name"] for d in store.find_actor("J. Roe")] == ["Jane Roe"]


def test_actor_registry_user_entry_redefines_a_builtin_person(store):
    store.import_actors(parse_csv("name,kind,country,sector,aliases\n"
                                  "Volodymyr Zelenskiy,person,UKR,GOV,Zelenskyy|Zelensky|Zelenskiy|Ze\n",
                                  source="mine.csv"))
    (found,) = store.find_actor("Ze")
    assert found["source"] == "mine.csv" and "Zelenskyy" in found["aliases"]
    kb = load_kb((), store.actor_registry())
    assert kb.person("Ze").name == kb.person_by_surname("Zelensky").name == "Volodymyr Zelenskiy"


# --- extraction with the registry ---------------------------------------------------------


def test_actor_registry_joins_spellings_and_dates_roles_on_both_backends(store, dictionaries, pipeline):
    from communique.ingest.article import make_article
    from communique.pipeline import Pipeline

    store.import_actors([r for recs in _records(*dictionaries) for r in recs])
    settings = pipeline.settings.replace(actor_registry=store.actor_registry())
    pipe = Pipeline(settings)
    analyses = [pipe.analyze_article(make_article(a["text"], url=a["url"], published=a["published"]))
                for a in ARTICLES]
    assert store.add_many(analyses) == 2
    (danilov,) = store.actors(name=DANILOV)
    assert danilov.articles == 2 and {"Oleksii Danylov", "Oleksiy Danylov"} <= set(danilov.aliases)
    roles = {a.published.isoformat(): next(x.roles for x in store.get(a.id).actors if x.id == HALVORSEN)
             for a in store.articles()}
    assert roles == {"2008-07-01": ("USAMIL",), "2010-03-01": ("USAGOV",)}


def test_actor_registry_ingest_cli_uses_the_registry(tmp_path, dictionaries, pipeline):
    db = tmp_path / "r.db"
    pet, csv = dictionaries
    result = run("actors", "import", str(pet), str(csv), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "people.actors.txt: 2 actors (2 new), 3 aliases (3 new), 2 dated roles; 1 bad lines" in result.stdout
    assert "variants.csv: 1 actors (1 new), 3 aliases (3 new), 0 dated roles; 1 bad lines" in result.stdout
    assert f"{pet}:7: bad code or date restriction [RUSGOV >08x508]" in result.stderr
    assert f"{csv}:3: no name" in result.stderr
    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    result = run("ingest", str(src), "--db", str(db))
    assert result.exit_code == 0, result.output
    people = json.loads(run("actors", "--db", str(db), "--kind", "person", "--format", "json").stdout)
    assert {p["id"]: p["articles"] for p in people} == {HALVORSEN: 2, DANILOV: 2}
    shown = run("actors", "show", "Danylov", "--db", str(db), "--json")
    assert shown.exit_code == 0, shown.output
    (d,) = json.loads(shown.stdout)
    assert d["id"] == DANILOV and d["articles"] == 2 and "Oleksii Danylov" in d["aliases"]
    table = run("actors", "show", "halvorsen", "--db", str(db)).stdout
    assert "USAMIL (2008-06-03 – 2009-01-20); USAGOV (2009-01-20 – …)" in table and "2 (" in table


def test_actor_registry_web_actor_page_shows_registry(tmp_path, dictionaries, pipeline):
    from communique.web.views import actor_view

    with Store(tmp_path / "w.db") as store:
        store.import_actors(_records(*dictionaries)[0])
        settings = pipeline.settings.replace(actor_registry=store.actor_registry())
        from communique.pipeline import Pipeline

        store.add(Pipeline(settings).analyze(ARTICLES[1]["text"], published="2010-03-01"))
        d = actor_view(store, Settings(), HALVORSEN)["actor"]
    assert "Jon Halvorsen" in d["aliases"] and d["registry"]["source"] == "people.actors.txt"
    assert [r["role"] for r in d["registry"]["roles"]] == ["USAMIL", "USAGOV"]


# --- the CLI and the dictionary readers ---------------------------------------------------


def test_actor_registry_cli_keeps_the_actors_listing_and_reports_errors(tmp_path):
    db = tmp_path / "e.db"
    missing = run("actors", "import", str(tmp_path / "nope.csv"), "--db", str(db))
    assert missing.exit_code == 2 and "actor dictionary not found" in missing.stderr
    assert run("actors", "import", str(tmp_path / "x.txt"), "--db", str(db), "--format", "xml").exit_code == 2
    (tmp_path / "one.yaml").write_text("- {name: Acme Rebels, kind: group, sector: REB, aliases: [ARF]}\n")
    assert run("actors", "import", str(tmp_path / "one.yaml"), "--db", str(db)).exit_code == 0
    listing = run("actors", "--db", str(db), "--format", "json")
    assert listing.exit_code == 0 and json.loads(listing.stdout) == []
    unknown = run("actors", "show", "Nobody At All", "--db", str(db))
    assert unknown.exit_code == 2 and "no actor named" in unknown.stderr


@pytest.mark.parametrize("parse,text,bad", [
    (parse_csv, "name,start,role\nA B,2020-02-30,Minister\n,,\nC D,,\n", [(2, "bad date")]),
    (parse_csv, "name,aliases\n,x\nC D,\n", [(2, "no name")]),
    (parse_yaml, "- name: A B\n- {aliases: [x]}\n- name: C\n  roles: [{role: M, start: 2020-13-01}]\n",
     [(2, "an entry needs a name"), (3, "bad entry")]),
    (parse_petrarch, "+ORPHAN_\nA_B_ [USAGOV]\nC_D_ [USAGOV 0801-0902]\n+C_\n",
     [(1, "a synonym (+) before any actor"), (3, "bad code")]),
])
def test_actor_registry_bad_lines_are_reported_with_line_numbers(parse, text, bad):
    problems: list = []
    records = parse(text, problems=problems)
    assert [(line, msg[:len(m)]) for (line, msg), (_, m) in zip(sorted(problems), bad)] == bad
    assert len(problems) == len(bad) and len(records) >= 1


def test_actor_registry_user_actors_hash_by_content_and_pickle():
    recs = parse_petrarch(PETRARCH.split("BROKEN")[0])
    a, b = UserActors(recs), UserActors(list(recs))
    assert a == b and hash(a) == hash(b) and a is not b
    c = pickle.loads(pickle.dumps(a))
    assert c == a and c.records == a.records
    assert load_kb((), a) is load_kb((), c)  # one knowledge base per registry content
    s = Settings().replace(actor_registry=a)
    assert s.to_dict()["actor_registry"] is a
    with pytest.raises(Exception, match="actor_registry"):
        Settings.load({"actor_registry": "people.csv"})
