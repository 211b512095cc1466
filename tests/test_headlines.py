"""Title-case headlines are parsed in sentence case (nlp/headlines.py)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from communique.nlp.headlines import COMPONENT, misread_names, sentence_case, title_case, with_stand_ins

TRIGGERS = frozenset({"condemn", "meet", "endorse", "ban", "slam", "attack"})


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize("text, expected", [
    ("Paul Votes To Condemn Donald Trump's Muslim Ban.", True),
    ("Blinken, Lavrov, Expect No Breakthroughs on Ukraine", True),
    ("Trump Meets With Expert On Hillary Clinton's Past.", True),
    # prose, even full of names, is no headline
    ("Senate Majority Leader Mitch McConnell told reporters that he would wait.", False),
    ("The ministers met in Geneva on Friday.", False),
    ("NATO WARNS RUSSIA OVER UKRAINE BUILDUP", False),  # all capitals: left alone
    ("Trump Wins.", False),  # too short to tell
])
def test_headlines_title_case(blank, text, expected):
    assert title_case(blank(text)[:]) is expected


@pytest.mark.parametrize("text, expected", [
    # function words, inflected triggers, a bare trigger after "to" and a verb before "to" lower-cased
    ("Paul Votes To Condemn Donald Trump's Muslim Ban.", "Paul votes to condemn Donald Trump's Muslim Ban."),
    ("Trump Meets With Expert On Hillary Clinton's Past.", "Trump meets with Expert on Hillary Clinton's Past."),
    ("Biden Slams Japanese Pride Instead", "Biden slams Japanese Pride Instead"),
    # names are kept, and nothing to change gives None
    ("Donald Trump Finally Endorses House Speaker Paul Ryan.",
     "Donald Trump Finally endorses House Speaker Paul Ryan."),
    ("Senate Majority Leader Mitch McConnell", None),
    # a bare trigger after a count or a noun of people, those nouns, and prepositions the stop list lacks
    ("Thousands Attack Police Near Parliament", "Thousands attack police near Parliament"),
    ("Russia Masses Troops Near Ukraine Border", "Russia Masses troops near Ukraine Border"),
])
def test_headlines_sentence_case(blank, text, expected):
    out = sentence_case(blank(text)[:], TRIGGERS)
    assert out == expected
    assert out is None or len(out) == len(text)  # offsets stay the article's


@pytest.mark.model
def test_headlines_component_installed_after_the_parser(nlp):
    assert nlp.pipe_names[-1] == COMPONENT
    assert nlp.pipe_names.index("parser") < nlp.pipe_names.index(COMPONENT)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("Paul Votes To Condemn Donald Trump\u2019s Muslim Ban.", "Condemn", "ACCUSE"),
    ("Trump Meets With Expert On Hillary Clinton\u2019s Past.", "Meets", "CONSULT"),
    ("Donald Trump Finally Endorses House Speaker Paul Ryan.", "Endorses", "SUPPORT"),
])
def test_headlines_event_found_in_a_title_case_headline(pipeline, text, trigger, type_):
    a = pipeline.analyze(text)
    ev = next(e for e in a.events if e.trigger.text == trigger)
    assert ev.type == type_
    assert text[ev.trigger.start:ev.trigger.end] == trigger  # the article's own text and offsets


@pytest.mark.model
def test_headlines_headline_reparsed_and_prose_untouched(nlp):
    text = "Paul Votes To Condemn Donald Trump's Muslim Ban\n\nThe senator spoke in Louisville on Friday."
    doc = nlp(text)
    assert doc.text == text
    condemn = next(t for t in doc if t.text == "Condemn")
    assert condemn.pos_ == "VERB" and condemn.lemma_ == "condemn"
    bare = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == COMPONENT:
            break
        bare = proc(bare)
    start = next(t.i for t in doc if t.text == "The")
    assert [(t.tag_, t.dep_, t.head.i) for t in doc[start:]] == [(t.tag_, t.dep_, t.head.i) for t in bare[start:]]


@pytest.mark.parametrize("text, tags, title, expected", [
    # a surname that is a word, not tagged a proper noun, gets a stand-in of its length
    ("Trump demands Ginsburg resign.", ["NN", "NNS", "NNP", "NN", "."], False, "Obama demands Ginsburg resign."),
    ("Bush hosted Abe.", ["NN", "VBN", "NNP", "."], False, "Cruz hosted Abe."),
    # tagged a name already, or inside a hyphenated word: left alone
    ("Trump said so.", ["NNP", "VBD", "RB", "."], False, None),
    ("an anti-Trump rally", ["DT", "JJ", "HYPH", "JJ", "NN"], False, None),
    # in a title-case headline every such surname is stood in (sentence case would misread it)
    ("Trump Slams Clinton", ["NNP", "NNP", "NNP"], True, "Obama Slams Clinton"),
    # a surname with no stand-in of its length, and a word that is no such surname
    ("Police arrested dozens.", ["NN", "VBD", "NNS", "."], False, None),
])
def test_headlines_misread_surname_gets_a_stand_in(blank, text, tags, title, expected):
    doc = blank(text)
    for t, tag in zip(doc, tags):
        t.tag_ = tag
    names = misread_names(doc[:], title)
    out = with_stand_ins(text, doc[:], names) if names else None
    assert out == expected
    assert out is None or len(out) == len(text)


@pytest.mark.parametrize("deps, heads, expected", [
    # a name tagged a name but made the root, its verb hung on the object as a modifier: stood in
    (["ROOT", "amod", "dobj", "punct"], [0, 2, 0, 0], [0]),
    # the name is the verb's subject: left alone
    (["nsubj", "ROOT", "dobj", "punct"], [1, 1, 1, 1], []),
])
def test_headlines_name_with_its_verb_hung_on_it_gets_a_stand_in(blank, deps, heads, expected):
    doc = Doc(blank.vocab, words=["Trump", "mocked", "sweating", "."], tags=["NNP", "VBN", "NN", "."],
              deps=deps, heads=heads)
    assert misread_names(doc[:]) == expected


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, actor", [
    ("Trump demands Ginsburg resign for criticizing him as unfit.", "demands", "REQUEST", "Trump"),
    ("Trump hosted Abe at Mar-a-Lago.", "hosted", "CONSULT", "Trump"),
    ("Trump Slams Clinton Over Email Scandal", "Slams", "ACCUSE", "Trump"),
    # a headline the parser cut in two is parsed as one line
    ("Trump Blasts Cruz As A Liar", "Blasts", "ACCUSE", "Trump"),
    ("Sanders Rips Clinton On Wall Street Speeches", "Rips", "ACCUSE", "Sanders"),
    # a name tagged a name, its verb misread as the object's adjective
    ("Trump mocked Rubio's sweating during the debate.", "mocked", "ACCUSE", "Trump"),
    ("Police Arrest Opposition Leader In Dhaka", "Arrest", "COERCE", "Police"),
    ("Thousands Protest In Tbilisi Against Foreign Agents Law", "Protest", "PROTEST", "Thousands"),
])
def test_headlines_sentence_led_by_a_word_surname_is_parsed_with_its_subject(pipeline, text, trigger, type_, actor):
    a = pipeline.analyze(text)
    ev = next(e for e in a.events if e.trigger.text == trigger)
    assert ev.type == type_ and ev.actor is not None and ev.actor.text == actor


@pytest.mark.model
def test_headlines_stood_in_surname_keeps_its_text_and_lemma(nlp):
    doc = nlp("Trump demands Ginsburg resign.")
    assert doc.text == "Trump demands Ginsburg resign."
    assert (doc[0].text, doc[0].lemma_, doc[0].tag_, doc[0].dep_) == ("Trump", "Trump", "NNP", "nsubj")
    assert doc[1].dep_ == "ROOT" and doc[1].lemma_ == "demand"


@pytest.mark.model
def test_headlines_cut_headline_is_one_sentence_and_prose_keeps_its_sentences(nlp):
    doc = nlp("Trump Blasts Cruz As A Liar")
    assert len(list(doc.sents)) == 1 and doc[1].dep_ == "ROOT"
    text = "The senator spoke in Louisville. He left on Friday."
    assert len(list(nlp(text).sents)) == 2
