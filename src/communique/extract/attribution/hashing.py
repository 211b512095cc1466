"""The neural tagger's hashed features, computed from a Doc's arrays.

:func:`hashed_doc_features` gives what ``neural.hashed_features(features.doc_features(...),
buckets)`` gives (the same ids for each token, in another order within the token's run),
without a feature dict or a spaCy ``Token`` per token: the token attributes are read once
with ``Doc.to_array``, every feature is a column of a (features, tokens) table, and the
CRC-32 of each ``key=value`` string is put together from the CRC-32 of its parts.

CRC-32 is affine in the register it starts from: ``crc32(B, s) == crc32(B) ^ M_n(s)`` for
the ``n`` bytes of ``B``, with ``M_n`` linear over GF(2) (``M_n(s) == crc32(bytes(n), s) ^
crc32(bytes(n))``). So ``crc32(A + B) == crc32(B) ^ M_len(B)(crc32(A))``: the CRC of each
distinct value is computed once per document, and the CRC of a key and a value (or of
``a|b``) is two table lookups, for all tokens at once. ``M_n`` is tabulated byte by byte
(:func:`_shift_table`) for ``n`` below :data:`_LCAP`; longer values are shifted with zlib.

Feature versions 3 and 4 (:data:`FAST_VERSIONS`, the shipped model reads v4) are computed
here; any other version falls back to the feature dicts. The token sets and tables of
:mod:`.features` are imported from it; the few literals below mirror the ones written
inline there (the tests compare both paths on parsed articles).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IS_PUNCT, IS_SPACE, IS_TITLE, LEMMA, LOWER, ORTH, POS, SHAPE, TAG
from spacy.parts_of_speech import NAMES as _POS_NAMES
from spacy.tokens import Doc

from ..doc_tokens import token_table
from .features import (
    _CLOSE_QUOTES,
    _GOV_DEPS,
    _OPEN_QUOTES,
    _SUB_DEPS,
    _SUBJ_DEPS,
    _TOGGLE_QUOTES,
    doc_features,
    quote_state,
    rule_tags,
)

__all__ = ["FAST_VERSIONS", "doc_feature_crcs", "hashed_doc_features"]

FAST_VERSIONS = (3, 4)

# mirrors of literals written inline in features.py
_CUE_POS = frozenset({"VERB", "NOUN", "AUX"})  # doc_features: a sentence's first cue word
_AUX_DEPS = frozenset({"aux", "auxpass", "neg", "prt"})  # doc_features: cue_aux
_OPEN_PUNCT = frozenset({",", "—", "–", "-", "("})  # structure_features: opens_after_punct
_QUOTES = _OPEN_QUOTES | _CLOSE_QUOTES | _TOGGLE_QUOTES
_IOB = ("", "I", "O", "B")  # Token.iob_strings()
_BUCKETS = ("0", "1", "2", "3", "4-6", "7-12", "13-25", "26+")  # features._bucket
_SUB_ORDER = tuple(sorted(_SUB_DEPS))

_LCAP = 256  # value lengths (bytes) with a tabulated shift
_ATTRS = [LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, ENT_IOB, SHAPE, ORTH, IS_TITLE, IS_PUNCT, IS_SPACE]

# CRC-32 and UTF-8 length of the value strings seen (most recur across documents), emptied
# when it reaches _STR_MAX strings
_STR: dict[str, tuple[int, int]] = {}
_STR_MAX = 1 << 18


# -- CRC-32 arithmetic --------------------------------------------------------------------


@lru_cache(maxsize=1)
def _shift_table() -> np.ndarray:
    """Flat (``_LCAP`` * 4 * 256) uint32: entry ``n*1024 + b*256 + x`` is ``M_n(x << 8b)``."""
    tab = np.zeros((_LCAP, 4, 256), dtype=np.uint32)
    bits = ((np.arange(256)[:, None] >> np.arange(8)[None, :]) & 1).astype(bool)  # (256, 8)
    for n in range(_LCAP):
        zeros = bytes(n)
        z0 = zlib.crc32(zeros)
        basis = np.array([zlib.crc32(zeros, 1 << k) ^ z0 for k in range(32)], dtype=np.uint32)
        for b in range(4):
            tab[n, b] = np.bitwise_xor.reduce(np.where(bits, basis[8 * b:8 * b + 8][None, :], 0), axis=1)
    return tab.reshape(-1)


def _shift(c: np.ndarray, n: np.ndarray) -> np.ndarray:
    """``M_n(c)`` elementwise (uint32 ``c``, byte counts ``n`` of the same shape)."""
    c = np.asarray(c, dtype=np.uint32)
    n = np.asarray(n, dtype=np.int64)
    tab = _shift_table()
    long = n >= _LCAP
    base = np.where(long, 0, n) * 1024
    out = (tab[base + (c & 255)] ^ tab[base + 256 + ((c >> 8) & 255)]
           ^ tab[base + 512 + ((c >> 16) & 255)] ^ tab[base + 768 + (c >> 24)])
    if long.any():
        flat_out, flat_c, flat_n = out.reshape(-1), c.reshape(-1), n.reshape(-1)
        for k in np.flatnonzero(long.reshape(-1)).tolist():
            zeros = bytes(int(flat_n[k]))
            flat_out[k] = zlib.crc32(zeros, int(flat_c[k])) ^ zlib.crc32(zeros)
    return out


def _join(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(CRC-32, length) of the concatenations of strings ``a`` and ``b``, elementwise."""
    return b[0] ^ _shift(a[0], b[1]), a[1] + b[1]


