"""Organisation names the knowledge base does not know, found by their form: a run of
capitalised words (with joining words such as "of", "on") that holds an organisation
head word ("The Kenya National Commission on Human Rights", "the Law Society of Kenya").
Such a name is an actor of its own; a country inside it gives it a country, never its
identity. Internal to ``extract/actors.py``."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..kb.words import ActorWords


@dataclass(frozen=True)
class OrgName:
    start: int  # token indexes, ``end`` exclusive
    end: int
    head: int  # the organisation head word ("Commission")


def _capital(tok) -> bool:
    """A capitalised word that can be part of a name (a verb in a title-case headline can not)."""
    return ((tok.is_alpha or tok.like_num) and tok.text[:1].isupper() and tok.lower_ not in ("i",)
            and tok.pos_ not in ("VERB", "AUX"))


def _runs(doc: Doc, words: ActorWords, stop: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens joined by joining words or in-word hyphens."""
    out = []
    i, n = 0, len(doc)
    while i < n:
        if not _capital(doc[i]) or i in stop:
            i += 1
            continue
        j = i + 1
        last = i + 1
        while j < n and j not in stop:
            t = doc[j]
            if t.ent_type_ in ("DATE", "TIME"):
                break  # "the Law Society of Kenya on Monday"
            if _capital(t):
                last = j + 1
            elif t.lower_ in words.name_joiners and not t.text[:1].isupper() or (
                    t.text == "-" and not doc[j - 1].whitespace_):
                pass
            else:
                break
            j += 1
        out.append((i, last))
        i = max(j, i + 1)
    return out


def _split_and(doc: Doc, run: tuple[int, int], heads) -> list[tuple[int, int]]:
    """Split a run at "and"/"&" between two names ("... Human Rights and the Law Society"):
    before "the", or where both sides hold a head word."""
    start, end = run
    cuts = [k for k in range(start + 1, end - 1) if doc[k].lower_ in ("and", "&")]
    out = []
    for k in cuts:
        before = any(doc[x].lower_ in heads for x in range(start, k))
        after = any(doc[x].lower_ in heads for x in range(k + 1, end))
        if doc[k + 1].lower_ == "the" or (before and after):
            out.append((start, k))
            start = k + 1
    out.append((start, end))
    return [(a, b) for a, b in out if b > a]


def find_org_names(doc: Doc, words: ActorWords, title_words: frozenset[str],
                   stop: set[int] = frozenset()) -> list[OrgName]:  # type: ignore[assignment]
    """Organisation names by form, left to right. ``title_words`` end a name ("... Society
    President"); tokens in ``stop`` (people's names) are never part of one."""
    heads = words.org_heads
    out: list[OrgName] = []
    runs = [part for run in _runs(doc, words, set(stop)) for part in _split_and(doc, run, heads)]
    for start, end in runs:
        if doc[start].lower_ == "the":
            start += 1
        # the first segment (between joining words and titles) with a head word starts the name
        seg_start, head, tail = start, None, False
        for k in range(start, end):
            t = doc[k]
            low = t.lower_
            joiner = low in words.name_joiners and not t.text[:1].isupper()
            if head is None:
                if joiner or (low in title_words and low not in heads):
                    seg_start = k + 1  # "President of the Law Society": the title is no part
                elif low in heads and (k > seg_start or k + 1 < end and doc[k + 1].lower_ in words.name_joiners):
                    head = k
                continue
            if low in ("and", "&") and not tail or (low in title_words and low not in heads):
                end = k  # "Kenya Defence Forces and Russia", "... Society President"
                break
            if not tail and not joiner and t.text != "-":
                if low in heads and k == head + 1:
                    head = k  # "National Police Service": the last head word
                    continue
                end = k  # a headline's words after the head: "Estonia Government | Gives Up ..."
                break
            tail = tail or joiner and low not in ("and", "&")
        while end > seg_start and (doc[end - 1].lower_ in words.name_joiners or doc[end - 1].text == "-"):
            end -= 1
        if head is None or end - seg_start < 2:
            continue
        out.append(OrgName(seg_start, end, head))
    return out
