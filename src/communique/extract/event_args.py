"""Arguments of an event trigger: who acts (actor) and who is acted on (recipient),
from the dependency parse, as :class:`~communique.models.Party` records."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..kb import load_kb
from ..models import Member, Party, Quote
from .actors import ActorTable
from .dateline import document_lead
from .event_actors import relational_side, side_countries
from .event_background import load_not_events
from .event_lexicon import load_lexicon
from .event_words import load_event_words
from .person_nouns import person_nouns

SUBJ = ("nsubj", "nsubjpass")
JUDGING_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST"})
LIGHT_VERBS = frozenset({"hold", "engage", "begin", "conduct", "launch", "carry", "stage", "make",
                         "have", "deliver", "issue", "impose", "inflict", "start", "resume", "open",
                         "continue", "hold", "order", "announce", "step", "mount", "pursue", "lead",
                         "give", "offer", "provide", "send", "express", "voice", "lodge", "deploy"})
FIRST_PERSON = frozenset({"we", "i", "us", "our", "me", "my"})
RELATIVE = frozenset({"who", "whom", "which", "that"})
HUMAN = person_nouns()  # data/events/person_nouns.yaml + the kb people nouns (extract/person_nouns.py)


def _quote_speaker(quotes: tuple[Quote, ...], idx: int | None) -> str | None:
    if idx is None:
        return None
    return quotes[idx].speaker_actor


def antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("the only Republican *whom* Trump refused
    to endorse" -> Republican); ``tok`` itself otherwise."""
    if tok.tag_ not in ("WP", "WDT") or tok.lower_ not in RELATIVE:
        return tok
    t = tok.head
    for _ in range(4):
        if t.dep_ == "relcl":
            return t.head
        if t.head.i == t.i or t.dep_ not in ("xcomp", "ccomp", "conj", "prep", "pcomp"):
            break
        t = t.head
    return tok


def party_of(doc: Doc, tok: Token, actors: ActorTable, quotes: tuple[Quote, ...],
             quote_idx: int | None) -> Party | None:
    relative = tok.lower_ in RELATIVE and tok.tag_ in ("WP", "WDT")
    tok = antecedent(tok)
    if relative and actors.actor_for_token(tok.i) is None:
        tok = _described(tok, actors)  # "Conway, a pollster and strategist *who* supported Cruz": Conway
    rel = relational_side(doc, tok, actors)  # "its neighbor Palau" is not its owner
    if rel is not None:
        return rel
    if tok.pos_ == "NOUN" and actors.actor_for_token(tok.i) is None:
        # "Trump's running mate, *Mike Pence*, defended ...": the one named, not the owner (where the name
        # is known to have a country; "Somalia's president, Hassan Sheikh Mohamud" keeps Somalia's)
        named = next((c for c in tok.children if c.dep_ == "appos"
                      and (a := actors.get(actors.actor_for_token(c.i))) is not None and a.country), None)
        if named is not None:
            tok = named
    if tok.lower_ in FIRST_PERSON and quote_idx is not None:
        sp = _quote_speaker(quotes, quote_idx)
        if sp:
            a = actors.get(sp)
            return Party((sp,), tok.text, tok.idx, tok.idx + len(tok.text),
                         a.country if a else None, a.sector if a else None)
    party = with_members(actors.party_for_token(doc, tok), actors)
    if party is None and tok.lower_ in GROUP_PRONOUNS and not _quoted_words(tok, quotes):
        # (in quoted words a third person is never the speaker: '"He's trying to kill them," Hewitt said')
        ant = reported_subject(tok)
        if ant is not None:  # "Workers in Quebec have announced *they* will strike"
            party = with_members(actors.party_for_token(doc, ant), actors) or named_party(
                doc, ant, load_lexicon().party_nouns, entities=False)
    if party is None and tok.lower_ == "them" and not _quoted_words(tok, quotes):
        ant = governing_object(tok)  # "sent a message to *his supporters*, asking *them* not to"
        owned = ant is not None and any(c.dep_ == "poss" for c in ant.children)  # (not the owner: his)
        if ant is not None:
            party = (None if owned else with_members(actors.party_for_token(doc, ant), actors)) or named_party(
                doc, ant, load_lexicon().party_nouns, entities=False)
    if party is None and relative:  # "Republicans *who* opposed the deal": the side the clause describes
        party = named_party(doc, tok, load_lexicon().party_nouns)
    if party is None:
        party = part_of_group(doc, tok, actors) or pronoun_side(tok)
    elif tok.pos_ == "PRON":
        party = _named_in_sentence(tok, party, actors)
    return party


def _described(tok: Token, actors: ActorTable) -> Token:
    """The named side a noun describes, through appositions, lists and "is a ...": "Conway, a
    pollster and *strategist*", "Trump ... is a serial liar and *birther*"; ``tok`` otherwise."""
    t = tok
    for _ in range(5):
        if actors.actor_for_token(t.i) is not None:
            return t
        if t.dep_ in ("appos", "conj") and t.head.i != t.i:
            t = t.head
        elif t.dep_ == "attr" and t.head.pos_ in ("AUX", "VERB"):
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if subj is None:
                return tok
            t = subj
        else:
            return tok
    return t if actors.actor_for_token(t.i) is not None else tok


def _quoted_words(tok: Token, quotes: tuple[Quote, ...]) -> bool:
    """``tok`` lies in a direct quote's words."""
    return any(q.kind == "direct" and any(c.start <= tok.idx < c.end for c in q.content) for q in quotes)


def _named_in_sentence(pron: Token, party: Party, actors: ActorTable) -> Party:
    """A pronoun's side as its sentence names it ("*Cruz* played down the idea that *he* had
    struck a deal" -> Cruz): the last mention of its one actor before the pronoun in the
    same sentence that is no pronoun; the pronoun itself otherwise."""
    a = actors.get(party.actors[0]) if len(party.actors) == 1 else None
    if a is None:
        return party
    start = pron.sent.start_char
    named = [m for m in a.mentions if start <= m.start and m.end <= pron.idx
             and m.text.lower() not in side_countries().pronouns and m.text.lower() not in GROUP_PRONOUNS
             and m.text.lower() not in ("his", "her", "its", "their")]
    if not named:
        return party
    m = named[-1]
    return replace(party, text=m.text, start=m.start, end=m.end)


