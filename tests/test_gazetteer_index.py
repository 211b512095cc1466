"""The compiled gazetteer: lookups, curated data, cache round trip."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from communique.kb import gazetteer as gz


@pytest.fixture(scope="module")
def g():
    return gz.load_gazetteer()


@pytest.mark.parametrize("name,kind,country,gid", [
    ("Kiev", "city", "UKR", 703448),
    ("Kyiv", "city", "UKR", 703448),
    ("China", "country", "CHN", 1814991),
    ("U.S.", "country", "USA", 6252001),
    ("the United States", "country", "USA", 6252001),
    ("Britain", "country", "GBR", 2635167),
    ("Geneva", "city", "CHE", 2660646),
    ("Texas", "admin1", "USA", 4736286),
    ("Europe", "continent", None, 6255148),
    ("Donbas", "region", "UKR", None),
])
def test_gazetteer_lookup_finds(g, name, kind, country, gid):
    cands = g.lookup(name)
    assert any(c.record.kind == kind and c.record.country == country and c.record.geonameid == gid
               for c in cands), [c.record for c in cands]


def test_gazetteer_lookup_ambiguous_names_list_every_candidate(g):
    countries = {c.record.country for c in g.lookup("Paris")}
    assert {"FRA", "USA"} <= countries
    pops = sorted((c.record.population for c in g.lookup("Long Beach")), reverse=True)
    assert pops[0] > 400_000  # Long Beach, California is there and the biggest


@pytest.mark.parametrize("raw,key", [
    ("Genève", "geneve"), ("the Hague", "hague"), ("U.S.", "us"), ("Port-au-Prince", "port au prince"),
    ("Kyiv\u2019s", "kyiv's"),
])
def test_gazetteer_normalise(raw, key):
    assert gz.normalise(raw) == key


def test_gazetteer_lookup_unknown_is_empty(g):
    assert g.lookup("Xqzzyville") == []


def test_gazetteer_cache_round_trip(tmp_path):
    built = gz.build()
    path = gz.cache_path(tmp_path)
    gz._write_cache(built, path)
    loaded = gz._read_cache(path)
    assert loaded is not None and len(loaded) == len(built) and loaded.names == built.names
    assert [c.record for c in loaded.lookup("Kiev")] == [c.record for c in built.lookup("Kiev")]


def test_gazetteer_cache_bad_file_is_ignored(tmp_path):
    path = gz.cache_path(tmp_path)
    path.write_bytes(b"not a pickle")
    assert gz._read_cache(path) is None


def test_gazetteer_curated_table_is_pinned():
    data = json.loads(resources.files("communique").joinpath("data/geo/aliases.json").read_text("utf-8"))
    assert data["version"] == "2026.12.1"
    assert "licence" in data and "source" in data
    assert len(data["regions"]) == 44
    assert data["aliases"]["city:703448"][0] == "Kiev"
    donbas = next(r for r in data["regions"] if r["name"] == "Donbas")
    assert donbas["admin1"] == ["UA-14", "UA-09"]
    assert data["directions"]["eastern"] == "east"
