"""In-document reference resolution for actors.

After names are resolved (``extract/actors.py``, ``extract/people.py``), this links:

- definite descriptions through roles: "the U.S. leader" -> the person introduced as
  U.S. President; "the Russian foreign minister" -> Lavrov (or the KB's holder of that
  role on the publication date when the article named nobody);
- pronouns: he/she -> the most salient compatible person (same sentence: the nearest;
  earlier sentences: subjects first), it/its -> a country or organisation, they/their ->
  a plural or group actor;
- plural references: "each side", "both sides", "the two sides" -> the last two people
  (or countries) of the preceding sentences;
- owned groups: "its troops" -> the owner with sector MIL, "its allies" -> a group
  actor "allies of X".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..kb.words import actor_words

if TYPE_CHECKING:
    from .actors import _Builder

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
WINDOW = 3  # sentences back


def _sent_numbers(doc) -> list[int]:
    out = []
    n = -1
    has = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    for tok in doc:
        if not has:
            out.append(0)
            continue
        if tok.is_sent_start or n < 0:
            n += 1
        out.append(n)
    return out


class _Seen:
    """Mentions in text order: (start token, actor ids, is_subject, sentence)."""

    def __init__(self) -> None:
        self.items: list[tuple[int, tuple[str, ...], bool, int]] = []

    def add(self, start: int, ids: tuple[str, ...], subject: bool, sent: int) -> None:
        self.items.append((start, ids, subject, sent))

    def candidates(self, before: int, sent: int):
        for item in reversed(self.items):
            if item[0] >= before:
                continue
            if sent - item[3] > WINDOW:
                break
            yield item


def _is_subject(b: "_Builder", start: int, end: int) -> bool:
    if not b.has_dep:
        return False
    return any(b.doc[i].dep_ in ("nsubj", "nsubjpass") for i in range(start, end))


def _pick(seen, i, sent, ok, as_subject: bool = False) -> str | None:
    """The nearest candidate: in earlier sentences subjects first; in the pronoun's own sentence
    the nearest, or for a subject pronoun the nearest subject ("Bush went after Trump, when *he*
    called the businessman 'unhinged'": Bush)."""
    best = None
    best_key = None
    for start, ids, subject, s in seen.candidates(i, sent):
        if len(ids) != 1 or not ok(ids[0]):
            continue
        dist = sent - s
        key = (dist, 0 if dist == 0 and not as_subject or subject else 1, -start)
        if best_key is None or key < best_key:
            best, best_key = ids[0], key
    return best


def _pick_plural(b, seen, i, sent) -> tuple[str, ...] | None:
    for start, ids, subject, s in seen.candidates(i, sent):
        if len(ids) > 1:
            return ids
        rec = b.records[ids[0]]
        if rec.kind == "group":
            return ids
        if rec.kind == "organization" and (rec.name.endswith("s") or rec.sector in ("REB", "UAF")):
            return ids  # "the Rapid Support Forces said *they* had seized", "the Taliban say they"
    return None


def _speaker_countries(b, i: int) -> set[str]:
    """The countries of the subject of the verb governing token ``i`` ("Turkey's foreign
    minister urged *both sides*": not one of the sides)."""
    t = b.doc[i]
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            break
        t = t.head
    out = set()
    for c in t.children:
        a = b.by_token.get(c.i) if c.dep_ == "nsubj" else None
        if a is not None and b.records[a].country:
            out.add(b.records[a].country)
    return out


def _pick_sides(b, seen, i, sent) -> tuple[str, ...] | None:
    speaker = _speaker_countries(b, i) if b.has_dep else set()
    for kind in ("person", "country"):
        found: list[str] = []
        for start, ids, subject, s in seen.candidates(i, sent):
            for a in ids:
                if b.records[a].kind == kind and a not in found and b.records[a].country not in speaker:
                    found.append(a)
            if len(found) >= 2:
                break
        if len(found) >= 2:
            return tuple(reversed(found[:2]))
    return None


def _description(b: "_Builder", tok, seen_people: dict[str, int]) -> None:
    """'the U.S. leader' -> the U.S. president named earlier."""
    doc, kb = b.doc, b.kb
    i = tok.i
    title = None
    for k in range(max(0, i - 3), i + 1):
        found = kb.title(tuple(doc[x].lower_ for x in range(k, i + 1)))
        if found is not None and all(x not in b.locked for x in range(k, i + 1)):
            title = (k, found)
            break
    if title is None:
        return
    # a determiner before the title (with optional country/adjective modifiers), or a
    # country owning it ("Azerbaijan's foreign minister", "Kenyan opposition leader")
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in tok.children):
        return  # "The group's leader, Mohamed Hamdan Dagalo": the name says who
    j = title[0] - 1
    country = None
    opposition = False
    modifiers = actor_words().opposition_modifiers
    while j >= 0 and i - j <= 6 and doc[j].lower_ not in ("the", "a", "an"):
        other = b.by_token.get(j)
        if other is not None and b.records[other].kind == "country":
            country = b.records[other].country
        elif doc[j].lower_ in modifiers:
            opposition = True
        elif doc[j].lower_ in ("'s", "’s"):
            if j > 0 and doc[j - 1].lemma_.lower() in actor_words().org_references:
                return  # "the group's leader": a body's leader, not a state's office holder
        elif not (doc[j].pos_ in ("ADJ", "PROPN", "NOUN") or doc[j].is_title or doc[j].is_upper) \
                or (other is not None and b.records[other].kind != "country"):
            break
        j -= 1
    if j >= 0 and doc[j].lower_ in ("the", "a", "an"):
        first = j
    elif country is not None:
        first = j + 1  # no determiner: the country's possessive or demonym opens the phrase
    else:
        return
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and (nxt.i in b.locked or (nxt.pos_ == "PROPN" and nxt.is_title)):
        return  # a title before a name, handled with the name
    family = title[1][1]
    opposition = opposition or title[1][0] == "OPP"  # "the opposition leader"
    title_text = " ".join(doc[x].lower_ for x in range(title[0], i + 1))
    other_office = country is not None and title_text in kb.title_exceptions.get(country, ())
    best = None
    # a shadow or opposition title is not its office holder ("Britain's shadow chancellor"),
    # nor a title of another office in its country ("Britain's chancellor" is not its leader)
    for aid, pos in ({} if opposition or other_office else seen_people).items():
        rec = b.records[aid]
        if pos >= i or family not in rec.families:
            continue
        if country is not None and rec.country != country:
            continue
        if best is None or pos > seen_people[best]:
            best = aid
    if best is None and country is not None and b.published is not None and not opposition and not other_office:
        for known in kb.registry_records():
            role = known.role_on(b.published)
            if known.kind == "person" and role and role.country == country:
                t = kb.title(tuple(role.role.lower().split()))
                if t and t[1] == family:
                    best = b.add("person", known.name)
                    rec = b.records[best]
                    rec.known, rec.country, rec.sector = known, known.country, role.sector
                    rec.gender = known.gender
                    rec.roles.append(role.role)
                    rec.families.add(family)
                    break
    if best is None and doc[first].lower_ != "a" and (country is not None or opposition):  # "Britain's chancellor"
        best = _role_actor(b, doc[title[0]:i + 1].text, title[1], country, opposition,
                           doc[first + (doc[first].lower_ == "the"):i + 1].text)
    if best is not None:
        b.assign(first, i + 1, best, lock=True)