def part_of_group(doc: Doc, tok: Token, actors: ActorTable) -> Party | None:
    """The side a quantifier names with its *of* phrase ("*some of the families* claim",
    "*dozens of* protesters"): the group's actor or noun, over the whole phrase."""
    if tok.lower_ not in side_countries().quantifiers or tok.pos_ not in ("PRON", "DET", "NUM", "NOUN", "ADJ"):
        return None
    group = next((x for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "among")
                  for x in pobjs(c)), None)
    if group is None:
        sides = side_countries()
        if tok.lower_ in sides.counted and tok.dep_ in ("nsubj", "nsubjpass") or (
                tok.lower_ in sides.bare_quantifiers and tok.dep_ == "nsubj" and tok.head.pos_ == "VERB"):
            return Party((), tok.text, tok.idx, tok.idx + len(tok.text), None, None)  # "*Thousands* marched"
        return None
    party = with_members(actors.party_for_token(doc, group), actors) or named_party(
        doc, group, load_lexicon().party_nouns)
    if party is None and tok.lower_ in side_countries().counted:  # "*Dozens in the crowd* held signs"
        party = Party((), group.text, group.idx, group.idx + len(group.text), None, None)
    if party is None:
        return None
    start = min(party.start, tok.idx)
    end = max(party.end, tok.idx + len(tok.text))
    return replace(party, text=doc.text[start:end], start=start, end=end)


def pronoun_side(tok: Token) -> Party | None:
    """A personal pronoun the coreference of actors left open ("*He* even cut a deal"): a
    side with its text and nobody behind it (no actor, no country)."""
    if tok.pos_ != "PRON" or tok.lower_ not in side_countries().pronouns:
        return None
    return Party((), tok.text, tok.idx, tok.idx + len(tok.text), None, None)


GROUP_PRONOUNS = {"they": True, "it": False, "he": False, "she": False}  # pronoun -> plural
PERSONAL = frozenset({"he", "she"})


def reported_subject(pron: Token) -> Token | None:
    """The subject of the clause that reports or governs ``pron``'s clause, when the
    coreference of actors left the pronoun open ("*The union* said *it* would strike",
    "*Workers in Quebec* have announced *they* will strike", "*China and North Korea*
    announced they agree", "*an official* spoke ... because *he* was not authorized"): a
    noun of the pronoun's number (coordinated nouns are plural), a person for he and she."""
    if pron.dep_ not in SUBJ:
        return None
    clause = pron.head
    for _ in range(3):  # the nearest governing subject that fits ("Libya must hand over ... as he")
        if clause.dep_ not in ("ccomp", "xcomp", "advcl") or clause.head.i == clause.i:
            return None
        clause = clause.head
        subj = next((c for c in clause.children if c.dep_ in SUBJ), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
            continue
        plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
        if pron.lower_ in PERSONAL and not (subj.ent_type_ == "PERSON" or subj.lemma_.lower() in HUMAN
                                            or load_kb().title((subj.lower_,)) is not None):
            continue  # "a senior British *minister* reiterated ... as *he* embarked"
        if plural == GROUP_PRONOUNS[pron.lower_]:
            return subj
    return None


def governing_object(pron: Token) -> Token | None:
    """The plural people noun that the clause governing ``pron``'s clause acts on ("sent a
    message *to his supporters*, asking *them* not to stage protests"; "the police detained
    *the protesters* and beat *them*"), for an object "them"."""
    if pron.dep_ not in ("dobj", "dative", "pobj"):
        return None
    clause = pron.head.head if pron.dep_ == "pobj" else pron.head
    if clause.dep_ not in ("advcl", "conj", "xcomp") or clause.head.i == clause.i:
        return None
    gov = clause.head
    objs = [c for c in gov.children if c.dep_ in ("dobj", "dative", "iobj")]
    objs += [x for c in gov.children if c.dep_ in ("prep", "dative") for x in pobjs(c)]
    for o in sorted(objs, key=lambda t: t.i):
        if o.i < pron.i and o.tag_ in ("NNS", "NNPS") and (o.lemma_.lower() in HUMAN or o.ent_type_ == "NORP"):
            return o
    return None


def with_members(party: Party | None, actors: ActorTable) -> Party | None:
    """``party`` with a Member per actor when it names several ("Armenia and Azerbaijan",
    "the Turkish and Greek sides"): each keeps its own country, sector and the mention
    inside the party's span that names it."""
    if party is None or len(party.actors) < 2 or party.members:
        return party
    members = []
    for aid in party.actors:
        a = actors.get(aid)
        if a is None:
            continue
        span = next((m for m in a.mentions if party.start <= m.start and m.end <= party.end), None)
        start, end, text = (span.start, span.end, span.text) if span else (party.start, party.end, party.text)
        members.append(Member(aid, text, start, end, a.country, a.sector))
    members.sort(key=lambda m: m.start)
    return replace(party, members=tuple(members)) if len(members) > 1 else party


def in_dateline(tok: Token) -> bool:
    """``tok`` is in the article's dateline or byline ("NAIROBI, Kenya (AP) —"), no prose."""
    return any(s <= tok.idx < e for s, e in document_lead(tok.doc).spans)


def past_dateline(subj: Token | None) -> Token | None:
    """A subject the parse found in the dateline names no one; the appositive it hung there
    does ("MOGADISHU, Somalia (AP) — *Al-Shabaab militants* attacked ...")."""
    if subj is None or not in_dateline(subj):
        return subj
    return next((c for c in subj.children if c.dep_ == "appos" and not in_dateline(c)), None)


# the prepositions through which a verb's object controls its infinitive ("pleaded *with* Congress to ...")
PREP_CONTROL = frozenset({"with", "on", "upon", "to"})


def clause_subject(v: Token) -> Token | None:
    """The subject of ``v``'s clause, inherited through conjunction, xcomp, participles."""
    t = v
    adjunct = False  # climbed out of a phrase ("by referencing ..."), where object control does not reach
    for _ in range(8):
        subj = next((c for c in t.children if c.dep_ in SUBJ and not in_dateline(c)), None) or next(
            (x for c in t.children if c.dep_ in ("aux", "auxpass") for x in c.children if x.dep_ in SUBJ), None) \
            or next((a for c in t.children if c.dep_ in SUBJ for a in (past_dateline(c),) if a is not None), None)
        if subj is not None:  # (a subject the parser hung on the auxiliary: "Egypt and Qatar *are* mediating")
            return subj
        if t.dep_ == "conj" and t.head.i != t.i:
            t = conj_head(t)
            continue
        if (t.dep_ == "xcomp" or t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)) \
                and not adjunct and t.head.pos_ == "VERB":
            controller = _controller(t) or loose_for_subject(t)
            if controller is not None:
                return controller
        if t.dep_ in ("xcomp", "advcl", "pcomp", "prep", "pobj", "dobj", "acomp") and t.head.i != t.i:
            adjunct = adjunct or t.dep_ in ("pcomp", "prep", "pobj")
            t = t.head
            continue
        if t.dep_ in ("acl", "relcl") and t.head.i != t.i:
            owner = _object_owner(t)
            if owner is not None:
                t = owner
                continue
            noun = t.head
            if noun.dep_ == "attr" and noun.head.lemma_ in ("be", "become", "remain") and any(
                    a.dep_ == "aux" and a.lower_ == "to" for a in t.children):
                subj = next((c for c in noun.head.children if c.dep_ in SUBJ), None)
                if subj is not None:  # "*Christie* was the first Republican to endorse Trump"
                    return subj
            return noun
        return None
    return None


