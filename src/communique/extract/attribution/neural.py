"""The neural attribution tagger (BiLSTM-CRF), run with numpy alone.

Training needs torch (the optional ``train`` extra, :mod:`communique.learn.train_neural`);
running the trained model does not. The network, per token:

- the sum of embeddings of the token's hashed feature strings (the CRF's feature dicts,
  :func:`feature_strings`, hashed with CRC-32 into ``2**buckets`` rows);
- ``tanh(W_t · tensor + b_t)``: a projection of the pipeline's context vector (``doc.tensor``,
  zeros when the Doc has none);
- both concatenated into a one-layer bidirectional LSTM over the whole article, a linear
  layer to one score per BIO label, and a linear-chain CRF over the labels (learned
  transitions, with the BIO constraints ``O -> I-X`` forbidden).

The weights are one ``.npz`` per network (:data:`WEIGHTS_FILE`, then ``bilstm-2.npz``...,
listed in the model's ``meta.json`` as ``members``) whose arrays are named after the torch
parameters; :func:`emissions` reproduces the torch forward pass (checked by the tests), and
:func:`tag` averages the CRF scores of several networks.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from ..blas_threads import one_blas_thread
from ..doc_tokens import token_table

WEIGHTS_FILE = "bilstm.npz"
LABELS = ("O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT")
_FORBIDDEN = -1e4


def feature_strings(feats: dict[str, object]) -> list[str]:
    """The active features of one token's feature dict as strings: ``key=value`` for
    string and integer values, ``key`` for true flags and real values; false flags and the
    constant ``bias`` are left out. Exact types decide (``True``, ``1`` and ``1.0`` are
    three different features)."""
    out = []
    for k, v in feats.items():
        t = v.__class__
        if t is bool:
            if v:
                out.append(k)
        elif t is float:
            if k != "bias":
                out.append(k)
        else:
            out.append(f"{k}={v}")
    return out


# CRC-32 of the feature strings seen (most recur across tokens and articles): a string is
# hashed once per process; the table is emptied when it reaches _CRC_MAX strings.
_CRC: dict[str, int] = {}
_CRC_MAX = 1 << 20


def _crc(s: str) -> int:
    v = zlib.crc32(s.encode())
    if len(_CRC) >= _CRC_MAX:
        _CRC.clear()
    _CRC[s] = v
    return v


def hashed_features(feats: Sequence[dict[str, object]], buckets: int) -> tuple[np.ndarray, np.ndarray]:
    """(ids, offsets): the CRC-32 bucket of every :func:`feature_strings` string of every
    token, flat, and the start of each token's run in it (``len(feats) + 1`` offsets)."""
    get = _CRC.get
    codes: list[int] = []
    add = codes.append
    offs = [0]
    for f in feats:
        for k, v in f.items():  # feature_strings(f), inlined: it runs for every token
            t = v.__class__
            if t is str:
                s = k + "=" + v  # type: ignore[operator]
            elif t is bool:
                if not v:
                    continue
                s = k
            elif t is float:
                if k == "bias":
                    continue
                s = k
            else:
                s = f"{k}={v}"
            c = get(s)
            add(_crc(s) if c is None else c)
        offs.append(len(codes))
    ids = np.asarray(codes, dtype=np.int64) & ((1 << buckets) - 1)
    return ids, np.asarray(offs, dtype=np.int64)


def bio_constraints() -> tuple[np.ndarray, np.ndarray]:
    """(transition mask, start mask): 0 where allowed, a large negative score where an
    ``I-X`` would follow anything but ``B-X``/``I-X`` or open the sequence."""
    n = len(LABELS)
    trans = np.zeros((n, n), dtype=np.float32)
    for j, lj in enumerate(LABELS):
        if lj.startswith("I-"):
            for i, li in enumerate(LABELS):
                if li[2:] != lj[2:]:
                    trans[i, j] = _FORBIDDEN
    start = np.array([_FORBIDDEN if lab.startswith("I-") else 0.0 for lab in LABELS], dtype=np.float32)
    return trans, start


