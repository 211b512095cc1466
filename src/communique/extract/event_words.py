"""Word lists of the event rules (``data/events/event_words.yaml``), read once and checked:
an unknown key or a value that is not a list of words is an error, not silence."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from .event_lexicon import DATA
from .word_lists import load_word_lists, parse_word_lists

FILE = "event_words.yaml"


@dataclass(frozen=True)
class EventWords:
    threat_sanction: frozenset[str]
    threat_force: frozenset[str]
    gathering_verbs: frozenset[str]
    mandative_aux: frozenset[str]
    question_words: frozenset[str]
    party_entities: frozenset[str]
    cause_preps: frozenset[str]
    means_verbs: frozenset[str]
    carrier_verbs: frozenset[str]
    claim_heads: frozenset[str]
    topic_preps: frozenset[str]
    forces: frozenset[str]
    deploy_verbs: frozenset[str]
    weapon_subjects: frozenset[str]
    yield_verbs: frozenset[str]
    intransitive_acts: frozenset[str]
    warning_words: frozenset[str]
    pejorative_words: frozenset[str]
    pejorative_predicates: frozenset[str]
    positive_traits: frozenset[str]
    praise_predicates: frozenset[str]
    receiving_verbs: frozenset[str]
    suffering_verbs: frozenset[str]
    censure_verbs: frozenset[str]
    punishing_verbs: frozenset[str]
    permitting_verbs: frozenset[str]
    ability_words: frozenset[str]
    threat_governors: frozenset[str]
    sum_nouns: frozenset[str]
    response_verbs: frozenset[str]
    object_verbs: frozenset[str]
    onset_verbs: frozenset[str]
    staging_verbs: frozenset[str]
    unmaking_verbs: frozenset[str]
    vehicle_nouns: frozenset[str]
    policy_objects: frozenset[str]
    self_act_nouns: frozenset[str]
    object_control_verbs: frozenset[str]
    prep_control_verbs: frozenset[str]
    epistemic_nouns: frozenset[str]
    feeling_participles: frozenset[str]
    culpable_acts: frozenset[str]
    allegation_consequences: frozenset[str]
    striking_verbs: frozenset[str]
    manner_adjectives: frozenset[str]
    discourse_imperatives: frozenset[str]
    leader_qualities: frozenset[str]
    failed_ones: frozenset[str]
    poll_shares: frozenset[str]
    offered_words: frozenset[str]
    readiness_words: frozenset[str]
    stance_verbs: frozenset[str]
    cut_titles: frozenset[str]
    omission_nouns: frozenset[str]
    harm_verbs: frozenset[str]
    intended_harms: frozenset[str]


LISTS = tuple(EventWords.__dataclass_fields__)


def parse_event_words(text: str) -> EventWords:
    """The word lists of an ``event_words.yaml`` text (every list required)."""
    return EventWords(**parse_word_lists(text, LISTS, FILE))


@lru_cache(maxsize=1)
def load_event_words() -> EventWords:
    return EventWords(**load_word_lists(DATA, FILE, LISTS))


@lru_cache(maxsize=1)
def disparaging_words() -> frozenset[str]:
    """Every word that disparages as a predicate: the pejorative words and the words that do
    so only as a predicate (an "as" phrase or an object complement is all predicate)."""
    w = load_event_words()
    return w.pejorative_words | w.pejorative_predicates


def obligation(verb: Token) -> bool:
    """``verb`` is a present "need to" or "has to" with its infinitive ("Russia *needs to*
    withdraw", "*has to* withdraw"), not "had to" (it did), "has yet to" (it has not) nor "has the
    stamina to" (a quality)."""
    return verb.lemma_ in ("need", "have") and verb.tag_ in ("VBZ", "VBP", "VB") \
        and not any(c.lower_ == "yet" or c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") for c in verb.children) \
        and any(x.dep_ == "xcomp" and any(a.lower_ == "to" for a in x.children) for x in verb.children)


def verb_forms(verb: Token, deps: tuple[str, ...] = ("prt",)) -> set[str]:
    """The verb's lemma, and the lemma with each of its ``deps`` children, as the word lists
    spell phrasal verbs ("call off"; "take place" with the object)."""
    lemma = verb.lemma_.lower()
    return {lemma, *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in deps)}
