"""The tagger's hashed features computed from the Doc's arrays (attribution/hashing.py) give,
token by token, the ids of the feature dicts hashed string by string, on parsed articles,
for the whole document and for subsets of its tokens; and the tagger gives the same labels
with either."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from communique.extract.attribution import hashing
from communique.extract.attribution.features import doc_features, quote_state, rule_tags
from communique.extract.attribution.hashing import FAST_VERSIONS, doc_feature_crcs, hashed_doc_features
from communique.extract.attribution.model import load_model
from communique.extract.attribution.neural import hashed_features
from communique.extract.attribution.sentences import tagged_chunks

TEXTS = {
    "quotes": (
        "WASHINGTON (Reuters) - Senator Maria Lopez said on Tuesday that the bill would fail. "
        "\u201cWe do not have the votes,\u201d she told reporters outside the Capitol. "
        "\u201cNot this week, and not next week.\u201d\n\n"
        'Her spokesman, who asked not to be named, added: "The talks will go on." '
        "Critics \u2014 among them two governors \u2014 called the plan \u2018reckless\u2019."
    ),
    "colon_according": (
        "The ministry's statement was short: prices will rise in March.\n\n"
        "According to a memo seen by the agency, the board (which met in private) voted 5-2. "
        "Officials believe the vote will be close, according to people familiar with the matter.\n"
        "Analysts, however, were not convinced; one of them wrote that \u00abthe numbers do not add up\u00bb."
    ),
    "paragraphs": (
        '"It is over," the coach said.\n\n'
        "The team lost 3-0 on Saturday.  Fans left early.\n\n\n"
        "The vote - which was held on Monday - ended in a tie \u2013 as expected \u2013 she said.\n"
        "- Reporting by Jean-Pierre Dupr\u00e9 in Paris; editing by Ann Li\n"
        "Asked whether he would resign, the minister replied that he had \u201cno plans to do so\u201d"
    ),
    "long_token": (
        "The report is at https://example.org/" + "reports/" * 40 + "final.pdf and, officials said, "
        "it will be updated. \u201cWe stand by it \U0001F44D,\u201d a spokeswoman wrote."
    ),
    "no_speech": "The bridge opened in 1932. It is painted grey. Trains ran on time.",
    "one_token": "Yes",
    "starts_with_quote": "\u201cNo comment.\u201d That was all the mayor's office would say",
}


@pytest.fixture(scope="module")
def docs(nlp):
    return {name: nlp(text) for name, text in TEXTS.items()}


@pytest.fixture(scope="module")
def cues():
    return load_model().cues


def _runs(hashed: tuple[np.ndarray, np.ndarray]) -> list[list[int]]:
    ids, offs = hashed
    return [sorted(ids[offs[k]:offs[k + 1]].tolist()) for k in range(len(offs) - 1)]


def _tokens(doc, selection: str) -> list[int] | None:
    rtags, inq = rule_tags(doc), quote_state(doc)
    if selection == "all":
        return None
    if selection == "chunks":
        return [i for a, b in tagged_chunks(doc, rtags, inq) for i in range(a, b)]
    if selection == "every3":
        return list(range(0, len(doc), 3))
    if selection == "reversed":
        return list(range(len(doc)))[::-1]
    return [0, len(doc) - 1]  # the edges


@pytest.mark.parametrize("version", FAST_VERSIONS)
@pytest.mark.parametrize("selection", ["all", "chunks", "every3", "reversed", "edges"])
@pytest.mark.parametrize("name", sorted(TEXTS))
def test_attribution_fast_features_equal_hashed_dicts(docs, cues, name, selection, version):
    doc = docs[name]
    rtags, inq = rule_tags(doc), quote_state(doc)
    tokens = _tokens(doc, selection)
    feats = doc_features(doc, cues, version=version, tokens=tokens, rtags=rtags, inq=inq)
    expected = _runs(hashed_features(feats, 18))
    got = _runs(hashed_doc_features(doc, cues, tokens, rtags, inq, 18, version))
    assert len(expected) == (len(doc) if tokens is None else len(tokens))
    assert len(expected) > 0 or (name in ("no_speech", "one_token") and selection == "chunks")  # nothing tagged
    assert [len(r) for r in got] == [len(r) for r in expected]
    for k, (a, b) in enumerate(zip(got, expected)):
        assert a == b, f"token {k}"


@pytest.mark.parametrize("name", ["quotes", "colon_according"])
def test_attribution_fast_features_crcs_are_those_of_the_feature_strings(docs, cues, name):
    """Unmasked: the CRC-32 of each feature string itself, not only its bucket."""
    from communique.extract.attribution.neural import feature_strings

    doc = docs[name]
    crcs, offs = doc_feature_crcs(doc, cues, version=4)
    feats = doc_features(doc, cues, version=4)
    assert len(offs) == len(feats) + 1
    for k, f in enumerate(feats):
        expected = sorted(zlib.crc32(s.encode()) for s in feature_strings(f))
        assert sorted(crcs[offs[k]:offs[k + 1]].tolist()) == expected


def test_attribution_fast_features_computed_rule_tags_and_quote_state(docs, cues):
    doc = docs["quotes"]
    expected = _runs(hashed_features(doc_features(doc, cues, version=4), 20))
    assert _runs(hashed_doc_features(doc, cues, buckets=20, version=4)) == expected


@pytest.mark.parametrize("cues", [frozenset(), frozenset({"say", "tell", "add", ":", "accord", "write"})])
def test_attribution_fast_features_other_cue_lexicons(docs, cues):
    for doc in docs.values():
        rtags, inq = rule_tags(doc), quote_state(doc)
        expected = _runs(hashed_features(doc_features(doc, cues, version=4, rtags=rtags, inq=inq), 16))
        assert _runs(hashed_doc_features(doc, cues, None, rtags, inq, 16, 4)) == expected


@pytest.mark.parametrize("version", [5, 6])
def test_attribution_fast_features_other_versions_use_the_dicts(docs, cues, version):
    doc = docs["quotes"]
    rtags, inq = rule_tags(doc), quote_state(doc)
    expected = hashed_features(doc_features(doc, cues, version=version, rtags=rtags, inq=inq), 18)
    got = hashed_doc_features(doc, cues, None, rtags, inq, 18, version)
    assert np.array_equal(got[0], expected[0]) and np.array_equal(got[1], expected[1])
    with pytest.raises(ValueError):
        doc_feature_crcs(doc, cues, version=version)


def test_attribution_fast_features_empty(nlp, cues):
    doc = nlp("")
    ids, offs = hashed_doc_features(doc, cues, None, [], [], 18, 4)
    assert ids.shape == (0,) and offs.tolist() == [0]
    ids, offs = hashed_doc_features(nlp("Hello there."), cues, [], None, None, 18, 4)
    assert ids.shape == (0,) and offs.tolist() == [0]


@pytest.mark.parametrize("a", ["", "w=", "-1:w|w=", "\u00e9t\u00e9", "x" * 300])
@pytest.mark.parametrize("b", ["", "said", "\u201c", "\U0001F44D|B-CUE", "y" * 255, "z" * 256, "q" * 1000])
def test_attribution_fast_features_crc_of_concatenation(a, b):
    ca, na = hashing._crc_len([a])
    cb, nb = hashing._crc_len([b])
    c, n = hashing._join((ca, na), (cb, nb))
    assert int(c[0]) == zlib.crc32((a + b).encode())
    assert int(n[0]) == len((a + b).encode())


def test_attribution_fast_features_tagger_labels_unchanged(docs):
    """The shipped tagger with the array features gives the labels and probabilities of
    the feature dicts."""
    model = load_model()
    if model.neural is None:
        pytest.skip("the shipped model is not the neural tagger")
    from communique.extract.attribution.neural import tag_chunks

    version = int(model.meta["features_version"])
    checked = 0
    for doc in docs.values():
        rtags, inq = rule_tags(doc), quote_state(doc)
        chunks = tagged_chunks(doc, rtags, inq)
        if not chunks:
            continue
        tokens = [i for a, b in chunks for i in range(a, b)]
        feats = doc_features(doc, model.cues, version=version, tokens=tokens, rtags=rtags, inq=inq)
        old_labels, old_probs = tag_chunks(model.neural, doc, feats, chunks)
        labels, probs = model.tag(doc)
        assert [labels[i] for i in tokens] == old_labels
        assert np.allclose([probs[i] for i in tokens], old_probs, rtol=0, atol=1e-5)
        checked += 1
    assert checked >= 4
