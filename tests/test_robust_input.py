"""Bad input gives a clear error or a recorded skip, never a crash, never other data lost:
empty and binary files, huge documents (refused before being read whole), wrong and mixed
encodings, malformed HTML, invalid feeds and JSONL lines, non-English text, run-on
sentences, unbalanced quotes, control characters."""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.config import Settings
from communique.errors import CommuniqueError, InputError
from communique.ingest.guards import (
    BinaryInputError,
    InputTooLargeError,
    LanguageError,
    bounded_lines,
    check_text,
    guess_language,
)
from communique.ingest.sources import Skip, iter_articles, read_stream
from communique.store import Store

ENV = {"COLUMNS": "160", "NO_COLOR": "1", "TERM": "dumb"}
GOOD = ("Russia and Ukraine agreed on Tuesday to hold new talks in Geneva next week, officials said, "
        "as NATO warned of sanctions if troops crossed the border. The foreign minister told "
        "reporters that the talks would be difficult.")
GOOD2 = ("The United Nations called on both sides to respect the ceasefire. A spokesman said that "
         "the secretary-general was deeply concerned about the reports of shelling near the town.")
GERMAN = ("Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland angekündigt. Der "
          "Außenminister sagte, man werde die Ukraine weiter unterstützen und mit den Partnern in "
          "der Europäischen Union über weitere Schritte beraten. Die Gespräche in Genf sollen in "
          "der kommenden Woche fortgesetzt werden.")
FOREIGN = {
    "de": GERMAN,
    "fr": "Le gouvernement a annoncé mardi de nouvelles sanctions contre la Russie. Le ministre des "
          "affaires étrangères a déclaré que la France continuerait à soutenir l'Ukraine et "
          "discuterait avec ses partenaires de l'Union européenne des prochaines étapes.",
    "es": "El gobierno anunció el martes nuevas sanciones contra Rusia. El ministro de Asuntos "
          "Exteriores dijo que España seguirá apoyando a Ucrania y que discutirá con sus socios de "
          "la Unión Europea los próximos pasos. Las conversaciones se reanudarán.",
    "it": "Il governo ha annunciato martedì nuove sanzioni contro la Russia. Il ministro degli "
          "Esteri ha detto che l'Italia continuerà a sostenere l'Ucraina e discuterà con i partner "
          "dell'Unione europea i prossimi passi. I colloqui riprenderanno.",
    "nl": "De regering heeft dinsdag nieuwe sancties tegen Rusland aangekondigd. De minister van "
          "Buitenlandse Zaken zei dat Nederland Oekraïne zal blijven steunen en met de partners in "
          "de Europese Unie over verdere stappen zal overleggen.",
    "ru": "Правительство во вторник объявило о новых санкциях против России. Министр иностранных "
          "дел заявил, что страна продолжит поддерживать Украину и обсудит с партнёрами по "
          "Европейскому союзу дальнейшие шаги. Переговоры в Женеве возобновятся.",
}


def read_all(paths, settings=None):
    items = list(iter_articles([str(p) for p in paths], settings or Settings()))
    return [i for i in items if not isinstance(i, Skip)], [i for i in items if isinstance(i, Skip)]


# --- readers --------------------------------------------------------------------------------