def _role_actor(b: "_Builder", title: str, found: tuple[str, str], country: str | None,
                opposition: bool, text: str) -> str:
    """A person known only by a role ("Azerbaijan's foreign minister", "the shadow
    chancellor"): one actor per country and title in the article, with the title's
    sector (OPP for an opposition or shadow title)."""
    sector, family = found
    key = f"role:{country or ''}:{title.lower()}:{int(opposition)}"
    aid = b.add("person", text, country=None, sector=None, key=key)
    rec = b.records[aid]
    rec.country = rec.country or country
    rec.sector = "OPP" if opposition else sector
    rec.families.add(family)
    if title not in rec.roles:
        rec.roles.append(title)
    return aid


def resolve(b: "_Builder") -> None:
    doc = b.doc
    sents = _sent_numbers(doc)
    # 1. definite descriptions, in text order, against people seen before
    # one pass: ``last_seen`` holds each person's last token before ``tok`` (a description
    # resolved here counts as a mention for later ones)
    last_seen: dict[str, int] = {}
    titles = b.kb.titles
    for tok in doc:
        aid = b.by_token.get(tok.i)
        if aid is not None:
            if b.records[aid].kind == "person":
                last_seen[aid] = tok.i
            continue
        if tok.pos_ in ("NOUN", "PROPN") and (tok.lower_.rstrip("."),) in titles:
            _description(b, tok, last_seen)
            for k in range(max(0, tok.i - 6), tok.i + 1):
                got = b.by_token.get(k)
                if got is not None and b.records[got].kind == "person":
                    last_seen[got] = max(last_seen.get(got, -1), k)
    # 2. pronouns and plural references, left to right
    seen = _Seen()
    i = 0
    n = len(doc)
    words = actor_words()
    side_first: dict[str, list[tuple[str, ...]]] = {}
    for p in words.side_phrases:
        side_first.setdefault(p[0], []).append(p)
    while i < n:
        tok = doc[i]
        sent = sents[i]
        low = tok.lower_
        side = None
        if low in side_first:
            side = next((p for p in side_first[low]
                         if all(i + k < n and doc[i + k].lower_ == w for k, w in enumerate(p[1:], 1))), None)
        if side is not None and i not in b.by_token:
            ids = _pick_sides(b, seen, i, sent)
            if ids:
                for k in range(i, i + len(side)):
                    b.plural[k] = ids
                    b.by_token[k] = ids[0]
                seen.add(i, ids, _is_subject(b, i, i + len(side)), sent)
            i += len(side)
            continue
        if i in b.by_token:
            aid = b.by_token[i]
            end = i
            while end + 1 < n and b.by_token.get(end + 1) == aid and (end + 1) not in b.plural:
                end += 1
            ids = b.plural.get(i) or (aid,)
            seen.add(i, ids, _is_subject(b, i, end + 1), sent)
            i = end + 1
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in words.org_references and _definite_only(tok):
            # "the militant group", "the movement": the organisation named last (not a body of
            # states: "rallying NATO ... to cut off *the group's* revenue" is not NATO's)
            org = _pick(seen, i, sent, lambda a: b.records[a].kind == "organization" and b.records[a].sector != "IGO")
            if org:
                b.by_token[i] = org
                seen.add(i, (org,), _is_subject(b, i, i + 1), sent)
            i += 1
            continue
        if tok.pos_ == "PRON" or low in MALE | FEMALE | NEUTER | PLURAL:
            found: str | tuple[str, ...] | None = None
            if low in MALE or low in FEMALE:
                g = "m" if low in MALE else "f"
                bound = _clause_subject_actor(b, tok)
                found = _pick(seen, i, sent, lambda a: b.records[a].kind == "person"
                              and b.records[a].gender in (None, g) and a != bound,
                              as_subject=b.has_dep and tok.dep_ == "nsubj")
            elif low in NEUTER:
                found = _pick(seen, i, sent, lambda a: b.records[a].kind in ("country", "organization"))
            elif low in PLURAL:
                found = _pick_plural(b, seen, i, sent)
            if isinstance(found, tuple):
                b.plural[i] = found
                b.by_token[i] = found[0]
                seen.add(i, found, _is_subject(b, i, i + 1), sent)
            elif found:
                b.by_token[i] = found
                seen.add(i, (found,), _is_subject(b, i, i + 1), sent)
        i += 1
    _owned(b)


