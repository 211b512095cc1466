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
    _windows,
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
    labels, probs = tag_chunks(model.neural, doc, feats, sents, window=None)
    one_labels, one_probs = [], []
    for a, b in sents:
        lab, pr = tag_chunks(model.neural, doc, feats[a:b], [(a, b)], window=None)
        one_labels += lab
        one_probs += pr
    assert len(labels) == len(doc)
    assert labels == one_labels
    np.testing.assert_allclose(probs, one_probs, atol=1e-5)


def test_attribution_tag_chunks_whole_document_equals_tag(doc):
    model = load_model()
    feats = doc_features(doc, model.cues)
    labels, probs, _ = tag(model.neural, doc, feats)
    got, got_probs = tag_chunks(model.neural, doc, feats, [(0, len(doc))], window=None)
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


@pytest.mark.parametrize(("chunks", "sents", "window"), [
    ([(0, 10)], [0, 4, 7], (4, 1)),
    ([(0, 30), (40, 45)], list(range(0, 50, 5)), (8, 2)),
    ([(3, 60)], [3, 20, 22, 50], (10, 3)),  # sentences longer than a core stay whole
    ([(0, 12)], [0], (4, 2)),  # one long sentence: one core
    ([(0, 10), (10, 20)], [0, 10], None),
])
def test_attribution_windows_cover_each_token_once(chunks, sents, window):
    starts, lengths, core_off, core_len = _windows(chunks, frozenset(sents), window)
    total = sum(b - a for a, b in chunks)
    cores = [s + o + k for s, o, n in zip(starts, core_off, core_len) for k in range(n)]
    assert cores == list(range(total))
    ends = np.cumsum([b - a for a, b in chunks]).tolist()
    flat_chunk = list(zip([0, *ends[:-1]], ends))
    for s, n, o, k in zip(starts, lengths, core_off, core_len):
        assert 0 <= o and o + k <= n
        assert any(lo <= s and s + n <= hi for lo, hi in flat_chunk)  # a window never crosses chunks
        if window is not None:
            assert o <= window[1] and n - o - k <= window[1]


LONG = " ".join([
    'Senator Jane Roe said on Tuesday that the bill "will not pass this year,"',
    "and added that her party would fight it.",
    "The vote was delayed twice. Critics argued the measure would raise costs for families, according to a report.",
    '"We have the numbers," the majority leader told reporters, though aides privately doubted it.',
    "Weather in the capital was cold. The session resumed after lunch.",
    "A spokesman for the governor said the state would sue if the bill became law.",
] * 3)


def test_attribution_windowed_tags_agree_with_whole_chunks(nlp):
    doc = nlp(LONG)
    model = load_model()
    feats = doc_features(doc, model.cues)
    whole, _ = tag_chunks(model.neural, doc, feats, [(0, len(doc))], window=None)
    windowed, probs = tag_chunks(model.neural, doc, feats, [(0, len(doc))], window=(24, 6))
    assert len(doc) > 100 and len(windowed) == len(doc) == len(probs)
    agree = sum(a == b for a, b in zip(whole, windowed)) / len(doc)
    assert agree >= 0.95
    assert any(lab != "O" for lab in windowed)
    # a chunk that fits in one window is read whole
    short, _ = tag_chunks(model.neural, doc, feats[:40], [(0, 40)], window=(24, 8))
    alone, _ = tag_chunks(model.neural, doc, feats[:40], [(0, 40)], window=None)
    assert short == alone
