"""Training the BiLSTM-CRF attribution tagger with torch (the optional ``train`` extra).

Torch is imported here only; the trained weights are exported as a numpy ``.npz`` that
:mod:`communique.extract.attribution.neural` runs without torch. Training is seeded and single-threaded
(reproducible on one machine). Each epoch goes over the training articles cut into
windows of ``window`` tokens at a seeded random offset, in batches; after each epoch the
model is scored on dev (the quote evaluation's metrics) and the best epoch is kept.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelNotInstalledError
from ..extract.attribution.features import doc_features
from ..extract.attribution.linking import LinkOptions, link_spans
from ..extract.attribution.model import decode_spans
from ..extract.attribution.neural import (
    LABELS,
    WEIGHTS_FILE,
    bio_constraints,
    decode,
    hashed_features,
)
from .corpus import Example

NEURAL_FEATURES_VERSION = 4  # the CRF's feature dicts without the cluster features: the
# network reads the context vectors themselves

DEFAULTS: dict[str, Any] = {"buckets": 17, "embed": 32, "tensor_proj": 64, "hidden": 128, "dropout": 0.3,
                            "feature_dropout": 0.1, "window": 160, "batch": 32, "epochs": 12, "lr": 0.002,
                            "clip": 5.0, "threads": 1, "average_from": 0}


def _torch() -> Any:
    try:
        import torch
    except ImportError as exc:
        raise ModelNotInstalledError(
            "training the BiLSTM-CRF attribution model needs torch: `pip install 'communique[train]'` "
            "(torch==2.13.0, CPU); running a trained model does not", model="bilstm-crf") from exc
    return torch


def fix_bio(y: np.ndarray) -> np.ndarray:
    """Gold labels made valid BIO: an ``I-X`` that does not follow ``B-X``/``I-X`` (a window
    cut inside a span, or two overlapping gold roles) becomes ``B-X``."""
    y = y.copy()
    for t in range(len(y)):
        if LABELS[y[t]].startswith("I-") and (t == 0 or LABELS[y[t - 1]][2:] != LABELS[y[t]][2:]):
            y[t] -= 1
    return y


def encode(examples: Sequence[Example], cues: frozenset[str], buckets: int) -> list[dict[str, Any]]:
    """Per article: hashed feature ids and offsets, context vectors and gold label ids."""
    out = []
    index = {lab: i for i, lab in enumerate(LABELS)}
    for ex in examples:
        if not len(ex.doc):
            continue
        ids, offs = hashed_features(doc_features(ex.doc, cues, version=NEURAL_FEATURES_VERSION), buckets)
        t = ex.doc.tensor
        tensor = (np.asarray(t, dtype=np.float32) if t is not None and getattr(t, "shape", (0,))[0] == len(ex.doc)
                  else np.zeros((len(ex.doc), 96), dtype=np.float32))
        out.append({"name": ex.name, "ids": ids, "offs": offs, "tensor": tensor,
                    "y": np.array([index[lab] for lab in ex.labels], dtype=np.int64)})
    return out


def _windows(docs: Sequence[dict[str, Any]], width: int, rng: random.Random) -> list[dict[str, Any]]:
    out = []
    for d in docs:
        n = len(d["y"])
        cuts = sorted({0, n, *range(rng.randrange(width), n, width)})
        for a, b in zip(cuts, cuts[1:]):
            if b - a < 2:
                continue
            offs = d["offs"]
            out.append({"ids": d["ids"][offs[a]:offs[b]], "offs": offs[a:b + 1] - offs[a],
                        "tensor": d["tensor"][a:b], "y": fix_bio(d["y"][a:b])})
    return out


def build_network(hp: dict[str, Any], tensor_width: int) -> Any:
    """The torch module (its parameter names are the keys of the exported ``.npz``)."""
    torch = _torch()
    nn = torch.nn
    n_labels = len(LABELS)
    trans_mask, start_mask = (torch.from_numpy(m) for m in bio_constraints())

    class BiLSTMCRF(nn.Module):  # type: ignore[name-defined]
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.EmbeddingBag(1 << hp["buckets"], hp["embed"], mode="sum", sparse=True)
            nn.init.normal_(self.emb.weight, 0.0, 0.05)
            self.tproj = nn.Linear(tensor_width, hp["tensor_proj"])
            self.lstm = nn.LSTM(hp["embed"] + hp["tensor_proj"], hp["hidden"], bidirectional=True, batch_first=True)
            self.out = nn.Linear(2 * hp["hidden"], n_labels)
            self.drop = nn.Dropout(hp["dropout"])
            self.trans = nn.Parameter(torch.zeros(n_labels, n_labels))
            self.start = nn.Parameter(torch.zeros(n_labels))
            self.end = nn.Parameter(torch.zeros(n_labels))
            self.register_buffer("trans_mask", trans_mask)
            self.register_buffer("start_mask", start_mask)

        def emissions(self, batch: Sequence[dict[str, Any]]) -> tuple[Any, list[int]]:
            xs = []
            for d in batch:
                ids = torch.from_numpy(d["ids"])
                offs = torch.from_numpy(d["offs"][:-1])
                weights = None
                if self.training and hp["feature_dropout"]:
                    weights = (torch.rand(len(ids)) > hp["feature_dropout"]).float()
                e = self.emb(ids, offs, per_sample_weights=weights)
                xs.append(torch.cat([e, torch.tanh(self.tproj(torch.from_numpy(d["tensor"])))], 1))
            lens = [len(x) for x in xs]
            x = self.drop(nn.utils.rnn.pad_sequence(xs, batch_first=True))
            packed = nn.utils.rnn.pack_padded_sequence(x, lens, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True)
            return self.out(self.drop(h)), lens

        def nll(self, em: Any, lens: list[int], ys: Sequence[np.ndarray]) -> Any:
            """Mean per-token negative log-likelihood of the gold paths under the CRF."""
            b, steps, _ = em.shape
            trans = self.trans + self.trans_mask
            start = self.start + self.start_mask
            lengths = torch.tensor(lens)
            mask = torch.arange(steps)[None, :] < lengths[:, None]
            y = torch.zeros(b, steps, dtype=torch.long)
            for i, yi in enumerate(ys):
                y[i, :len(yi)] = torch.from_numpy(yi)
            gold = start[y[:, 0]] + em[:, 0].gather(1, y[:, :1]).squeeze(1)
            alpha = start[None] + em[:, 0]
            for t in range(1, steps):
                step = trans[y[:, t - 1], y[:, t]] + em[:, t].gather(1, y[:, t:t + 1]).squeeze(1)
                gold = gold + step * mask[:, t]
                nxt = torch.logsumexp(alpha[:, :, None] + trans[None] + em[:, t, None, :], 1)
                alpha = torch.where(mask[:, t:t + 1], nxt, alpha)
            gold = gold + self.end[y.gather(1, (lengths - 1)[:, None]).squeeze(1)]
            log_z = torch.logsumexp(alpha + self.end[None], 1)
            return (log_z - gold).sum() / sum(lens)

    return BiLSTMCRF()


def export(net: Any, hp: dict[str, Any], path: Path) -> None:
    """The network's parameters as a numpy ``.npz`` (embeddings in float16)."""
    arrays = {k: v.detach().cpu().numpy() for k, v in net.state_dict().items() if not k.endswith("_mask")}
    arrays["emb.weight"] = arrays["emb.weight"].astype(np.float16)
    arrays["buckets"] = np.array(hp["buckets"])
    np.savez(path, **arrays)


