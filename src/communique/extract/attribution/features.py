"""Token features for the attribution tagger, computed from one spaCy parse.

Everything here is a pure function of the ``Doc`` and a cue lexicon (lemmas that
often head a cue, learned from the training data and shipped with the model). Features
are returned as one ``dict`` per token, the input format of python-crfsuite.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from spacy.tokens import Doc, Token

from ..doc_tokens import token_table

FEATURES_VERSION = 6
SUPPORTED_VERSIONS = (3, 4, 5, 6)

_OPEN_QUOTES = {"“", "«", "‘"}
_CLOSE_QUOTES = {"”", "»", "’"}
_TOGGLE_QUOTES = {'"', "''", "``"}
_COMP_DEPS = {"ccomp", "xcomp", "parataxis", "advcl", "conj"}
_SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj", "expl"}


def _bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 6:
        return "4-6"
    if n <= 12:
        return "7-12"
    if n <= 25:
        return "13-25"
    return "26+"


def quote_state(doc: Doc) -> list[int]:
    """1 for tokens inside quotation marks (marks included), else 0; resets per paragraph
    (after a space token holding a line break: a token's own trailing whitespace is one
    space or none)."""
    table = token_table(doc)
    state = [0] * len(doc)
    inside = False
    for i, (t, space) in enumerate(zip(table.text, table.is_space)):
        if t in _OPEN_QUOTES or (t in _TOGGLE_QUOTES and not inside):
            inside = True
            state[i] = 1
        elif t in _CLOSE_QUOTES or (t in _TOGGLE_QUOTES and inside):
            state[i] = 1
            inside = False
        else:
            state[i] = 1 if inside else 0
        if space and "\n" in t:
            inside = False
    return state


def _is_quote(tok: Token) -> bool:
    return tok.text in _OPEN_QUOTES or tok.text in _CLOSE_QUOTES or tok.text in _TOGGLE_QUOTES


_GOV_DEPS = _COMP_DEPS | {"dobj", "pobj", "prep", "mark"}


def _governing_cue_at(i: int, heads: list[int], deps: list[str], cuelex: list[bool]) -> int | None:
    """The head of the clause that token ``i`` sits in when a cue word governs that clause
    (its dependency label and the cue lemma are those of that head), on the Doc's head,
    label and cue-lexicon tables."""
    node = i
    for _ in range(12):
        head = heads[node]
        if head == node:
            return None
        if cuelex[head] and deps[node] in _GOV_DEPS:
            return node
        node = head
    return None


def _subject_of_cue_at(i: int, heads: list[int], deps: list[str], lemmas: list[str],
                       cuelex: list[bool]) -> str | None:
    """The cue lemma whose subject (or agent) token ``i`` is part of, else ``None``."""
    node = i
    for _ in range(8):
        head = heads[node]
        if head == node:
            return None
        if deps[node] in _SUBJ_DEPS or deps[node] == "agent":
            return lemmas[head] if cuelex[head] else None
        node = head
    return None


def rule_tags(doc: Doc) -> list[str]:
    """BIO tags of the rule-based quote candidates (extract/quote_rules), one per token:
    the tagger learns when to trust the rules (stacking)."""
    from ..quote_candidates import find_candidates

    tags = ["O"] * len(doc)
    cands, _regions, _reg_of = find_candidates(doc)

    def paint(a: int, b: int, role: str) -> None:
        for i in range(a, b + 1):
            tags[i] = ("B-" if i == a else "I-") + role

    for c in cands:
        for a, b in c.content:
            paint(a, b, "CONTENT")
        if c.speaker is not None:
            paint(c.speaker[0], c.speaker[1], "SOURCE")
        if c.cue:
            paint(min(c.cue), max(c.cue), "CUE")
    return tags


_SUB_DEPS = frozenset({"relcl", "appos", "advcl", "acl", "conj", "cc", "parataxis", "ccomp", "xcomp",
                       "prep", "npadvmod", "pcomp"})


def structure_features(doc: Doc, cuelex: list[bool], rtags: list[str],
                       need: Iterable[int] | None = None) -> list[dict[str, object]]:
    """Clause-structure features (v4): the subordinate structures above a token, the
    subtrees a token opens or closes, its depth below the nearest cue word, and the
    distance to the nearest cue-lexicon hit and rule cue on either side in its sentence
    (complete for the tokens in ``need``, default all)."""
    n = len(doc)
    out: list[dict[str, object]] = [{} for _ in range(n)]
    for tok in doc:
        if tok.dep_ in _SUB_DEPS and tok.head.i != tok.i:
            le, re_ = tok.left_edge.i, tok.right_edge.i
            out[le][f"opens:{tok.dep_}"] = True
            out[re_][f"closes:{tok.dep_}"] = True
            if le > 0 and doc[le - 1].text in (",", "—", "–", "-", "("):
                out[le]["opens_after_punct"] = f"{doc[le - 1].text}|{tok.dep_}"
            if re_ + 1 < n and doc[re_ + 1].is_punct:
                out[re_]["closes_before_punct"] = f"{tok.dep_}|{doc[re_ + 1].text}"
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    for i in (range(n) if need is None else need):
        f = out[i]
        node, depth, seen = i, 0, set()
        while heads[node] != node and depth < 10:
            dep = deps[node]
            if cuelex[heads[node]]:
                f["cue_depth"] = _bucket(depth)
                f["cue_path_top"] = dep
                break
            if dep in _SUB_DEPS and dep not in seen:
                seen.add(dep)
                f[f"anc:{dep}"] = True
            node = heads[node]
            depth += 1
        else:
            f["cue_depth"] = "none"
    rcue = [t.endswith("CUE") for t in rtags]
    for sent in doc.sents:
        for flags, name in ((cuelex, "lex"), (rcue, "rcue")):
            last = None
            for i in range(sent.start, sent.end):
                if flags[i]:
                    last = i
                out[i][f"{name}_left"] = _bucket(i - last) if last is not None else "none"
            last = None
            for i in range(sent.end - 1, sent.start - 1, -1):
                if flags[i]:
                    last = i
                out[i][f"{name}_right"] = _bucket(last - i) if last is not None else "none"
    return out


def _sq_dist(x: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Squared Euclidean distances (N, K) of rows ``x`` to centroids ``c``."""
    return (x * x).sum(1)[:, None] - 2 * x @ c.T + (c * c).sum(1)[None, :]