@dataclass(frozen=True)
class NeuralWeights:
    """The arrays of a trained BiLSTM-CRF (float32 except the embedding table)."""

    buckets: int
    emb: np.ndarray  # (2**buckets, E)
    tproj_w: np.ndarray  # (P, D)
    tproj_b: np.ndarray
    w_ih: tuple[np.ndarray, np.ndarray]  # forward, backward: (4H, E+P)
    w_hh: tuple[np.ndarray, np.ndarray]  # (4H, H)
    b: tuple[np.ndarray, np.ndarray]  # b_ih + b_hh, (4H,)
    out_w: np.ndarray  # (L, 2H)
    out_b: np.ndarray
    trans: np.ndarray  # (L, L), constraints included
    start: np.ndarray
    end: np.ndarray
    _w_hh_dirs: np.ndarray = field(init=False, repr=False, compare=False)
    _w_ih_both: np.ndarray = field(init=False, repr=False, compare=False)
    _b_both: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Each direction's 4H gate rows are reordered from torch's [i f g o] to [i f o g], so
        # that one tanh covers the three sigmoid gates (and g) of both directions at once.
        hsz = self.w_hh[0].shape[1]
        perm = np.concatenate([np.arange(g * hsz, (g + 1) * hsz) for g in (0, 1, 3, 2)])
        # the recurrent weights of each direction, transposed: (2, H, 4H)
        object.__setattr__(self, "_w_hh_dirs", np.ascontiguousarray(np.stack([w[perm].T for w in self.w_hh])))
        # the input weights of both directions side by side, (E+P, 8H): [forward | backward]
        w_in = np.concatenate([self.w_ih[0][perm].T, self.w_ih[1][perm].T], axis=1)
        object.__setattr__(self, "_w_ih_both", np.ascontiguousarray(w_in))
        object.__setattr__(self, "_b_both", np.concatenate([self.b[0][perm], self.b[1][perm]]))

    @property
    def hidden(self) -> int:
        return int(self.w_hh[0].shape[1])

    @property
    def tensor_width(self) -> int:
        return int(self.tproj_w.shape[1])


def load_weights(path: str | Path) -> NeuralWeights:
    """Read a :data:`WEIGHTS_FILE` written by the trainer."""
    with np.load(path) as z:
        a = {k: z[k] for k in z.files}
    f32 = np.float32
    trans, start = bio_constraints()
    return NeuralWeights(
        buckets=int(a["buckets"]),
        emb=a["emb.weight"].astype(f32),  # float16 on disk
        tproj_w=a["tproj.weight"].astype(f32), tproj_b=a["tproj.bias"].astype(f32),
        w_ih=(a["lstm.weight_ih_l0"].astype(f32), a["lstm.weight_ih_l0_reverse"].astype(f32)),
        w_hh=(a["lstm.weight_hh_l0"].astype(f32), a["lstm.weight_hh_l0_reverse"].astype(f32)),
        b=((a["lstm.bias_ih_l0"] + a["lstm.bias_hh_l0"]).astype(f32),
           (a["lstm.bias_ih_l0_reverse"] + a["lstm.bias_hh_l0_reverse"]).astype(f32)),
        out_w=a["out.weight"].astype(f32), out_b=a["out.bias"].astype(f32),
        trans=a["trans"].astype(f32) + trans, start=a["start"].astype(f32) + start, end=a["end"].astype(f32),
    )