def _controller(inf: Token) -> Token | None:
    """Who does the infinitive ``inf`` its verb governs, where that is not the verb's subject:
    the object ("led *Wasserman Schultz* to announce"), the object of its preposition
    ("pleaded *with Congress* to fund"), or the noun a relative clause's verb takes as its
    object ("*the firm* the party hired to investigate"); None for subject control."""
    verb = inf.head
    lemma = verb.lemma_.lower()
    words = load_event_words()
    if lemma in words.object_control_verbs:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < inf.i), None)
        if obj is not None and not (obj.pos_ == "NOUN" and not obj.ent_type_ and not _people_or_body(obj)):
            return obj  # (a thing does nothing: "drove *tractors* into Paris to protest": the farmers protest)
        if verb.dep_ == "relcl" and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN") \
                and any(c.dep_ == "nsubj" for c in verb.children):
            return verb.head
    if lemma in words.prep_control_verbs:
        return next((o for c in verb.children if c.dep_ == "prep" and c.i < inf.i and c.lower_ in PREP_CONTROL
                     for o in c.children if o.dep_ == "pobj"), None)
    return None


def _people_or_body(t: Token) -> bool:
    """``t`` names people ("protesters", "Thousands *of protesters*") or a body ("the government"),
    which can act, not a thing ("tractors", "signs")."""
    return noun_lemma(t) in HUMAN or t.lemma_.lower() in load_lexicon().party_nouns \
        or noun_lemma(t) in load_lexicon().party_nouns


def _object_owner(acl: Token) -> Token | None:
    """The verb whose subject acts in a clause on its object noun: "made a commitment *to
    ease* restrictions", "issued a statement *expressing* support" (the maker, the issuer);
    None when the noun is a person or a party that acts itself ("arrested a man carrying")."""
    noun = acl.head
    if acl.dep_ != "acl" or noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in acl.children)
    if not (infinitive or acl.tag_ == "VBG"):
        return None
    if noun.lemma_.lower() in HUMAN or noun.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return None
    if noun.head.lemma_.lower() in load_event_words().unmaking_verbs:
        return None  # "Russia vetoed a UN resolution *condemning* the annexation": not Russia's words
    return noun.head


def conj_head(v: Token) -> Token:
    """The verb a conjoined verb is coordinated with. Coordinated verbs share their form:
    when the parser attached a gerund to an infinitive ("pushing for NATO to curtail ...
    and insisting that ..."), the first ancestor with the same tag is the real partner."""
    head = v.head
    verbal = ("VERB", "AUX")
    if v.pos_ in verbal and head.pos_ in verbal and v.tag_ != head.tag_:
        # "Blinken said the U.S. is committed to ... but is also committed to ...": a
        # reported clause of the same form before the conjunct is its partner
        for c in head.children:
            if c.dep_ == "ccomp" and c.i < v.i and (c.tag_ == v.tag_ or any(
                    a.dep_ in ("aux", "auxpass") and a.tag_ == v.tag_ for a in c.children)):
                return c
        t = head
        for _ in range(3):
            if t.head.i == t.i:
                break
            t = t.head
            if t.pos_ in verbal and t.tag_ == v.tag_:
                return t
    return head


# what opens a participle clause ("*when* asked", "*if* elected", "*once* approved")
PARTICIPLE_MARKS = frozenset({"when", "if", "after", "once", "unless", "until", "while", "though", "although", "as"})


