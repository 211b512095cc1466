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
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

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
    _w_hh_both: np.ndarray = field(init=False, repr=False, compare=False)
    _w_ih_both: np.ndarray = field(init=False, repr=False, compare=False)
    _b_both: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Both directions advance in one step. The 8H gate columns are reordered from torch's
        # (direction, gate) order [i f g o | i f g o] to (gate, direction) order
        # [i i | f f | o o | g g], so that one tanh covers every gate and the state is [fwd, bwd].
        hsz = self.w_hh[0].shape[1]
        blocks = {(d, g): np.arange((4 * d + g) * hsz, (4 * d + g + 1) * hsz) for d in (0, 1) for g in range(4)}
        perm = np.concatenate([blocks[(d, g)] for g in (0, 1, 3, 2) for d in (0, 1)])
        both = np.zeros((2 * hsz, 8 * hsz), dtype=np.float32)  # block-diagonal, transposed
        both[:hsz, :4 * hsz] = self.w_hh[0].T
        both[hsz:, 4 * hsz:] = self.w_hh[1].T
        object.__setattr__(self, "_w_hh_both", np.ascontiguousarray(both[:, perm]))
        # the input weights of both directions, (E+P, 8H), in the same column order
        w_in = np.concatenate([self.w_ih[0].T, self.w_ih[1].T], axis=1)
        object.__setattr__(self, "_w_ih_both", np.ascontiguousarray(w_in[:, perm]))
        object.__setattr__(self, "_b_both", np.concatenate(self.b)[perm])

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


def _recurrence(xw: np.ndarray, w_hh_both: np.ndarray, hidden: int) -> np.ndarray:
    """The recurrent steps of M networks over C sequences at once: ``xw`` (M, C, T, 8H),
    ``w_hh_both`` (M, 2H, 8H); returns the (M, C, T, 2H) states in step order."""
    m, nc, n = xw.shape[0], xw.shape[1], xw.shape[2]
    h2 = 2 * hidden
    scale = np.full(4 * h2, 0.5, dtype=np.float32)
    scale[3 * h2:] = 1.0  # sigmoid(x) = (tanh(x/2) + 1) / 2 for i, f, o; tanh for g
    steps = np.empty((m, nc, n, h2), dtype=np.float32)
    h = np.zeros((m, nc, h2), dtype=np.float32)
    c = np.zeros((m, nc, h2), dtype=np.float32)
    # the same operations in the same order, written into buffers allocated once
    z = np.empty((m, nc, 4 * h2), dtype=np.float32)
    sig = np.empty((m, nc, 3 * h2), dtype=np.float32)
    ig = np.empty((m, nc, h2), dtype=np.float32)
    tc = np.empty((m, nc, h2), dtype=np.float32)
    i_gate, f_gate, o_gate, g_gate = sig[..., :h2], sig[..., h2:2 * h2], sig[..., 2 * h2:], z[..., 3 * h2:]
    for t in range(n):
        np.matmul(h, w_hh_both, out=z)
        np.add(xw[:, :, t], z, out=z)
        np.multiply(z, scale, out=z)
        np.tanh(z, out=z)
        np.multiply(z[..., :3 * h2], 0.5, out=sig)
        np.add(sig, 0.5, out=sig)
        np.multiply(f_gate, c, out=c)
        np.multiply(i_gate, g_gate, out=ig)
        np.add(c, ig, out=c)
        np.tanh(c, out=tc)
        np.multiply(o_gate, tc, out=h)
        steps[:, :, t] = h
    return steps


def _bilstm(xw: np.ndarray, w_hh_both: np.ndarray, hidden: int) -> np.ndarray:
    """Both directions of M networks in one loop. ``xw`` (M, T, 8H) holds, at step t, the
    input part of the forward gates of token t and of the backward gates of token T-1-t, in
    [i i | f f | o o | g g] order; ``w_hh_both`` (M, 2H, 8H). Returns the (M, T, 2H) states
    [forward, backward] per token."""
    steps = _recurrence(xw[:, None], w_hh_both, hidden)[:, 0]
    out = np.empty_like(steps)
    out[:, :, :hidden] = steps[:, :, :hidden]
    out[:, :, hidden:] = steps[:, ::-1, hidden:]
    return out


