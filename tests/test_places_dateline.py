"""Datelines are places (role ``dateline``); datelines and bylines are never quote content or
speakers (issue 17 item 7, issue 20). Real spaCy parses through the pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.extract.dateline import clip_quotes, document_lead, parse_bylines, parse_dateline
from communique.models import Quote, Span

PUBLISHED = dt.date(2024, 6, 21)


@pytest.mark.parametrize("text,place,date_text,agency", [
    ("LONDON, Feb. 8 - British house prices rose.", "LONDON", "Feb. 8", None),
    ("PARIS, March 3 - French prosecutors opened an inquiry.", "PARIS", "March 3", None),
    ("NAIROBI, June 20 (Reuters) - Kenyan police fired tear gas.", "NAIROBI", "June 20", "Reuters"),
    ("WASHINGTON, Oct. 12 - The Treasury said it would issue debt.", "WASHINGTON", "Oct. 12", None),
    ("SPRINGFIELD, Ill. (AP) \u2014 Illinois lawmakers approved a budget.", "SPRINGFIELD, Ill.", None, "AP"),
    ("Washington, Oct. 12 -- The Treasury said it would issue debt.", "Washington", "Oct. 12", None),
    ("BRUSSELS/BERLIN, Nov 4 (Reuters) - EU countries failed to agree.", "BRUSSELS/BERLIN", "Nov 4", "Reuters"),
    ("JOHANNESBURG -- Power cuts returned to South Africa on Monday.", "JOHANNESBURG", None, None),
    ("MANILA, Philippines \u2013 At least 14 people were killed in a fire.", "MANILA, Philippines", None, None),
    ("Markets wobble\n\nNEW YORK, May 2 (Reuters) - Stocks fell.", "NEW YORK", "May 2", "Reuters"),
])
def test_places_dateline_forms_parsed(text, place, date_text, agency):
    dl = parse_dateline(text)
    assert dl is not None
    assert (dl.place, dl.date_text, dl.agency) == (place, date_text, agency)
    assert text[dl.place_start:].startswith(place) and text[dl.end - 1] == " "


@pytest.mark.parametrize("text", [
    "NATO - the alliance said on Monday that it would meet.",   # lower case after the dash
    "UKRAINE CRISIS - LIVE UPDATES",                             # no sentence follows
    "US - China trade talks resumed on Monday in Geneva.",       # two letters
    "Washington - The White House said on Monday it would act.",  # title case, no date or agency
    "The talks - a summary.",
    "EXCLUSIVE \u2013 Roger Stone: Don't trust the voting machines this fall.",  # a wire label
    "BREAKING - Explosion reported at a refinery near the capital on Monday.",
    "Russia and Ukraine agreed on Tuesday, March 3 - officials said - to hold talks.",
])
def test_places_dateline_ordinary_openings_are_not_datelines(text):
    assert parse_dateline(text) is None


@pytest.mark.parametrize("text,bylines", [
    ("By Jane Doe, Reuters\nLONDON, Feb. 8 - Prices rose.", ["By Jane Doe, Reuters"]),
    ("Title\nBy Jane Doe and John Smith\n\nText.", ["By Jane Doe and John Smith"]),
    ("By Monday, the troops had left the city.\n", []),
    ("Police said. By the way they acted\n", []),
])
def test_places_dateline_bylines(text, bylines):
    assert [text[a:b] for a, b in parse_bylines(text)] == bylines


@pytest.mark.parametrize("text,dateline_places", [
    ("LONDON, Feb. 8 - British house prices rose for a fourth month in a row in January, "
     "mortgage lender Halifax said on Thursday.", [("LONDON", "London", "GBR")]),
    ("PARIS, March 3 - French prosecutors said they had opened an investigation into alleged "
     "vote buying in Perpignan.", [("PARIS", "Paris", "FRA")]),
    ("NAIROBI, June 20 (Reuters) - Kenyan police fired tear gas at protesters in central "
     "Nairobi on Thursday, witnesses said.", [("NAIROBI", "Nairobi", "KEN")]),
    ("SPRINGFIELD, Ill. (AP) \u2014 Illinois lawmakers approved a $53 billion budget, the "
     "governor said.", [("SPRINGFIELD", "Springfield", "USA"), ("Ill.", "Illinois", "USA")]),
    ("KYIV, Ukraine, Jan. 21, 2022 (AP) \u2014 Ukrainian officials accused Moscow of moving "
     "more troops.", [("KYIV", "Kyiv", "UKR"), ("Ukraine", "Ukraine", "UKR")]),
    # the US state where the article is about its governor, the country where about Tbilisi
    ("ATLANTA, Georgia (AP) \u2014 Georgia's governor signed the election bill on Thursday.",
     [("ATLANTA", "Atlanta", "USA"), ("Georgia", "Georgia", "USA")]),
    ("TBILISI, Georgia (AP) \u2014 Georgia's parliament passed the bill on Thursday.",
     [("TBILISI", "Tbilisi", "GEO"), ("Georgia", "Georgia", "GEO")]),
])
def test_places_dateline_is_a_place(pipeline, text, dateline_places):
    a = pipeline.analyze(text, published=PUBLISHED)
    found = [(p.text, p.name, p.country) for p in a.places if p.role == "dateline"]
    assert found == dateline_places
    dl = parse_dateline(text)
    assert dl is not None
    assert not [p for p in a.places if p.role is None and p.start < dl.end]  # no plain copy


def test_places_dateline_qualifier_picks_the_state(pipeline):
    a = pipeline.analyze("SPRINGFIELD, Ill. (AP) \u2014 Illinois lawmakers approved a budget.",
                         published=PUBLISHED)
    city = next(p for p in a.places if p.role == "dateline")
    assert (city.name, city.admin1) == ("Springfield", "US-IL")


@pytest.mark.parametrize("text,content_start,speaker", [
    ("WASHINGTON, Oct. 12 - The Treasury said it would issue $120 billion in new debt next week.",
     "it would issue", "The Treasury"),
    ("LONDON, Feb. 8 - British house prices rose for a fourth month in a row in January, mortgage "
     "lender Halifax said on Thursday.", "British house prices", "mortgage lender Halifax"),
    ("PARIS, March 3 - French prosecutors said they had opened an investigation into alleged vote "
     "buying in Perpignan.", "they had opened", "French prosecutors"),
    ("NAIROBI, June 20 (Reuters) - Kenyan police fired tear gas at protesters in central Nairobi "
     "on Thursday, witnesses said.", "Kenyan police fired", "witnesses"),
    ("SPRINGFIELD, Ill. (AP) \u2014 Illinois lawmakers approved a $53 billion budget, the governor "
     "said.", "Illinois lawmakers", "the governor"),
])
def test_places_dateline_never_in_quote(pipeline, text, content_start, speaker):
    a = pipeline.analyze(text, published=PUBLISHED)
    assert a.quotes
    dl = parse_dateline(text)
    assert dl is not None
    for q in a.quotes:
        for s in (*q.content, q.speaker):
            assert s is None or s.start >= dl.end, s
    q = a.quotes[0]
    assert q.content[0].text.startswith(content_start)
    assert q.speaker is not None and q.speaker.text == speaker


def test_places_dateline_byline_never_speaker(pipeline):
    text = "By Jane Doe, Reuters\n\nLONDON, Feb. 8 - The Bank of England said it would keep rates on hold."
    a = pipeline.analyze(text, published=PUBLISHED)
    assert a.quotes
    for q in a.quotes:
        assert q.speaker is None or q.speaker.start >= text.index("The Bank")
        assert all("Reuters" not in c.text and "LONDON" not in c.text for c in q.content)


def test_places_dateline_ordinary_opening_untouched(pipeline):
    text = "NATO - the alliance said on Monday that it would meet in Brussels next week."
    a = pipeline.analyze(text, published=PUBLISHED)
    assert not [p for p in a.places if p.role == "dateline"]
    assert any("it would meet" in c.text for q in a.quotes for c in q.content)


CLIP_TEXT = "WASHINGTON, Oct. 12 - The Treasury said it would issue debt."  # dateline: [0, 22)


@pytest.mark.parametrize("content,speaker,expected_content,expected_speaker", [
    ((0, 17), None, None, None),                                   # inside the dateline: dropped
    ((0, 42), (0, 22), "The Treasury said it", None),              # speaker was the dateline
    ((22, 42), (6, 34), "The Treasury said it", "The Treasury"),   # speaker starts after it
    ((35, 60), (22, 34), "said it would issue debt.", "The Treasury"),  # nothing to clip
])
def test_places_dateline_clip_quotes_spans(nlp, content, speaker, expected_content, expected_speaker):
    doc = nlp(CLIP_TEXT)

    def span(se):
        return Span(se[0], se[1], CLIP_TEXT[se[0]:se[1]]) if se else None
    q = Quote(content=(span(content),), kind="indirect", speaker=span(speaker),
              speaker_actor="USA" if speaker else None, rule="test")
    out = clip_quotes(doc, [q])
    if expected_content is None:
        assert out == ()
        return
    (clipped,) = out
    assert [c.text for c in clipped.content] == [expected_content]
    assert all(CLIP_TEXT[c.start:c.end] == c.text for c in clipped.content)
    assert (clipped.speaker.text if clipped.speaker else None) == expected_speaker
    assert (clipped.speaker_actor is None) == (clipped.speaker is None)


def test_places_dateline_lead_parsed_once_per_doc(nlp):
    doc = nlp("By Jane Doe, Reuters\nLONDON, Feb. 8 - The Bank of England kept rates on hold.")
    lead = document_lead(doc)
    assert lead is document_lead(doc)
    assert [doc.text[a:b] for a, b in lead.spans] == ["By Jane Doe, Reuters", "LONDON, Feb. 8 - "]


def test_places_dateline_only_near_the_top():
    filler = "The talks went on through the night and into the next morning. " * 12
    assert parse_dateline(filler + "\nLONDON, Feb. 8 - The Bank of England kept rates on hold.") is None