def bare_participle(tok: Token) -> bool:
    """``tok`` heads a passive participle clause with no subject of its own, opened by "when",
    "if" ... or set before the main clause ("*Asked* about the attack, Clinton blamed Trump"):
    its main clause's subject is acted on, not acting."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBN" or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return False
    return tok.i < tok.head.i or any(c.dep_ in ("advmod", "mark") and c.lower_ in PARTICIPLE_MARKS
                                     for c in tok.children)


def loose_for_subject(inf: Token) -> Token | None:
    """The subject of the infinitive ``inf`` in a for-to clause the parser broke apart: the
    object of "for" right before "to" ("his call *for his Irish counterpart* Sean O'Neill to
    resign", where "to resign" hangs on the main verb)."""
    to = next((c for c in inf.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if inf.dep_ != "advcl" or to is None or to.i == 0:
        return None
    t = inf.doc[to.i - 1]
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.lower_ == "for":
            return t
        if t.dep_ not in ("appos", "compound") or t.head.i == t.i:
            return None
        t = t.head
    return None


def named_on_complement(obj: Token) -> Token | None:
    """The side a misparsed object complement carries before it: "branded [*Trump* a loser]",
    "called [anti-Trump *protestors* 'illegals']" (the parser makes the side a modifier of the
    complement noun)."""
    return next((c for c in obj.children if c.dep_ == "nmod" and c.i < obj.i and c.pos_ in ("NOUN", "PROPN")
                 and not any(d.dep_ == "det" for d in obj.children if d.i < c.i)), None)


def described_noun(tok: Token) -> Token:
    """The phrase that says what someone is, where ``tok`` names one of a kind: "one" of "*one*
    of Trump's fiercest critics" (also "some of", "among"), else ``tok`` itself."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in ("one", "some", "among"):
        return tok.head.head
    return tok


def misparsed_main_verb(tok: Token) -> bool:
    """``tok`` is the sentence's own verb that the parser hung on its subject as a participle:
    right after the root noun, with a direct object or two complements, which no passive takes
    ("*Trump* called Cruz a liar on Tuesday")."""
    head = tok.head
    if tok.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("PROPN", "NOUN") \
            or tok.tag_ not in ("VBN", "VBD") or tok.i != head.i + 1:
        return False
    return any(c.dep_ == "dobj" for c in tok.children) or sum(1 for c in tok.children if c.dep_ == "oprd") > 1


def actor_token(tok: Token, recipient_spec: tuple[str, ...] = ()) -> Token | None:
    """Who does what ``tok`` names (``recipient_spec``: the trigger's recipient slots, which
    name no actor: "the withdrawal of troops *from Syria*")."""
    if tok.dep_ == "compound" and tok.head.i == tok.i + 2 and tok.nbor(1).tag_ == "HYPH":
        tok = tok.head  # a word the tokenizer split at its hyphen ("staged a *sit*-in"): the whole word
    if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head  # "striking workers": the workers strike
    if misparsed_main_verb(tok):
        return tok.head  # "*Trump* called Cruz a liar": the sentence's subject
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.head.lemma_ == "be":
        return clause_subject(tok.head)  # "*Sri Lanka* is grateful to India": the copula's subject
    if tok.pos_ == "NOUN" and (noun_lemma(tok) in HUMAN or noun_lemma(tok) == "ally"):
        said = described_noun(tok)  # ("*Warren* has been one of Trump's fiercest critics")
        if said.dep_ == "attr" and said.head.lemma_ in ("be", "become", "remain"):
            return clause_subject(said.head)  # "*Christie* is a strong supporter of Trump"
        if said.dep_ == "appos":
            return said.head  # "*Giuliani*, a longtime ally of Trump, ..."
    if bare_participle(tok):
        # a bare participle clause is passive ("leaving his car *when asked* to do so by police"): its
        # doer is a by-phrase in it, never the main clause's subject (who is acted on)
        return next((x for t in tok.subtree if t.dep_ in ("agent", "prep") and t.lower_ == "by"
                     for x in pobjs(t)), None)
    if tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("ROOT", "xcomp", "ccomp", "advcl", "pcomp", "conj", "acl"):
        if tok.lower_ in load_event_words().feeling_participles:
            feeler = next((c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")), None)
            if feeler is not None or tok.dep_ == "acomp":  # "he was disappointed *by Trump's remarks*": he
                return feeler if feeler is not None else clause_subject(tok.head)
        if tok.pos_ == "VERB":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if agent is None and is_passive(tok):  # "was booed and shouted down *by supporters*"
                agent = next((c for cj in tok.conjuncts if cj.i > tok.i and cj.tag_ == "VBN"
                              for c in cj.children if c.dep_ == "agent"), None)
            if agent is not None:
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
            # the subject nearest the verb: a dateline parsed as a second subject is no actor
            # ("Washington (AFP) – Democrat Hillary Clinton has taken a swipe at ...")
            # (not a floating quantifier: "the two nations *each* massing")
            if headline_passive(tok):
                return None
            before = [c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i
                      and c.lower_ not in ("each", "both", "all", "either", "neither")]
            if len(before) > 1:  # a misparse's second subject ("a group dressed in ... *T-shirts* marched", "Thousands
                # of protesters, many carrying *signs* ..., marched"): a side's
                before = [c for c in before
                          if not in_dateline(c) and (c.pos_ == "PROPN" or _people_or_body(c))] or before
            subj = max(before, key=lambda c: c.i, default=None) or next(
                (c for c in tok.children if c.dep_ == "nsubj"), None)
            subj = past_dateline(subj)
            if subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in load_event_words().weapon_subjects:
                # "a *rebel* attack killed ten soldiers": who attacked, where the attack says
                inner = _nominal_actor(subj, ())
                return inner if inner is not None else subj
            if subj is not None:
                return subj
            subj_pass = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if subj_pass is not None and tok.lemma_.lower() in load_event_words().deploy_verbs \
                    and noun_lemma(subj_pass) in load_event_words().forces:
                return subj_pass  # "U.S. troops were deployed to Poland": forces move themselves
            if subj_pass is not None:
                # "the U.S. is committed to": its subject; "were killed when missiles hit": who struck
                return subj_pass if stative(tok) else _striker(tok)
            if tok.tag_ == "VBG" and tok.i > 0:
                prev = tok.doc[tok.i - 1]
                if prev.dep_ in ("pobj", "dobj") and prev.pos_ in ("PROPN", "NOUN", "PRON") \
                        and prev.lemma_.lower() not in load_not_events().message_nouns:
                    return prev  # "pointed to Britain delivering weapons" (not "running a TV spot attacking")
            if passive_patient(tok) is not None:
                return None  # "was granted asylum and *arrested*": who it was done to
            if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.pos_ == "VERB" and is_passive(tok.head) \
                    and tok.head.lemma_.lower() not in load_event_words().deploy_verbs:
                # "The convoy was ambushed near the border, *killing* four soldiers": the ambusher's act
                return next((x for c in tok.head.children if c.dep_ == "agent" for x in pobjs(c)), None)
            return clause_subject(tok)
    return _nominal_actor(tok, recipient_spec)


def _striker(tok: Token) -> Token | None:
    """Who struck, in a when- or as-clause of the passive ``tok``: "18 people were killed *when
    Russian missiles hit* a building" (the missiles' side), "when gunmen attacked"."""
    words = load_event_words()
    for c in tok.children:
        if c.dep_ != "advcl" or c.lemma_.lower() not in words.striking_verbs or not any(
                m.lower_ in ("when", "as") and m.dep_ in ("advmod", "mark") for m in c.children):
            continue
        subj = next((x for x in c.children if x.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in words.weapon_subjects:
            return _nominal_actor(subj, ())  # "Russian missiles": whose weapons
        return subj
    return None


POSSESSIVE_OF = {"he": "his", "she": "her", "they": "their", "it": "its", "we": "our", "i": "my"}


def _nominal_actor(tok: Token, recipient_spec: tuple[str, ...]) -> Token | None:
    """Who does what the event noun ``tok`` names: its possessor, by-agent, moving forces,
    joint sides, modifier ("a *Russian* offensive") or the subject of the verb carrying it."""
    for c in tok.children:
        if c.dep_ == "poss" and "poss" not in recipient_spec:  # (not whose defense one comes to)
            if c.pos_ == "PRON" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
                subj = clause_subject(tok.head)  # "the military pressed *its* offensive": the subject's
                if subj is not None:
                    return subj
            if c.pos_ == "PRON" and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB":
                # "he expanded upon *his* calls": the subject, where it is the same pronoun
                subj = clause_subject(tok.head.head)
                if subj is not None and POSSESSIVE_OF.get(subj.lower_) == c.lower_:
                    return subj
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from") and f"prep:{c.lower_}" not in recipient_spec:
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for o in of_objects(tok):
        for c in o.children:  # "the arrest of the opposition leader *by police*" (by parsed on the leader)
            if c.dep_ == "prep" and c.lower_ == "by":
                pobj = next(pobjs(c), None)
                if pobj is not None:
                    return pobj
        if "prep:of" not in recipient_spec and (noun_lemma(o) in load_event_words().forces
                                                or tok.lemma_.lower() in load_event_words().self_act_nouns):
            return o  # "the withdrawal *of Russian troops*": the forces move themselves (so does a
            # minister in "the resignation *of the minister*")
        if "head_subject" in recipient_spec and "prep:of" not in recipient_spec and tok.dep_ == "dobj":
            return o  # "won the endorsement *of the unions*": who receives it is the recipient
    suffers = suffered(tok)
    giver = _received_from(tok) if "head_subject" in recipient_spec or suffers else None
    if giver is not None:
        return giver
    if suffers:
        return None  # "the company is facing a federal investigation": who suffers it did not do it
    for c in tok.children:  # "negotiations *between France, Germany and Italy*": one side of all
        if c.dep_ == "prep" and c.lower_ == "between":
            pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if pobj is not None and any(x.dep_ == "conj" for x in pobj.children):
                return pobj
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i and (
                c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PROPN"
                or c.dep_ == "compound" and c.lemma_.lower() in load_lexicon().party_nouns
                or c.lemma_.lower() in HUMAN and not (
                    c.tag_ == "JJ" and c.lemma_.lower() in load_event_words().manner_adjectives)):
            return c  # "a *Russian* offensive", "a *police* raid", "a *rebel* attack" (not "an *official* visit")
    head = tok.head
    phrase, verb = carried(tok)
    if "head_subject" in recipient_spec and (
            tok.dep_ == "pobj" and head.lower_ == "under"
            or phrase.dep_ == "dobj" and verb.lemma_.lower() in load_event_words().receiving_verbs):
        return None  # "Clinton is receiving criticism", "came under fire": who receives it is the recipient
    if tok.dep_ == "pobj" and head.lower_ in ("over", "about", "regarding", "concerning", "against"):
        return None  # "lodged a protest with China *over the incursion*": the topic, not the subject's act
    if tok.dep_ == "pobj" and head.lower_ in ("after", "before", "since", "following", "amid", "despite", "until") \
            and tok.lemma_.lower() in ("attack", "bombing", "shooting", "massacre", "explosion", "blast", "killing",
                                       "assault", "ambush", "stabbing", "rampage"):
        return None  # "tweeted Sunday *after a lone-wolf attack*": when, not what the subject did (a
        # meeting the subject spoke "after" is still its own)
    if tok.dep_ == "compound" and head.dep_ == "dobj" and head.head.pos_ == "VERB" \
            and head.lemma_.lower() in load_event_words().vehicle_nouns:
        return clause_subject(head.head)  # "sent a *mediation* team": who sent it
    if tok.dep_ in ("pobj",) and head.dep_ == "prep":
        head = head.head
        if head.dep_ == "dobj" and (head.lemma_.lower() in side_countries().quantifiers or head.like_num):
            # "held *a new round of* military talks", "announced *$50 million in* aid": the verb
            # carrying the count
            head = head.head
    if tok.dep_ == "nsubjpass" and head.pos_ == "VERB" and head.lemma_.lower() in load_event_words().staging_verbs:
        # "the attack on the convoy was carried out *by Islamic State militants*" (not "the meeting
        # was reported by Politico": who reports an event did not hold it)
        return next((x for c in head.children if c.dep_ == "agent" for x in pobjs(c)), None)
    if head.pos_ in ("VERB", "AUX") and (head.lemma_ in LIGHT_VERBS or tok.dep_ in ("dobj", "pobj")):
        if tok.dep_ == "pobj" and is_passive(head):
            return None  # "was killed in a drone strike": who was killed did not strike
        if tok.dep_ == "dobj" and is_passive(head) and not any(c.dep_ == "nsubj" for c in head.children):
            # "were granted asylum *by Sweden*": who was granted it did not grant
            return next((x for c in head.children if c.dep_ == "agent" for x in pobjs(c)), None)
        if head.lemma_ not in LIGHT_VERBS and judges(head) or head.lemma_.lower() in load_event_words().response_verbs:
            return None  # "Obama condemned the attack", "responding to this criticism": not their act
        return clause_subject(head)
    return None


def suffered(tok: Token) -> bool:
    """The event noun ``tok`` is something its carrying verb's subject suffers: "is facing a
    federal investigation", "is under political attack" (``event_words.suffering_verbs``)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    phrase, verb = carried(tok)
    return phrase.lower_ == "under" and verb.lemma_ == "be" or phrase.dep_ == "dobj" and verb.pos_ == "VERB" \
        and verb.lemma_.lower() in load_event_words().suffering_verbs


def carried(tok: Token) -> tuple[Token, Token]:
    """(the phrase, the verb) that carries the event noun ``tok``: the noun and its head, or
    "under" and its verb for "came *under* fire"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "under":
        return tok.head, tok.head.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in side_countries().quantifiers:
        return tok.head.head, tok.head.head.head  # "incurred *a wave of* boos": the counting noun's verb
    return tok, tok.head


def _received_from(tok: Token) -> Token | None:
    """Who gives what a side receives, in the from- or by-phrase the parse hung on the verb
    carrying the noun ("faced heavy criticism *from media outlets*", "came under fire *from
    opposition lawmakers*")."""
    noun, verb = carried(tok)
    if noun.dep_ not in ("dobj", "prep") or verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((x for c in (*verb.children, *tok.children)  # (or on the noun: "under scrutiny *by* the U.S.")
                 if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") and c.i > tok.i
                 for x in pobjs(c)), None)


def recipient_token(doc: Doc, tok: Token, spec: tuple[str, ...]) -> Token | None:
    for t in recipient_tokens(doc, tok, spec):
        return t
    return None


def recipient_tokens(_doc: Doc, tok: Token, spec: tuple[str, ...]):
    for s in spec:
        if s.startswith("prep:"):
            word = s[5:]
            for c in tok.children:
                if c.dep_ in ("prep", "dative", "prt") and c.lower_ == word:  # "called on [prt] leaders"
                    pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                    if pobj is not None:
                        yield pobj
                elif word == "of" and c.lower_ == "out" and c.dep_ in ("prep", "prt", "advmod"):
                    # "pulled its troops out of Afghanistan"
                    yield from (x for o in c.children if o.dep_ == "prep" and o.lower_ == "of" for x in pobjs(o))
                elif c.dep_ in ("prt", "advmod") and c.pos_ in ("ADP", "ADV") and c.i == tok.i + 1:
                    # the phrase the parse hung on the particle ("fired back *at Clinton*")
                    yield from (x for o in c.children if o.dep_ == "prep" and o.lower_ == word for x in pobjs(o))
            noun = tok.head if tok.dep_ == "compound" and tok.pos_ == "NOUN" else tok  # "a *mediation* team"
            if noun.pos_ == "NOUN" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and word != "of":
                # the phrase the parse hung on the verb carrying the noun ("threw his support *behind
                # Hillary Clinton*", "sent a mediation team *to Sudan*"), never a date ("launched an
                # attack on Monday")
                for c in noun.head.children:  # ("issued subpoenas *to* the foundation": a dative)
                    if c.dep_ in ("prep", "dative") and c.lower_ == word and c.i > noun.i:
                        yield from (x for x in pobjs(c) if x.ent_type_ not in ("DATE", "TIME"))
            # "pushing for NATO to curtail": object of a complement's preposition
            continue
        if s in ("dobj", "iobj", "dative", "nsubjpass", "attr", "oprd"):  # ("called *Trump* a fraud": two oprd)
            obj = next((c for c in tok.children if c.dep_ == s), None)
            if obj is None and s == "nsubjpass" and tok.dep_ == "conj" and tok.tag_ == "VBN" and not any(
                    c.dep_ in ("nsubj", "dobj") for c in tok.children):
                # "the protesters were beaten and *arrested*": the first verb's passive subject
                obj = next((c for c in conj_head(tok).children if c.dep_ == s), None)
            if obj is None and s in ("dobj", "nsubjpass") and tok.dep_ == "acl" and tok.tag_ == "VBN" \
                    and any(c.dep_ == "agent" for c in tok.children):
                obj = tok.head  # "the journalist *detained by police*": the noun it describes
            if obj is not None:
                yield from _nominal(obj)
        elif s == "complement_side":  # "branded *Trump* a loser": the side on a misparsed complement
            yield from (x for o in tok.children if o.dep_ == "dobj" if (x := named_on_complement(o)) is not None)
        elif s == "acl_subject":  # "his request that *the United States* extradite the cleric": who is to act
            yield from (x for c in tok.children if c.dep_ == "acl" and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for x in c.children if x.dep_ in ("nsubj", "nsubjpass") and x.pos_ != "PRON")
        elif s == "agent":  # "was disappointed *by Trump's remarks*": a feeling's cause
            yield from (p for c in tok.children if c.dep_ == "agent" for p in pobjs(c))
        elif s == "poss":  # "came to *Trump's* defense"
            yield from (c for c in tok.children if c.dep_ == "poss")
        elif s == "ccomp_subject":
            # (and the question a side demands to know: "demanded to know whether *Clinton* would ...")
            asked = [q for c in tok.children if c.dep_ == "xcomp" and c.lemma_ in ("know", "learn", "understand")
                     for q in c.children if q.dep_ == "ccomp"]
            # whom the words are said of ("'It is a disgrace,' Obama said *of Trump*"), before a pronoun
            # that stands for them ("'*He*'s going to be a great president,' Carson said of Trump")
            said_of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)]
            for c in (*tok.children, *asked):
                if c.dep_ in ("ccomp",):
                    # a passive's by-agent is whom the clause is about ("Israel was sold out *by Kerry*")
                    yield from (p for a in c.children if a.dep_ == "agent" for p in pobjs(a))
                    subj = next((x for x in c.children if x.dep_ in SUBJ), None)
                    if subj is not None and subj.pos_ == "PRON":
                        yield from said_of
                    if subj is not None:
                        yield subj
            yield from said_of
        elif s == "xcomp_subject":
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "for":
                    pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                    if pobj is not None:
                        yield pobj
                if c.dep_ == "xcomp" or c.dep_ == "advcl" and any(m.lower_ == "for" for m in c.children):
                    subj = next((x for x in c.children if x.dep_ in SUBJ), None)
                    if subj is not None:
                        yield subj
        elif s == "head_subject":
            noun, head = carried(tok)
            if noun.dep_ in ("dobj", "prep") and head.pos_ == "VERB":
                subj = next((x for x in head.children if x.dep_ in SUBJ), None)
                if subj is None and head.dep_ == "conj":  # "didn't seek or *receive* Obama's endorsement": he
                    subj = next((x for x in conj_head(head).children if x.dep_ in SUBJ), None)
                if subj is None and head.dep_ == "advcl" and head.tag_ == "VBG":
                    subj = clause_subject(head)  # "Trump wavered, *drawing* boos from the crowd": Trump
                if subj is not None:
                    yield subj
        elif s.startswith("object_prep:"):  # "closed its embassy *in Tehran*": a phrase of the object
            word = s[len("object_prep:"):]
            for o in (c for c in tok.children if c.dep_ == "dobj"):
                yield from (x for p in o.children if p.dep_ == "prep" and p.lower_ == word for x in pobjs(p))
        elif s == "poss_of_object":
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None:
                poss = next((c for c in obj.children if c.dep_ == "poss"), None)
                if poss is not None:
                    yield poss


def fallback_actor_token(tok: Token, actors: ActorTable) -> Token | None:
    """The first token before ``tok`` in its sentence that names an actor with a country
    (the subject the parse lost, in a headline-like sentence); callers lower their
    confidence when they use it."""
    for t in tok.sent:
        if t.i >= tok.i:
            break
        aid = actors.actor_for_token(t.i)
        a = actors.get(aid) if aid else None
        if a is not None and a.country:
            return t
    return None


# --------------------------------------------------------------------------- recipients beyond
# the trigger's own dependents (used when the pattern's recipient slots name nobody)
NOMINAL_RECIPIENT_PREPS = ("with", "on", "against", "to", "between", "toward", "towards", "upon", "into", "for")
OBJECT_RECIPIENT_PREPS = ("from", "with", "to", "on", "against", "by", "between", "toward", "towards", "for")
ARRIVAL_VERBS = frozenset({"arrive", "travel", "fly", "go", "come", "head", "return", "visit", "land", "journey"})
ARRIVAL_PREPS = ("in", "to", "at")


def _nominal(obj: Token):
    """The noun an object slot holds: a dative "to" stands for its object ("provide
    training *to* Ukrainian soldiers"), anything else for itself."""
    if obj.pos_ == "ADP":
        yield from pobjs(obj)
    else:
        yield obj


def judges(verb: Token) -> bool:
    """``verb`` judges or asks for its object rather than doing it: a verb the curated
    patterns code as an accusation, support, rejection or request ("condemned the attack",
    "welcomed the talks", "called for a ceasefire"), or one naming its object something
    ("called the attack an act of terrorism"). Carriers ("declared a ceasefire", "launched
    an attack", "granted asylum") do the act."""
    from .event_match import match_trigger, plover_of  # event_match reads this module's helpers

    if any(c.dep_ == "oprd" for c in verb.children):
        return True
    m = match_trigger(verb, load_lexicon())
    return m is not None and plover_of(m.cameo, m.pattern.type)[0] in JUDGING_TYPES


def pobjs(prep: Token):
    """The objects of a preposition."""
    for x in prep.children:
        if x.dep_ == "pobj":
            yield x


def of_objects(tok: Token) -> list[Token]:
    """The objects of ``tok``'s "of" phrases ("the withdrawal *of troops*")."""
    return [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for x in pobjs(c)]


def noun_lemma(tok: Token) -> str:
    """The lemma of the noun a phrase counts ("thousands *of troops*" -> troop)."""
    of = next(iter(of_objects(tok)), None)
    counted = tok.lemma_.lower() in side_countries().quantifiers or tok.lower_ in side_countries().quantifiers
    return (of if of is not None and counted else tok).lemma_.lower()


def inside_phrase(obj: Token, depth: int = 0):
    """Who an object phrase names besides its head: "an offer *from Kabul*", "*French*
    mediation", "the withdrawal of Russian troops *from Syria*"; of a document only who
    it is with ("a treaty *with Kenya*"); of both whoever made it ("the proposal put forward
    *by Kyiv*"), but not of people, who are what was done to them ("the journalist detained *by
    police*"), nor of things ("a ship hijacked *by pirates*")."""
    lemma = obj.lemma_.lower()
    people = lemma in HUMAN or lemma in side_countries().side_nouns
    # what someone made, said or fired, not a thing ("a ship hijacked by")
    words = load_event_words()
    weapon = noun_lemma(obj) in words.weapon_subjects  # ("25 of 31 drones launched *by Russia*")
    made = weapon or _document(obj) or lemma in words.policy_objects or lemma in load_not_events().message_nouns
    for c in obj.children:
        if c.dep_ != "acl" or c.tag_ != "VBN" or people:
            continue
        for a in c.children:  # its maker; of a thing, whose it was ("the property seized *from the ministry*");
            # of a weapon, where it came from too ("a drone launched *from Yemen*")
            if a.dep_ == "agent" and made or a.dep_ == "prep" and a.lower_ == "from" and (weapon or not made):
                yield from pobjs(a)
    if _document(obj):
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between") and not _prop(obj):
                yield from pobjs(c)
        return
    # people are not what their "for" phrase names ("criticism of the nominee *for her email set-up*")
    for c in obj.children:
        if c.dep_ == "prep" and c.lower_ in OBJECT_RECIPIENT_PREPS and not (people and c.lower_ == "for"):
            yield from pobjs(c)
    for c in obj.children:
        if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < obj.i and (
                c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PROPN"):
            yield c
    for c in obj.children:  # "the withdrawal of Russian troops"
        if c.dep_ == "prep" and c.lower_ == "of":
            yield from pobjs(c)
    if depth < 1:  # "pledged 500 million euros *in aid to Sudan*": who the phrase inside names
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ == "in":
                for x in pobjs(c):
                    yield from inside_phrase(x, depth + 1)


def _complement_verbs(tok: Token):
    """Infinitive and clausal complements of ``tok`` ("threatened *to shell* ...")."""
    for c in tok.children:  # "a commitment *to ease* restrictions on Iran" (a noun's infinitive)
        if c.dep_ == "xcomp" or c.dep_ in ("advcl", "ccomp", "acl") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            yield c
            yield from (x for x in c.conjuncts if x.pos_ == "VERB")
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
        # the purpose of the verb that uses an instrument noun ("fired *tear gas* to disperse the
        # protesters": the protesters)
        yield from (c for c in tok.head.children if c.dep_ == "advcl" and c.i > tok.i and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children))


def arrival_place(tok: Token) -> Token | None:
    """The place of the arrival verb that carries ``tok`` ("arrived *in Amman* for talks")."""
    v = tok
    for _ in range(4):  # "for talks" hangs from the verb or from its place
        if v.pos_ == "VERB" or v.head.i == v.i:
            break
        v = v.head
    if v.lemma_.lower() not in ARRIVAL_VERBS:
        return None
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ARRIVAL_PREPS:
            return next(pobjs(c), None)
    return None


def wider_recipient_tokens(tok: Token, *, meeting: bool = False, clausal: bool = False):
    """Recipient candidates wherever English puts them, best first: the subject of a
    passive (the victim, never the actor), the object of a nominal event ("talks with",
    "sanctions on", "aid to", "an attack on", "a visit to"), the object of an infinitive
    complement ("threatened to shell Iraqi towns") and who the object phrase names
    ("rejected an offer from Kabul", "accepted French mediation"); for meetings the place
    of arrival ("arrived in Amman for talks"); for demands, accusations and threats the
    subject of the that-clause ("demands that *the government* scrap ...")."""
    if tok.pos_ == "VERB":
        if not stative(tok):
            yield from (c for c in tok.children if c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and headline_passive(tok))
        patient = passive_patient(tok)
        if patient is not None:
            yield patient
        if clausal:
            for c in tok.children:
                if c.dep_ == "ccomp":
                    yield from (x for x in c.children if x.dep_ in ("nsubj", "nsubjpass"))
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in NOMINAL_RECIPIENT_PREPS:
                yield from pobjs(c)
        if suffered(tok):  # "the drug company is facing a federal investigation": the company
            subj = clause_subject(carried(tok)[1])
            if subj is not None:
                yield subj
        for c in tok.children:  # "his request that the United States extradite ..."
            if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children):
                yield from (x for x in c.children if x.dep_ in ("nsubj", "nsubjpass"))
        words = load_event_words()
        if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in words.striking_verbs:
            # what the strike hit ("coalition airstrikes *hit a market* in Yemen", "the raids targeted members")
            yield from (x for c in tok.head.children if c.dep_ == "dobj" for x in _nominal(c))
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj":  # "reached a deal | with X"
        for c in tok.head.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between", "on", "against", "to", "for"):
                yield from pobjs(c)
    objs = [x for c in tok.children if c.dep_ in ("dobj", "dative", "attr") for x in _nominal(c)]
    if not objs and tok.pos_ == "VERB":  # "attacked Ohio Gov. John *Kasich*": a name parsed as an adverbial
        objs = [c for c in tok.children if c.dep_ == "npadvmod" and c.i > tok.i and c.pos_ == "PROPN"
                and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")]
    if tok.pos_ == "VERB":  # "agreed to a ceasefire with Turkey"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "on", "for", "upon", "into"):
                objs.extend(pobjs(c))
    for v in _complement_verbs(tok):
        objs.extend(x for c in v.children if c.dep_ in ("dobj", "dative") for x in _nominal(c))
        for c in v.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in NOMINAL_RECIPIENT_PREPS:
                objs.extend(pobjs(c))
    if not objs and tok.pos_ == "VERB" and not is_passive(tok) \
            and tok.lemma_.lower() in load_event_words().striking_verbs:
        # whom a strike at nothing named killed ("fired across the border, *killing two Pakistani civilians*")
        objs.extend(x for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > tok.i
                    and c.lemma_.lower() in load_event_words().allegation_consequences
                    for o in c.children if o.dep_ == "dobj" for x in _nominal(o))
    for o in objs:
        o = antecedent(o)
        yield o
        yield from inside_phrase(o)
    if meeting:
        place = arrival_place(tok)
        if place is not None:
            yield place


def party_in_phrase(doc: Doc, tok: Token, actors: ActorTable, quotes: tuple[Quote, ...],
                    quote_idx: int | None) -> Party | None:
    """The party ``tok``'s phrase names: its own actor, else an actor inside it ("the
    mediator *from Egypt*", "*Russian* troops"); of a document only who it is with ("a
    treaty *with Kenya*", not "the *United Nations* Covenant")."""
    p = None if _document(tok) else party_of(doc, tok, actors, quotes, quote_idx)
    if p is not None:
        return p
    for inner in inside_phrase(tok):
        p = with_members(actors.party_for_token(doc, inner), actors)
        if p is not None:
            return p
    return None


def _document(tok: Token) -> bool:
    """``tok`` heads a noun phrase naming a text (a treaty, a law) or a thing shown (a flag,
    a sign), which is no side."""
    data = side_countries()
    return tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in data.documents or _prop(tok))


def _prop(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in side_countries().props


def is_passive(tok: Token) -> bool:
    """``tok`` is a verb in the passive ("were killed by ...", "activists *arrested* on
    Monday", a headline's "FDIC *Accused* Of ..."), not a participle that describes its
    subject ("is committed to")."""
    return (tok.pos_ == "VERB" and (any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
                                    or _reduced_relative(tok) or headline_passive(tok))
            and not stative(tok))


def headline_passive(tok: Token) -> bool:
    """A verb that needs an object, with a subject, no object or clause and a for/of/over
    phrase right after it: a headline's passive ("Trump *Accused* Of Lying", "Clinton
    *criticized* for remarks"); its subject is acted on."""
    if tok.tag_ not in ("VBD", "VBN") or tok.lemma_.lower() not in load_event_words().object_verbs:
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (nxt is not None and nxt.head.i == tok.i and nxt.dep_ == "prep" and nxt.lower_ in ("for", "of", "over")
            and any(c.dep_ == "nsubj" for c in tok.children)
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "conj", "aux", "agent") for c in tok.children))


def _reduced_relative(tok: Token) -> bool:
    """A past participle that describes a noun ("the activists *arrested* on Monday"); not
    one of a verb that takes no object ("Thousands *protested* in Belgrade")."""
    return (tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN")
            and tok.lemma_.lower() not in load_event_words().intransitive_acts)


def passive_patient(tok: Token) -> Token | None:
    """Who a passive with no subject of its own acts on: the subject it shares with the
    verb it is conjoined to ("Four activists were granted asylum and have been *arrested*"),
    the noun a past participle describes ("protesters *detained* on Monday"); None for
    other verbs and for a passive with its own subject or a by-agent."""
    if tok.pos_ != "VERB" or stative(tok) or any(c.dep_ in (*SUBJ, "agent") for c in tok.children):
        return None
    if _reduced_relative(tok):
        return tok.head
    if any(c.dep_ == "auxpass" for c in tok.children) or (  # "were arrested and *charged*"
            tok.dep_ == "conj" and tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children)
            and tok.head.pos_ == "VERB" and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.head.children)):
        return clause_subject(tok)
    return None