def _const(s: str, shape: int) -> tuple[np.ndarray, np.ndarray]:
    c, n = _crc_len([s])
    return np.full(shape, c[0], dtype=np.uint32), np.full(shape, n[0], dtype=np.int64)


def _bar(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """``a|b`` elementwise."""
    return _join(_join(a, _const("|", len(a[0]))), b)


def _crc_len(strings: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """CRC-32 and UTF-8 byte length of each string."""
    crc = np.empty(len(strings), dtype=np.uint32)
    size = np.empty(len(strings), dtype=np.int64)
    get = _STR.get
    for k, s in enumerate(strings):
        v = get(s)
        if v is None:
            raw = s.encode()
            v = (zlib.crc32(raw), len(raw))
            if len(_STR) >= _STR_MAX:
                _STR.clear()
            _STR[s] = v
        crc[k], size[k] = v
    return crc, size


# -- the column layout --------------------------------------------------------------------

_NEAR_VALUES = {1: ("w", "pos", "dep", "inq", "r", "lem"), 2: ("w", "pos", "dep", "inq", "r"), 3: ("w", "pos")}
_NEAR_FLAGS = {1: ("qmark", "cuelex", "punct", "sent_first", "sent_last"), 2: ("cuelex",), 3: ("cuelex",)}
_OFFSETS = (-3, -2, -1, 1, 2, 3)


@lru_cache(maxsize=4)
def _layout(version: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the token's own valued features, its own flags) in column order."""
    values = ["w", "lem", "pos", "tag", "dep", "shape", "ent", "ent_iob", "h_lem", "h_pos", "h_dep", "dep_hlem",
              "dep_hpos", "inq", "cuelex_pos", "sent_pos", "sent_rem", "nkids", "r", "r_role", "r_inq", "cue_rel",
              "cue_dist", "gov_dep", "gov_cue", "gov_inq", "clause_first", "clause_last", "clause_side",
              "after_clause", "cue_aux", "subj_edge", "subj_of_cue"]
    flags = ["title", "punct", "qmark", "cuelex", "h_cuelex", "sent_first", "sent_last", "para_first", "s_q",
             "s_colon", "is_root", "acc", "in_acc", "after_open_q", "before_q", "subj_of_cue_b", "subj_h_cuelex"]
    if version >= 4:
        values += ["opens_after_punct", "closes_before_punct", "cue_depth", "cue_path_top", "lex_left",
                   "lex_right", "rcue_left", "rcue_right"]
        flags += [f"{kind}:{d}" for kind in ("opens", "closes", "anc") for d in _SUB_ORDER]
    return tuple(values), tuple(flags)


def _near(version: int, a: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the valued features, the flags) a token takes from its neighbour at distance ``a``."""
    values = _NEAR_VALUES[a] + (("opens_after_punct", "closes_before_punct") if a == 1 and version >= 4 else ())
    return values, _NEAR_FLAGS[a]


@lru_cache(maxsize=4)
def _key_columns(version: int) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """(valued keys, their ``M_n(crc32(key + "="))`` for n < ``_LCAP`` (K, _LCAP), the
    CRC-32 of the flag keys), in the column order of :func:`_assemble`: the token's own
    features, then per offset the neighbour's (valued: its features, then ``w|w`` and
    ``r|r`` at distance 1; flags: its flags, ``same_sent`` at distance 1, ``edge``)."""
    values, flags = _layout(version)
    vkeys = list(values)
    fkeys = list(flags)
    for off in _OFFSETS:
        a = abs(off)
        near_values, near_flags = _near(version, a)
        vkeys += [f"{off}:{k}" for k in near_values]
        fkeys += [f"{off}:{k}" for k in near_flags]
        if a == 1:
            vkeys += [f"{off}:w|w", f"{off}:r|r"]
            fkeys.append(f"{off}:same_sent")
        fkeys.append(f"{off}:edge")
    pre, _ = _crc_len([k + "=" for k in vkeys])
    lengths = np.arange(_LCAP, dtype=np.int64)
    table = np.stack([_shift(np.full(_LCAP, p, dtype=np.uint32), lengths) for p in pre])
    fcrc, _ = _crc_len(fkeys)
    return tuple(vkeys), table, fcrc


# -- the features of one document ---------------------------------------------------------


def _bucket_idx(n: np.ndarray) -> np.ndarray:
    return np.where(n <= 3, n, 4 + (n > 6).astype(np.int64) + (n > 12) + (n > 25))


# per token attribute: its value (a spaCy string id) -> (the feature's string, its CRC-32 and
# UTF-8 length); ids are hashes of the strings, the same in every Vocab
_ATTR_CACHE: dict[str, dict[int, tuple[str, int, int]]] = {}


def _first_on_path(heads: np.ndarray, steps: int,
                   stop: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> np.ndarray:
    """For every token, the first node on its path up the tree (itself included, at most
    ``steps`` heads up, the root never) where ``stop(node, head)`` holds, else -1."""
    node = np.arange(len(heads))
    found = np.full(len(heads), -1, dtype=np.int64)
    live = np.ones(len(heads), dtype=bool)
    for _ in range(steps):
        head = heads[node]
        live &= head != node
        hit = live & stop(node, head)
        found[hit] = node[hit]
        live &= ~hit
        node = np.where(live, head, node)
    return found


def _attr_values(col: np.ndarray, name: str, to_str: Callable[[int], str]) -> tuple[np.ndarray, list[str], _Values]:
    """(index of each token's value in the distinct values, the distinct values as
    strings, the token's value CRCs) of one ``Doc.to_array`` column."""
    uniq, inv = np.unique(col, return_inverse=True)
    cache = _ATTR_CACHE.setdefault(name, {})
    if len(cache) >= _STR_MAX:
        cache.clear()
    found = [cache.get(h) for h in uniq.tolist()]
    for k, f in enumerate(found):
        if f is None:
            h = int(uniq[k])
            s = to_str(h)
            raw = s.encode()
            found[k] = cache[h] = (s, zlib.crc32(raw), len(raw))
    vals = [f[0] for f in found]  # type: ignore[index]
    crc = np.array([f[1] for f in found], dtype=np.uint32)  # type: ignore[index]
    size = np.array([f[2] for f in found], dtype=np.int64)  # type: ignore[index]
    inv = inv.reshape(-1)
    return inv, vals, _Values(crc[inv], size[inv])


@lru_cache(maxsize=64)
def _label_table(names: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    return _crc_len(names)


class _Values:
    """A per-token valued feature: (CRC-32, byte length, present) arrays."""

    __slots__ = ("c", "n", "on")

    def __init__(self, c: np.ndarray, n: np.ndarray, on: np.ndarray | None = None):
        self.c, self.n, self.on = c, n, on


def _table_values(inv: np.ndarray, vals: Sequence[str], on: np.ndarray | None = None) -> _Values:
    c, n = _label_table(vals) if isinstance(vals, tuple) else _crc_len(vals)
    return _Values(c[inv], n[inv], on)


def _masked(v: tuple[np.ndarray, np.ndarray], on: np.ndarray) -> _Values:
    return _Values(v[0], v[1], on)


def doc_feature_crcs(doc: Doc, cues: frozenset[str], tokens: Sequence[int] | None = None,
                     rtags: list[str] | None = None, inq: Sequence[int] | None = None,
                     version: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """(CRC-32 of every feature string of every token, flat, uint32; the start of each
    token's run, ``len(tokens) + 1`` int64 offsets) for the :func:`.features.doc_features`
    dicts of ``doc`` (``version`` 3 or 4), order within a token's run aside."""
    if version not in FAST_VERSIONS:
        raise ValueError(f"no array features for version {version}; FAST_VERSIONS: {FAST_VERSIONS}")
    n = len(doc)
    keep = np.arange(n, dtype=np.int64) if tokens is None else np.asarray(tokens, dtype=np.int64).reshape(-1)
    if n == 0 or len(keep) == 0:
        return np.zeros(0, dtype=np.uint32), np.zeros(len(keep) + 1, dtype=np.int64)
    if rtags is None:
        rtags = rule_tags(doc)
    inq_arr = np.asarray(quote_state(doc) if inq is None else inq)
    if inq_arr.dtype.kind not in "iu":
        raise ValueError("inq must hold integers (features.quote_state)")
    strings = doc.vocab.strings
    arr = doc.to_array(_ATTRS)
    idx = np.arange(n, dtype=np.int64)
    heads = idx + np.ascontiguousarray(arr[:, 5]).view(np.int64)

    w_inv, w_vals, w = _attr_values(arr[:, 0], "lower", strings.__getitem__)
    lem_inv, lem_vals, lem = _attr_values(arr[:, 1], "lemma", lambda h: strings[h].lower())
    pos_inv, pos_vals, pos = _attr_values(arr[:, 2], "pos", _POS_NAMES.__getitem__)
    _, _, tag = _attr_values(arr[:, 3], "tag", strings.__getitem__)
    dep_inv, dep_vals, dep = _attr_values(arr[:, 4], "dep", strings.__getitem__)
    _, _, ent = _attr_values(arr[:, 6], "ent", lambda h: strings[h] or "-")
    _, _, iob = _attr_values(arr[:, 7], "iob", _IOB.__getitem__)
    _, _, shape = _attr_values(arr[:, 8], "shape", lambda h: strings[h][:4])
    orth_inv, orth_vals, orth = _attr_values(arr[:, 9], "orth", strings.__getitem__)
    title, punct, space = arr[:, 10] != 0, arr[:, 11] != 0, arr[:, 12] != 0

    def flags_of(inv: np.ndarray, vals: Sequence[str], test: Callable[[str], bool]) -> np.ndarray:
        return np.array([test(v) for v in vals], dtype=bool)[inv]

    cuelex = flags_of(lem_inv, lem_vals, cues.__contains__)
    cue_pos = flags_of(pos_inv, pos_vals, _CUE_POS.__contains__)
    quotes = flags_of(orth_inv, orth_vals, _QUOTES.__contains__)
    colon = flags_of(orth_inv, orth_vals, lambda s: s == ":")
    newline = flags_of(orth_inv, orth_vals, lambda s: "\n" in s)
    subj = flags_of(dep_inv, dep_vals, _SUBJ_DEPS.__contains__)
    gov_ok = flags_of(dep_inv, dep_vals, _GOV_DEPS.__contains__)
    agent = flags_of(dep_inv, dep_vals, lambda s: s == "agent")
    aux = flags_of(dep_inv, dep_vals, _AUX_DEPS.__contains__)
    root = flags_of(dep_inv, dep_vals, lambda s: s == "ROOT")
    sub_bit = np.array([(1 << _SUB_ORDER.index(v)) if v in _SUB_DEPS else 0 for v in dep_vals], dtype=np.int64)[dep_inv]

    r_map = {t: k for k, t in enumerate(dict.fromkeys(rtags))}
    r_inv = np.fromiter(map(r_map.__getitem__, rtags), dtype=np.int64, count=n)
    r_vals = list(r_map)
    r = _table_values(r_inv, r_vals)
    inq_u, inq_inv = np.unique(inq_arr, return_inverse=True)
    inq_v = _table_values(inq_inv.reshape(-1), [str(v) for v in inq_u.tolist()])
    inq_on = inq_arr != 0

    def at(v: _Values, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return v.c[j], v.n[j]

    def labels(choice: np.ndarray, names: Sequence[str], on: np.ndarray | None = None) -> _Values:
        return _table_values(choice, names, on)

    vals: dict[str, _Values] = {
        "w": w, "lem": lem, "pos": pos, "tag": tag, "dep": dep, "shape": shape, "ent": ent, "ent_iob": iob,
        "inq": inq_v, "r": r,
        "r_role": _table_values(r_inv, [t[2:] or "O" for t in r_vals]),
    }
    vals["h_lem"] = _Values(*at(lem, heads))
    vals["h_pos"] = _Values(*at(pos, heads))
    vals["h_dep"] = _Values(*at(dep, heads))
    vals["dep_hlem"] = _Values(*_bar(at(dep, idx), at(lem, heads)))
    vals["dep_hpos"] = _Values(*_bar(at(dep, idx), at(pos, heads)))
    vals["r_inq"] = _Values(*_bar(at(r, idx), at(inq_v, idx)))
    tf = _table_values(cuelex.astype(np.int64), ("False", "True"))
    vals["cuelex_pos"] = _Values(*_bar(at(tf, idx), at(pos, idx)))

    # sentences
    sents = token_table(doc).sentences
    s_start = np.array([a for a, _ in sents], dtype=np.int64)
    s_end = np.array([b for _, b in sents], dtype=np.int64)
    sent_of = np.repeat(np.arange(len(sents)), s_end - s_start)
    start_i, end_i = s_start[sent_of], s_end[sent_of]
    pos_in, to_end = idx - start_i, end_i - 1 - idx
    cq = np.concatenate([[0], np.cumsum(quotes)])
    cc = np.concatenate([[0], np.cumsum(colon)])
    s_q = (cq[s_end] - cq[s_start] > 0)[sent_of]
    s_colon = (cc[s_end] - cc[s_start] > 0)[sent_of]
    cand = np.flatnonzero(cuelex & cue_pos)
    first = np.full(len(sents), -1, dtype=np.int64)
    if len(cand):
        k = np.searchsorted(cand, s_start)
        nearest = cand[np.minimum(k, len(cand) - 1)]
        first = np.where((k < len(cand)) & (nearest < s_end), nearest, -1)
    first = first[sent_of]
    d = idx - first
    has_cue = first >= 0
    vals["sent_pos"] = labels(_bucket_idx(pos_in), _BUCKETS)
    vals["sent_rem"] = labels(_bucket_idx(to_end), _BUCKETS)
    nkids = np.bincount(heads[heads != idx], minlength=n)
    vals["nkids"] = labels(_bucket_idx(nkids), _BUCKETS)
    vals["cue_rel"] = labels(np.where(has_cue, np.sign(d) + 2, 0), ("none", "before", "at", "after"))
    vals["cue_dist"] = labels(np.where(d < 0, 8, 0) + _bucket_idx(np.abs(d)),
                              tuple("+" + b for b in _BUCKETS) + tuple("-" + b for b in _BUCKETS), has_cue)

    # the cue-governed clause each token is in (features._governing_cue_at)
    gov = _first_on_path(heads, 12, lambda node, head: cuelex[head] & gov_ok[node])
    has_gov = gov >= 0
    gnodes = np.unique(gov[has_gov]).tolist()
    g_le = np.zeros(n, dtype=np.int64)
    g_re = np.zeros(n, dtype=np.int64)
    for g in gnodes:
        tok = doc[g]
        g_le[g], g_re[g] = tok.left_edge.i, tok.right_edge.i
    gc = np.maximum(gov, 0)
    gdep = at(dep, gc)
    vals["gov_dep"] = _masked(gdep, has_gov)
    vals["gov_cue"] = _masked(at(lem, heads[gc]), has_gov)
    vals["gov_inq"] = _masked(_bar(gdep, at(inq_v, idx)), has_gov)
    vals["clause_first"] = _masked(gdep, has_gov & (g_le[gc] == idx))
    vals["clause_last"] = _masked(gdep, has_gov & (g_re[gc] == idx))
    vals["clause_side"] = labels((gc >= heads[gc]).astype(np.int64), ("before", "after"), has_gov)
    prev_gov = np.concatenate([[-1], gov[:-1]])
    pg = np.maximum(prev_gov, 0)
    after = ~has_gov & (idx > 0) & (prev_gov >= 0) & (g_re[pg] == idx - 1)
    vals["after_clause"] = _masked(at(dep, pg), after)
    vals["cue_aux"] = _masked(at(dep, idx), aux & cuelex[heads])

    # subjects of cue words (features._subject_of_cue_at and the subject edges)
    subject = _first_on_path(heads, 8, lambda node, _head: subj[node] | agent[node])
    above = heads[np.maximum(subject, 0)]
    subj_head = np.where((subject >= 0) & cuelex[above], above, -1)
    vals["subj_of_cue"] = _masked(at(lem, np.maximum(subj_head, 0)), subj_head >= 0)
    edge_marks: dict[int, str] = {}
    for i in np.flatnonzero(subj & cuelex[heads]).tolist():
        tok = doc[i]
        le, re_ = tok.left_edge.i, tok.right_edge.i
        edge_marks[le] = edge_marks.get(le, "") + "L"
        edge_marks[re_] = edge_marks.get(re_, "") + "R"
    marks = sorted(set(edge_marks.values()))
    mark_idx = np.zeros(n, dtype=np.int64)
    has_mark = np.zeros(n, dtype=bool)
    for i, m in edge_marks.items():
        mark_idx[i], has_mark[i] = marks.index(m), True
    vals["subj_edge"] = labels(mark_idx, tuple(marks) or ("-",), has_mark)

    # "according to" and the tokens of its object
    acc = np.zeros(n, dtype=bool)
    in_acc = np.zeros(n, dtype=bool)
    according = [v == "according" for v in w_vals]
    to = [v == "to" for v in w_vals]
    if any(according) and any(to):
        is_acc = np.array(according, dtype=bool)[w_inv]
        is_to = np.array(to, dtype=bool)[w_inv]
        for i in np.flatnonzero(is_acc[:-1] & is_to[1:]).tolist():
            acc[i] = acc[i + 1] = True
            for t in doc[i + 1].subtree:
                if t.i > i + 1:
                    in_acc[t.i] = True

    flags: dict[str, np.ndarray] = {
        "title": title, "punct": punct, "qmark": quotes, "cuelex": cuelex, "h_cuelex": cuelex[heads],
        "sent_first": pos_in == 0, "sent_last": to_end == 0,
        "para_first": np.concatenate([[True], space[:-1] & newline[:-1]]),
        "s_q": s_q, "s_colon": s_colon, "is_root": root, "acc": acc, "in_acc": in_acc,
        "after_open_q": np.concatenate([[False], quotes[:-1]]) & inq_on,
        "before_q": np.concatenate([quotes[1:], [False]]) & inq_on & ~quotes,
        "subj_of_cue_b": subj_head >= 0, "subj_h_cuelex": subj & cuelex[heads],
    }

    if version >= 4:
        _structure(doc, n, idx, heads, dep, orth, orth_vals, orth_inv, punct, sub_bit, cuelex, r_vals, r_inv,
                   start_i, end_i, vals, flags)

    return _assemble(version, keep, n, vals, flags, w, r, sent_of)


def _structure(doc: Doc, n: int, idx: np.ndarray, heads: np.ndarray, dep: _Values, orth: _Values,
               orth_vals: list[str], orth_inv: np.ndarray, punct: np.ndarray, sub_bit: np.ndarray,
               cuelex: np.ndarray, r_vals: list[str], r_inv: np.ndarray, start_i: np.ndarray, end_i: np.ndarray,
               vals: dict[str, _Values], flags: dict[str, np.ndarray]) -> None:
    """The clause-structure features (features.structure_features, v4) into ``vals`` and ``flags``."""
    # the subtrees of subordinate structures: what they open and close
    opens = np.zeros(n, dtype=np.int64)
    closes = np.zeros(n, dtype=np.int64)
    oap = np.full(n, -1, dtype=np.int64)  # the last structure opening at a token after , — – - (
    cbp = np.full(n, -1, dtype=np.int64)  # the last structure closing at a token before punctuation
    open_punct = np.array([v in _OPEN_PUNCT for v in orth_vals], dtype=bool)[orth_inv]
    for t in np.flatnonzero((sub_bit != 0) & (heads != idx)).tolist():
        tok = doc[t]
        le, re_ = tok.left_edge.i, tok.right_edge.i
        opens[le] |= sub_bit[t]
        closes[re_] |= sub_bit[t]
        if le > 0 and open_punct[le - 1]:
            oap[le] = t
        if re_ + 1 < n and punct[re_ + 1]:
            cbp[re_] = t
    for b, d in enumerate(_SUB_ORDER):
        flags[f"opens:{d}"] = (opens >> b) & 1 != 0
        flags[f"closes:{d}"] = (closes >> b) & 1 != 0
    prev_orth = (orth.c[np.maximum(idx - 1, 0)], orth.n[np.maximum(idx - 1, 0)])
    next_orth = (orth.c[np.minimum(idx + 1, n - 1)], orth.n[np.minimum(idx + 1, n - 1)])
    vals["opens_after_punct"] = _masked(_bar(prev_orth, (dep.c[np.maximum(oap, 0)], dep.n[np.maximum(oap, 0)])),
                                        oap >= 0)
    vals["closes_before_punct"] = _masked(_bar((dep.c[np.maximum(cbp, 0)], dep.n[np.maximum(cbp, 0)]), next_orth),
                                          cbp >= 0)

    # depth below the nearest cue word, and the subordinate structures on the way
    node = idx.copy()
    depth = np.full(n, -1, dtype=np.int64)
    top = np.zeros(n, dtype=np.int64)
    anc = np.zeros(n, dtype=np.int64)
    live = np.ones(n, dtype=bool)
    for step in range(10):
        head = heads[node]
        live &= head != node
        hit = live & cuelex[head]
        depth[hit] = step
        top[hit] = node[hit]
        live &= ~hit
        anc[live] |= sub_bit[node[live]]
        node = np.where(live, head, node)
    found = depth >= 0
    vals["cue_depth"] = _table_values(np.where(found, _bucket_idx(np.maximum(depth, 0)), len(_BUCKETS)),
                                      _BUCKETS + ("none",))
    vals["cue_path_top"] = _masked((dep.c[top], dep.n[top]), found)
    for b, d in enumerate(_SUB_ORDER):
        flags[f"anc:{d}"] = (anc >> b) & 1 != 0

    # distance to the nearest cue-lexicon word and rule cue in the sentence, either side
    rcue = np.array([t.endswith("CUE") for t in r_vals], dtype=bool)[r_inv]
    for mark, name in ((cuelex, "lex"), (rcue, "rcue")):
        last = np.maximum.accumulate(np.where(mark, idx, -1))
        nxt = np.minimum.accumulate(np.where(mark, idx, n)[::-1])[::-1]
        left_on = last >= start_i
        right_on = nxt < end_i
        none = len(_BUCKETS)
        vals[f"{name}_left"] = _table_values(np.where(left_on, _bucket_idx(idx - np.where(left_on, last, idx)), none),
                                             _BUCKETS + ("none",))
        vals[f"{name}_right"] = _table_values(np.where(right_on, _bucket_idx(np.where(right_on, nxt, idx) - idx), none),
                                              _BUCKETS + ("none",))


def _assemble(version: int, keep: np.ndarray, n: int, vals: dict[str, _Values], flags: dict[str, np.ndarray],
              w: _Values, r: _Values, sent_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The (features, tokens) table of value CRCs, lengths and presence for the whole
    document (a neighbour's feature is a shifted copy of the token's own row), then the
    kept tokens' columns, the key CRCs put in, flattened token by token."""
    own_values, own_flags = _layout(version)
    vkeys, key_table, fcrc = _key_columns(version)
    vrow = {k: i for i, k in enumerate(own_values)}
    frow = {k: i for i, k in enumerate(own_flags)}
    nb, nfb, nv, nf = len(own_values), len(own_flags), len(vkeys), len(fcrc)
    c_mat = np.empty((nv, n), dtype=np.uint32)
    n_mat = np.zeros((nv, n), dtype=np.int64)
    on = np.zeros((nv + nf, n), dtype=bool)
    for i, k in enumerate(own_values):
        v = vals[k]
        c_mat[i], n_mat[i] = v.c, v.n
        on[i] = True if v.on is None else v.on
    for i, k in enumerate(own_flags):
        on[nv + i] = flags[k]
    rv, rf = nb, nv + nfb
    for off in _OFFSETS:
        a = abs(off)
        lo, hi = max(0, -off), min(n, n - off)  # the tokens with a neighbour at off
        if hi <= lo:
            lo = hi = 0
        near_values, near_flags = _near(version, a)
        e = rv + len(near_values)
        src = [vrow[k] for k in near_values]
        c_mat[rv:e, lo:hi] = c_mat[src, lo + off:hi + off]
        n_mat[rv:e, lo:hi] = n_mat[src, lo + off:hi + off]
        on[rv:e, lo:hi] = on[src, lo + off:hi + off]
        rv = e
        if a == 1:
            for v in (w, r):
                c_mat[rv, lo:hi], n_mat[rv, lo:hi] = _bar((v.c[lo + off:hi + off], v.n[lo + off:hi + off]),
                                                          (v.c[lo:hi], v.n[lo:hi]))
                on[rv, lo:hi] = True
                rv += 1
        e = rf + len(near_flags)
        on[rf:e, lo:hi] = on[[nv + frow[k] for k in near_flags], lo + off:hi + off]
        rf = e
        if a == 1:
            on[rf, lo:hi] = sent_of[lo + off:hi + off] == sent_of[lo:hi]
            rf += 1
        on[rf] = True
        on[rf, lo:hi] = False
        rf += 1
    assert rv == nv and rf == nv + nf
    m = len(keep)
    if m != n or not np.array_equal(keep, np.arange(n)):
        c_mat, n_mat, on = c_mat[:, keep], n_mat[:, keep], on[:, keep]
    long = n_mat >= _LCAP
    any_long = bool(long.any())
    rows = (np.arange(nv, dtype=np.int64) * _LCAP)[:, None]
    all_crc = np.empty((nv + nf, m), dtype=np.uint32)
    crc = all_crc[:nv]
    np.bitwise_xor(c_mat, key_table.reshape(-1)[rows + (np.minimum(n_mat, _LCAP - 1) if any_long else n_mat)],
                   out=crc)
    if any_long:
        pre, _ = _crc_len([k + "=" for k in vkeys])
        for f, t in zip(*np.nonzero(long)):
            crc[f, t] = c_mat[f, t] ^ _shift(pre[f:f + 1], n_mat[f, t:t + 1])[0]
    all_crc[nv:] = fcrc[:, None]
    on_t = on.T
    ids = all_crc.T.ravel()[np.flatnonzero(on_t)]
    offsets = np.zeros(m + 1, dtype=np.int64)
    np.cumsum(on_t.sum(1), out=offsets[1:])
    return ids, offsets


def hashed_doc_features(doc: Doc, cues: frozenset[str], tokens: Sequence[int] | None = None,
                        rtags: list[str] | None = None, inq: Sequence[int] | None = None,
                        buckets: int = 20, version: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """What ``neural.hashed_features(features.doc_features(doc, cues, version=version,
    tokens=tokens, rtags=rtags, inq=inq), buckets)`` gives: (ids int64, flat; offsets,
    ``len(tokens) + 1``), the ids of a token in another order. Versions outside
    :data:`FAST_VERSIONS` are computed with the feature dicts."""
    if version not in FAST_VERSIONS:
        from .neural import hashed_features

        return hashed_features(doc_features(doc, cues, version=version, tokens=tokens, rtags=rtags,
                                            inq=None if inq is None else list(inq)), buckets)
    crc, offsets = doc_feature_crcs(doc, cues, tokens, rtags, inq, version)
    return crc.astype(np.int64) & ((1 << buckets) - 1), offsets
