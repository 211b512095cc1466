"""Quote rules: find (cue, speaker span, content) candidates in a parsed Doc.

Every rule works on token indices and returns :class:`Candidate` records naming the
rule that fired. ``extract/quotes.py`` turns them into :class:`~communique.models.Quote`
records (character offsets, kind, actor, medium, date).

Rules (rule id -> what fires it):

- ``direct.after``      a cue followed (after its own modifiers, a comma or a colon,
                        possibly across a paragraph break) by a quoted stretch:
                        ``Blinken said, "We're at a decisive juncture,"``
- ``direct.before``     a quoted stretch right before the cue and its subject:
                        ``"They may have ...," Zakharova said.``
- ``direct.split``      quoted stretches on both sides: ``"A," she said, "B."``
- ``indirect.ccomp``    a cue verb governing a clausal complement (``said he hoped ...``);
                        the verb is in the cue lexicon, or (``indirect.learned``) any
                        non-light verb whose subject is a person or an organisation.
- ``indirect.parataxis`` a parenthetical cue inside the reported clause
                        (``The plan, he said, is dead``): content on both sides.
- ``indirect.according-to``  ``according to X`` attached to a clause.
- ``direct.continued``  (quotes.py) a paragraph that opens a quote without any cue
                        continues the previous speaker's quote.
- ``direct.signed``     a quoted stretch signed with a dash and a name at the end of its
                        paragraph (vox pops, epigraphs): ``"…" ― Carla Sanchez``.
- ``direct.transcript`` a transcript turn: a paragraph opening with a capitalised speaker
                        label and a colon (``WALLACE: Let's start …``); unlabelled
                        paragraphs that go on inside the same quotation continue the turn.

Speakers: the subject of the cue (the whole noun phrase), the agent of a passive cue,
or, for a subjectless cue (participial ``..., saying ...``, coordinated ``... but said``,
``refused to say``), the subject of the verb that governs it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .doc_tokens import token_table
from .lexicons import CueLexicon
from .quote_marks import DOUBLE_MARKS, QuoteRegion, is_double_mark

Seg = tuple[int, int]  # inclusive token range

SUBJ_DEPS = ("nsubj", "csubj", "expl")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
CLAUSE_DEPS = ("ccomp",)
CLIMB_DEPS = ("conj", "advcl", "xcomp", "acl", "pcomp", "relcl")
# dependents of a cue that may stand between it and the quote it introduces
BRIDGE_DEPS = frozenset({"prep", "pobj", "det", "amod", "compound", "npadvmod", "advmod", "dobj",
                         "dative", "prt", "nsubj", "poss", "nummod", "pcomp", "case", "nmod",
                         "appos", "cc", "quantmod", "neg", "agent", "aux"})
HUMAN_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "they", "who", "one", "someone",
                            "somebody", "everyone", "everybody", "nobody", "anyone", "anybody"})
HUMAN_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
MAX_BRIDGE = 12


@dataclass(frozen=True)
class Candidate:
    rule: str
    confidence: float
    cue: tuple[int, ...]            # token indices of the cue (verb + auxiliaries + particles)
    head: int                       # the cue's head token
    content: tuple[Seg, ...]        # token segments, inclusive
    speaker: Seg | None = None      # surface mention, inclusive token range
    speaker_ref: Seg | None = None  # what to resolve to an actor (antecedent of "who")
    closed: bool = True


def trim(doc: Doc, a: int, b: int, keep_quotes: bool = True) -> Seg | None:
    """Strip punctuation and spaces at both ends (quotation marks stay when asked)."""
    tab = token_table(doc)
    text, space, punct = tab.text, tab.is_space, tab.is_punct

    def strip(i: int) -> bool:
        if space[i]:
            return True
        if keep_quotes and text[i] in DOUBLE_MARKS:
            return False
        return punct[i] and text[i] not in ("$", "%", "[", "]")

    while a <= b and strip(a):
        a += 1
    while b >= a and strip(b):
        b -= 1
    return (a, b) if a <= b else None


def subtree_seg(tok: Token) -> Seg:
    return tok.left_edge.i, tok.right_edge.i


CUE_PART_DEPS = frozenset({"aux", "auxpass", "neg", "prt"})


def cue_tokens(verb: Token) -> tuple[int, ...]:
    """The cue: the verb with its auxiliaries, negation and particles (contiguous stretch)."""
    tab = token_table(verb.doc)
    v = lo = hi = verb.i
    for j in range(max(0, v - 3), min(len(tab.head), v + 4)):  # its dependents 3 tokens or less away
        if j != v and tab.head[j] == v and tab.dep[j] in CUE_PART_DEPS:
            lo, hi = min(lo, j), max(hi, j)
    return tuple(range(lo, hi + 1))


def is_human(tok: Token, lex: CueLexicon) -> bool:
    """Could this subject head speak or think (person, organisation, country, group)?"""
    if tok.ent_type_ in HUMAN_ENTS:
        return True
    low = tok.lower_
    if tok.pos_ == "PRON":
        return low in HUMAN_PRONOUNS
    return tok.lemma_.lower() in lex.source_nouns or low in lex.source_nouns


def noun_phrase(doc: Doc, tok: Token) -> Seg | None:
    """The whole noun phrase headed by ``tok`` (subtree), trimmed of punctuation."""
    a, b = subtree_seg(tok)
    return trim(doc, a, b, keep_quotes=False)


def _passive_agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def find_subject(verb: Token, lex: CueLexicon | None = None) -> tuple[Token | None, Token | None]:
    """(speaker head, token to resolve to an actor) of a cue verb, climbing to the
    governing verb for participial, coordinated and infinitival cues."""
    seen = 0
    v = verb
    while seen < 4:
        seen += 1
        agent = _passive_agent(v)
        if agent is not None:
            return agent, agent
        for c in v.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in RELATIVE and v.dep_ == "relcl":
                    return c, v.head
                return c, c
        if v.dep_ == "relcl" and v is verb:
            return None, None
        if (lex is not None and v.dep_ == "conj" and v.head.dep_ in CLAUSE_DEPS
                and v.lemma_.lower() in lex.verbs and v.head.head.lemma_.lower() in lex.verbs):
            v = v.head.head  # "X vowed that A but said B": the parse hangs "said" on A
            continue
        if v.dep_ == "pcomp" and v.head.dep_ == "prep" and v.head.head.i != v.head.i:
            v = v.head.head  # "resolute in saying that ...": the subject of "resolute"
            continue
        if v.dep_ in CLIMB_DEPS and v.head.i != v.i:
            if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
                # "a statement saying ...": the noun is where the words come from
                return v.head, v.head
            v = v.head
            continue
        return None, None
    return None, None


def sourceless_cue(verb: Token, lex: CueLexicon) -> bool:
    """A cue whose attribution names no source: an evidential verb ("she appeared to
    confuse A with B") or the participle or agentless passive of a verb whose agent goes
    unnamed ("Asked about X, he said …", "he was asked about X": the asker)."""
    lemma = verb.lemma_.lower()
    if lemma in lex.evidential:
        return True
    if lemma not in lex.unnamed_agent or verb.tag_ != "VBN":
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return verb.dep_ in ("advcl", "acl") or any(c.dep_ == "auxpass" for c in verb.children)


def _bridge_end(doc: Doc, verb: Token, start: int, stop: Seg | None) -> int | None:
    """From ``start``, skip the cue's own modifiers, commas, colons and line breaks; the
    index of the first other token (or None)."""
    j = start
    n = len(doc)
    steps = 0
    tab = token_table(doc)
    while j < n and steps < MAX_BRIDGE:
        text = tab.text[j]
        if stop is not None and stop[0] <= j <= stop[1]:
            return j
        if text in DOUBLE_MARKS:
            return j
        if tab.is_space[j] or text in (",", ":", "—", "–", "-"):
            j += 1
            steps += 1
            continue
        if tab.dep[j] in BRIDGE_DEPS and _governed_by(tab.head, tab.dep, j, verb.i):
            j += 1
            steps += 1
            continue
        return j
    return None


def _governed_by(head: tuple[int, ...], dep: tuple[str, ...], j: int, verb: int) -> bool:
    """Token ``j`` depends on ``verb`` (at most six steps up), not through a clause."""
    h = j
    for _ in range(6):
        if head[h] == h:
            return False
        if head[h] == verb:
            return dep[h] not in CLAUSE_DEPS
        h = head[h]
    return False


def _region_starting(regions: tuple[QuoteRegion, ...], reg_of: list[int], i: int) -> QuoteRegion | None:
    k = reg_of[i] if 0 <= i < len(reg_of) else -1
    if k >= 0 and regions[k].start == i:
        return regions[k]
    return None


def _region_ending(regions: tuple[QuoteRegion, ...], reg_of: list[int], i: int) -> QuoteRegion | None:
    k = reg_of[i] if 0 <= i < len(reg_of) else -1
    if k >= 0 and regions[k].end == i:
        return regions[k]
    return None


def direct_for_cue(doc: Doc, verb: Token, cue: tuple[int, ...], speaker: Seg | None,
                   regions: tuple[QuoteRegion, ...], reg_of: list[int],
                   para: list[int]) -> tuple[str, list[QuoteRegion]] | None:
    """Quoted stretches introduced by the cue: after it, before it, or both (split)."""
    after = None
    j = _bridge_end(doc, verb, cue[-1] + 1, None)
    if j is not None:
        after = _region_starting(regions, reg_of, j)
    # before: left of the cue and of its subject (when the subject is adjacent)
    left = cue[0]
    if speaker is not None and speaker[1] < cue[0] and cue[0] - speaker[1] <= 3:
        left = min(left, speaker[0])
    k = left - 1
    tab = token_table(doc)
    while k >= 0 and (tab.text[k] in (",", "—", "–") or tab.is_space[k]):
        k -= 1
    before = _region_ending(regions, reg_of, k) if k >= 0 else None
    if before is None and k >= 1 and tab.text[k] in (",", "?", "!", "."):
        before = None
    if before is not None and para[before.end] != para[cue[0]] and before.closed:
        before = None
    if before is not None and after is not None:
        return "direct.split", [before, after]
    if after is not None:
        return "direct.after", [after]
    if before is not None:
        return "direct.before", [before]
    return None


def expand_to_regions(segs: list[Seg], regions: tuple[QuoteRegion, ...], reg_of: list[int]) -> list[Seg]:
    """Grow content so that a quoted stretch it cuts into is wholly inside it."""
    out = []
    for a, b in segs:
        ka = reg_of[a]
        if ka >= 0 and regions[ka].start < a:
            a = regions[ka].start
        kb = reg_of[b]
        if kb >= 0 and regions[kb].end > b:
            b = regions[kb].end
        out.append((a, b))
    return out


def content_of_clause(doc: Doc, clause: Token, regions: tuple[QuoteRegion, ...],
                      reg_of: list[int], exclude: Seg | None = None,
                      para: list[int] | None = None, lex: CueLexicon | None = None,
                      extend_conj: Token | None = None) -> list[Seg]:
    """Content of a reported clause: its subtree, trimmed, cut around ``exclude`` and
    around coordinated subjectless cue verbs (``... but said ...``), grown over the
    quoted stretches it cuts into, limited to the paragraph of the clause."""
    a, b = subtree_seg(clause)
    if extend_conj is not None:
        b = max(b, extend_conj.right_edge.i)
    holes: list[Seg] = []
    if exclude is not None and a <= exclude[0] and exclude[1] <= b:
        holes.append(exclude)
    if lex is not None and clause.lemma_.lower() not in lex.verbs:
        for t in doc[a:b + 1]:
            if (t.dep_ == "conj" and t.head.i == clause.i and t.i > clause.i and t.lemma_.lower() in lex.verbs
                    and not any(c.dep_ in SUBJ_DEPS + PASSIVE_SUBJ for c in t.children)):
                lo = t.i
                for c in t.lefts:
                    lo = min(lo, c.left_edge.i)
                prev = doc[lo - 1] if lo > a else None
                if prev is not None and prev.dep_ == "cc" and prev.head.i == t.head.i:
                    lo = prev.i
                holes.append((lo, t.right_edge.i))
    holes.sort()
    segs: list[Seg] = []
    x = a
    for h0, h1 in holes:
        if h0 < x:
            continue
        s = trim(doc, x, h0 - 1)
        if s:
            segs.append(s)
        x = h1 + 1
    s = trim(doc, x, b)
    if s:
        segs.append(s)
    segs = expand_to_regions(segs, regions, reg_of)
    if para is not None:
        p = para[clause.i]
        clipped = []
        for x, y in segs:
            k = reg_of[x]
            if para[x] != p and not (k >= 0 and regions[k].contains(clause.i)):
                while x <= y and para[x] != p:
                    x += 1
            while y >= x and para[y] != p and not (reg_of[y] >= 0 and reg_of[y] == reg_of[x]):
                y -= 1
            s = trim(doc, x, y) if x <= y else None
            if s:
                clipped.append(s)
        segs = clipped
    return segs


def _conj_clause(verb: Token, clause: Token, lex: CueLexicon) -> Token | None:
    """A clause coordinated with the reported one under the same cue (``said A, but B``)."""
    for c in verb.children:
        if c.dep_ == "conj" and c.i > clause.i and c.pos_ in ("VERB", "AUX"):
            if c.lemma_.lower() in lex.verbs or _clause_child(c) is not None:
                return None
            if any(g.dep_ in SUBJ_DEPS for g in c.children):
                return c
    return None


def _clause_child(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in CLAUSE_DEPS:
            return c
    return None


def cue_candidates(doc: Doc, lex: CueLexicon, regions: tuple[QuoteRegion, ...],
                   reg_of: list[int], para: list[int]) -> list[Candidate]:
    """Candidates from cue verbs (direct, split, indirect, parataxis)."""
    out: list[Candidate] = []
    segs: tuple[Seg, ...] | list[Seg]
    tab = token_table(doc)
    clause_of: dict[int, int] = {}  # _clause_child: each verb's first clausal complement
    for j, (h, d) in enumerate(zip(tab.head, tab.dep)):
        if d in CLAUSE_DEPS and h != j and h not in clause_of:
            clause_of[h] = j
    for i, pos in enumerate(tab.pos):
        if (pos != "VERB" and pos != "AUX") or reg_of[i] >= 0:
            continue
        verb = doc[i]
        lemma = verb.lemma_.lower()
        in_lex = lemma in lex.verbs
        if lemma in lex.weak and not in_lex:
            continue
        in_stance = lemma in lex.stance
        clause = doc[clause_of[i]] if i in clause_of else None
        if not in_lex and not in_stance and clause is None:
            continue
        subj, ref = find_subject(verb, lex)
        speaker = noun_phrase(doc, subj) if subj is not None else None
        speaker_ref = noun_phrase(doc, ref) if ref is not None and ref is not subj else speaker
        if ref is not None and ref is not subj:
            speaker_ref = (ref.i, ref.i) if ref.pos_ == "PROPN" else noun_phrase(doc, ref)
            if speaker_ref is not None and ref.dep_ != "ROOT":
                speaker_ref = _head_np(ref)
        cue = cue_tokens(verb)
        human = subj is not None and is_human(subj, lex)
        if speaker is not None and (speaker[0] <= verb.i <= speaker[1]):
            speaker = speaker_ref = None
        if in_lex or human:
            found = direct_for_cue(doc, verb, cue, speaker, regions, reg_of, para)
        else:
            found = None
        if found is not None and (in_lex or human):
            rule, regs = found
            segs = tuple(s for r in regs for s in r.segments)
            conf = 0.9 if in_lex else 0.7
            closed = all(r.closed for r in regs)
            if not closed:
                conf -= 0.2
            out.append(Candidate(rule, conf, cue, verb.i, segs, speaker, speaker_ref, closed))
            continue
        if clause is not None:
            if not in_lex and not human:
                continue
            if para[clause.i] != para[verb.i] and reg_of[clause.i] < 0:
                continue
            segs = content_of_clause(doc, clause, regions, reg_of, para=para, lex=lex,
                                     extend_conj=_conj_clause(verb, clause, lex))
            segs = [s for s in segs if not (s[0] <= verb.i <= s[1])]
            if not segs:
                continue
            rule = "indirect.ccomp" if in_lex else "indirect.learned"
            conf = 0.8 if in_lex else 0.55
            if speaker is None:
                conf -= 0.1
            out.append(Candidate(rule, conf, cue, verb.i, tuple(segs), speaker, speaker_ref))
            continue
        if verb.dep_ == "parataxis" and in_lex and subj is not None and subj.i > verb.head.i - 50:
            host = verb.head
            segs = content_of_clause(doc, host, regions, reg_of, exclude=subtree_seg(verb),
                                     para=para)
            if segs:
                out.append(Candidate("indirect.parataxis", 0.65, cue, verb.i, tuple(segs),
                                     speaker, speaker_ref))
                continue
        if in_stance and clause is None and human and verb.dep_ not in ("amod", "compound"):
            found_obj = object_content(doc, verb, regions, reg_of, para)
            if found_obj is not None:
                segs, extra = found_obj
                cue2 = tuple(range(min(cue + extra), max(cue + extra) + 1))
                out.append(Candidate("indirect.object", 0.5, cue2, verb.i, tuple(segs),
                                     speaker, speaker_ref))
    return out


OBJECT_DEPS = ("dobj", "dative", "xcomp", "oprd")
OBJECT_PREPS = frozenset({"for", "of", "about", "to", "with", "against", "as", "on", "over", "in"})
TIME_ENTS = frozenset({"DATE", "TIME"})


def object_content(doc: Doc, verb: Token, regions: tuple[QuoteRegion, ...], reg_of: list[int],
                   para: list[int]) -> tuple[list[Seg], tuple[int, ...]] | None:
    """``endorsed Sanders``, ``called for a ban``, ``accused him of lying``: the verb's
    objects (after it) as content; a leading preposition joins the cue."""
    comps = []
    for c in verb.rights:
        if c.dep_ in OBJECT_DEPS:
            comps.append(c)
        elif c.dep_ == "prep" and c.lower_ in OBJECT_PREPS:
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is None or pobj.ent_type_ in TIME_ENTS:
                continue
            if c.lower_ == "in" and comps:
                continue
            comps.append(c)
        elif c.dep_ in ("punct", "cc", "conj", "advcl") and comps:
            break
    if not comps:
        return None
    extra: tuple[int, ...] = ()
    first = comps[0]
    start = first.left_edge.i
    if first.dep_ == "prep":
        if first.i != verb.i + 1 and not all(doc[k].dep_ in ("prt", "advmod") for k in range(verb.i + 1, first.i)):
            return None
        extra = (first.i,)
        start = first.i + 1
    end = max(c.right_edge.i for c in comps)
    seg = trim(doc, start, end)
    if seg is None or any(doc[k].is_space and "\n" in doc[k].text for k in range(seg[0], seg[1] + 1)):
        return None
    segs = expand_to_regions([seg], regions, reg_of)
    if para[segs[0][0]] != para[verb.i] or para[segs[-1][1]] != para[verb.i]:
        return None
    return segs, extra


def _head_np(tok: Token) -> Seg:
    """The noun phrase of ``tok`` without its relative clauses and appositions."""
    a = tok.i
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "det", "poss", "nummod", "nmod"):
            a = min(a, c.left_edge.i)
    return a, tok.i


def according_to_candidates(doc: Doc, regions: tuple[QuoteRegion, ...],
                            reg_of: list[int]) -> list[Candidate]:
    out = []
    words = token_table(doc).text
    for i, word in enumerate(words):  # Token.lower_ is the text lower-cased
        if word.lower() != "according" or i + 1 >= len(doc) or words[i + 1].lower() != "to":
            continue
        if reg_of[i] >= 0:
            continue
        tok = doc[i]
        to = doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        speaker = noun_phrase(doc, pobj) if pobj is not None else None
        phrase = subtree_seg(tok)
        if speaker is not None:
            phrase = (min(phrase[0], speaker[0]), max(phrase[1], speaker[1]))
        host = tok.head if tok.head.i != tok.i else None
        sent = tok.sent
        if host is None or host.dep_ == "ROOT" or host.pos_ not in ("VERB", "AUX"):
            host_seg = (sent.start, sent.end - 1)
        else:
            host_seg = subtree_seg(host)
            if host_seg[0] > phrase[0] or host_seg[1] < phrase[1]:
                host_seg = (sent.start, sent.end - 1)
        segs = []
        for x, y in ((host_seg[0], phrase[0] - 1), (phrase[1] + 1, host_seg[1])):
            s = trim(doc, x, y)
            if s:
                segs.append(s)
        segs = expand_to_regions(segs, regions, reg_of)
        if not segs:
            continue
        out.append(Candidate("indirect.according-to", 0.8, (tok.i, tok.i + 1), tok.i, tuple(segs),
                             speaker, speaker))
    return out


# --- labelled quotes: signatures and transcript turns -----------------------------------

DASHES = frozenset({"―", "—", "–", "--", "-"})
# capitalised labels that head a paragraph but name no speaker
NOT_SPEAKERS = frozenset({"UPDATE", "UPDATED", "BREAKING", "NOTE", "EDITOR", "EDITOR'S",
                          "CORRECTION", "WATCH", "READ", "RELATED", "PHOTO", "PHOTOS", "VIDEO",
                          "ADVERTISEMENT", "SOURCE", "SOURCES", "CLARIFICATION", "EXCLUSIVE",
                          "ANALYSIS", "OPINION", "EMAIL", "BYLINE", "CREDIT", "LOOK", "BOOM"})


def paragraph_spans(doc: Doc, para: list[int]) -> list[tuple[int, int]]:
    """(first, last) non-space token of each non-empty paragraph, in order."""
    spans: dict[int, list[int]] = {}
    for i, space in enumerate(token_table(doc).is_space):
        if not space:
            s = spans.get(para[i])
            if s is None:
                spans[para[i]] = [i, i]
            else:
                s[1] = i
    return [(v[0], v[1]) for _, v in sorted(spans.items())]


def _name_after(doc: Doc, i: int, last: int) -> Seg | None:
    """A name of 1-6 capitalised words from ``i`` to the end of the paragraph or a comma."""
    j = i
    while j <= last and doc[j].text != ",":
        t = doc[j]
        if not (t.is_title or t.is_upper or t.pos_ == "PROPN" or t.text in (".", "-", "'")
                or t.lower_ in ("de", "la", "van", "von", "del", "da", "bin")):
            return None
        j += 1
    if j == i or j - i > 6 or not any(doc[k].is_alpha for k in range(i, j)):
        return None
    return trim(doc, i, j - 1, keep_quotes=False)


def _strip_marks(doc: Doc, a: int, b: int) -> Seg | None:
    """``(a, b)`` without spaces and quotation marks at either end (other punctuation stays:
    "… be there tomorrow night?")."""
    while a <= b and (doc[a].is_space or is_double_mark(doc[a])):
        a += 1
    while b >= a and (doc[b].is_space or is_double_mark(doc[b])):
        b -= 1
    return (a, b) if a <= b else None


def _glued_dash(tok: Token) -> bool | None:
    """None unless ``tok`` is a dash; True for a dash glued to the closing mark (``”―``)."""
    if tok.text in DASHES:
        return False
    if len(tok.text) == 2 and tok.text[0] in "”\"" and tok.text[1] in "―—–":
        return True
    return None


def signed_candidates(doc: Doc, para: list[int],
                      paragraphs: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """``"…" ― Name``: a paragraph that opens with a quotation mark, closes it, and ends with
    a dash and a name (vox pops, epigraphs). The content runs from the opening mark to the
    closing one. ``paragraphs``: :func:`paragraph_spans` when the caller has them."""
    out = []
    for first, last in paragraphs if paragraphs is not None else paragraph_spans(doc, para):
        if not is_double_mark(doc[first]):
            continue
        j = next((k for k in range(last, first, -1) if _glued_dash(doc[k]) is not None), None)
        if j is None:
            continue
        k = j + 1
        while k <= last and doc[k].is_space:
            k += 1
        name = _name_after(doc, k, last) if k <= last else None
        if name is None:
            continue
        rest = [t for t in doc[name[1] + 1:last + 1] if not t.is_space]
        if rest and rest[0].text not in (",", "."):  # the name ends the paragraph
            continue
        end = j - 1
        while end > first and doc[end].is_space:
            end -= 1
        if (_glued_dash(doc[j]) or is_double_mark(doc[end])) and end - first >= 2:
            out.append(Candidate("direct.signed", 0.95, (j,), j, ((first, end),), name, name))
    return out


def _label(doc: Doc, first: int, last: int) -> tuple[Seg, int] | None:
    """``(label, colon)`` when the paragraph opens with ``NAME:`` in capitals."""
    i = first
    while i <= last and is_double_mark(doc[i]):
        i += 1
    j = i
    while j <= last and j - i < 5 and doc[j].text != ":":
        t = doc[j]
        if not (t.is_upper or t.text in (".", "-", "'")):
            return None
        j += 1
    if j > last or j == i or doc[j].text != ":" or j == last:
        return None
    words = [doc[k].text for k in range(i, j) if doc[k].is_alpha]
    if (not words or max(len(w) for w in words) < 2 or any(w in NOT_SPEAKERS for w in words)
            or any(doc.vocab[w.lower()].is_stop for w in words)):  # "FIX IS IN:" is a headline
        return None
    return (i, j - 1), j


def transcript_candidates(doc: Doc, para: list[int],
                          paragraphs: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """Transcript turns: ``WALLACE: …`` opens a turn that runs to the end of its paragraph,
    and on through following paragraphs that open a quotation without a label of their own
    while the quotation stays open (the convention for a quoted transcript: every paragraph
    opens the quotation again, and the last one closes it). A transcript has at least two
    speakers; labels are capitalised names without function words. ``paragraphs``:
    :func:`paragraph_spans` when the caller has them."""
    out = []
    turn: list | None = None  # [label, colon, segments, open]

    def close() -> None:
        if turn is not None and turn[2]:
            out.append(Candidate("direct.transcript", 0.9, (turn[1],), turn[1], tuple(turn[2]),
                                 turn[0], turn[0]))

    for first, last in paragraphs if paragraphs is not None else paragraph_spans(doc, para):
        found = _label(doc, first, last)
        still_open = is_double_mark(doc[first]) and not is_double_mark(doc[last])
        if found is not None:
            close()
            label, colon = found
            seg = _strip_marks(doc, colon + 1, last)
            turn = [label, colon, [seg] if seg else [], still_open]
            continue
        if turn is not None and turn[3] and is_double_mark(doc[first]) and doc[first + 1].text != "(":
            seg = _strip_marks(doc, first + 1, last)
            if seg:
                turn[2].append(seg)
            turn[3] = still_open
            continue
        close()
        turn = None
    close()
    if len({doc[c.speaker[0]:c.speaker[1] + 1].text for c in out if c.speaker is not None}) < 2:
        return []  # one label is a heading ("BYLINE:"), not a conversation
    return out