def _lstm_inputs(w: NeuralWeights, emb: np.ndarray, tensor: np.ndarray | None) -> np.ndarray:
    """(T, 8H): the input part of the gates, ordered for :func:`_bilstm` (the backward
    direction's columns reversed in time)."""
    n = len(emb)
    if tensor is None or getattr(tensor, "shape", (0,))[0] != n or tensor.shape[1] != w.tensor_width:
        tensor = np.zeros((n, w.tensor_width), dtype=np.float32)
    proj = np.tanh(np.asarray(tensor, dtype=np.float32) @ w.tproj_w.T + w.tproj_b)
    xw = np.concatenate([emb, proj], axis=1) @ w._w_ih_both + w._b_both
    blocks = xw.reshape(n, 4, 2, w.hidden)
    blocks[:, :, 1] = blocks[::-1, :, 1].copy()
    return xw


class Networks(tuple):
    """The networks of one model (a tuple of :class:`NeuralWeights`), with what tagging
    derives from them computed once: their embedding tables side by side (one gather for
    all), their recurrent matrices stacked, and the mean of their CRF transitions."""

    @cached_property
    def table(self) -> np.ndarray:
        return self[0].emb if len(self) == 1 else np.ascontiguousarray(np.concatenate([w.emb for w in self], axis=1))

    @cached_property
    def w_hh(self) -> np.ndarray:
        return np.stack([w._w_hh_both for w in self])

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


@lru_cache(maxsize=1)
def _blas_controller() -> Any:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - a dependency of the default install
        return None
    return ThreadpoolController()


def _one_blas_thread() -> Any:
    """A context in which BLAS runs on one thread: the recurrent step is a small
    matrix-vector product, which threads only slow down on a busy machine."""
    controller = _blas_controller()
    return controller.limit(limits=1, user_api="blas") if controller is not None else nullcontext()


def _emissions_many(nets: Networks, n: int, tensor: np.ndarray | None,
                    hashed: dict[int, tuple[np.ndarray, np.ndarray]]) -> list[np.ndarray]:
    hidden = {w.hidden for w in nets}
    if len(hidden) != 1 or len({w.buckets for w in nets}) != 1:  # run one after the other
        return [e for w in nets for e in _emissions_many(Networks([w]), n, tensor, hashed)]
    embs = _summed_embeddings(nets, n, hashed[nets[0].buckets])
    xw = np.stack([_lstm_inputs(w, e, tensor) for w, e in zip(nets, embs)])
    with _one_blas_thread():
        states = _bilstm(xw, nets.w_hh, hidden.pop())
    return [st @ w.out_w.T + w.out_b for st, w in zip(states, nets)]