def _definite_only(tok) -> bool:
    """``tok`` heads "the (adjective) noun" and nothing more: no name, number, possessor or
    phrase that would say which one ("the group of protesters", "the group's leader" are not)."""
    kids = list(tok.children)
    return tok.lower_ == tok.lemma_ and any(c.dep_ == "det" and c.lower_ == "the" for c in kids) and all(
        c.dep_ == "det" or c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "NOUN") and c.is_lower
        and not c.ent_type_ for c in kids if c.i < tok.i
    ) and not any(c.dep_ == "prep" and c.lower_ == "of" and any(x.dep_ == "pobj" for x in c.children) for c in kids)


def _clause_subject_actor(b: "_Builder", pron) -> str | None:
    """The actor of the subject of the clause whose object ``pron`` is: an object pronoun is
    never its own clause's subject ("the governor tripped up Rubio by calling *him* out": not
    the governor; "himself" would be)."""
    if not b.has_dep or pron.dep_ not in ("dobj", "dative", "iobj") or pron.lower_ not in ("him", "her"):
        # (an object form, never a possessive "her", nor a subject "he" the parse hung as an object)
        return None
    v = pron.head
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return b.by_token.get(subj.i)
        if v.dep_ not in ("xcomp", "advcl", "pcomp", "conj", "prep") or v.head.i == v.i:
            return None
        v = v.head
    return None


def _last_positions(b: "_Builder", before: int) -> dict[str, int]:
    out: dict[str, int] = {}
    for i, aid in b.by_token.items():
        if i < before and b.records[aid].kind == "person":
            out[aid] = max(out.get(aid, -1), i)
    return out


def _owned(b: "_Builder") -> None:
    """'its troops' -> owner with the noun's sector; 'its allies' -> allies of the owner."""
    if not b.has_dep:
        return
    for tok in b.doc:
        if tok.i in b.by_token:
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.i in b.by_token), None)
        if poss is None:
            continue
        owner = b.by_token[poss.i]
        if tok.lower_ in actor_words().owned_groups:
            rec = b.records[owner]
            aid = b.add("group", f"allies of {rec.name}", key=f"allies:{owner}")
            b.records[aid].country = None
            b.by_token[tok.i] = aid
        elif tok.lower_ in b.kb.sector_nouns and tok.pos_ == "NOUN":
            b.by_token[tok.i] = owner
            b.sector_by_token[tok.i] = b.kb.sector_nouns[tok.lower_]
