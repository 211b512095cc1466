"""Dates: temporal expressions found in the parse and resolved against the publication date.

``extract_dates(doc, ctx) -> DateTable``. Expressions come from spaCy DATE (and dated
TIME) entities plus a small pattern matcher for what the statistical model misses
(weekday names, "Jan. 28", "yesterday", "earlier this month", "in recent days").
Each is resolved by :mod:`.date_rules` with the tense of the clause it modifies.

``DateTable.date_for(token)`` gives the date of the expression that governs ``token``
(an event verb, an event noun, a speech verb): a temporal modifier of the token itself
(npadvmod/tmod, "on"/"at"/"in"/"during" + date, a possessive "Thursday's"), else of the
verbs above it in the parse; else the publication date with precision "publication".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..models import TimeRef
from .context import ExtractionContext
from .date_rules import Tense, resolve
from .doc_tokens import doc_ents, doc_text

# Dependency labels by which a date expression modifies a verb or an event noun.
TEMPORAL_DEPS = frozenset({"npadvmod", "tmod", "obl:tmod", "nmod:tmod", "advmod", "obl",
                           "poss", "compound", "nmod", "dobj"})
# Prepositions that introduce a point in time ("on Thursday", "in recent days").
TEMPORAL_PREPS = frozenset({"on", "at", "in", "during", "since", "by", "until", "till",
                            "over", "from", "as", "earlier", "later", "through"})
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
_FUTURE_HEADS = frozenset({"plan", "schedule", "expect", "due", "set", "go", "intend", "aim",
                           "prepare", "hope", "promise", "vow", "pledge", "agree", "want"})

_SCHEDULE_VERBS = frozenset({"schedule", "plan", "expect", "set", "slate", "due"})

_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MON = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|"
        r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
# Expressions the NER sometimes misses. Proper nouns are case-sensitive; the rest not.
_EXPRESSION = (
    rf"(?:(?i:last|next|this|this coming|early|late|earlier|later)\s+)?{_WD}"
    rf"(?:\s+(?i:morning|afternoon|evening|night))?"
    rf"|{_MON}\s+[0-3]?\d(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?\b"
    rf"|[0-3]?\d\s+{_MON}(?:\s+(?:19|20)\d\d)?\b"
    r"|(?i:\b(?:(?:earlier|later)\s+)?(?:yesterday|today|tomorrow|tonight|last night)\b)"
    r"|(?i:\bthis\s+(?:morning|afternoon|evening)\b)"
    r"|\b\d{1,2}/\d{1,2}/(?:19|20)\d\d\b|\b(?:19|20)\d\d-[01]\d-[0-3]\d\b"
    r"|(?i:\b(?:(?:earlier|later)\s+)?(?:last|next|this|this past|the past|the coming)\s+"
    r"(?:week|month|year|weekend)\b)"
    r"|(?i:\brecent\s+(?:days|weeks)\b)"
    r"|(?i:\b(?:over\s+)?the\s+weekend\b)"
    r"|(?i:\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)\s+"
    r"(?:days?|weeks?|months?|years?)\s+ago\b)"
)
# Where an expression can begin: a digit, a capitalised weekday or month, a word starting as
# one of the lower-case alternatives does, or (inside a word) a "last/late/next/this/earl"
# before a weekday. A necessary condition, so the matches are those of _EXPRESSION alone;
# the regex engine rejects most other positions with it before trying every alternative
# (2.5x faster on PolNeAR).
_START = r"(?=\d|[MTWFSJAOND]|\b(?i:[eltynroafs])|(?i:la(?:st|te)|next|this|earl))"
_PATTERN = re.compile(rf"{_START}(?:{_EXPRESSION})")


@dataclass(frozen=True)
class DateTable:
    """The resolved temporal expressions of one document and the publication date."""

    refs: tuple[TimeRef, ...]
    published: dt.date | None
    by_token: dict[int, int] = field(default_factory=dict, compare=False, repr=False)
    # filled on first use by _above: tokens with a resolved expression 1-2 and 1-3
    # dependency steps below them
    _hosts: dict[int, frozenset[int]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def empty(cls, ctx: ExtractionContext) -> DateTable:
        return cls((), ctx.article.published)

    def ref_for_token(self, i: int) -> TimeRef | None:
        k = self.by_token.get(i)
        return self.refs[k] if k is not None else None

    def governing_ref(self, token: Token) -> TimeRef | None:
        """The resolved expression that governs ``token``, or None."""
        own = self.ref_for_token(token.i)
        if own is not None and own.value is not None:
            return own
        # _subject_date looks at most three steps down the parse, _modifier_of two: a token
        # with no resolved expression that near below it is skipped (the same answer)
        if token.i in self._above(token, 3) and (ref := self._subject_date(token)) is not None:
            return ref
        hosts = self._above(token, 2)
        seen: set[int] = set()
        t: Token | None = token
        while t is not None and t.i not in seen:
            seen.add(t.i)
            ref = self._modifier_of(t) if t.i in hosts else None
            if ref is not None:
                return ref
            t = None if t.head.i == t.i else t.head
        return None

    def _above(self, token: Token, depth: int) -> frozenset[int]:
        """Tokens of ``token``'s Doc with a resolved expression 1 to ``depth`` (2 or 3)
        dependency steps below them."""
        hosts = self._hosts.get(depth)
        if hosts is None:
            doc = token.doc
            levels: list[set[int]] = [set(), set(), set()]
            for i, k in self.by_token.items():
                if self.refs[k].value is None:
                    continue
                t = doc[i]
                for level in levels:
                    t = t.head
                    level.add(t.i)
            self._hosts[2] = frozenset(levels[0] | levels[1])
            self._hosts[3] = frozenset(levels[0] | levels[1] | levels[2])
            hosts = self._hosts[depth]
        return hosts

    def date_for(self, token: Token) -> tuple[dt.date | None, str]:
        """Date and precision of what ``token`` (a verb or event noun) states."""
        ref = self.governing_ref(token)
        if ref is not None:
            return ref.value, ref.precision
        return self.published, "publication"

    def _subject_date(self, token: Token) -> TimeRef | None:
        """"Thursday's meeting ended": the date of the event noun that is the subject."""
        if token.pos_ not in ("VERB", "AUX") or self._modifier_of(token) is not None:
            return None
        for child in token.children:
            # "announced an evacuation on Sunday", "forced thousands to flee on Oct. 28"
            subjectless = not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in child.children)
            if child.dep_ in ("dobj", "xcomp", "oprd") or (child.dep_ == "ccomp" and subjectless):
                ref = self._modifier_of(child)
                if ref is not None:
                    return ref
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN":
                for g in child.children:
                    if g.dep_ in ("poss", "compound", "nmod", "npadvmod"):
                        ref = self.ref_for_token(g.i)
                        if ref is not None and ref.value is not None:
                            return ref
        return None

    def _modifier_of(self, t: Token) -> TimeRef | None:
        for child in t.children:
            if child.dep_ == "prep" and child.lower_ in TEMPORAL_PREPS:
                for obj in child.children:
                    if obj.dep_ in ("pobj", "pcomp"):
                        ref = self.ref_for_token(obj.i)
                        if ref is not None and ref.value is not None:
                            return ref
            elif child.dep_ in TEMPORAL_DEPS:
                if child.dep_ in ("poss", "compound", "nmod", "dobj") and t.pos_ not in ("NOUN", "PROPN", "VERB"):
                    continue
                ref = self.ref_for_token(child.i)
                if ref is not None and ref.value is not None:
                    return ref
        return None


def clause_tense(token: Token) -> Tense:
    """The tense of the clause ``token`` sits in: past, present or future."""
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "past"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lemma_.lower() in _SCHEDULE_VERBS:  # "talks are scheduled for Wednesday"
        return "future"
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if any(a.lower_ == "to" for a in auxes) and verb.head.i != verb.i:
        head = verb.head
        if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ == "going":
            return "future"
        return clause_tense(head) if head.pos_ in ("VERB", "AUX") else "past"
    if verb.tag_ in ("VBD", "VBN") or any(a.tag_ in ("VBD", "VBN") for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG", "VB"):
        return "present"
    return "past"


def _candidate_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of temporal expressions: entities, then pattern matches."""
    spans: list[tuple[int, int]] = []
    for ent in doc_ents(doc):
        if ent.label_ == "DATE" or (ent.label_ == "TIME" and _PATTERN.search(ent.text)):
            spans.append((ent.start_char, ent.end_char))
    for m in _PATTERN.finditer(doc_text(doc)):
        s, e = m.span()
        overlapping = [sp for sp in spans if sp[0] < e and s < sp[1]]
        if not overlapping:
            spans.append((s, e))
        elif all(e - s > sp[1] - sp[0] and sp[0] >= s and sp[1] <= e for sp in overlapping):
            for sp in overlapping:
                spans.remove(sp)
            spans.append((s, e))
    return sorted(spans)


_LEADING_PREPS = frozenset({"on", "in", "at", "by", "during", "since", "until", "from", "over",
                            "through", "for"})


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    # "on Thursday" from the pattern: keep the expression, not a leading preposition
    while len(span) > 1 and span[0].lower_ in _LEADING_PREPS:
        span = span[1:]
    return span


def extract_dates(doc: Doc, ctx: ExtractionContext) -> DateTable:
    pub = ctx.article.published
    refs: list[TimeRef] = []
    by_token: dict[int, int] = {}
    for start, end in _candidate_spans(doc):
        span = _trim(doc, start, end)
        if span is None:
            continue
        value, precision = resolve(span.text, pub, clause_tense(span.root))
        k = len(refs)
        refs.append(TimeRef(span.start_char, span.end_char, span.text, value, precision))
        for tok in span:
            by_token[tok.i] = k
    return DateTable(tuple(refs), pub, by_token)