def _recurrence(xs: np.ndarray, w_hh: np.ndarray, hidden: int, live: np.ndarray | None = None) -> np.ndarray:
    """The recurrent steps of M networks, both directions, over C sequences at once: ``xs``
    (T, M, 2, C, 4H) holds at step t the input part of the gates (order [i f o g]) of each
    direction's t-th token (the backward direction's tokens in reverse order); ``w_hh``
    (M, 2, H, 4H). Returns the (T, M, 2, C, H) states in step order. Each direction is its own
    matrix product (no block-diagonal product that would multiply zeros).

    ``live``: with the sequences ordered longest first, how many are still running at each
    step; the others are not advanced (their states there are zeros, padding)."""
    n = xs.shape[0]
    shape = xs.shape[1:4]
    steps = np.zeros((n, *shape, hidden), dtype=np.float32)
    h = np.zeros((*shape, hidden), dtype=np.float32)
    c = np.zeros((*shape, hidden), dtype=np.float32)
    # the same operations in the same order, written into buffers allocated once
    z = np.empty((*shape, 4 * hidden), dtype=np.float32)
    sig = np.empty((*shape, 3 * hidden), dtype=np.float32)
    ig = np.empty((*shape, hidden), dtype=np.float32)
    tc = np.empty((*shape, hidden), dtype=np.float32)
    scale = np.full(4 * hidden, 0.5, dtype=np.float32)
    scale[3 * hidden:] = 1.0  # sigmoid(x) = (tanh(x/2) + 1) / 2 for i, f, o; tanh for g
    k_was = -1
    for t in range(n):
        k = shape[2] if live is None else int(live[t])
        if k != k_was:  # views of the running sequences (a prefix), made again when one ends
            k_was = k
            hk, ck, zk, sk, igk, tck = (a[..., :k, :] for a in (h, c, z, sig, ig, tc))
            i_gate, f_gate, o_gate = sk[..., :hidden], sk[..., hidden:2 * hidden], sk[..., 2 * hidden:]
            g_gate, zs = zk[..., 3 * hidden:], zk[..., :3 * hidden]
        np.matmul(hk, w_hh, out=zk)
        np.add(xs[t, :, :, :k], zk, out=zk)
        np.multiply(zk, scale, out=zk)
        np.tanh(zk, out=zk)
        np.multiply(zs, 0.5, out=sk)
        np.add(sk, 0.5, out=sk)
        np.multiply(f_gate, ck, out=ck)
        np.multiply(i_gate, g_gate, out=igk)
        np.add(ck, igk, out=ck)
        np.tanh(ck, out=tck)
        np.multiply(o_gate, tck, out=hk)
        steps[t, :, :, :k] = hk
    return steps


