"""The curated people list (data/kb/people.yaml): recent leaders resolve to their country,
names are unique across people, roles are well dated and countries are known codes."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources

import pytest
import yaml

from communique.kb import load_kb, normalize_name
from communique.kb.registry import DATA, person_from_dict


def _people() -> list[dict]:
    return yaml.safe_load(resources.files(DATA).joinpath("people.yaml").read_text(encoding="utf-8"))["people"]


def _known_countries() -> set[str]:
    generated = json.loads(resources.files(DATA).joinpath("countries.json").read_text(encoding="utf-8"))
    return set(generated["countries"]) | set(load_kb().countries)


@pytest.mark.parametrize("name,iso", [
    ("Cyril Ramaphosa", "ZAF"), ("Keir Starmer", "GBR"), ("Kamala Harris", "USA"),
    ("Kamala D. Harris", "USA"), ("J.D. Vance", "USA"), ("Mitch McConnell", "USA"),
    ("Chuck Schumer", "USA"), ("Nancy Pelosi", "USA"), ("Mike Johnson", "USA"),
    ("Friedrich Merz", "DEU"), ("Giorgia Meloni", "ITA"), ("Pedro Sánchez", "ESP"),
    ("Viktor Orbán", "HUN"), ("Radosław Sikorski", "POL"), ("Benjamin Netanyahu", "ISR"),
    ("Masoud Pezeshkian", "IRN"), ("Abbas Araqchi", "IRN"), ("Mohammed bin Salman", "SAU"),
    ("Abdel Fattah al-Sisi", "EGY"), ("Ahmed al-Sharaa", "SYR"), ("Abu Mohammed al-Jolani", "SYR"),
    ("Kim Jong-un", "PRK"), ("Lee Jae-myung", "KOR"), ("William Lai", "TWN"),
    ("Narendra Modi", "IND"), ("S. Jaishankar", "IND"), ("Shehbaz Sharif", "PAK"),
    ("Hibatullah Akhundzada", "AFG"), ("Luiz Inácio Lula da Silva", "BRA"), ("Javier Milei", "ARG"),
    ("Claudia Sheinbaum", "MEX"), ("Nicolás Maduro", "VEN"), ("Gustavo Petro", "COL"),
    ("Bola Tinubu", "NGA"), ("William Ruto", "KEN"), ("Abiy Ahmed", "ETH"),
    ("Abdel Fattah al-Burhan", "SDN"), ("Sviatlana Tsikhanouskaya", "BLR"), ("Aleksandar Vučić", "SRB"),
    ("Nikol Pashinyan", "ARM"), ("Ilham Aliyev", "AZE"), ("Kassym-Jomart Tokayev", "KAZ"),
    ("Irakli Kobakhidze", "GEO"), ("Andrii Sybiha", "UKR"), ("Andrei Belousov", "RUS"),
    ("Wang Yi", "CHN"), ("Sanae Takaichi", "JPN"), ("Hakan Fidan", "TUR"),
    ("Mike Huckabee", "USA"), ("Sarah Palin", "USA"), ("Bob Goodlatte", "USA"), ("Glenn Beck", "USA"),
    ("Jeb Bush", "USA"), ("John Kasich", "USA"), ("Robert Francis O'Rourke", "USA"), ("Andrew Cuomo", "USA"),
    ("Sonia Sotomayor", "USA"), ("Debbie Wasserman Schultz", "USA"), ("Kellyanne Conway", "USA"),
    ("George W. Bush", "USA"),
])
def test_kb_people_curated_names_and_aliases_resolve_to_country(name, iso):
    rec = load_kb().person(name)
    assert rec is not None and rec.source == "builtin"
    assert rec.country == iso


@pytest.mark.parametrize("name,day,role,iso", [
    ("Kamala Harris", dt.date(2022, 6, 1), "Vice President", "USA"),
    ("Marco Rubio", dt.date(2020, 6, 1), "U.S. Senator", "USA"),
    ("Marco Rubio", dt.date(2025, 6, 1), "Secretary of State", "USA"),
    ("Benjamin Netanyahu", dt.date(2022, 1, 1), "Opposition Leader", "ISR"),
    ("Hibatullah Akhundzada", dt.date(2020, 1, 1), "Taliban leader", "AFG"),
    ("Hibatullah Akhundzada", dt.date(2022, 1, 1), "Supreme Leader", "AFG"),
    ("Donald Tusk", dt.date(2017, 1, 1), "President of the European Council", None),
    ("Jeff Sessions", dt.date(2012, 1, 1), "U.S. Senator", "USA"),
    ("Jeff Sessions", dt.date(2018, 1, 1), "Attorney General", "USA"),
    ("Andrew Cuomo", dt.date(2015, 6, 1), "Governor of New York", "USA"),
    ("Kristi Noem", dt.date(2025, 6, 1), "Secretary of Homeland Security", "USA"),
])
def test_kb_people_curated_dated_roles(name, day, role, iso):
    held = load_kb().person(name).role_on(day)
    assert held is not None and held.role == role and held.country == iso


@pytest.mark.parametrize("name", ["Keir Starmer", "Rishi Sunak", "Emmanuel Macron"])
def test_kb_people_curated_bare_surname_is_no_alias(name):
    rec = load_kb().person(name)
    surname = name.split()[-1]
    assert normalize_name(surname) not in {normalize_name(a) for a in rec.aliases}


def test_kb_people_curated_version_and_size():
    doc = yaml.safe_load(resources.files(DATA).joinpath("people.yaml").read_text(encoding="utf-8"))
    assert doc["version"] == 7
    assert len(doc["people"]) >= 150


@pytest.mark.parametrize("surname, resolves", [
    ("Ahmed", False), ("Khan", False), ("Hussein", False), ("Singh", False),  # shared by millions
    ("Blinken", True), ("Lavrov", True),
])
def test_kb_people_curated_common_surname_alone_is_no_one(surname, resolves):
    assert (load_kb().person_by_surname(surname) is not None) is resolves


def test_kb_people_curated_no_duplicate_names_across_people():
    owner: dict[str, str] = {}
    clashes = []
    for p in _people():
        for n in {normalize_name(x) for x in (p["name"], *(p.get("aliases") or ()))}:
            if n in owner:
                clashes.append((n, owner[n], p["name"]))
            owner[n] = p["name"]
    assert len(owner) > 300
    assert clashes == []


def test_kb_people_curated_roles_are_dated_in_order():
    bad = []
    checked = 0
    for p in _people():
        rec = person_from_dict(p)
        if not rec.roles:
            bad.append((rec.name, "no role"))
        for r in rec.roles:
            checked += 1
            if r.start is None or (r.end is not None and r.end < r.start):
                bad.append((rec.name, r.role))
    assert checked > 300
    assert bad == []


def test_kb_people_curated_countries_are_known_codes():
    known = _known_countries()
    unknown = []
    for p in _people():
        rec = person_from_dict(p)
        codes = {rec.country} | {r.country for r in rec.roles}
        unknown += [(rec.name, c) for c in codes - {None} if c not in known]
    assert "ZAF" in known and unknown == []


def test_kb_people_curated_genders_are_given():
    missing = [p["name"] for p in _people() if p.get("gender") not in ("f", "m")]
    assert missing == []


@pytest.mark.parametrize("country,family", [
    ("USA", "leader"), ("USA", "legislator"), ("USA", "official"), ("RUS", "leader"), ("CHN", "leader"),
    ("DEU", "leader"), ("GBR", "leader"), ("FRA", "leader"), ("UKR", "leader"), ("IND", "leader"),
    ("PAK", "leader"), ("ISR", "leader"), ("FRA", "opposition"), ("VEN", "opposition"),
])
def test_kb_people_curated_one_titled_holder_per_state(country, family):
    """A description ("the Russian leader", "the U.S. senator") resolves to the one person
    whose dated role has that title family: heads of state beside heads of government,
    legislators and governors carry full titles ("Prime Minister of Russia", "U.S. Senator")."""
    kb = load_kb()
    for year in range(2017, 2027):
        day = dt.date(year, 3, 1)
        holders = set()
        for rec in kb.registry_records():
            role = rec.role_on(day)
            title = kb.title(tuple(role.role.lower().split())) if role and role.country == country else None
            if title and title[1] == family:
                holders.add(rec.name)
        assert len(holders) <= 1, (day, holders)
