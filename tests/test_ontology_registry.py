"""PLOVER/CAMEO registries and the event lexicon, pinned by counts and hashes."""

from __future__ import annotations

import re

import pytest

from communique.extract.event_lexicon import _check_keys, load_lexicon, parse_patterns
from communique.ontology import cameo, cameo_codes, contexts, ontology_fingerprint, plover_for_cameo, plover_type


@pytest.mark.parametrize("code,expected", [
    ("040", ("CONSULT", None, ())), ("1123", ("ACCUSE", "allege", ("military",))),
    ("0361", ("AGREE", None, ("diplomatic",))),  # through its prefix 036
    ("163", ("COERCE", "restrict", ("diplomatic",))), ("072", ("AID", None, ("military",))),
])
def test_ontology_registry_crosswalk(code, expected):
    assert plover_for_cameo(code) == expected


def test_ontology_registry_cameo_and_plover_tables():
    assert cameo("190").goldstein == -10.0 and cameo("190").quad_class == 4
    assert plover_type("CONSULT").intensity_for("visit") == 4.0
    assert plover_type("ASSAULT").quad_class == 4
    assert len(contexts()) == 37


def test_ontology_registry_golden():
    assert len(cameo_codes()) == 312
    assert ontology_fingerprint() == "d3d768ed05dcba97"


def test_ontology_event_lexicon_golden():
    lex = load_lexicon()
    assert len({p.id for p in lex.patterns}) == len(lex.patterns) == 444  # patterns.yaml + nominal_patterns.yaml
    assert lex.version == 105
    assert lex.fingerprint == "7926097fb683a28e"
    assert len(lex.party_nouns) == 121 and "faction" in lex.party_nouns and "ngo" in lex.party_nouns
    for p in lex.patterns:
        assert p.statement or plover_for_cameo(p.cameo) is not None or p.type, p.id


@pytest.mark.parametrize("pattern, error", [
    ({"id": "x", "lemmas": ["meet"], "cameo": "040", "actor_sector_hint": "CVL"}, "unknown key(s) actor_sector_hint"),
    ({"id": "y", "lemmas": ["meet"], "cameo": "040", "requires_heads": ["a"]}, "unknown key(s) requires_heads"),
])
def test_ontology_event_lexicon_unknown_key_is_an_error(pattern, error):
    with pytest.raises(ValueError, match=re.escape(error)):
        _check_keys(pattern)


def test_ontology_event_lexicon_id_used_twice_is_an_error():
    p = {"id": "protest.riot", "lemmas": ["riot"], "cameo": "145"}
    assert len(parse_patterns([p])) == 1
    with pytest.raises(ValueError, match="protest.riot: the id is used twice"):
        parse_patterns([p, dict(p, lemmas=["clash"])])


def test_ontology_event_lexicon_known_keys_pass():
    _check_keys({"id": "z", "lemmas": ["meet"], "cameo": "040", "requires_head": ["hold"], "recipient": ["dobj"]})