def stative(tok: Token) -> bool:
    """A participle that describes its subject, with no by-agent ("the U.S. is committed to
    dialogue"): the lexicon's ``stative_participles``."""
    return (tok.lower_ in load_lexicon().stative_participles
            and not any(c.dep_ == "agent" for c in tok.children))


def _plain_name(tok: Token) -> bool:
    """``tok``'s entity is a name of capitalised words only, no function words ("Trump",
    even tagged a common noun; "Ford Motor Company"; not "No Breakthroughs")."""
    ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
    return ent is not None and all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() and not t.is_stop
                                   for t in ent)


def named_party(doc: Doc, tok: Token, nouns: frozenset[str], *, entities: bool = True) -> Party | None:
    """A side the actor table does not know, named by a noun phrase for people or bodies
    ("the main armed faction", "hundreds of striking postal workers", "Congress"): its text
    and span, with no actor id and no country. None for pronouns and other nouns; with
    ``entities=False`` a name the entity recogniser tagged counts only by its noun."""
    # "the only Republican": a nationality or party word in a noun's place
    nominal = tok.pos_ == "ADJ" and tok.ent_type_ == "NORP" and tok.dep_ in ("attr", "nsubj", "dobj", "pobj")
    # "a *rebel* attack": a people noun tagged as an adjective
    nominal = nominal or tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.lemma_.lower() in HUMAN
    if tok.pos_ not in ("NOUN", "PROPN", "NUM") and not nominal or _document(tok):
        return None
    words = nouns | HUMAN | side_countries().side_nouns
    lemma = tok.lemma_.lower()
    of = next(iter(of_objects(tok)), None)
    if lemma == "state" and of is not None and of.lemma_.lower() not in words and of.pos_ != "PROPN":
        return None  # "the state of emergency": a condition, not a state
    # a proper name the recogniser tagged a person, or (when ``entities``) any name the
    # actor table did not resolve: an unknown GPE is mostly a person's name ("a deal with Kasich")
    name = tok.pos_ == "PROPN" and (tok.ent_type_ == "PERSON" or entities and tok.ent_type_ == "GPE") or (
        tok.ent_type_ in ("ORG", "PERSON") and _plain_name(tok))
    # a name the recogniser missed, as the subject or object itself ("Madoff was arrested")
    # (or one it took for a product: "criticized *Singer*")
    name = name or (entities and tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PRODUCT")
                    and (tok.is_title or tok.is_upper and len(tok) > 1)  # ("BMS&K was investigated")
                    and tok.dep_ in ("nsubjpass", "dobj", "nsubj") and not tok.is_stop)
    # a title the sentence splitter cut from its name ("his attacks on *Mr.*")
    name = name or entities and tok.pos_ == "PROPN" and tok.lower_ in load_event_words().cut_titles \
        and tok.i >= tok.sent.end - 2
    # a bare count of people harmed ("a car bomb exploded, *killing five*")
    counted = tok.like_num and tok.dep_ in ("dobj", "nsubjpass") and tok.n_lefts + tok.n_rights == 0 \
        and tok.head.lemma_.lower() in load_event_words().allegation_consequences
    if not (lemma in words and tok.pos_ != "NUM" or counted or entities and tok.ent_type_ in ("ORG", "PERSON")
            or tok.ent_type_ == "NORP" and tok.pos_ in ("NOUN", "PROPN")  # "Republicans", "Kurds"
            or name or nominal or of is not None and of.lemma_.lower() in words):
        return None
    return phrase_party(doc, tok)


