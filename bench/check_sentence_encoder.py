"""Check communique's numpy all-MiniLM-L6-v2 (extract/sentence_encoder.py) against transformers.

Usage (transformers and torch are not communique dependencies; a throwaway venv is enough):
    python -m venv /tmp/refvenv && /tmp/refvenv/bin/pip install transformers
    PYTHONPATH=src:.venv/lib/python3.11/site-packages /tmp/refvenv/bin/python bench/check_sentence_encoder.py

Prints, over 20 sentences, whether the word-piece ids equal those of the model's own
tokenizer.json (tokenizers' fast BERT tokenizer) and the least cosine between our embedding
and transformers' BertModel + mean pooling + L2 normalisation on the same weights.
"""

from __future__ import annotations

import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

from communique.extract.sentence_encoder import MAX_PIECES, load_encoder, model_dir

SENTENCES = [
    "Russian troops withdrew from the outskirts of Kyiv on Friday.",
    "The army attacked the village at dawn, killing at least twelve civilians.",
    "Protesters marched through the capital demanding the president's resignation.",
    "The European Union imposed new sanctions on Belarus over the migrant crisis.",
    "Ministers from both countries met in Geneva to discuss a ceasefire.",
    "The opposition leader accused the government of rigging the election.",
    "Washington pledged $500 million in humanitarian aid to Sudan.",
    "North Korea threatened to retaliate if the joint drills went ahead.",
    "Trump said he would not accept the result, calling it a 'rigged' process.",
    "Police arrested 34 people after clashes outside the parliament in Tbilisi.",
    "The two sides signed an agreement to restore diplomatic relations.",
    "Iran rejected the proposal as 'unacceptable', the foreign ministry said.",
    "Thousands of Israelis rallied in Tel Aviv on Saturday night.",
    "Les manifestants ont défilé à Paris — naïve café résumé Zürich São Paulo.",
    "The central bank raised interest rates by 0.75 percentage points.",
    "He asked the court to release the detained journalists immediately.",
    "Clinton's campaign called on the FBI to explain Comey's letter.",
    "It was a quiet day.",
    "北京 officials met with Tokyo's envoy (unconfirmed) #diplomacy @reuters.",
    " ".join(["The long sentence keeps going with more and more words"] * 20),
]


def main() -> None:
    folder = model_dir()
    ours = load_encoder()
    tok = AutoTokenizer.from_pretrained(str(folder))
    ref = AutoModel.from_pretrained(str(folder)).eval()
    same_ids = 0
    for s in SENTENCES:
        theirs = tok(s, truncation=True, max_length=MAX_PIECES)["input_ids"]
        mine = ours.tokenizer.encode(s)
        same_ids += theirs == mine
        if theirs != mine:
            print("ids differ:", s[:60], tok.convert_ids_to_tokens(theirs)[:20], mine[:20])
    batch = tok(SENTENCES, padding=True, truncation=True, max_length=MAX_PIECES, return_tensors="pt")
    with torch.no_grad():
        states = ref(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
    want = torch.nn.functional.normalize(pooled, dim=1).numpy()
    got = ours.encode(SENTENCES)
    cos = (want * got).sum(axis=1)
    print(f"sentences {len(SENTENCES)}  same word-piece ids {same_ids}/{len(SENTENCES)}")
    print(f"cosine: min {cos.min():.7f}  mean {cos.mean():.7f}  max abs diff {np.abs(want - got).max():.2e}")
    print(f"weights SHA-256 {ours.sha256}")


if __name__ == "__main__":
    main()
