"""Attribution metrics on hand-made spans (no corpus)."""

from __future__ import annotations

import pytest

from communique.evaluation.attribution_metrics import Attribution, Counts, prf
from communique.evaluation.polnear import parse_ann

TEXT = 'Smith said the plan failed. "It is over," Jones said.'
#       0    5    10   15   20   25 27             41 43


def att(src, cue, content):
    return Attribution(tuple(src), tuple(cue), tuple(content))


GOLD = [att([(0, 5)], [(6, 10)], [(11, 26)]), att([(42, 47)], [(48, 52)], [(28, 40)])]


@pytest.mark.parametrize("pred, quote_f1, attr_f1, speaker_acc", [
    (GOLD, 1.0, 1.0, 1.0),
    ([], 0.0, 0.0, 0.0),
    ([att([(42, 47)], [(6, 10)], [(11, 26)])], 2 / 3, 0.0, 0.0),          # wrong speaker
    ([att([(0, 5)], [(6, 10)], [(11, 22)])], 2 / 3, 2 / 3, 1.0),            # Jaccard 3/4 >= 0.5
    ([att([(0, 5)], [(6, 10)], [(11, 15)])], 0.0, 0.0, 0.0),                # Jaccard 1/4 < 0.5
])
def test_eval_quotes_end_to_end(pred, quote_f1, attr_f1, speaker_acc):
    c = Counts()
    c.add(TEXT, GOLD, pred)
    s = c.summary()["e2e"]["all"]
    assert s["quote"]["f1"] == pytest.approx(quote_f1)
    assert s["attribution"]["f1"] == pytest.approx(attr_f1)
    assert s["speaker_accuracy"] == pytest.approx(speaker_acc)


def test_eval_quotes_direct_indirect_split():
    c = Counts()
    c.add(TEXT, GOLD, GOLD)
    e = c.summary()["e2e"]
    assert e["direct"]["quote"]["gold"] == 1 and e["indirect"]["quote"]["gold"] == 1


def test_eval_quotes_exact_spans_count_segments():
    gold = [att([], [(6, 10)], [(11, 15), (16, 26)])]
    pred = [att([], [(6, 10)], [(11, 15)])]
    c = Counts()
    c.add(TEXT, gold, pred)
    ex = c.summary()["exact"]
    assert ex["content"]["tp"] == 1 and ex["content"]["gold"] == 2 and ex["content"]["pred"] == 1
    assert ex["cue"]["f1"] == 1.0
    assert ex["source"]["gold"] == 0


def test_eval_quotes_both_empty_speakers_agree():
    gold = [att([], [(6, 10)], [(11, 26)])]
    c = Counts()
    c.add(TEXT, gold, gold)
    assert c.summary()["e2e"]["all"]["speaker_accuracy"] == 1.0


def test_eval_quotes_prf_zero_safe():
    assert prf(0, 0, 0)["f1"] == 0.0


def test_eval_quotes_parse_ann_discontinuous():
    ann = ("T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 15;16 26\tthe plan failed\n"
           "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    (a,) = parse_ann(ann)
    assert a.content == ((11, 15), (16, 26)) and a.source == ((0, 5),)