def phrase_party(doc: Doc, tok: Token) -> Party:
    """A side with no actor id and no country, named by ``tok``'s noun phrase up to its
    clauses, appositives and conjuncts (a whole organisation's name kept)."""
    left, right = tok.left_edge.i, tok.right_edge.i
    # the one accused: "accusing the opposition *of anti-state activities*" is the charge
    accused = tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("accuse", "charge", "suspect", "convict")
    nouns = load_lexicon().party_nouns | HUMAN
    for c in tok.children:
        charge = accused and not any(x.lemma_.lower() in nouns or x.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
                                     for x in pobjs(c))  # (not "the leader *of the opposition*")
        if c.i > tok.i and (c.dep_ in ("relcl", "acl", "punct", "appos", "cc", "conj")
                            or c.dep_ == "prep" and (c.lower_ != "of" or charge
                                                     or any(x.dep_ == "pcomp" for x in c.children))):
            right = min(right, c.left_edge.i - 1)  # (nor "of *blocking* a mission": what they are accused of)
    if tok.head.i > tok.i:  # a subject's phrase ends before its verb (a misparse hangs more on it)
        right = min(right, tok.head.i - 1)
    ent = next((e for e in tok.sent.ents if e.start <= tok.i < e.end), None)
    if ent is not None and ent.label_ == "ORG" and ent.start >= left and len(ent) <= 8 and all(
            t.pos_ in ("PROPN", "NOUN", "ADP", "DET", "CCONJ", "NUM", "ADJ") or t.text in ("&", "-") for t in ent):
        right = max(right, ent.end - 1)  # "The Club for Growth PAC": the whole name
    while right > tok.i and (doc[right].is_punct or doc[right].pos_ == "ADV"):
        right -= 1
    span = doc[left: right + 1]
    return Party((), span.text, span.start_char, span.end_char, None, None)