@pytest.mark.parametrize("name,content,code,reason", [
    ("empty.txt", b"", "E202", "no text"),
    ("blank.txt", b" \n\t\r\n  ", "E202", "no text"),
    ("nul.txt", b"\x00" * 100, "E205", "binary"),
    ("elf.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)) * 4, "E205", "binary"),
    ("png.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "E205", "binary"),
    ("random.txt", bytes(range(128, 256)) * 8, "E200", "not valid UTF-8"),
    ("latin1.txt", "Café in Zürich, the minister said.".encode("latin-1"), "E200", "not valid UTF-8"),
    ("mixed.txt", "Kyiv said — ".encode() + "Zürich".encode("latin-1"), "E200", "byte 15"),
    ("bad16.txt", b"\xff\xfe" + b"\x00\xd8", "E200", "UTF-16"),
    ("empty.html", b"<html><head><title>x</title></head><body></body></html>", "E202", "no main text"),
    ("garbage.html", b"<<<>>><<!--<p <a href='", "E202", "no main text"),
    ("empty.jsonl", b"", None, None),
    ("nothing.rss", b"this is not a feed at all", "E200", "not an RSS or Atom feed"),
    ("broken.atom", b"<?xml version='1.0'?><feed><entry><title>x</ti", "E202", "no link"),
])
def test_robust_input_bad_files_are_recorded_skips(tmp_path, name, content, code, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    arts, skips = read_all([bad, good])
    assert [a.text for a in arts] == [GOOD]  # the good file is never lost
    if code is None:
        assert skips == []
        return
    assert len(skips) == 1 and skips[0].code == code and reason in skips[0].reason, skips
    assert skips[0].source == str(bad)


@pytest.mark.parametrize("bom,codec", [
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
])
def test_robust_input_utf16_utf32_with_bom_are_decoded(tmp_path, bom, codec):
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + GOOD.replace("Geneva", "Genève").encode(codec))
    arts, skips = read_all([path])
    assert skips == [] and arts[0].text == GOOD.replace("Geneva", "Genève")


def test_robust_input_malformed_html_still_gives_the_text(tmp_path):
    html = ("<html><body><div><p>" + GOOD + "<p><b>unclosed <i>tags <table><tr><td>" + GOOD2
            + "</div></span></body>")
    path = tmp_path / "bad.html"
    path.write_text(html, encoding="utf-8")
    arts, skips = read_all([path])
    assert skips == [] and "Geneva" in arts[0].text


def _write_big(path: Path, size: int, unit: bytes = b"news " * 200) -> None:
    with path.open("wb") as fh:
        written = 0
        while written < size:
            fh.write(unit)
            written += len(unit)


def _peak_during(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_robust_input_50mb_file_is_skipped_unread(tmp_path, suffix):
    big = tmp_path / f"big{suffix}"
    _write_big(big, 50_000_000)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    out: list = []
    peak = _peak_during(lambda: out.extend(iter_articles([str(big), str(good)], Settings())))
    skips = [i for i in out if isinstance(i, Skip)]
    assert len(skips) == 1 and skips[0].code == "E204" and "max_bytes" in skips[0].reason
    assert [a.text for a in out if not isinstance(a, Skip)] == [GOOD]
    assert peak < 5_000_000  # the 50 MB were never read into memory


def test_robust_input_50mb_jsonl_line_is_skipped_in_pieces(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("wb") as fh:
        fh.write(json.dumps({"text": GOOD}).encode() + b"\n")
        fh.write(b'{"text": "')
        for _ in range(50):
            fh.write(b"a" * 1_000_000)
        fh.write(b'"}\n')
        fh.write(json.dumps({"text": GOOD2}).encode() + b"\n")
    out: list = []
    settings = Settings(max_bytes=2_000_000)
    peak = _peak_during(lambda: out.extend(iter_articles([str(path)], settings)))
    skips = [i for i in out if isinstance(i, Skip)]
    assert [a.text for a in out if not isinstance(a, Skip)] == [GOOD, GOOD2]
    assert len(skips) == 1 and skips[0].code == "E204" and skips[0].line == 2
    assert peak < 12_000_000  # at most one limit-sized piece at a time


def test_robust_input_bounded_lines_keeps_short_lines():
    data = b"a\n" + b"b" * 50 + b"\nc\n" + b"d" * 10
    lines = list(bounded_lines(io.BytesIO(data), 20, chunk=7))
    assert lines[0] == b"a\n" and lines[1].size == 51 and lines[2] == b"c\n" and lines[3] == b"d" * 10


@pytest.mark.parametrize("data,expect", [
    (b"x" * 3_000, "E204"),                               # plain text over the limit
    (b"\n\n" + json.dumps({"text": GOOD}).encode() + b"\n" + b"{" * 3_000 + b"\n", "jsonl"),
])
def test_robust_input_stdin_is_bounded(data, expect):
    settings = Settings(max_bytes=2_000)
    out = []
    try:
        out = list(read_stream(io.BytesIO(data), settings))
    except InputTooLargeError as exc:
        assert expect == "E204" and "max_bytes" in exc.message
        return
    assert expect == "jsonl"
    assert out[0].text == GOOD and isinstance(out[1], InputTooLargeError)


@pytest.mark.parametrize("line,reason", [
    (b"{not json", "invalid JSON"),
    (b"[1, 2, 3]", "expected a JSON object"),
    (b'"just a string"', "expected a JSON object"),
    (b'{"text": 42}', "must be a string"),
    (b'{"title": "no text"}', "needs a 'text' or an 'html'"),
    (b'{"text": "   "}', "empty"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (b'{"text": "caf\xe9"}', "not valid UTF-8"),
    (b'{"html": "<p></p>"}', "no main text"),
    (b'{"text": "x", "published": "yesterday"}', "not a date"),
])
def test_robust_input_invalid_jsonl_lines_are_skipped_with_line_numbers(tmp_path, line, reason):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(json.dumps({"text": GOOD}).encode() + b"\n" + line + b"\n"
                     + json.dumps({"text": GOOD2}).encode() + b"\n")
    arts, skips = read_all([path])
    assert [a.text for a in arts] == [GOOD, GOOD2]
    assert len(skips) == 1 and skips[0].line == 2 and reason in skips[0].reason, skips


# --- text checks ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_robust_input_non_english_is_refused_with_reason(lang):
    with pytest.raises(LanguageError) as info:
        check_text(FOREIGN[lang], Settings())
    assert info.value.code == "E206" and "English" in info.value.message
    check_text(FOREIGN[lang], Settings(language_check=False))  # the check is a setting


@pytest.mark.parametrize("text", [GOOD, GOOD2, "Russia attacked.", "Lavrov: 'No.'",
                                  "Putin Biden Zelensky Scholz Macron Johnson Draghi Sanchez NATO EU"])
def test_robust_input_english_and_short_texts_pass(text):
    check_text(text, Settings())


def test_robust_input_language_guess_separates_english(seed_text):
    assert guess_language(seed_text).english > 0.9
    assert FOREIGN and all(guess_language(t).english < 0.1 for t in FOREIGN.values())


@pytest.mark.parametrize("text,error", [
    ("\x00\x01\x02\x03" * 50 + GOOD, BinaryInputError),
    ("\ufffd" * 40 + GOOD, BinaryInputError),
    (GOOD + "\ud800", BinaryInputError),
    ("word " * 300, None),  # long but under max_chars
])
def test_robust_input_control_characters_and_surrogates(text, error):
    settings = Settings(language_check=False)
    if error is None:
        check_text(text, settings)
        return
    with pytest.raises(error):
        check_text(text, settings)


def test_robust_input_max_chars_is_e204():
    with pytest.raises(InputTooLargeError, match="max_chars"):
        check_text(GOOD * 10, Settings(max_chars=100))


# --- the pipeline on hostile text (real model) ---------------------------------------------------


def _offsets_ok(analysis) -> None:
    text = analysis.article.text
    for span in _spans(analysis.to_dict()):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"]:span["end"]] == span["text"]


def _spans(node):
    if isinstance(node, dict):
        if {"start", "end", "text"} <= set(node) and isinstance(node["start"], int):
            yield node
        for v in node.values():
            yield from _spans(v)
    elif isinstance(node, list):
        for v in node:
            yield from _spans(v)


@pytest.mark.model
def test_robust_input_5000_word_sentence_is_split(pipeline):
    words = ("the minister said that Russia and Ukraine would meet in Geneva and officials from "
             "NATO warned of sanctions against Moscow").split()
    text = "\u201c" + " ".join(words[i * 7 % len(words)] for i in range(5000)) + "."
    doc = pipeline.nlp(text)
    assert max(len(s) for s in doc.sents) <= Settings().max_sentence_tokens
    analysis = pipeline.analyze(text, published="2022-01-21")
    _offsets_ok(analysis)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    '"' + GOOD,                                                   # opening quote never closed
    GOOD + ' he said." "And more" "' + GOOD2,                     # stray closing quotes
    "\u201c\u201c\u201c" + GOOD + "\u201d\u201d \u00ab" + GOOD2,    # curly and guillemets, unbalanced
    "'" * 40 + GOOD + '"' * 40,
    GOOD.replace(" ", "\x0b") + "\x07\x08" + GOOD2,                # control characters inside words
    GOOD + "\n\n\n\r\r\r\t\t" + "\u200b\u200e\u2028" + GOOD2,       # odd whitespace and marks
])
def test_robust_input_hostile_text_gives_valid_analysis(pipeline, text):
    analysis = pipeline.analyze(text, published="2022-01-21")
    _offsets_ok(analysis)


@pytest.mark.model
def test_robust_input_ingest_records_every_skip_and_keeps_good_articles(tmp_path, pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_binary.txt").write_bytes(b"\x00\x01" * 500)
    (folder / "d_latin1.txt").write_bytes("Zürich".encode("latin-1"))
    (folder / "e_german.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "f_mixed.jsonl").write_bytes(
        json.dumps({"text": GOOD2}).encode() + b"\n{bad\n"
        + json.dumps({"text": GOOD, "language": "de", "id": "declared-german"}).encode() + b"\n")
    _write_big(folder / "g_big.txt", 3_000_000)
    db = tmp_path / "r.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)],
                                env={**ENV, "COMMUNIQUE_MAX_BYTES": "1000000"})
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.stats()["articles"] == 2
        skips = {(s["code"], Path(s["source"]).name if "/" in s["source"] else s["source"])
                 for s in store.skips()}
        codes = sorted(c for c, _ in skips)
    assert codes == sorted(["E202", "E205", "E200", "E206", "E203", "E206", "E204"]), skips


def test_robust_input_errors_are_communique_errors():
    for exc in (InputTooLargeError("x"), BinaryInputError("x"), LanguageError("x")):
        assert isinstance(exc, InputError) and isinstance(exc, CommuniqueError)
        assert exc.to_dict()["code"].startswith("E20")