def tensor_clusters(doc: Doc, centroids: Sequence[np.ndarray]) -> list[list[int]] | None:
    """For each set of centroids, the nearest centroid of each token's context vector
    (``doc.tensor``, set by the pipeline's tok2vec); ``None`` when the Doc has no tensor."""
    t = doc.tensor
    if t is None or len(doc) == 0 or getattr(t, "shape", (0,))[0] != len(doc):
        return None
    x = np.asarray(t, dtype=np.float32)
    out = []
    for c in centroids:
        if c.shape[1] != x.shape[1]:
            return None
        out.append(_sq_dist(x, c).argmin(1).tolist())
    return out


def kmeans(x: np.ndarray, k: int, seed: int, iterations: int = 25) -> np.ndarray:
    """Plain Lloyd's k-means (k-means++ start), seeded: the centroids, float32."""
    rng = np.random.default_rng(seed)
    x = np.asarray(x, dtype=np.float32)
    n = len(x)
    cent = [x[rng.integers(n)]]
    dmin = ((x - cent[0]) ** 2).sum(1)
    for _ in range(1, k):
        p = dmin / dmin.sum() if dmin.sum() > 0 else None
        cent.append(x[rng.choice(n, p=p)])
        dmin = np.minimum(dmin, ((x - cent[-1]) ** 2).sum(1))
    c = np.stack(cent)
    for _ in range(iterations):
        assign = _sq_dist(x, c).argmin(1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                c[j] = members.mean(0)
    return c.astype(np.float32)


def _cluster_features(base: list[dict[str, object]], clusters: list[list[int]] | None,
                       version: int = FEATURES_VERSION, index: Sequence[int] | None = None) -> None:
    """The context-vector cluster of a token and of its neighbours (one id per set of
    centroids, the finest set also paired with the word's dependency label).

    v6 gives the ids as strings: one indicator feature per cluster. v5 (model 2.0) gave the
    token's and neighbours' ids as integers, which python-crfsuite reads as feature *values*
    (the weight scaled by the cluster number); kept as it was so that v5 models still tag
    as trained. ``base[k]`` is the dict of token ``index[k]`` (default: of token ``k``)."""
    if clusters is None:
        for f in base:
            f["tc"] = "none"
        return
    for k, ids in enumerate(clusters):
        n = len(ids)
        vals: Sequence[object] = ids if version < 6 else [str(c) for c in ids]
        for pos, f in enumerate(base):
            i = index[pos] if index is not None else pos
            f[f"tc{k}"] = vals[i]
            for off in (-2, -1, 1, 2):
                j = i + off
                if 0 <= j < n:
                    f[f"{off}:tc{k}"] = vals[j]
            if k == len(clusters) - 1:
                f[f"tc{k}|dep"] = f"{ids[i]}|{f['dep']}"
                f[f"tc{k}|inq"] = f"{ids[i]}|{f['inq']}"
                if version >= 6:
                    f[f"tc{k}|r"] = f"{ids[i]}|{f['r']}"
                    f[f"tc{k}|gov"] = f"{ids[i]}|{f.get('gov_dep', '-')}"
            elif version >= 6:
                f[f"tc{k}|-1"] = f"{ids[i]}|{f.get(f'-1:tc{k}', 'B')}"
                f[f"tc{k}|+1"] = f"{ids[i]}|{f.get(f'1:tc{k}', 'E')}"


def doc_features(doc: Doc, cues: Iterable[str], rules: bool = True,
                 version: int = FEATURES_VERSION,
                 centroids: Sequence[np.ndarray] = (), tokens: Sequence[int] | None = None,
                 rtags: list[str] | None = None, inq: list[int] | None = None) -> list[dict[str, object]]:
    """One feature dict per token of ``doc`` (with the rule candidates' tags when ``rules``);
    ``version`` 3 leaves out the clause-structure features of version 4, versions below 5 the
    context-vector clusters (v6: as indicator features, ``centroids``: the model's k-means
    centroids over ``doc.tensor``).

    ``tokens``: only the dicts of these token indices, in that order, each the same as in
    the whole document's (the tagger runs on selected sentences); ``rtags`` and ``inq``:
    :func:`rule_tags` and :func:`quote_state` of ``doc`` when already computed."""
    cues = cues if isinstance(cues, frozenset) else frozenset(cues)
    if rtags is None:
        rtags = rule_tags(doc) if rules else ["O"] * len(doc)
    inq = quote_state(doc) if inq is None else inq
    n = len(doc)
    keep = range(n) if tokens is None else tokens
    # the tokens whose own features are needed: the kept ones and their neighbours
    need = range(n) if tokens is None else sorted({j for i in tokens for j in range(max(0, i - 3), min(n, i + 4))})
    base: list[dict[str, object]] = [{} for _ in range(n)] if tokens is not None else []
    toks = list(doc)
    lowers = [t.lower_ for t in toks]
    poss = [t.pos_ for t in toks]
    deps = [t.dep_ for t in toks]
    heads = [t.head.i for t in toks]
    lemmas = [t.lemma_.lower() for t in toks]
    cuelex = [lem in cues for lem in lemmas]
    quotes = [_is_quote(t) for t in toks]
    nkids = [0] * n
    for j, h in enumerate(heads):
        if h != j:
            nkids[h] += 1
    govs: dict[int, int | None] = {}  # token -> the head of the cue-governed clause it is in

    def governing(j: int) -> int | None:
        if j not in govs:
            govs[j] = _governing_cue_at(j, heads, deps, cuelex)
        return govs[j]

    # per sentence facts
    sent_of = [0] * n
    sent_info: list[tuple[int, int, int | None, bool, bool]] = []
    for si, sent in enumerate(doc.sents):
        first_cue = next((t.i for t in sent if cuelex[t.i] and t.pos_ in ("VERB", "NOUN", "AUX")), None)
        has_q = any(_is_quote(t) for t in sent)
        has_colon = any(t.text == ":" for t in sent)
        sent_info.append((sent.start, sent.end, first_cue, has_q, has_colon))
        for t in sent:
            sent_of[t.i] = si
    according = set()
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < n and lowers[tok.i + 1] == "to":
            according.add(tok.i)
            according.add(tok.i + 1)
            for t in doc[tok.i + 1].subtree:
                if t.i > tok.i + 1:
                    according.add(-t.i - 1)  # marker: inside the "according to" object
    subj_edges: dict[int, str] = {}
    for tok in doc:
        if tok.dep_ in _SUBJ_DEPS and cuelex[tok.head.i]:
            subj_edges[tok.left_edge.i] = subj_edges.get(tok.left_edge.i, "") + "L"
            subj_edges[tok.right_edge.i] = subj_edges.get(tok.right_edge.i, "") + "R"
    for i in need:
        tok = toks[i]
        prev = toks[i - 1] if i else None
        h = heads[i]
        para_start = prev is None or "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)
        s_start, s_end, first_cue, has_q, has_colon = sent_info[sent_of[i]]
        pos_in = i - s_start
        to_end = s_end - 1 - i
        f: dict[str, object] = {
            "bias": 1.0,
            "w": lowers[i],
            "lem": lemmas[i],
            "pos": poss[i],
            "tag": tok.tag_,
            "dep": deps[i],
            "shape": tok.shape_[:4],
            "title": tok.is_title,
            "punct": tok.is_punct,
            "ent": tok.ent_type_ or "-",
            "ent_iob": tok.ent_iob_,
            "h_lem": lemmas[h],
            "h_pos": poss[h],
            "h_dep": deps[h],
            "dep_hlem": f"{deps[i]}|{lemmas[h]}",
            "dep_hpos": f"{deps[i]}|{poss[h]}",
            "inq": inq[i],
            "qmark": quotes[i],
            "cuelex": cuelex[i],
            "cuelex_pos": f"{cuelex[i]}|{poss[i]}",
            "h_cuelex": cuelex[h],
            "sent_first": pos_in == 0,
            "sent_last": to_end == 0,
            "sent_pos": _bucket(pos_in),
            "sent_rem": _bucket(to_end),
            "para_first": para_start,
            "s_q": has_q,
            "s_colon": has_colon,
            "nkids": _bucket(nkids[i]),
            "is_root": deps[i] == "ROOT",
            "acc": i in according,
            "in_acc": (-i - 1) in according,
            "r": rtags[i],
            "r_role": rtags[i][2:] or "O",
            "r_inq": f"{rtags[i]}|{inq[i]}",
        }
        if first_cue is None:
            f["cue_rel"] = "none"
        else:
            d = i - first_cue
            f["cue_rel"] = "at" if d == 0 else ("before" if d < 0 else "after")
            f["cue_dist"] = ("-" if d < 0 else "+") + _bucket(abs(d))
        gov = governing(i)
        if gov is not None:
            gdep = deps[gov]
            f["gov_dep"] = gdep
            f["gov_cue"] = lemmas[heads[gov]]
            f["gov_inq"] = f"{gdep}|{inq[i]}"
            node = toks[gov]
            if node.left_edge.i == i:
                f["clause_first"] = gdep
            if node.right_edge.i == i:
                f["clause_last"] = gdep
            f["clause_side"] = "before" if gov < heads[gov] else "after"
        elif i > 0:
            prev_gov = governing(i - 1)
            if prev_gov is not None and toks[prev_gov].right_edge.i == i - 1:
                f["after_clause"] = deps[prev_gov]
        if deps[i] in ("aux", "auxpass", "neg", "prt") and cuelex[h]:
            f["cue_aux"] = deps[i]
        if 0 < i and quotes[i - 1] and inq[i]:
            f["after_open_q"] = True
        if i + 1 < n and quotes[i + 1] and inq[i] and not quotes[i]:
            f["before_q"] = True
        se = subj_edges.get(i)
        if se:
            f["subj_edge"] = se
        subj = _subject_of_cue_at(i, heads, deps, lemmas, cuelex)
        if subj is not None:
            f["subj_of_cue"] = subj
            f["subj_of_cue_b"] = True
        if deps[i] in _SUBJ_DEPS:
            f["subj_h_cuelex"] = cuelex[h]
        if tokens is None:
            base.append(f)
        else:
            base[i] = f
    if version >= 4:
        structure = structure_features(doc, cuelex, rtags, None if tokens is None else need)
        for i in need:
            base[i].update(structure[i])
    # neighbour features
    out = []
    keys_near = ("w", "pos", "dep", "inq", "qmark", "cuelex", "punct", "sent_first", "sent_last", "r")
    for i in keep:
        f = dict(base[i])
        for off in (-3, -2, -1, 1, 2, 3):
            j = i + off
            if 0 <= j < n:
                g = base[j]
                if abs(off) == 1:
                    for k in keys_near:
                        f[f"{off}:{k}"] = g[k]
                    f[f"{off}:lem"] = g["lem"]
                    f[f"{off}:same_sent"] = sent_of[j] == sent_of[i]
                    f[f"{off}:w|w"] = f"{g['w']}|{lowers[i]}"
                    f[f"{off}:r|r"] = f"{g['r']}|{rtags[i]}"
                    if version >= 4:
                        for k in ("opens_after_punct", "closes_before_punct"):
                            if k in g:
                                f[f"{off}:{k}"] = g[k]
                else:
                    f[f"{off}:w"] = g["w"]
                    f[f"{off}:pos"] = g["pos"]
                    f[f"{off}:cuelex"] = g["cuelex"]
                    if abs(off) == 2:
                        f[f"{off}:dep"] = g["dep"]
                        f[f"{off}:inq"] = g["inq"]
                        f[f"{off}:r"] = g["r"]
            else:
                f[f"{off}:edge"] = True
        out.append(f)
    if version >= 5 and centroids:
        _cluster_features(out, tensor_clusters(doc, centroids), version, tokens)
    return out
