"""The tagger's feature hashing: the inlined strings and the per-process CRC-32 table give
what hashing :func:`feature_strings` directly gives, whether a string was seen before or not."""

from __future__ import annotations

import zlib

import pytest

from communique.extract.attribution import neural
from communique.extract.attribution.neural import feature_strings, hashed_features

FEATS = [
    {"bias": 1.0, "w": "said", "title": True, "punct": False, "inq": 0, "-1:inq": 1},
    {"w": "“", "qmark": True, "d0": 0.25, "n": 12, "r": "B-CUE", "gov_dep": "ccomp"},
    {"bias": 1.0},
    {"acc": False, "flag": 1, "flag1": 1.0, "t": True},
]


@pytest.mark.parametrize("cache", ["cold", "warm", "full"])
@pytest.mark.parametrize("buckets", [10, 18])
def test_attribution_hashing_equals_crc32_of_feature_strings(cache, buckets, monkeypatch):
    monkeypatch.setattr(neural, "_CRC", {})
    if cache == "warm":
        hashed_features(FEATS, buckets)
    if cache == "full":
        monkeypatch.setattr(neural, "_CRC_MAX", 2)  # the table is emptied as it fills
    strings = [feature_strings(f) for f in FEATS]
    expected = [zlib.crc32(s.encode()) & ((1 << buckets) - 1) for ss in strings for s in ss]
    ids, offs = hashed_features(FEATS, buckets)
    assert len(expected) == 13
    assert ids.tolist() == expected
    assert offs.tolist() == [0, 4, 10, 10, 13]