def emissions(w: NeuralWeights, feats: Sequence[dict[str, object]], tensor: np.ndarray | None,
              hashed: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Label scores (T, L) for one article's feature dicts and context vectors (``hashed``:
    :func:`hashed_features` of ``feats`` when already computed)."""
    hashed = hashed if hashed is not None else hashed_features(feats, w.buckets)
    return _emissions_many(Networks([w]), len(feats), tensor, {w.buckets: hashed})[0]


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
    """:func:`marginals` of C padded sequences at once: (C, T, L)."""
    nc, n, k = em.shape
    em = em.astype(np.float64)
    alpha = np.empty((nc, n, k), dtype=np.float64)
    beta = np.empty((nc, n, k), dtype=np.float64)
    alpha[:, 0] = start + em[:, 0]
    full = bool(active.all())  # no padding: each step's result is kept as it is
    for t in range(1, n):
        step = _logsumexp(alpha[:, t - 1, :, None] + trans, 1) + em[:, t]
        alpha[:, t] = step if full else np.where(active[:, t, None], step, alpha[:, t - 1])
    beta[:, -1] = end
    for t in range(n - 2, -1, -1):
        step = _logsumexp(trans[None] + (em[:, t + 1] + beta[:, t + 1])[:, None, :], 2)
        beta[:, t] = step if full else np.where(active[:, t + 1, None], step, end)
    last = active.sum(1) - 1
    log_z = _logsumexp(alpha[np.arange(nc), last] + end, 1)
    return np.exp(alpha + beta - log_z[:, None, None])


def _chunk_emissions(nets: Networks, tensor_rows: np.ndarray | None, feats: Sequence[dict[str, object]],
                     lengths: np.ndarray) -> list[np.ndarray]:
    """Per network, the label scores (N, L) of the N tokens of chunks of ``lengths`` (their
    feature dicts and context vectors in chunk order), each chunk a sequence of its own."""
    if len({w.hidden for w in nets}) != 1 or len({w.buckets for w in nets}) != 1:  # one after the other
        return [e for w in nets for e in _chunk_emissions(Networks([w]), tensor_rows, feats, lengths)]
    hidden = nets[0].hidden
    total = int(lengths.sum())
    embs = _summed_embeddings(nets, total, hashed_features(feats, nets[0].buckets))
    nc, n = len(lengths), int(lengths.max())
    offs = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    t_idx = np.arange(n)
    active = t_idx[None, :] < lengths[:, None]
    fwd = np.where(active, offs[:, None] + t_idx[None, :], total)  # total: an all-zero row
    bwd = np.where(active, offs[:, None] + lengths[:, None] - 1 - t_idx[None, :], total)
    xws = np.empty((len(nets), nc, n, 4, 2, hidden), dtype=np.float32)
    for m, (w, e) in enumerate(zip(nets, embs)):
        if tensor_rows is None or tensor_rows.shape[1] != w.tensor_width:
            tr = np.zeros((total, w.tensor_width), dtype=np.float32)
        else:
            tr = np.asarray(tensor_rows, dtype=np.float32)
        proj = np.tanh(tr @ w.tproj_w.T + w.tproj_b)
        xw = np.empty((total + 1, 8 * hidden), dtype=np.float32)
        np.matmul(np.concatenate([e, proj], axis=1), w._w_ih_both, out=xw[:total])
        xw[:total] += w._b_both
        xw[total] = 0.0
        gates = xw.reshape(total + 1, 4, 2, hidden)
        xws[m, :, :, :, 0] = gates[:, :, 0][fwd]  # forward gates in token order
        xws[m, :, :, :, 1] = gates[:, :, 1][bwd]  # backward gates in reverse order
    with _one_blas_thread():
        steps = _recurrence(xws.reshape(len(nets), nc, n, 8 * hidden), nets.w_hh, hidden)  # (M, C, T, 2H)
    # back to token order: forward states at step t are token t's, backward ones token L-1-t's
    chunk_of = np.repeat(np.arange(nc), lengths)
    pos = np.arange(total) - offs[chunk_of]
    states = np.concatenate([steps[:, chunk_of, pos, :hidden],
                             steps[:, chunk_of, lengths[chunk_of] - 1 - pos, hidden:]], axis=2)
    return [st @ w.out_w.T + w.out_b for st, w in zip(states, nets)]


def tag_chunks(members: Sequence[NeuralWeights], doc: Doc, feats: Sequence[dict[str, object]],
               chunks: Sequence[tuple[int, int]]) -> tuple[list[str], list[float]]:
    """Best labels and the marginal probability of each for the tokens of ``chunks``
    (token ranges [start, end) of ``doc``, each tagged as a sequence of its own), whose
    feature dicts ``feats`` are given in chunk order. All chunks advance together: one
    padded batch through the recurrent steps and the CRF, as many steps as the longest."""
    nets = members if isinstance(members, Networks) else Networks(members)
    chunks = [(a, b) for a, b in chunks if b > a]
    if not chunks:
        return [], []
    lengths = np.array([b - a for a, b in chunks], dtype=np.int64)
    tensor = doc.tensor if doc.tensor is not None and doc.tensor.size else None
    tensor_rows = None
    if tensor is not None and tensor.shape[0] == len(doc):
        tensor_rows = tensor[np.concatenate([np.arange(a, b) for a, b in chunks])]
    em = sum(_chunk_emissions(nets, tensor_rows, feats, lengths)) / float(len(nets))  # (N, L)
    nc, n = len(chunks), int(lengths.max())
    offs = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    chunk_of = np.repeat(np.arange(nc), lengths)
    pos = np.arange(int(lengths.sum())) - offs[chunk_of]
    active = np.arange(n)[None, :] < lengths[:, None]
    em_pad = np.zeros((nc, n, len(LABELS)), dtype=np.float32)
    em_pad[chunk_of, pos] = em
    trans, start, end = nets.crf
    best = _viterbi_batch(em_pad, active, trans, start, end)
    marg = _marginals_batch(em_pad, active, trans, start, end)
    ids = best[chunk_of, pos]
    return [LABELS[i] for i in ids], marg[chunk_of, pos, ids].tolist()


def tag(members: Sequence[NeuralWeights], doc: Doc,
        feats: Sequence[dict[str, object]]) -> tuple[list[str], list[float], np.ndarray]:
    """Best labels, the marginal probability of each, and all marginals (T, L).

    With several members (networks trained with different seeds) the CRF scores are
    averaged, emissions and transitions alike: one CRF whose potentials are the members'
    mean (a product of experts), decoded once. Pass a :class:`Networks` (as the loaded
    model holds) to reuse what is derived from the weights."""
    nets = members if isinstance(members, Networks) else Networks(members)
    tensor = doc.tensor if doc.tensor is not None and doc.tensor.size else None
    hashed = {b: hashed_features(feats, b) for b in {w.buckets for w in nets}}
    em = np.add.reduce(_emissions_many(nets, len(feats), tensor, hashed)) / float(len(nets))
    return decode(em, *nets.crf)
