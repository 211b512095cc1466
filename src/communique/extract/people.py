"""People in an article: PERSON names and surnames joined into one actor per person,
with roles, country and sector from titles ("U.S. Secretary of State Antony Blinken"),
appositives ("Maria Zakharova, Russia's foreign ministry spokesperson") and the KB's
dated roles. Internal to ``extract/actors.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..kb.names import normalize_name
from .doc_tokens import doc_ents

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .actors import _Builder

_DETS = frozenset({"the", "a", "an"})
STATE_TITLE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "OPP"})


def _title_words(kb) -> frozenset[str]:
    return frozenset(w for key in kb.titles for w in key)


def _name_spans(b: "_Builder") -> list[tuple[int, int, str]]:
    doc, kb = b.doc, b.kb
    out = []
    persons = [ent for ent in doc_ents(doc) if ent.label_ == "PERSON"]
    surnames = {ent[-1].lower_ for ent in persons if len(ent) > 1}
    for ent in persons:
        if (len(ent) == 1 and ent[0].lower_ not in surnames and ent[0].lower_ not in kb.given_names
                and kb.person(ent.text) is None and kb.place_country(ent.text) is not None):
            continue  # "shelled Kharkiv" (labelled PERSON): a place, unless someone of that surname is named
        s, e = ent.start, ent.end
        while s < e and (doc[s].lower_ in _DETS or kb.title((doc[s].lower_,)) is not None):
            s += 1
        while e > s and (doc[e - 1].lower_ in ("'s", "’s") or doc[e - 1].is_punct or doc[e - 1].is_space):
            e -= 1
        if s >= e:
            continue
        text = " ".join(t.text for t in doc[s:e])
        if kb.lookup(text) is not None and kb.person(text) is None:
            continue  # "Twitter", a country mislabelled PERSON
        owners = {b.by_token.get(i) for i in range(s, e)}
        owner = next(iter(owners)) if len(owners) == 1 else None
        if owner is not None and b.records[owner].kind == "organization":
            continue  # "Boko Haram": an organisation of the dictionaries mislabelled PERSON
        out.append((s, e, text))
    return out


def _add_person(b: "_Builder", canonical: str, rec=None) -> str:
    aid = b.add("person", canonical)
    r = b.records[aid]
    if rec is not None:
        r.gender = r.gender or rec.gender
    if r.gender is None:
        r.gender = b.kb.gender_of(canonical)
    return aid


def _cluster(b: "_Builder", names: list[tuple[int, int, str]]) -> dict[str, str]:
    kb = b.kb
    surnames: dict[str, str] = {}
    for s, e, text in names:
        if e - s < 2:
            continue
        rec = kb.person(text)
        canonical = rec.name if rec else text
        aid = _add_person(b, canonical, rec)
        b.records[aid].known = b.records[aid].known or rec
        for n in (canonical, text, *(rec.aliases if rec else ())):
            parts = normalize_name(n).split()
            if parts:
                surnames.setdefault(parts[-1], aid)
        b.assign(s, e, aid, lock=True)
    for s, e, text in names:
        if e - s >= 2:
            continue
        key = normalize_name(text)
        found = surnames.get(key)
        if found is not None:
            aid = found
        else:
            # a lone common first name ("Charles") is no one's surname; a surname described as a
            # private person ("Cameron, the chief executive officer of Mountaire") is someone else
            rec = kb.person(text) or (kb.person_by_surname(text) if key not in kb.given_names
                                      and not _described_privately(b.doc[s], kb.private_roles) else None)
            canonical = rec.name if rec else text
            aid = _add_person(b, canonical, rec)
            b.records[aid].known = b.records[aid].known or rec
            surnames.setdefault(normalize_name(canonical).split()[-1], aid)
            surnames.setdefault(key, aid)
        b.assign(s, e, aid, lock=True)
    return surnames


def _described_privately(tok: "Token", roles: frozenset[str]) -> bool:
    """``tok``'s appositive, or the phrase it is the appositive of, heads on a private role
    ("Cameron, *the chief executive officer* of Mountaire")."""
    phrases = [c for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ == "appos":
        phrases.append(tok.head)
    return any(p.lemma_.lower() in roles or any(c.dep_ == "compound" and c.lemma_.lower() in roles
                                                 for c in p.children) for p in phrases)


def _sweep_surnames(b: "_Builder", surnames: dict[str, str]) -> None:
    """Surnames the NER labelled otherwise ("Blinken" as GPE) or missed, anywhere in the text."""
    doc = b.doc
    for tok in doc:
        if tok.i in b.locked or not tok.text[:1].isupper() or tok.is_sent_start and tok.lower_ in _DETS:
            continue
        key = normalize_name(tok.text)
        aid = surnames.get(key)
        rec = b.kb.person_by_surname(tok.text) if aid is None else None  # a dict lookup first, then the checks
        if rec is not None and _lone_surname(b, tok) and not _described_privately(tok, b.kb.private_roles):
            aid = _add_person(b, rec.name, rec)
            b.records[aid].known = b.records[aid].known or rec
            surnames[key] = aid
        if aid is not None and (tok.pos_ in ("PROPN", "NOUN", "") or tok.ent_type_):
            b.assign(tok.i, tok.i + 1, aid, lock=True)


def _lone_surname(b: "_Builder", tok) -> bool:
    """A capitalised word that may be a surname alone, which the NER missed or
    labelled otherwise ("Trump" as ORG at the start of a sentence); not part of a longer
    name ("Trump Tower"), not a name the table already resolved, not a date or a place
    ("in May", "Austin") and no common first name ("Charles")."""
    if tok.i in b.by_token or tok.pos_ not in ("PROPN", "NOUN") or not tok.is_title:
        return False
    if tok.ent_type_ and tok.ent_iob_ != "B" or tok.i + 1 < len(b.doc) and b.doc[tok.i + 1].ent_iob_ == "I":
        return False
    if tok.ent_type_ in ("DATE", "TIME", "EVENT", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
        return False  # "in May"; a place is ruled out below by the gazetteer ("Austin"), not by
        # the recogniser, which calls many surnames GPE ("Blinken held a call"), nor a lone word
        # it calls a facility ("attacks against *Rubio* in Saturday's debate")
    kb = b.kb
    # a compound of a name is part of it ("Trump Tower"), except a known head of state's or government's
    # name the recogniser took for a place before a common noun ("decided to back *Obama* days before");
    # a place is no surname ("Flooding hit *Austin*")
    if kb.lookup(tok.text) is not None or tok.lower_ in kb.given_names:  # ("Charles": a first name of many)
        return False
    if tok.dep_ == "compound":  # (the recogniser's place before a common noun: "back *Obama* days before")
        return tok.head.pos_ == "NOUN" and tok.ent_type_ == "GPE" and _leader(kb, tok.text)
    return kb.place_country(tok.text) is None


def _leader(kb, surname: str) -> bool:
    """The person the knowledge base knows by ``surname`` has led a state (a role of the
    "leader" family in roles.yaml: president, prime minister, king ...)."""
    rec = kb.person_by_surname(surname)
    return rec is not None and any((t := kb.title(tuple(r.role.split()))) is not None and t[1] == "leader"
                                   for r in rec.roles)


def _title_before(b: "_Builder", s: int, aid: str, words: frozenset[str]) -> None:
    doc, kb = b.doc, b.kb
    lo = doc[s].sent.start if b.doc.has_annotation("SENT_START") or b.has_dep else 0
    j = s - 1
    while j >= lo and s - j <= 8:
        t = doc[j]
        if t.is_space or (t.is_punct and t.text != "-") or t.lower_ in _DETS:
            break
        if b.by_token.get(j) == aid:
            break
        if not (t.is_title or t.is_upper or t.lower_.rstrip(".") in words or t.lower_ in ("of", "'s", "’s")
                or (t.pos_ == "ADJ" and j + 1 < s and doc[j + 1].lower_.rstrip(".") in words)
                or (j in b.by_token and b.records[b.by_token[j]].kind != "person")):
            break
        j -= 1
    first = j + 1
    if first >= s:
        return
    role = None
    for k in range(first, s):
        found = kb.title(tuple(doc[x].lower_ for x in range(k, s)))
        if found is not None:
            role = (k, doc[k:s].text, found)
            break
    country = None
    country_at = s
    body = None  # an organisation the title is of ("*Houthi* spokesman", "*EU* foreign policy chief")
    for x in range(first, role[0] if role else s):
        other = b.by_token.get(x)
        if other is not None and b.records[other].kind == "country":
            country, country_at = b.records[other].country, x
            break
        if other is not None and b.records[other].kind == "organization" and body is None:
            body = b.records[other]
    if role is None and country is None:
        return
    rec = b.records[aid]
    _give_role(b, aid, role, country)
    if role is not None and country is None and body is not None and body.sector and not _dated_role(b, rec):
        rec.sector = body.sector  # the group's own official, not a government's
        rec.country = body.country
    start = min(country_at, role[0] if role else s)
    b.assign(start, s, aid, lock=True)


def _dated_role(b: "_Builder", rec) -> bool:
    """The KB gives the person a role on the article's date (which a title in the text does
    not override: "Taliban spokesman Zabihullah Mujahid" speaks for the government since 2021)."""
    known = rec.known or b.kb.person(rec.name)
    return known is not None and b.published is not None and known.role_on(b.published) is not None


def _give_role(b: "_Builder", aid: str, role, country: str | None) -> None:
    rec = b.records[aid]
    if role is not None:
        _, text, (sector, family) = role
        rec.roles.append(text)
        rec.families.add(family)
        if rec.sector is None or rec.sector == "GOV" and sector != "GOV":
            rec.sector = sector
        if "spokeswoman" in text.lower():
            rec.gender = "f"
    if country and rec.country is None:
        rec.country = country


def _appositive(b: "_Builder", head_i: int, aid: str) -> None:
    doc, kb = b.doc, b.kb
    head = doc[head_i]
    for c in head.children:
        if c.dep_ != "appos" or c.i < head_i:
            continue
        role = None
        for k in range(c.left_edge.i, c.i + 1):
            found = kb.title(tuple(doc[x].lower_ for x in range(k, c.i + 1)))
            if found is not None:
                role = (k, doc[k:c.i + 1].text, found)
                break
        if role is None:
            continue
        country = None
        for x in range(c.left_edge.i, c.right_edge.i + 1):
            other = b.by_token.get(x)
            if other is not None and b.records[other].kind == "country":
                country = b.records[other].country
                break
        _give_role(b, aid, role, country)
        end = c.right_edge.i
        while end > c.i and doc[end].is_punct:
            end -= 1
        b.assign(c.left_edge.i, end + 1, aid, lock=True)


def apply_people(b: "_Builder") -> None:
    names = _name_spans(b)
    surnames = _cluster(b, names)
    _sweep_surnames(b, surnames)
    words = _title_words(b.kb)
    # titles and appositives around every name mention
    starts = sorted(i for i in b.locked if b.records[b.by_token[i]].kind == "person"
                    and (i - 1 not in b.locked or b.by_token.get(i - 1) != b.by_token[i]))
    for s in starts:
        aid = b.by_token[s]
        e = s
        while e + 1 in b.by_token and b.by_token[e + 1] == aid:
            e += 1
        _title_before(b, s, aid, words)
        if b.has_dep:
            _appositive(b, e, aid)
    # the KB's dated roles for people the text gave none
    for aid, rec in b.records.items():
        if rec.kind != "person":
            continue
        known = rec.known or b.kb.person(rec.name)
        if known is None:
            continue
        role = known.role_on(b.published) if b.published else None
        if role is not None:
            if not rec.roles:
                rec.roles.append(role.role)
            title = b.kb.title(tuple(role.role.lower().split()))
            if title:
                rec.families.add(title[1])
                rec.sector = rec.sector or role.sector or title[0]
            rec.sector = rec.sector or role.sector
        # an international body's officer acts for the body, not for a state the dictionaries
        # list the person under ("U.N. Secretary-General Antonio Guterres", once Portugal's PM)
        rec.country = rec.country or (None if rec.sector == "IGO" else known.country)
        rec.gender = rec.gender or known.gender
    # a state title with no country ("President William Ruto" under a NAIROBI dateline):
    # wire copy names the dateline's state
    home = b.dateline_country()
    if home is not None:
        for rec in b.records.values():
            if rec.kind == "person" and rec.country is None and rec.sector in STATE_TITLE_SECTORS:
                rec.country = home
