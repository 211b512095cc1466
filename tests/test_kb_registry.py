"""The actor knowledge base: lookups, stable ids, user dictionaries, pinned contents."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.kb import actor_id, country_actor_id, load_kb, normalize_name
from communique.kb.dictionaries import parse_csv, parse_petrarch, parse_yaml


@pytest.mark.parametrize("phrase,iso", [
    ("U.S.", "USA"), ("US", "USA"), ("the United States", "USA"), ("Russian", "RUS"),
    ("the Kremlin", "RUS"), ("Moscow", "RUS"), ("Kyiv", "UKR"), ("Kiev", "UKR"),
    ("Downing Street", "GBR"), ("Britain", "GBR"), ("German", "DEU"), ("Beijing", "CHN"),
    ("Bolivia", "BOL"), ("Guinea-Bissau", "GNB"),
])
def test_kb_registry_country_phrases(phrase, iso):
    entry = load_kb().lookup(phrase)
    assert entry is not None and entry.kind == "country" and entry.country == iso


@pytest.mark.parametrize("phrase,name,sector", [
    ("NATO", "NATO", "IGO"), ("the Western military alliance", "NATO", "IGO"), ("U.N.", "United Nations", "IGO"),
    ("OSCE", "OSCE", "IGO"), ("the West", "the West", None), ("Western countries", "the West", None),
])
def test_kb_registry_organisations_and_groups(phrase, name, sector):
    entry = load_kb().lookup(phrase)
    assert entry is not None and entry.name == name and entry.sector == sector


@pytest.mark.parametrize("variant", ["Zelenskiy", "Zelensky", "Zelenskyy", "Volodymyr Zelensky"])
def test_kb_registry_spelling_variants_share_one_person(variant):
    rec = load_kb().person(variant) or load_kb().person_by_surname(variant)
    assert rec is not None and rec.name == "Volodymyr Zelenskiy"
    assert actor_id("person", rec.name) == actor_id("person", "Volodymyr  Zelenskiy")


def test_kb_registry_ids_are_stable():
    assert country_actor_id("RUS") == actor_id("country", "rus") == "fc077d95475f"
    assert normalize_name("Sergéy  Lavrov’s") == "sergey lavrov"


def test_kb_registry_dated_roles():
    putin = load_kb().person("Vladimir Putin")
    assert putin.role_on(dt.date(2010, 1, 1)).role == "Prime Minister"
    assert putin.role_on(dt.date(2022, 1, 1)).role == "President"


def test_kb_dictionaries_petrarch_format():
    recs = parse_petrarch("""
VLADIMIR_PUTIN_   [RUSELI] [RUSGOV >000507]   # comment
+PUTIN_
BARACK_OBAMA_  [USAELI 080603-090120] [USAGOV >090120]
""")
    assert [r.name for r in recs] == ["Vladimir Putin", "Barack Obama"]
    assert recs[0].aliases == ("Putin",)
    gov = recs[1].roles[1]
    assert (gov.country, gov.sector, gov.start) == ("USA", "GOV", dt.date(2009, 1, 20))
    assert recs[1].roles[0].end == dt.date(2009, 1, 20)


def test_kb_dictionaries_csv_and_yaml():
    csv_recs = parse_csv("name,kind,country,sector,aliases,role,start,end\n"
                         "Jane Roe,person,FRA,GOV,J. Roe|Roe,Minister,2020-01-01,\n")
    assert csv_recs[0].aliases == ("J. Roe", "Roe") and csv_recs[0].roles[0].start == dt.date(2020, 1, 1)
    yaml_recs = parse_yaml("- {name: Acme Rebels, kind: group, sector: REB, aliases: [ARF]}\n")
    assert yaml_recs[0].kind == "group" and yaml_recs[0].sector == "REB"


def test_kb_user_dictionary_loaded_through_settings(tmp_path):
    from communique.kb.registry import load_kb as load

    path = tmp_path / "mine.actors.txt"
    path.write_text("ACME_LIBERATION_FRONT_ [SYRREB]\n+ALF_\n", encoding="utf-8")
    kb = load((str(path),))
    assert kb.lookup("Acme Liberation Front") is not None
    assert kb.lookup("ALF").sector == "REB"


def test_kb_registry_golden_counts():
    """Pins the KB contents: change these numbers deliberately with the data files."""
    kb = load_kb()
    assert (len(kb.phrases), len(kb.titles), len(kb.sector_nouns), len(kb.registry_records())) == (1845, 100, 90, 708)


def test_kb_registry_golden_open_dictionaries():
    """Pins the compiled open dictionaries (scripts/build_kb.py): rebuild deliberately."""
    ph = load_kb().phoenix
    assert ph.version == "phoenix-1"
    counts = {k: v for k, v in ph.counts.items() if k != "files"}
    assert counts == {"people": 18520, "organizations": 8065, "bodies": 52, "places": 4871, "agents": 4242}


@pytest.mark.parametrize("name, country", [
    ("Guinea Bissau", "GNB"), ("Cote d'Ivoire", "CIV"), ("Trinidad", "TTO"), ("Swaziland", "SWZ"),
    ("East Timor", "TLS"), ("Cape Verde", "CPV"), ("Macedonia", "MKD"), ("Congo-Brazzaville", "COG"),
    # news style: a bare "Congo" is the Democratic Republic ("eastern Congo"), the other one is named in full
    ("Congo", "COD"), ("Republic of Congo", "COG"), ("Congo Republic", "COG"),
    # national bodies news names without their country
    ("the Fed", "USA"), ("Justice Department", "USA"), ("Bank of England", "GBR"), ("Northern Ireland", "GBR"),
])
def test_kb_registry_common_country_names_resolve(name, country):
    entry = load_kb().lookup(name)
    assert entry is not None and entry.country == country
