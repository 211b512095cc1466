"""Quotation-mark scanning: which stretches of a parsed Doc are quoted.

Handles straight (``"``), curly (``“ ”``), doubled (``''`` / ````` ``), low (``„``) and
guillemet marks; single marks inside a double-quoted stretch are nested quotes and stay
part of it. A quote that runs over several paragraphs, where each paragraph opens it
again and only the last one closes it, is one :class:`QuoteRegion` with one segment per
paragraph. Unbalanced marks never raise: a quote left open at the end of its paragraph
ends there and is flagged ``closed=False`` (lower confidence); a closing mark with
nothing open is ignored.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .doc_tokens import TokenTable, token_table

OPENERS = frozenset({"“", "``", "„", "«"})
CLOSERS = frozenset({"”", "»"})
AMBIGUOUS = frozenset({'"', "''", "＂"})
DOUBLE_MARKS = OPENERS | CLOSERS | AMBIGUOUS


@dataclass(frozen=True)
class QuoteRegion:
    """A quoted stretch: token segments (inclusive of the marks), one per paragraph."""

    segments: tuple[tuple[int, int], ...]  # (first token, last token), inclusive
    closed: bool = True

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        """Last token (inclusive)."""
        return self.segments[-1][1]

    def contains(self, i: int) -> bool:
        return any(a <= i <= b for a, b in self.segments)

    def n_words(self, doc: Doc) -> int:
        punct = token_table(doc).is_punct
        return sum(1 for a, b in self.segments for i in range(a, b + 1) if not punct[i])


def is_double_mark(tok: Token) -> bool:
    return tok.text in DOUBLE_MARKS


def paragraph_ids(doc: Doc) -> list[int]:
    """Paragraph number of each token (a paragraph ends at a line break)."""
    return list(token_table(doc).paragraph)


def _direction(tab: TokenTable, i: int, is_open: bool) -> str:
    """'open' or 'close' for the mark at ``i`` given the current state."""
    text = tab.text[i]
    if text in OPENERS:
        return "open"
    if text in CLOSERS:
        return "close"
    n = len(tab.text)
    before = i == 0 or tab.space_after[i - 1] or tab.is_space[i - 1] or tab.text[i - 1] in "([{—–-"
    after = i + 1 >= n or not tab.space_after[i] and not tab.is_punct[i + 1]
    if before and after and not tab.space_after[i]:
        return "open"
    if not before and (tab.space_after[i] or i + 1 >= n or tab.is_punct[i + 1]):
        return "close"
    return "close" if is_open else "open"


def _last_content_token(tab: TokenTable, a: int, b: int) -> int:
    while b > a and tab.is_space[b]:
        b -= 1
    return b


def scan_quotes(doc: Doc, paragraphs: list[int] | None = None) -> tuple[QuoteRegion, ...]:
    """The quoted regions of ``doc`` in text order (never raises on odd marks)."""
    tab = token_table(doc)
    para = paragraphs if paragraphs is not None else paragraph_ids(doc)
    marks = [i for i, text in enumerate(tab.text) if text in DOUBLE_MARKS]
    if not marks:
        return ()
    para_end: dict[int, int] = {}
    para_start: dict[int, int] = {}

    def last_of(p: int) -> int:
        if not para_end:  # only a quote left open at the end of its paragraph needs them
            for i, q in enumerate(para):
                para_end[q] = i
                para_start.setdefault(q, i)
        return para_end[p]

    def first_word(p: int) -> int:
        last_of(p)
        i = para_start[p]
        while i < len(doc) and tab.is_space[i]:
            i += 1
        return i

    regions: list[QuoteRegion] = []
    pending: list[tuple[int, int]] = []  # segments of a multi-paragraph quote still open
    open_at: int | None = None
    for i in marks:
        if open_at is not None and para[i] != para[open_at]:
            # the quote opened in an earlier paragraph was not closed there
            p = para[open_at]
            seg = (open_at, _last_content_token(tab, open_at, last_of(p)))
            nxt = p + 1
            while nxt < para[i] and first_word(nxt) > last_of(nxt):
                nxt += 1  # skip empty paragraphs
            if nxt == para[i] and i == first_word(nxt) and _direction(tab, i, False) == "open":
                pending.append(seg)  # each paragraph opens it again; only the last closes
                open_at = i
                continue
            regions.append(QuoteRegion(tuple(pending) + (seg,), closed=False))
            pending = []
            open_at = None
        if open_at is None:
            if _direction(tab, i, False) == "open":
                open_at = i
            continue  # a stray closing mark with nothing open is ignored
        if tab.text[i] in OPENERS:
            open_at = i  # two openers in a row: the first one was stray
            continue
        regions.append(QuoteRegion(tuple(pending) + ((open_at, i),), closed=True))
        pending = []
        open_at = None
    if open_at is not None:
        p = para[open_at]
        seg = (open_at, _last_content_token(tab, open_at, last_of(p)))
        regions.append(QuoteRegion(tuple(pending) + (seg,), closed=False))
    return tuple(r for r in regions if r.end > r.start)


def region_index(regions: tuple[QuoteRegion, ...], n_tokens: int) -> list[int]:
    """For each token, the index of the region containing it, or -1."""
    out = [-1] * n_tokens
    for k, r in enumerate(regions):
        for a, b in r.segments:
            for i in range(a, b + 1):
                out[i] = k
    return out
