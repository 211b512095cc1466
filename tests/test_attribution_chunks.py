"""The tagger on selected sentences: features of a subset equal the whole document's,
padded batches equal one sequence at a time, and sentences that report nothing are skipped."""

from __future__ import annotations

import numpy as np
import pytest

from communique.extract.attribution.features import doc_features, quote_state, rule_tags
from communique.extract.attribution.model import load_model
from communique.extract.attribution.neural import (
    _marginals_batch,
    _viterbi_batch,
    marginals,
    tag,
    tag_chunks,
    viterbi,
)
from communique.extract.attribution.sentences import tagged_chunks

TEXT = ("The weather was mild on Tuesday. Trains ran on time.\n\n"
        'Hillary Clinton said on Monday that she was ready for the debate. "We will win," she added.\n\n'
        "The bridge opened in 1932. It is painted grey.\n\n"
        "Officials believe the vote will be close, according to a memo.")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


@pytest.mark.parametrize("every", [1, 2, 3, 7])
def test_attribution_features_subset_equals_whole(doc, every):
    model = load_model()
    whole = doc_features(doc, model.cues)
    tokens = list(range(0, len(doc), every))
    assert doc_features(doc, model.cues, tokens=tokens) == [whole[i] for i in tokens]


def test_attribution_chunks_skip_sentences_without_speech(doc):
    chunks = tagged_chunks(doc, rule_tags(doc), quote_state(doc), context=0)
    covered = {i for a, b in chunks for i in range(a, b)}
    said = next(t.i for t in doc if t.lower_ == "said")
    bridge = next(t.i for t in doc if t.lower_ == "bridge")
    weather = next(t.i for t in doc if t.lower_ == "weather")
    memo = next(t.i for t in doc if t.lower_ == "memo")
    assert said in covered and memo in covered
    assert bridge not in covered and weather not in covered


@pytest.mark.parametrize("context", [0, 1, 5])
def test_attribution_chunks_are_whole_sentences_in_order(doc, context):
    chunks = tagged_chunks(doc, rule_tags(doc), quote_state(doc), context=context)
    starts = {s.start for s in doc.sents}
    ends = {s.end for s in doc.sents}
    assert chunks
    assert all(a in starts and b in ends and a < b for a, b in chunks)
    assert all(chunks[k][1] < chunks[k + 1][0] for k in range(len(chunks) - 1))


def test_attribution_tag_chunks_batch_equals_one_at_a_time(doc):
    model = load_model()
    feats = doc_features(doc, model.cues)
    sents = [(s.start, s.end) for s in doc.sents]
    labels, probs = tag_chunks(model.neural, doc, feats, sents)
    one_labels, one_probs = [], []
    for a, b in sents:
        lab, pr = tag_chunks(model.neural, doc, feats[a:b], [(a, b)])
        one_labels += lab
        one_probs += pr
    assert len(labels) == len(doc)
    assert labels == one_labels
    np.testing.assert_allclose(probs, one_probs, atol=1e-5)


def test_attribution_tag_chunks_whole_document_equals_tag(doc):
    model = load_model()
    feats = doc_features(doc, model.cues)
    labels, probs, _ = tag(model.neural, doc, feats)
    got, got_probs = tag_chunks(model.neural, doc, feats, [(0, len(doc))])
    assert got == labels
    np.testing.assert_allclose(got_probs, probs, atol=1e-5)


@pytest.mark.parametrize("lengths", [[5], [3, 7, 1], [9, 9], [1, 1, 4]])
def test_attribution_batched_crf_equals_single(lengths):
    rng = np.random.default_rng(len(lengths) * 10 + sum(lengths))
    k = 7
    trans, start, end = (rng.normal(size=(k, k)), rng.normal(size=k), rng.normal(size=k))
    n = max(lengths)
    em = np.zeros((len(lengths), n, k))
    active = np.arange(n)[None, :] < np.array(lengths)[:, None]
    for c, length in enumerate(lengths):
        em[c, :length] = rng.normal(size=(length, k))
    best = _viterbi_batch(em, active, trans, start, end)
    marg = _marginals_batch(em, active, trans, start, end)
    for c, length in enumerate(lengths):
        assert best[c, :length].tolist() == viterbi(em[c, :length], trans, start, end)
        np.testing.assert_allclose(marg[c, :length], marginals(em[c, :length], trans, start, end), atol=1e-9)