def train_bilstm(train: Sequence[Example], dev: Sequence[Example], cues: frozenset[str], cfg: dict[str, Any],
                 out_dir: Path, link: LinkOptions, seed: int, say: Callable[[str], None],
                 score: Callable[[Sequence[Example], list[Any]], dict[str, Any]],
                 objective: Callable[[dict[str, Any]], float]) -> dict[str, Any]:
    """Train, keep the best dev epoch, write :data:`WEIGHTS_FILE` to ``out_dir``; returns
    the chosen epoch, its dev summary and the timings."""
    torch = _torch()
    hp = dict(DEFAULTS, **cfg.get("neural", {}))
    torch.manual_seed(seed)
    torch.set_num_threads(int(hp["threads"]))
    rng = random.Random(seed)
    t0 = time.perf_counter()
    train_docs = encode(train, cues, int(hp["buckets"]))
    dev_docs = {d["name"]: d for d in encode(dev, cues, int(hp["buckets"]))}
    say(f"hashed features of {sum(len(d['y']) for d in train_docs)} train tokens in {time.perf_counter() - t0:.0f} s")
    width = train_docs[0]["tensor"].shape[1] if train_docs else 96
    net = build_network(hp, width)
    dense = [p for n, p in net.named_parameters() if not n.startswith("emb.")]
    opt_dense = torch.optim.Adam(dense, lr=float(hp["lr"]))
    opt_emb = torch.optim.SparseAdam(list(net.emb.parameters()), lr=float(hp["lr"]))
    out_dir.mkdir(parents=True, exist_ok=True)
    best: tuple[float, int, dict[str, Any], bool] | None = None  # objective, epoch, summary, averaged
    t_train = time.perf_counter()
    for epoch in range(int(hp["epochs"])):
        t_ep = time.perf_counter()
        net.train()
        chunks = _windows(train_docs, int(hp["window"]), rng)
        rng.shuffle(chunks)
        total = 0.0
        for k in range(0, len(chunks), int(hp["batch"])):
            batch = chunks[k:k + int(hp["batch"])]
            em, lens = net.emissions(batch)
            loss = net.nll(em, lens, [d["y"] for d in batch])
            opt_dense.zero_grad()
            opt_emb.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(dense, float(hp["clip"]))
            opt_dense.step()
            opt_emb.step()
            total += loss.item() * len(batch)
        summary = _evaluate(net, dev, dev_docs, link, score)
        obj = objective(summary)
        say(f"  epoch {epoch + 1}: loss {total / max(len(chunks), 1):.4f}; dev {_short(summary)} "
            f"({time.perf_counter() - t_ep:.0f} s)")
        if best is None or obj > best[0]:
            best = (obj, epoch + 1, summary, False)
            export(net, hp, out_dir / WEIGHTS_FILE)
        if hp["average_from"] and epoch + 1 >= int(hp["average_from"]):
            # the running mean of the weights after each epoch from `average_from` on
            current = {k: v.detach().clone() for k, v in net.state_dict().items()}
            n_avg = epoch + 2 - int(hp["average_from"])
            if n_avg == 1:
                average = {k: v.clone() for k, v in current.items()}
            else:
                for k in average:
                    average[k] += (current[k] - average[k]) / n_avg
            net.load_state_dict(average)
            summary = _evaluate(net, dev, dev_docs, link, score)
            say(f"  mean of epochs {hp['average_from']}-{epoch + 1}: dev {_short(summary)}")
            if objective(summary) > best[0]:
                best = (objective(summary), epoch + 1, summary, True)
                export(net, hp, out_dir / WEIGHTS_FILE)
            net.load_state_dict(current)
    assert best is not None
    return {"epoch": best[1], "averaged": best[3], "summary": best[2],
            "train_seconds": round(time.perf_counter() - t_train, 1), "hyperparameters": hp}


def _short(m: dict[str, Any]) -> str:
    ex = m["exact"]
    return (f"source {ex['source']['f1']:.3f} cue {ex['cue']['f1']:.3f} content {ex['content']['f1']:.3f}; "
            f"attribution {m['e2e']['all']['attribution']['f1']:.3f}")


def _evaluate(net: Any, dev: Sequence[Example], dev_docs: dict[str, dict[str, Any]], link: LinkOptions,
              score: Callable[[Sequence[Example], list[Any]], dict[str, Any]]) -> dict[str, Any]:
    torch = _torch()
    net.eval()
    trans = (net.trans + net.trans_mask).detach().numpy()
    start = (net.start + net.start_mask).detach().numpy()
    end = net.end.detach().numpy()
    preds: list[Any] = []
    with torch.no_grad():
        for ex in dev:
            d = dev_docs.get(ex.name)
            if d is None:
                preds.append([])
                continue
            labels, probs, _ = decode(net.emissions([d])[0][0].numpy(), trans, start, end)
            preds.append(link_spans(ex.doc, decode_spans(ex.doc, labels, probs), link))
    return score(dev, preds)


__all__ = ["DEFAULTS", "build_network", "encode", "export", "fix_bio", "train_bilstm"]