class Networks(tuple):
    """The networks of one model (a tuple of :class:`NeuralWeights`), with what tagging
    derives from them computed once: their embedding tables side by side (one gather for
    all), their recurrent matrices stacked, and the mean of their CRF transitions."""

    @cached_property
    def table(self) -> np.ndarray:
        return self[0].emb if len(self) == 1 else np.ascontiguousarray(np.concatenate([w.emb for w in self], axis=1))

    @cached_property
    def w_hh(self) -> np.ndarray:
        """(M, 2, H, 4H)"""
        return np.stack([w._w_hh_dirs for w in self])

    @cached_property
    def crf(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Mean (transitions, start, end) scores."""
        k = float(len(self))
        return (sum(w.trans for w in self) / k, sum(w.start for w in self) / k, sum(w.end for w in self) / k)


_GATHER_TOKENS = 256


def _summed_embeddings(nets: Networks, n: int, hashed: tuple[np.ndarray, np.ndarray]) -> list[np.ndarray]:
    """Per network, the (T, E) sums of its embeddings of each token's features: a gather
    from the tables side by side, :data:`_GATHER_TOKENS` tokens at a time (the gathered
    rows stay in cache; each token's sum is the same)."""
    ids, offs = hashed
    table = nets.table
    summed = np.zeros((n, table.shape[1]), dtype=np.float32)
    nonempty = np.diff(offs) > 0
    for a in range(0, n, _GATHER_TOKENS):
        b = min(n, a + _GATHER_TOKENS)
        lo, hi = int(offs[a]), int(offs[b])
        if hi > lo:
            ne = nonempty[a:b]
            summed[a:b][ne] = np.add.reduceat(table[ids[lo:hi]], offs[a:b][ne] - lo, axis=0)
    out, col = [], 0
    for w in nets:
        out.append(summed[:, col:col + w.emb.shape[1]])
        col += w.emb.shape[1]
    return out


def _rows(tensor: np.ndarray | None, n: int) -> np.ndarray | None:
    """The context vectors of a Doc of ``n`` tokens, or None when it has none that fit."""
    if tensor is None or not getattr(tensor, "size", 0) or tensor.shape[0] != n:
        return None
    return np.asarray(tensor)


def emissions(w: NeuralWeights, feats: Sequence[dict[str, object]], tensor: np.ndarray | None,
              hashed: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Label scores (T, L) for one article's feature dicts and context vectors, the article
    read as one sequence (``hashed``: :func:`hashed_features` of ``feats`` when already
    computed)."""
    hashed = hashed if hashed is not None else hashed_features(feats, w.buckets)
    n = len(feats)
    with one_blas_thread():
        em = _window_emissions(Networks([w]), _rows(tensor, n), hashed, np.zeros(1, dtype=np.int64),
                               np.full(1, n, dtype=np.int64))
    return em[0]


def viterbi(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    """Best label sequence under the CRF scores."""
    n, k = em.shape
    back = np.zeros((n, k), dtype=np.int64)
    score = start + em[0]
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(0)
        score = cand.max(0) + em[t]
    best = [int((score + end).argmax())]
    for t in range(n - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return best[::-1]


def _logsumexp(a: np.ndarray, axis: int) -> np.ndarray:
    m = a.max(axis=axis, keepdims=True)
    return (m + np.log(np.exp(a - m).sum(axis=axis, keepdims=True))).squeeze(axis)


def marginals(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Per-token label marginals (T, L) by forward-backward."""
    n, k = em.shape
    alpha = np.empty((n, k), dtype=np.float64)
    beta = np.zeros((n, k), dtype=np.float64)
    alpha[0] = start + em[0]
    for t in range(1, n):
        alpha[t] = _logsumexp(alpha[t - 1][:, None] + trans, 0) + em[t]
    beta[-1] = end
    for t in range(n - 2, -1, -1):
        beta[t] = _logsumexp(trans + (em[t + 1] + beta[t + 1])[None, :], 1)
    log_z = _logsumexp(alpha[-1] + end, 0)
    return np.exp(alpha + beta - log_z)


def decode(em: np.ndarray, trans: np.ndarray, start: np.ndarray,
           end: np.ndarray) -> tuple[list[str], list[float], np.ndarray]:
    """Best labels under the CRF scores, the marginal probability of each, and all
    marginals (T, L)."""
    best = viterbi(em, trans, start, end)
    marg = marginals(em, trans, start, end)
    return [LABELS[i] for i in best], [float(marg[t, i]) for t, i in enumerate(best)], marg


def _viterbi_batch(em: np.ndarray, active: np.ndarray, trans: np.ndarray, start: np.ndarray,
                   end: np.ndarray) -> np.ndarray:
    """:func:`viterbi` of C padded sequences at once: ``em`` (C, T, L), ``active`` (C, T)
    true on the real steps (a prefix of each row); returns the (C, T) best label ids."""
    nc, n, k = em.shape
    back = np.empty((nc, n, k), dtype=np.int64)
    back[:, 0] = np.arange(k)
    score = start + em[:, 0]
    full = bool(active.all())  # no padding (one chunk, or all of one length): no np.where
    for t in range(1, n):
        cand = score[:, :, None] + trans
        if full:
            back[:, t] = cand.argmax(1)
            score = cand.max(1) + em[:, t]
            continue
        on = active[:, t, None]
        back[:, t] = np.where(on, cand.argmax(1), np.arange(k))  # padding: carried as it is
        score = np.where(on, cand.max(1) + em[:, t], score)
    best = np.empty((nc, n), dtype=np.int64)
    cur = (score + end).argmax(1)
    rows = np.arange(nc)
    for t in range(n - 1, -1, -1):
        best[:, t] = cur
        cur = back[rows, t, cur]
    return best


def _marginals_batch(em: np.ndarray, active: np.ndarray, trans: np.ndarray, start: np.ndarray,
                     end: np.ndarray) -> np.ndarray:
    """:func:`marginals` of C padded sequences at once: (C, T, L).

    Forward-backward in probability space, each step rescaled to sum 1 (a token's marginals
    are its forward and backward scores multiplied and normalised, so any per-step scale
    cancels): a matrix product per step instead of a log-sum-exp."""
    nc, n, k = em.shape
    em = em.astype(np.float64)
    ex = np.exp(em - em.max(axis=2, keepdims=True))
    a = np.exp(np.asarray(trans, dtype=np.float64))
    a_t = np.ascontiguousarray(a.T)
    fin = np.exp(end - np.max(end))
    alpha = np.empty((nc, n, k), dtype=np.float64)
    beta = np.empty((nc, n, k), dtype=np.float64)
    first = np.exp(start - np.max(start)) * ex[:, 0]
    alpha[:, 0] = first / first.sum(1, keepdims=True)
    full = bool(active.all())  # no padding: each step's result is kept as it is
    for t in range(1, n):
        step = (alpha[:, t - 1] @ a) * ex[:, t]
        step /= step.sum(1, keepdims=True)
        alpha[:, t] = step if full else np.where(active[:, t, None], step, alpha[:, t - 1])
    beta[:, -1] = fin
    for t in range(n - 2, -1, -1):
        step = (ex[:, t + 1] * beta[:, t + 1]) @ a_t
        step /= step.sum(1, keepdims=True)
        beta[:, t] = step if full else np.where(active[:, t + 1, None], step, fin)
    marg = alpha * beta
    total = marg.sum(2, keepdims=True)
    np.divide(marg, total, out=marg, where=total > 0)
    return marg


def _windows(chunks: Sequence[tuple[int, int]], sent_starts: frozenset[int],
             window: tuple[int, int] | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The sequences the network reads, in the flat array of the chunks' tokens (chunk
    order): (start, length) of each window and (offset in the window, length) of its core.
    Every token is in exactly one core. ``window`` (core, margin): each chunk's sentences are
    packed into cores of at most ``core`` tokens (a longer sentence is a core of its own),
    and each core is read with up to ``margin`` tokens of its chunk on either side; ``None``:
    each chunk is one window, its own core."""
    ws: list[int] = []
    wl: list[int] = []
    co: list[int] = []
    cl: list[int] = []
    flat = 0
    for a, b in chunks:
        cuts = [a]
        if window is not None and b - a > window[0] + 2 * window[1]:
            bounds = [i for i in range(a + 1, b) if i in sent_starts] + [b]
            for i, nxt in zip(bounds, bounds[1:]):
                if nxt - cuts[-1] > window[0]:  # the next sentence would overfill the core
                    cuts.append(i)
        cuts.append(b)
        margin = window[1] if window is not None else 0
        for s, e in zip(cuts, cuts[1:]):
            lo, hi = max(a, s - margin), min(b, e + margin)
            ws.append(flat + lo - a)
            wl.append(hi - lo)
            co.append(s - lo)
            cl.append(e - s)
        flat += b - a
    return (np.asarray(ws, dtype=np.int64), np.asarray(wl, dtype=np.int64),
            np.asarray(co, dtype=np.int64), np.asarray(cl, dtype=np.int64))


def _window_emissions(nets: Networks, tensor_rows: np.ndarray | None, hashed: tuple[np.ndarray, np.ndarray],
                      starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The mean label scores (C, T, L) of the networks over C windows of the flat token array
    (``starts``, ``lengths``; windows may overlap), zero-padded to the longest, each window a
    sequence of its own. ``tensor_rows`` and ``hashed`` hold the flat tokens' context vectors
    and :func:`hashed_features`."""
    if len({w.hidden for w in nets}) != 1 or len({w.buckets for w in nets}) != 1:  # one after the other
        each = [_window_emissions(Networks([w]), tensor_rows, hashed, starts, lengths) for w in nets]
        return np.asarray(np.add.reduce(each) / float(len(nets)), dtype=np.float32)
    hidden = nets[0].hidden
    total = len(hashed[1]) - 1
    embs = _summed_embeddings(nets, total, hashed)
    # the windows longest first: the recurrent steps advance only those still running
    order = np.argsort(-lengths, kind="stable")
    starts, lengths = starts[order], lengths[order]
    nc, n = len(lengths), int(lengths.max())
    t_idx = np.arange(n)
    active = t_idx[None, :] < lengths[:, None]
    fwd = np.where(active, starts[:, None] + t_idx[None, :], total)  # total: an all-zero row
    bwd = np.where(active, starts[:, None] + lengths[:, None] - 1 - t_idx[None, :], total)
    g = 4 * hidden
    xs = np.empty((n, len(nets), 2, nc, g), dtype=np.float32)
    for m, (w, e) in enumerate(zip(nets, embs)):
        if tensor_rows is None or tensor_rows.shape[1] != w.tensor_width:
            tr = np.zeros((total, w.tensor_width), dtype=np.float32)
        else:
            tr = np.asarray(tensor_rows, dtype=np.float32)
        proj = np.tanh(tr @ w.tproj_w.T + w.tproj_b)
        xw = np.empty((total + 1, 2 * g), dtype=np.float32)
        np.matmul(np.concatenate([e, proj], axis=1), w._w_ih_both, out=xw[:total])
        xw[:total] += w._b_both
        xw[total] = 0.0
        xs[:, m, 0] = xw[fwd.T, :g]  # forward gates in token order
        xs[:, m, 1] = xw[bwd.T, g:]  # backward gates in reverse order
    live = (lengths[None, :] > np.arange(n)[:, None]).sum(1)
    steps = _recurrence(xs, nets.w_hh, hidden, live)  # (T, M, 2, C, H)
    # back to window positions: forward states at step t are position t's, backward ones
    # position length-1-t's (padding positions read a padding step; they are masked later)
    back = np.where(active, lengths[:, None] - 1 - t_idx[None, :], t_idx[None, :])
    rows = np.arange(nc)[:, None]
    em = np.zeros((nc, n, len(LABELS)), dtype=np.float32)
    for m, w in enumerate(nets):
        states = np.concatenate([steps[:, m, 0].transpose(1, 0, 2), steps[:, m, 1][back, rows]], axis=2)
        em += states @ w.out_w.T + w.out_b
    em /= float(len(nets))
    em[~active] = 0.0
    out = np.empty_like(em)
    out[order] = em  # back to the windows' order
    return out


CORE_TOKENS = 48
MARGIN_TOKENS = 4


def tag_chunks(members: Sequence[NeuralWeights], doc: Doc, feats: Sequence[dict[str, object]],
               chunks: Sequence[tuple[int, int]], window: tuple[int, int] | None = (CORE_TOKENS, MARGIN_TOKENS),
               hashed: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[list[str], list[float]]:
    """Best labels and the marginal probability of each for the tokens of ``chunks``
    (token ranges [start, end) of ``doc``, each tagged as a sequence of its own), whose
    feature dicts ``feats`` are given in chunk order (``hashed``: their
    :func:`hashed_features`, when already computed).

    A long chunk is read in windows (``window`` = (core, margin), see :func:`_windows`): its
    sentences packed into cores of about ``core`` tokens, each read with ``margin`` tokens of
    context on either side, the labels of each token taken from its core. All windows of the
    document advance together, one padded batch through the recurrent steps and the CRF, as
    many steps as the longest window instead of the longest chunk. ``window=None`` reads each
    chunk whole."""
    nets = members if isinstance(members, Networks) else Networks(members)
    chunks = [(a, b) for a, b in chunks if b > a]
    if not chunks:
        return [], []
    tensor = _rows(doc.tensor, len(doc))
    tensor_rows = None if tensor is None else tensor[np.concatenate([np.arange(a, b) for a, b in chunks])]
    if hashed is None:
        hashed = hashed_features(feats, nets[0].buckets)
    sent_starts = frozenset(a for a, _ in token_table(doc).sentences) if window is not None else frozenset()
    starts, lengths, core_off, core_len = _windows(chunks, sent_starts, window)
    with one_blas_thread():
        em = _window_emissions(nets, tensor_rows, hashed, starts, lengths)  # (C, T, L)
        active = np.arange(em.shape[1])[None, :] < lengths[:, None]
        trans, start, end = nets.crf
        best = _viterbi_batch(em, active, trans, start, end)
        marg = _marginals_batch(em, active, trans, start, end)
    # each token's label from its window's core, in flat (chunk) order
    win = np.repeat(np.arange(len(core_len)), core_len)
    pos = core_off[win] + np.arange(int(core_len.sum())) - np.repeat(np.cumsum(core_len) - core_len, core_len)
    ids = best[win, pos]
    return [LABELS[i] for i in ids], marg[win, pos, ids].tolist()


def tag(members: Sequence[NeuralWeights], doc: Doc,
        feats: Sequence[dict[str, object]]) -> tuple[list[str], list[float], np.ndarray]:
    """Best labels, the marginal probability of each, and all marginals (T, L).

    With several members (networks trained with different seeds) the CRF scores are
    averaged, emissions and transitions alike: one CRF whose potentials are the members'
    mean (a product of experts), decoded once. Pass a :class:`Networks` (as the loaded
    model holds) to reuse what is derived from the weights."""
    nets = members if isinstance(members, Networks) else Networks(members)
    n = len(feats)
    if len({w.buckets for w in nets}) == 1:  # all networks in one batch
        with one_blas_thread():
            em = _window_emissions(nets, _rows(doc.tensor, n), hashed_features(feats, nets[0].buckets),
                                   np.zeros(1, dtype=np.int64), np.full(1, n, dtype=np.int64))[0]
    else:
        em = np.add.reduce([emissions(w, feats, doc.tensor) for w in nets]) / float(len(nets))
    return decode(em, *nets.crf)
