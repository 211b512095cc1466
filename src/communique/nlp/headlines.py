"""Headlines in title case, parsed as the sentences they are.

The English model tags most words of a title-case headline as proper nouns ("Paul Votes
To Condemn Donald Trump's Muslim Ban": *Votes*, *Condemn* and *Ban* names, no verb), so
the event rules find nothing in it. The ``communique_headlines`` component runs after the
whole pipeline. For each sentence whose longer words are nearly all capitalised
(``title_case``), it writes the sentence in sentence case (``sentence_case``: function
words, common nouns of people and the inflected forms of event trigger words lower-cased, and
a bare trigger word after a plural subject of people ("Thousands *Protest*"), names kept; the trigger
words are the event lexicon's, ``event_model.curated_trigger_words``), parses that
copy on its own and copies its tags, lemmas, dependencies and entities onto the
sentence's tokens. The text, the tokens and every character offset stay the article's
own; a sentence the copy would tokenise differently is left as it was. Ordinary prose is
never touched: it has lower-case words, and where it has none (a list of names) nothing in
it changes case.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..kb.words import actor_words

COMPONENT = "communique_headlines"
ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
LONG = 4  # words this long or longer decide whether a sentence is in title case
TITLE_SHARE = 0.75
# what may follow a lower-cased "to" or modal as the bare verb it governs ("Votes To *Condemn*")
_GOVERNORS = frozenset({"to", "will", "would", "can", "could", "must", "should", "may", "might", "not"})
_INFLECTIONS = ("ies", "ied", "es", "ed", "ing", "s", "d")



def _title(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() and word[1:] == word[1:].lower()


def title_case(sent: Span) -> bool:
    """The sentence is a title-case headline: at least three words of four letters or more
    after its first word, and three in four of them capitalised (not all capitals)."""
    words = [t.text for t in sent[1:] if t.is_alpha and len(t.text) >= LONG]
    if len(words) < 3:
        return False
    return sum(1 for w in words if _title(w)) >= TITLE_SHARE * len(words)


def _inflected_trigger(word: str, triggers: frozenset[str]) -> bool:
    """``word`` is an inflected form of a trigger lemma ("endorses", "slams", "accused")."""
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                stem += "y"
            if stem in triggers or stem + "e" in triggers:
                return True
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in triggers:  # "slammed", "vetted"
                return True
    return False


def sentence_case(sent: Span, triggers: frozenset[str]) -> str | None:
    """The sentence's text in sentence case, of the same length, or None where no word
    changes: a capitalised function word, an inflected trigger word, a bare trigger word
    after a lower-cased "to" or modal, or a word in -s before "to" is lower-cased; the first
    word and any other capitalised word (a name) are kept."""
    chars = list(sent.text)
    people, common = actor_words().people_nouns, actor_words().headline_lower
    changed = False
    prev_lower = False
    for t in sent[1:]:
        low = t.lower_
        nxt = t.nbor(1).lower_ if t.i + 1 < sent.end else ""
        lower_it = _title(t.text) and (
            low in STOP_WORDS and low != "i" or low in common
            or _inflected_trigger(low, triggers)
            or prev_lower and t.nbor(-1).lower_ in _GOVERNORS and low in triggers
            # a bare verb after a plural subject of people ("Thousands *Protest*", "Police *Arrest*")
            or low in triggers and (t.nbor(-1).lower_ in people or t.nbor(-1).lower_ in common)
            or low in people  # common nouns of people ("Police *Arrest*")
            or low.endswith("s") and nxt == "to")  # a verb with its infinitive ("Votes To", "Plans To")
        if lower_it:
            start = t.idx - sent.start_char
            chars[start:start + len(t.text)] = low
            changed = True
        prev_lower = bool(lower_it) or not _title(t.text)
    return "".join(chars) if changed else None


def _lines(sent: Span) -> list[Span]:
    """The sentence cut after each line break: a headline the parser ran into the first
    sentence of the text ("... on Ukraine\n\nU.S. Secretary of State ...") is a line of its own."""
    parts = []
    start = sent.start
    for t in sent:
        if t.is_space and "\n" in t.text and t.i + 1 < sent.end:
            parts.append(sent.doc[start:t.i + 1])
            start = t.i + 1
    parts.append(sent.doc[start:sent.end])
    return parts


def misread_names(part: Span, title: bool = False) -> list[int]:
    """Tokens of ``part`` that are a surname the tagger read as a word ("*Trump* demands
    Ginsburg resign": a noun), or would read so once a title-case ``part`` is in sentence
    case, and that have a stand-in name of their length (not inside a hyphenated word:
    "an anti-*Trump* rally" reads right)."""
    words = actor_words()
    doc = part.doc
    return [t.i for t in part if t.text in words.word_names
            and (title or t.tag_ not in ("NNP", "NNPS") or _hung_verb(t)) and len(t.text) in words.name_stand_ins
            and not (t.i > 0 and doc[t.i - 1].text == "-" or t.i + 1 < len(doc) and doc[t.i + 1].text == "-")]


def _hung_verb(name: Token) -> bool:
    """The parse made the name the root and hung its verb on it as a modifier ("*Trump mocked*
    Rubio's sweating": "mocked" an adjective of "Trump")."""
    doc = name.doc
    return name.dep_ == "ROOT" and name.i + 1 < len(doc) and doc[name.i + 1].tag_ in ("VBD", "VBN") \
        and doc[name.i + 1].dep_ == "amod"


def with_stand_ins(text: str, part: Span, names: list[int]) -> str:
    """``text`` (of ``part``'s length) with each misread name replaced by its stand-in."""
    chars = list(text)
    for i in names:
        t = part.doc[i]
        start = t.idx - part.start_char
        chars[start:start + len(t.text)] = actor_words().name_stand_ins[len(t.text)]
    return "".join(chars)


def _units(doc: Doc) -> list[list[Span]]:
    """Each sentence's lines (``_lines``), grouped as the sentence groups them; a title-case
    headline the parser cut into sentences ("Trump Blasts Cruz | As A Liar") is one line
    again: fragments of one line are joined while the joined text is in title case."""
    units = [_lines(sent) for sent in doc.sents]
    out: list[list[Span]] = []
    for parts in units:
        prev = out[-1][-1] if out else None
        first = parts[0]
        if prev is not None and prev.end == first.start and not any("\n" in t.text for t in prev if t.is_space) \
                and not (title_case(prev) and title_case(first)) and title_case(doc[prev.start:first.end]):
            out[-1][-1] = doc[prev.start:first.end]  # (two headlines of their own stay two)
            out[-1].extend(parts[1:])
        else:
            out.append(list(parts))
    return out


def reparse_headlines(nlp: Language, doc: Doc, before: str = COMPONENT) -> int:
    """Re-parse every title-case line of ``doc`` in sentence case, on its own, with
    ``nlp``'s components up to ``before``, and copy the annotations back (the rest of a
    sentence the headline was run into is parsed on its own too); the number of headlines
    re-parsed. A sentence with a surname the tagger misread as a word is re-parsed the same
    way with a stand-in name in its place (``misread_names``), the name keeping its own
    lemma. The copies of one document go through each component as one batch."""
    triggers: frozenset[str] | None = None
    jobs: list[tuple[Span, Doc, bool, list[int]]] = []
    for parts in _units(doc):
        titles = [title_case(p) for p in parts]
        names = [misread_names(p, t) for p, t in zip(parts, titles)]
        if not any(titles) and not any(names):
            continue
        if triggers is None and any(titles):
            from ..extract.event_model import curated_trigger_words  # (the event lexicon is extraction data)

            triggers = curated_trigger_words()
        for part, title, misread in zip(parts, titles, names):
            text = (sentence_case(part, triggers) if title and triggers is not None else None) or (
                part.text if len(parts) > 1 or misread else None)
            if text is None:
                continue  # a headline alone in its sentence with nothing to recase
            copy = nlp.make_doc(with_stand_ins(text, part, misread))
            if len(copy) == len(part) and all(a.idx - part.start_char == b.idx for a, b in zip(part, copy)):
                jobs.append((part, copy, title, misread))  # (one tokenised differently keeps the original parse)
    if not jobs:
        return 0
    copies = [job[1] for job in jobs]
    for name, proc in nlp.pipeline:
        if name == before:
            break
        copies = list(proc.pipe(copies)) if hasattr(proc, "pipe") else [proc(c) for c in copies]
    arr: Any = doc.to_array(ATTRS)  # (uint64 rows, one per token)
    for (part, _, _, _), copy in zip(jobs, copies):
        arr[part.start:part.end] = copy.to_array(ATTRS)
    doc.from_array(ATTRS, arr)
    for _, _, _, misread in jobs:
        for i in misread:
            doc[i].lemma_ = doc[i].text  # (the stand-in's lemma came with the copy's annotations)
    return sum(1 for job in jobs if job[2])


class HeadlineParser:
    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        reparse_headlines(self.nlp, doc)
        return doc


@Language.factory(COMPONENT)
def make_headline_parser(nlp: Language, name: str) -> HeadlineParser:  # noqa: ARG001 (spaCy's factory signature)
    return HeadlineParser(nlp)


def install(nlp: Language) -> None:
    """Add the component at the end of the pipeline (once), where it has a parser."""
    if COMPONENT in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    nlp.add_pipe(COMPONENT, last=True)


__all__ = ["COMPONENT", "HeadlineParser", "install", "reparse_headlines", "sentence_case", "title_case"]
