"""The trained attribution tagger: labels, decoding, linking, training on a tiny
hand-written corpus, the shipped model, and the quote-stage switches."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from communique.evaluation.polnear import GoldAttribution
from communique.extract.attribution.features import doc_features, quote_state
from communique.extract.attribution.linking import LinkOptions, link_spans
from communique.extract.attribution.model import TaggedSpan, decode_spans
from communique.learn.corpus import token_labels

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "polnear_mini"
VOCAB = spacy.blank("en").vocab  # lexical attributes (is_punct, is_space) of English


def _doc(words, heads, deps, pos=None, sent_starts=None):
    """A hand-built parsed Doc (heads as absolute indices)."""
    n = len(words)
    return Doc(VOCAB, words=words, spaces=[True] * (n - 1) + [False], heads=heads, deps=deps,
               pos=pos or ["X"] * n, lemmas=[w.lower() for w in words],
               sent_starts=sent_starts)


@pytest.fixture()
def said_doc():
    # Lopez said she expected a vote .
    words = ["Lopez", "said", "she", "expected", "a", "vote", "."]
    heads = [1, 1, 3, 1, 5, 3, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "det", "dobj", "punct"]
    pos = ["PROPN", "VERB", "PRON", "VERB", "DET", "NOUN", "PUNCT"]
    return _doc(words, heads, deps, pos, [True] + [False] * 6)


def test_learn_token_labels_bio(said_doc):
    text = said_doc.text
    gold = [GoldAttribution(source=((0, 5),), cue=((6, 10),),
                            content=((11, text.index(".")),))]
    assert token_labels(said_doc, gold) == (
        "B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "O")


@pytest.mark.parametrize("labels, expected", [
    (["B-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT", "I-CONTENT", "O"],
     [("SOURCE", 0, 1), ("CUE", 1, 2), ("CONTENT", 2, 6)]),
    (["O", "I-CUE", "I-CONTENT", "I-CONTENT", "O", "B-CONTENT", "I-CONTENT"],
     [("CUE", 1, 2), ("CONTENT", 2, 4), ("CONTENT", 5, 7)]),
    (["O"] * 7, []),
])
def test_learn_decode_spans(said_doc, labels, expected):
    got = decode_spans(said_doc, labels)
    assert [(s.role, s.start, s.end) for s in got] == expected


def test_learn_link_spans_subject_and_clause(said_doc):
    spans = [TaggedSpan("SOURCE", 0, 1, 0.9), TaggedSpan("CUE", 1, 2, 0.8),
             TaggedSpan("CONTENT", 2, 6, 0.7)]
    (att,) = link_spans(said_doc, spans)
    text = said_doc.text
    assert [text[a:b] for a, b in att.source] == ["Lopez"]
    assert [text[a:b] for a, b in att.cue] == ["said"]
    assert [text[a:b] for a, b in att.content] == ["she expected a vote"]
    assert att.confidence == pytest.approx(0.8)


@pytest.mark.parametrize("keep_orphans, expected", [(False, 0), (True, 1)])
def test_learn_link_spans_orphan_content(said_doc, keep_orphans, expected):
    spans = [TaggedSpan("CONTENT", 2, 6, 0.7)]
    assert len(link_spans(said_doc, spans, LinkOptions(keep_orphans=keep_orphans))) == expected


def test_learn_link_spans_split_quote_joins_segments():
    # " We won , " she said , " and we will win again . "
    words = ['"', "We", "won", ",", '"', "she", "said", ",", '"', "and", "we", "will", "win", '"']
    heads = [2, 2, 6, 2, 2, 6, 6, 6, 12, 12, 12, 12, 6, 12]
    deps = ["punct", "nsubj", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct", "punct", "cc",
            "nsubj", "aux", "ccomp", "punct"]
    doc = _doc(words, heads, deps, sent_starts=[True] + [False] * 13)
    spans = [TaggedSpan("CONTENT", 0, 5, 0.9), TaggedSpan("SOURCE", 5, 6, 0.9),
             TaggedSpan("CUE", 6, 7, 0.9), TaggedSpan("CONTENT", 8, 14, 0.9)]
    (att,) = link_spans(doc, spans)
    assert len(att.content) == 2
    assert doc.text[att.source[0][0]:att.source[0][1]] == "she"


@pytest.mark.parametrize("parse_source, expected", [(True, ["Lopez"]), (False, [])])
def test_learn_link_spans_parse_source(said_doc, parse_source, expected):
    # the tagger found the cue and the content but no source: the cue's subject in the parse
    spans = [TaggedSpan("CUE", 1, 2, 0.8), TaggedSpan("CONTENT", 2, 6, 0.7)]
    (att,) = link_spans(said_doc, spans, LinkOptions(parse_source=parse_source))
    assert [said_doc.text[a:b] for a, b in att.source] == expected


@pytest.mark.parametrize("words, heads, deps, pos, cue, expected", [
    # He reserved his passion for the cause .  (a nominal cue: the subject of its verb)
    (["He", "reserved", "his", "passion", "for", "the", "cause", "."], [1, 1, 3, 1, 3, 6, 4, 1],
     ["nsubj", "ROOT", "poss", "dobj", "prep", "det", "pobj", "punct"],
     ["PRON", "VERB", "PRON", "NOUN", "ADP", "DET", "NOUN", "PUNCT"], (3, 5), ["He"]),
    # Cruz closed with a mention of the rivals .  (through a preposition)
    (["Cruz", "closed", "with", "a", "mention", "of", "the", "rivals", "."], [1, 1, 1, 4, 2, 4, 7, 5, 1],
     ["nsubj", "ROOT", "prep", "det", "pobj", "prep", "det", "pobj", "punct"],
     ["PROPN", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "PUNCT"], (4, 6), ["Cruz"]),
    # Attacks on the judge alarm experts .  (a subject noun is no object of a verb: no source)
    (["Attacks", "on", "the", "judge", "alarm", "experts", "."], [4, 0, 3, 1, 4, 4, 4],
     ["nsubj", "prep", "det", "pobj", "ROOT", "dobj", "punct"],
     ["NOUN", "ADP", "DET", "NOUN", "VERB", "NOUN", "PUNCT"], (0, 2), []),
])
def test_learn_link_spans_nominal_cue_source(words, heads, deps, pos, cue, expected):
    doc = _doc(words, heads, deps, pos, [True] + [False] * (len(words) - 1))
    content = (cue[1], len(words) - 1)
    spans = [TaggedSpan("CUE", cue[0], cue[1], 0.8), TaggedSpan("CONTENT", *content, 0.7)]
    (att,) = link_spans(doc, spans)
    assert [doc.text[a:b] for a, b in att.source] == expected


@pytest.mark.parametrize("words, heads, deps, spans, expected", [
    # Trump questioned the vote , urging supporters to watch .  (two cues govern the second
    # content: "urging" its words, "questioned" the full stop; the nearer one wins)
    (["Trump", "questioned", "the", "vote", ",", "urging", "supporters", "to", "watch", "."],
     [1, 1, 3, 1, 1, 1, 5, 8, 5, 1],
     ["nsubj", "ROOT", "det", "dobj", "punct", "advcl", "dobj", "aux", "xcomp", "punct"],
     [("SOURCE", 0, 1), ("CUE", 1, 2), ("CONTENT", 2, 4), ("CUE", 5, 6), ("CONTENT", 6, 10)],
     {"questioned": ["the vote"], "urging": ["supporters to watch ."]}),
    # Trump questioned the vote , Lopez said , supporters must watch .  (only the full stop
    # hangs on "questioned": punctuation governs nothing, the nearest cue in the sentence wins)
    (["Trump", "questioned", "the", "vote", ",", "Lopez", "said", ",", "supporters", "must", "watch", "."],
     [1, 1, 3, 1, 1, 6, 1, 6, 10, 10, 3, 1],
     ["nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "parataxis", "punct", "nsubj", "aux", "acl", "punct"],
     [("SOURCE", 0, 1), ("CUE", 1, 2), ("CONTENT", 2, 4), ("SOURCE", 5, 6), ("CUE", 6, 7), ("CONTENT", 8, 12)],
     {"questioned": ["the vote"], "said": ["supporters must watch ."]}),
])
def test_learn_link_spans_nearest_governing_cue(words, heads, deps, spans, expected):
    doc = _doc(words, heads, deps, sent_starts=[True] + [False] * (len(words) - 1))
    tagged = [TaggedSpan(role, a, b, 0.9) for role, a, b in spans]
    got = {doc.text[a.cue[0][0]:a.cue[0][1]]: [doc.text[x:y] for x, y in a.content]
           for a in link_spans(doc, tagged)}
    assert got == expected


def _unparsed(words, sent_starts):
    """A Doc with sentences but no parse (every token its own head): linking by order only."""
    return Doc(VOCAB, words=words, spaces=[w not in ("\n\n",) for w in words],
               sent_starts=sent_starts)


@pytest.mark.parametrize("words, content, expected_cue", [
    # the parser ran '" It is bad . " Grassley says so .' into one sentence: the quotation
    # still goes with the cue of the sentence before
    (["Lopez", "said", "more", ".", '"', "It", "is", "bad", ".", '"', "Grassley", "says", "so", "."],
     (4, 10), "said"),
    # '"Why ?" he asked' is one sentence: a question mark followed by a small letter
    (["Lopez", "said", "more", ".", '"', "Why", "?", '"', "he", "asked", "."], (4, 8), "asked"),
])
def test_learn_link_spans_full_stop_ends_sentence(words, content, expected_cue):
    doc = _unparsed(words, [True, False, False, False, True] + [False] * (len(words) - 5))
    cue2 = words.index("says" if "says" in words else "asked")
    spans = [TaggedSpan("SOURCE", 0, 1, 0.9), TaggedSpan("CUE", 1, 2, 0.9), TaggedSpan("CONTENT", 2, 3, 0.9),
             TaggedSpan("CONTENT", *content, 0.9), TaggedSpan("SOURCE", cue2 - 1, cue2, 0.9),
             TaggedSpan("CUE", cue2, cue2 + 1, 0.9)]
    (a, b) = (doc[content[0]].idx, doc[content[1] - 1].idx + len(doc[content[1] - 1].text))
    (att,) = [x for x in link_spans(doc, spans) if (a, b) in x.content]
    assert doc.text[att.cue[0][0]:att.cue[0][1]] == expected_cue


@pytest.mark.parametrize("mark, linked", [(".", False), (":", True)])
def test_learn_link_spans_other_paragraph_needs_colon(mark, linked):
    # Lopez said so .|:  <paragraph>  " We won . "
    words = ["Lopez", "said", "so", mark, "\n\n", '"', "We", "won", ".", '"']
    doc = _unparsed(words, [True, False, False, False, False, True, False, False, False, False])
    spans = [TaggedSpan("SOURCE", 0, 1, 0.9), TaggedSpan("CUE", 1, 2, 0.9), TaggedSpan("CONTENT", 5, 10, 0.9)]
    assert len(link_spans(doc, spans)) == int(linked)


def test_learn_quote_state_marks_quoted_tokens():
    doc = _doc(['"', "We", "won", '"', "she", "said"], [2, 2, 5, 2, 5, 5],
               ["punct", "nsubj", "ccomp", "punct", "nsubj", "ROOT"])
    assert quote_state(doc) == [1, 1, 1, 1, 0, 0]


def test_learn_features_one_dict_per_token(said_doc):
    feats = doc_features(said_doc, frozenset({"said"}))  # hand-built lemmas: the lower-cased words
    assert len(feats) == len(said_doc)
    assert feats[1]["cuelex"] is True
    assert feats[0]["subj_of_cue"] == "said"
    assert feats[3]["gov_cue"] == "said"


def test_learn_features_v4_clause_structure(said_doc):
    feats = doc_features(said_doc, frozenset({"said"}))
    # "she expected a vote" is the ccomp of the cue: it opens at "she", closes at "vote"
    assert feats[2]["opens:ccomp"] is True and feats[5]["closes:ccomp"] is True
    assert feats[3]["cue_depth"] == "0" and feats[3]["cue_path_top"] == "ccomp"
    assert feats[5]["cue_depth"] == "1"
    assert feats[0]["lex_right"] == "1" and feats[0]["lex_left"] == "none"


@pytest.mark.parametrize("version, has_structure", [(3, False), (4, True), (5, True)])
def test_learn_features_version_selects_feature_set(said_doc, version, has_structure):
    feats = doc_features(said_doc, frozenset({"said"}), version=version)
    assert ("cue_depth" in feats[3]) is has_structure
    assert feats[3]["gov_cue"] == "said"  # the v3 features stay the same in v4


def test_learn_kmeans_is_seeded_and_separates_groups():
    import numpy as np

    from communique.extract.attribution.features import kmeans

    rng = np.random.default_rng(0)
    x = np.concatenate([rng.normal(0, 0.1, (50, 4)), rng.normal(5, 0.1, (50, 4))]).astype(np.float32)
    a, b = kmeans(x, 2, seed=1), kmeans(x, 2, seed=1)
    assert a.shape == (2, 4) and a.dtype == np.float32
    assert np.array_equal(a, b)
    assert sorted(round(float(c.mean())) for c in a) == [0, 5]


@pytest.mark.parametrize("version", [5, 6])
@pytest.mark.parametrize("with_tensor", [True, False])
def test_learn_features_context_clusters(said_doc, with_tensor, version):
    import numpy as np

    from communique.extract.attribution.features import tensor_clusters

    cents = [np.array([[0.0, 0.0], [1.0, 1.0]], dtype=np.float32)]
    if with_tensor:  # tokens 0-2 near the first centroid, 3-6 near the second
        said_doc.tensor = np.array([[0, 0.1]] * 3 + [[0.9, 1]] * 4, dtype=np.float32)
    feats = doc_features(said_doc, frozenset({"said"}), version=version, centroids=cents)
    if with_tensor:
        assert tensor_clusters(said_doc, cents) == [[0, 0, 0, 1, 1, 1, 1]]
        # v5 gave integers (python-crfsuite reads them as feature values); v6 indicators
        zero, one = (0, 1) if version == 5 else ("0", "1")
        assert feats[2]["tc0"] == zero and feats[3]["tc0"] == one
        assert feats[2]["1:tc0"] == one and feats[3]["-1:tc0"] == zero
        assert feats[3]["tc0|dep"] == "1|ccomp"
        assert ("tc0|r" in feats[3]) is (version == 6)
    else:  # a Doc without context vectors (hand-built, or a pipeline without tok2vec)
        assert tensor_clusters(said_doc, cents) is None
        assert feats[3]["tc"] == "none" and "tc0" not in feats[3]
    v4 = doc_features(said_doc, frozenset({"said"}), version=4, centroids=cents)
    assert "tc0" not in v4[3] and "tc" not in v4[3]


def test_learn_model_v5_without_clusters_is_a_clear_error(tmp_path):
    from communique.errors import ModelNotInstalledError
    from communique.extract.attribution.model import _load, default_model_path

    (tmp_path / "model.crfsuite").write_bytes(b"")  # the cluster check comes before the weights are read
    meta = json.loads((default_model_path() / "meta.json").read_text())
    meta.pop("architecture", None)
    (tmp_path / "meta.json").write_text(json.dumps(dict(meta, features_version=5)))
    with pytest.raises(ModelNotInstalledError, match="clusters.npz"):
        _load(str(tmp_path))


@pytest.fixture(scope="module")
def mini_model(tmp_path_factory):
    """A tiny model trained on the hand-written corpus (exercises the training path)."""
    from communique.learn.train import load_config, train_attribution

    cfg = load_config(None)
    cfg["training"].update(max_iterations=30, feature_minfreq=1, grid=[[0.0, 0.01]])
    cfg["lexicon"].update(min_count=1, min_ratio=0.0)
    out = tmp_path_factory.mktemp("mini") / "model"
    train_attribution(MINI, out, cfg, seed=11)
    return out


@pytest.mark.model
@pytest.mark.parametrize("switches, allowed", [
    ({}, "any"),  # the default: rules and model
    ({"quote_profile": "fast"}, "rules"),
    ({"quote_model": False}, "rules"),
    ({"quote_rules": False, "quote_model": True}, "model"),
    ({"quote_model": True}, "any"),
])
def test_learn_quote_stage_switches(mini_model, switches, allowed):
    from communique.config import Settings
    from communique.pipeline import Pipeline

    settings = Settings(quote_model_path=str(mini_model), **switches)
    text = (FIXTURES / "polnear_mini" / "train" / "text" / "mini_2016-09-03_debate-prep_e5f6.txt").read_text()
    quotes = Pipeline(settings).analyze(text).quotes
    assert quotes
    for q in quotes:
        from_model = [part.startswith("model.crf-attribution@") for part in q.rule.split("+")]
        if allowed == "rules":
            assert not any(from_model)
        elif allowed == "model":
            assert q.rule.startswith("model.crf-attribution@") and "+" not in q.rule
        assert q.rule and 0.0 <= q.confidence <= 1.0


def test_learn_combine_merges_same_content(said_doc):
    from communique.extract.attribution.combine import combine
    from communique.models import Quote, Span

    text = said_doc.text
    content = (Span.of(text, 11, text.index(".")),)
    rule_q = Quote(content=content, kind="indirect", speaker=Span.of(text, 0, 5), speaker_actor="a1",
                   cue=Span.of(text, 6, 10), medium="statement", confidence=0.7, rule="rules.ccomp")
    model_q = Quote(content=content, kind="indirect", speaker=Span.of(text, 0, 5), speaker_actor=None,
                    cue=Span.of(text, 6, 10), confidence=0.6, rule="model.crf-attribution@1")
    other = Quote(content=(Span.of(text, 0, 10),), kind="indirect", confidence=0.9,
                  rule="model.crf-attribution@1")
    out = combine(said_doc, [rule_q], [model_q, other])
    assert len(out) == 2 and other in out
    (merged,) = [q for q in out if q is not other]
    assert merged.rule == "model.crf-attribution@1+rules.ccomp"
    assert merged.speaker_actor == "a1" and merged.medium == "statement"


@pytest.mark.parametrize("options, kept", [
    # the model's "expected a" lies inside the rules' "Lopez said she expected a": a fragment
    ({}, {"rules.ccomp"}),
    ({"prefer": "rules"}, {"rules.ccomp"}),
    ({"max_overlap": 1.0}, {"rules.ccomp", "model.crf-attribution@1"}),
    # a side that is not sure enough is left out
    ({"min_rule_confidence": 0.95}, {"model.crf-attribution@1"}),
    ({"min_model_confidence": 0.95, "max_overlap": 1.0}, {"rules.ccomp"}),
])
def test_learn_combine_drops_fragments(said_doc, options, kept):
    from communique.extract.attribution.combine import CombineOptions, combine
    from communique.models import Quote, Span

    text = said_doc.text  # "Lopez said she expected a vote ."
    wide = Quote(content=(Span.of(text, 0, 25),), kind="indirect", confidence=0.9, rule="rules.ccomp")
    inner = Quote(content=(Span.of(text, 15, 25),), kind="indirect", confidence=0.9,
                  rule="model.crf-attribution@1")
    out = combine(said_doc, [wide], [inner], CombineOptions(**options))
    assert {q.rule for q in out} == kept


@pytest.fixture()
def told_doc():
    # Today Lopez told Diaz the vote is near .
    words = ["Today", "Lopez", "told", "Diaz", "the", "vote", "is", "near", "."]
    n = len(words)
    return Doc(VOCAB, words=words, spaces=[True] * (n - 1) + [False],
               heads=[2, 2, 2, 2, 5, 6, 2, 6, 2],
               deps=["npadvmod", "nsubj", "ROOT", "dobj", "det", "nsubj", "ccomp", "acomp", "punct"],
               pos=["NOUN", "PROPN", "VERB", "PROPN", "DET", "NOUN", "AUX", "ADJ", "PUNCT"],
               lemmas=[w.lower() for w in words],
               ents=["B-DATE", "B-PERSON", "O", "B-PERSON", "O", "O", "O", "O", "O"])


@pytest.mark.parametrize("rule_speaker, rule, speaker, actor", [
    ("Lopez", "indirect.ccomp", "Lopez", "rules-actor"),   # the same mention: the rules' actor
    ("Diaz", "indirect.ccomp", "Diaz", "rules-actor"),     # two plausible readings: the rules'
    ("Today", "indirect.ccomp", "Lopez", "model-actor"),   # a date is no speaker
    ("Diaz", "direct.continued", "Lopez", "model-actor"),  # carried over from the paragraph before
    (None, "indirect.ccomp", "Lopez", "model-actor"),      # the rules named none
    # a transcript label or a signature is the speaker by the layout: never replaced
    ("Today", "direct.transcript", "Today", "rules-actor"),
    ("Today", "direct.signed", "Today", "rules-actor"),
])
def test_learn_combine_speaker_choice(told_doc, rule_speaker, rule, speaker, actor):
    from communique.extract.attribution.combine import combine
    from communique.models import Quote, Span

    text = told_doc.text
    content = (Span.of(text, text.index("the vote"), text.index(" .")),)

    def span(word):
        return Span.of(text, text.index(word), text.index(word) + len(word)) if word else None

    rule_q = Quote(content=content, kind="indirect", speaker=span(rule_speaker),
                   speaker_actor="rules-actor" if rule_speaker else None, cue=span("told"),
                   confidence=0.8, rule=rule)
    model_q = Quote(content=content, kind="indirect", speaker=span("Lopez"), speaker_actor="model-actor",
                    cue=span("told"), confidence=0.9, rule="model.bilstm-crf-attribution@3")
    (merged,) = combine(told_doc, [rule_q], [model_q])
    assert text[merged.speaker.start:merged.speaker.end] == speaker
    assert merged.speaker_actor == actor
    assert merged.rule == f"model.bilstm-crf-attribution@3+{rule}"


@pytest.mark.parametrize("model_start, speaker", [
    ("Diaz", "Lopez"),      # the rules' "Diaz" lies inside the words quoted: the model's speaker
    ("the vote", "Diaz"),   # outside them: a plausible speaker, the rules' is kept
])
def test_learn_combine_speaker_inside_content(told_doc, model_start, speaker):
    from communique.extract.attribution.combine import combine
    from communique.models import Quote, Span

    text = told_doc.text
    content = (Span.of(text, text.index(model_start), text.index(" .")),)
    diaz = Span.of(text, text.index("Diaz"), text.index("Diaz") + 4)
    lopez = Span.of(text, text.index("Lopez"), text.index("Lopez") + 5)
    rule_q = Quote(content=content, kind="indirect", speaker=diaz, speaker_actor="rules-actor",
                   confidence=0.8, rule="indirect.ccomp")
    model_q = Quote(content=content, kind="indirect", speaker=lopez, speaker_actor="model-actor",
                    confidence=0.9, rule="model.bilstm-crf-attribution@3")
    (merged,) = combine(told_doc, [rule_q], [model_q])
    assert text[merged.speaker.start:merged.speaker.end] == speaker


@pytest.mark.parametrize("rule_kind, model_from, content_from", [
    # the rules found the quoted words, the model the clause around them: a mixed quote
    ("direct", "Diaz the vote", "model"),
    ("direct", "the vote", "rules"),     # only a determiner more: the quotation stays
    ("indirect", "the vote", "rules"),   # two readings of an indirect report: the rules'
    ("direct", "is near", "rules"),      # the model's is no larger
    ("direct", "Today+the vote", "rules"),   # larger, but two spans: no mixed quote
])
def test_learn_combine_mixed_quote_content(told_doc, rule_kind, model_from, content_from):
    from communique.extract.attribution.combine import combine
    from communique.models import Quote, Span

    text = told_doc.text
    end = text.index(" .")
    rule_content = (Span.of(text, text.index("vote"), end),)
    *extra, start = model_from.split("+")
    model_content = tuple(Span.of(text, text.index(w), text.index(w) + len(w)) for w in extra)
    model_content += (Span.of(text, text.index(start), end),)
    lopez = Span.of(text, text.index("Lopez"), text.index("Lopez") + 5)
    rule_q = Quote(content=rule_content, kind=rule_kind, speaker=lopez, confidence=0.8,
                   rule="direct.after")
    model_q = Quote(content=model_content, kind="mixed", speaker=lopez, confidence=0.9,
                    rule="model.bilstm-crf-attribution@3")
    (merged,) = combine(told_doc, [rule_q], [model_q])
    want = model_q if content_from == "model" else rule_q
    assert merged.content == want.content and merged.kind == want.kind


@pytest.mark.parametrize("model_cue, content_from", [
    ("Diaz", "model"),    # the rules' content holds the model's cue: the rules misread it
    ("told", "rules"),    # the cue is outside the rules' content
])
def test_learn_combine_content_holding_the_cue(told_doc, model_cue, content_from):
    from communique.extract.attribution.combine import combine
    from communique.models import Quote, Span

    text = told_doc.text
    end = text.index(" .")

    def span(word):
        return Span.of(text, text.index(word), text.index(word) + len(word))

    rule_q = Quote(content=(Span.of(text, text.index("Diaz"), end),), kind="indirect",
                   speaker=span("Lopez"), confidence=0.8, rule="indirect.ccomp")
    model_q = Quote(content=(Span.of(text, text.index("the vote"), end),), kind="indirect",
                    speaker=span("Lopez"), cue=span(model_cue), confidence=0.9,
                    rule="model.bilstm-crf-attribution@3")
    (merged,) = combine(told_doc, [rule_q], [model_q])
    assert merged.content == (model_q if content_from == "model" else rule_q).content


@pytest.mark.model
def test_learn_train_mini_corpus_writes_loadable_model(tmp_path, nlp):
    from communique.extract.attribution.linking import predict_attributions
    from communique.extract.attribution.model import load_model
    from communique.learn.train import load_config, train_attribution

    cfg = load_config(None)
    cfg["training"].update(max_iterations=30, feature_minfreq=1, grid=[[0.0, 0.01]])
    cfg["lexicon"].update(min_count=1, min_ratio=0.0)
    meta = train_attribution(MINI, tmp_path / "m", cfg, seed=7)
    assert (tmp_path / "m" / "model.crfsuite").is_file()
    saved = json.loads((tmp_path / "m" / "meta.json").read_text())
    assert saved["seed"] == 7 and saved["data"]["train_articles"] == 3
    assert set(meta["dev"]) >= {"source", "cue", "content", "attribution"}
    assert "say" in saved["cue_lexicon"]
    model = load_model(tmp_path / "m")
    doc = nlp("Hillary Clinton said on Monday that she was ready for the debate.")
    atts = predict_attributions(doc, model)
    assert atts and all(a.content and 0.0 <= a.confidence <= 1.0 for a in atts)


@pytest.mark.model
@pytest.mark.parametrize("clusters", [[4, 8], []])
def test_learn_train_with_context_clusters(tmp_path, nlp, clusters):
    from communique.extract.attribution.linking import predict_attributions
    from communique.extract.attribution.model import load_model
    from communique.learn.train import load_config, train_attribution

    cfg = load_config(None)
    cfg["training"].update(max_iterations=20, feature_minfreq=1, grid=[[0.0, 0.01]])
    cfg["lexicon"].update(min_count=1, min_ratio=0.0)
    cfg["features"].update(clusters=clusters, cluster_sample=2000)
    meta = train_attribution(MINI, tmp_path / "m", cfg, seed=5)
    assert (tmp_path / "m" / "clusters.npz").is_file() is bool(clusters)
    assert meta["features_version"] == (6 if clusters else 4)
    model = load_model(tmp_path / "m")
    assert [len(c) for c in model.centroids] == clusters
    doc = nlp("Hillary Clinton said on Monday that she was ready for the debate.")
    labels, probs = model.tag(doc)
    assert len(labels) == len(doc) and all(0.0 <= p <= 1.0 for p in probs)
    assert all(a.content for a in predict_attributions(doc, model))


@pytest.mark.model
def test_learn_parse_cache_keeps_context_vectors(tmp_path, nlp):
    import numpy as np

    from communique.learn.corpus import parse_split

    first = parse_split(MINI, "train", nlp, tmp_path)
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".npz", ".spacy"]
    again = parse_split(MINI, "train", nlp, tmp_path)  # from the cache
    for a, b in zip(first, again):
        assert [t.text for t in a.doc] == [t.text for t in b.doc] and a.labels == b.labels
        assert b.doc.tensor.shape == (len(b.doc), a.doc.tensor.shape[1])
        assert np.allclose(a.doc.tensor, b.doc.tensor, atol=1e-2)  # stored as float16


@pytest.mark.model
@pytest.mark.parametrize("clusters", [False, True])
def test_learn_training_is_reproducible(tmp_path, clusters):
    from communique.learn.train import load_config, train_attribution

    cfg = load_config(None)
    cfg["training"].update(max_iterations=15, feature_minfreq=1, grid=[[0.0, 0.01]])
    cfg["lexicon"].update(min_count=1, min_ratio=0.0)
    if clusters:
        cfg["features"].update(clusters=[4], cluster_sample=2000)
    train_attribution(MINI, tmp_path / "a", cfg, seed=3)
    train_attribution(MINI, tmp_path / "b", cfg, seed=3)
    for name in ("model.crfsuite", "clusters.npz") if clusters else ("model.crfsuite",):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.model
def test_learn_shipped_model_tags_a_sentence(nlp):
    from communique.extract.attribution.linking import predict_attributions
    from communique.extract.attribution.model import load_model

    model = load_model()
    assert model.rule_id.startswith("model.bilstm-crf-attribution@")
    assert len(model.neural) == len(model.meta["members"]) == 1
    doc = nlp("Senator Maria Lopez said on Tuesday that she expected the House to pass the bill.")
    atts = predict_attributions(doc, model)
    assert len(atts) == 1
    (att,) = atts
    text = doc.text
    assert text[att.cue[0][0]:att.cue[0][1]] == "said"
    assert "Lopez" in text[att.source[0][0]:att.source[0][1]]
    assert "House to pass the bill" in text[att.content[0][0]:att.content[-1][1]]


@pytest.mark.model
def test_learn_cli_train_attribution(tmp_path):
    from typer.testing import CliRunner

    from communique.cli import app

    cfg = tmp_path / "cfg.toml"
    cfg.write_text("[training]\nmax_iterations = 10\nfeature_minfreq = 1\ngrid = [[0.0, 0.01]]\n"
                   "[lexicon]\nmin_count = 1\nmin_ratio = 0.0\n")
    res = CliRunner().invoke(app, ["train", "attribution", "--polnear", str(MINI),
                                   "--out", str(tmp_path / "m"), "--config", str(cfg), "--seed", "5"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "m" / "meta.json").is_file()
