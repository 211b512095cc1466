"""Modality and conditional threats on sentences of our own (real model)."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture(scope="module")
def analyze(pipeline):
    def run(text):
        return pipeline.analyze(text, published=dt.date(2022, 1, 21))
    return run


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Russia has denied it has intentions of invading Ukraine.",
    "Moscow denied that its troops had attacked the village.",
    "Russia denied attacking civilian targets.",
])
def test_events_denial_is_reject_without_the_denied_act(analyze, text):
    types = {e.type for e in analyze(text).events}
    assert "REJECT" in types
    assert not types & {"ASSAULT", "MOBILIZE"}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The United States would inflict severe costs on Russia if it invades Ukraine.",
    "Britain will impose sanctions on Iran if it enriches more uranium.",
])
def test_events_conditional_consequence_is_hypothetical_threat(analyze, text):
    events = analyze(text).events
    assert any(e.type == "THREATEN" and e.modality == "hypothetical" for e in events)
    assert not any(e.type in ("SANCTION", "COERCE", "ASSAULT") for e in events)


@pytest.mark.model
def test_events_two_mentions_one_event(analyze):
    a = analyze("Germany and France held talks in Paris on Monday. The talks lasted three hours.")
    consult = [e for e in a.events if e.type == "CONSULT"]
    assert len(consult) == 1


@pytest.mark.model
@pytest.mark.parametrize("text,type_,cameo", [
    ("Germany sent weapons to Ukraine.", "AID", "072"),
    ("The president condemned Russia.", "ACCUSE", "111"),
    ("Israel rejected the proposal of Egypt.", "REJECT", "125"),
])
def test_events_basic_coding(analyze, text, type_, cameo):
    events = analyze(text).events
    assert any(e.type == type_ and e.cameo == cameo for e in events), events


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, modality, embedded", [
    ("A source told Reuters that negotiations between Egypt and Israel were continuing.", "negotiations",
     "asserted", False),  # a fact told: reported speech
    ("The minister told the army that it must withdraw its troops.", "withdraw", "demanded", True),
    ("Moscow is insisting that the alliance reject the bid.", "reject", "demanded", True),  # subjunctive
    ("Donald Trump called for President Obama to resign.", "resign", "demanded", True),  # a for-to clause
    ("Russia refused to hold talks with Ukraine.", "talks", "negated", False),  # refused: not held
    ("We expect Russia to withdraw its troops.", "withdraw", "demanded", True),  # expected of another
    # an infinitive pleaded for or challenged to is demanded; an adjective "direct" demands nothing
    ("The mother pleaded with the kidnappers to release her son.", "release", "demanded", True),
    ("Clinton challenged Trump to release his tax returns.", "release", "demanded", True),
    ("Trump has been the most direct in his attacks on Mr. Clinton.", "attacks", "asserted", False),
    # the act a side stops is no longer done
    ("The army stopped shooting at protesters.", "shooting", "negated", False),
    # what an attack did is asserted: a camp "of police" is no act alleged
    ("Boko Haram fighters attacked a camp of Nigerian police in Gwoza, killing 10 officers.", "killing", "asserted",
     False),
    # what a side took no action or did nothing to do is not done
    ("The government has taken no action to free the prisoners.", "free", "negated", False),
    ("The government has done nothing to free the prisoners.", "free", "negated", False),
    ("The government took steps to free the prisoners.", "free", "asserted", False),
    # an order quoted or opening its sentence is asked for, not done
    ('"Release the prisoners," the crowd shouted.', "Release", "demanded", True),
    # what is done instead of, or rather than, something: not done
    ("Rather than scolding our closest allies, the President should look for ways.", "scolding", "negated", False),
    ("The campaign chose to attack Trump rather than praise him.", "praise", "negated", False),
    # what an offer holds is not done, nor is its purpose; a purpose shares its act's modality
    ("Mexico's president rejected Trump's offer to send U.S. troops to fight the cartels.", "send", "hypothetical",
     True),
    ("Mexico's president rejected Trump's offer to send U.S. troops to fight the cartels.", "fight", "hypothetical",
     True),
    ("Russia did not send troops to attack Kyiv.", "attack", "negated", False),
    # a plan told is reported, not ordered; what is awaited "until" it is done is not done yet
    ("The prime minister told parliament that Britain would send 2,000 more troops to Estonia.", "send",
     "hypothetical", False),
    ("The minister said Turkey would not allow Sweden to join NATO until it extradites the suspects.", "extradites",
     "hypothetical", True),
    # an attack warned of is a danger, not done
    ("The U.S. embassy in Kyiv warned of a significant air attack.", "attack", "hypothetical", True),
    # a curly apostrophe's "’d" and "’ll" are "would" and "will"
    ("She said she’d ask the senators to come.", "ask", "hypothetical", False),
    ("She said she’ll leave the attacks to the politicians.", "leave", "future", False),
    # what a verb reportedly did is alleged, its object's event too
    ("Russia reportedly used chemical weapons against Ukrainian troops.", "weapons", "alleged", False),
])
def test_events_modality_told_that_is_reported_not_demanded(pipeline, text, trigger, modality, embedded):
    from communique.extract.modality import modality_of

    tok = next(t for t in pipeline.nlp(text) if t.text == trigger)
    assert modality_of(tok) == (modality, embedded)


@pytest.mark.model
@pytest.mark.parametrize("text, accuser, accused", [
    ("Ukraine accused Russia of launching missile strikes on Kyiv.", "Ukraine", "Russia"),
    ("Russia accused Ukraine of attacking a Russian border post, killing two guards.", "Russia", "Ukraine"),
    ("Lebanon accused Israel of striking a village in the south, killing three people.", "Lebanon", "Israel"),
    ("Venezuela accused Colombia of sending mercenaries to attack its territory.", "Venezuela", "Colombia"),
    ("Iran accused Israel of carrying out an attack on its Natanz nuclear site.", "Iran", "Israel"),
    ("The Syrian government accused rebels of killing 20 civilians in Aleppo.", "Syrian government", "rebels"),
    ("Washington accused Tehran of supplying drones used to attack Ukrainian cities.", "Washington", "Tehran"),
])
def test_events_modality_every_act_inside_an_accusation_is_alleged_and_the_accused(analyze, text, accuser, accused):
    """An act inside the accusation (an event noun the alleged act takes as its object, an
    adverbial clause of it) is alleged and the accused's, never asserted by the accuser."""
    events = analyze(text).events
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert assaults
    assert any(e.type == "ACCUSE" and e.actor is not None and accuser in e.actor.text for e in events)
    for e in assaults:
        assert e.modality == "alleged"
        assert e.actor is not None and accused in e.actor.text and accuser not in e.actor.text


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, punished", [
    ("A court in Istanbul sentenced the jailed mayor to two years in prison for insulting a prosecutor.",
     "insulting", "mayor"),
    ("Police arrested three men for attacking a synagogue in Manchester.", "attacking", "men"),
    ("The United States sanctioned Russia for invading Ukraine.", "invading", "Russia"),
    # (and a second of-phrase of an accusation is alleged as the first is)
    ("Ukraine accused Russia of sending a low-level delegation and of making unacceptable demands.", "demands",
     "Russia"),
    # what someone is chided or decried for is theirs too
    ("Romney chided Trump for refusing to release his tax returns.", "refusing", "Trump"),
    ("The senator assailed the governor for rejecting the deal.", "rejecting", "governor"),
])
def test_events_modality_what_someone_is_punished_for_is_alleged_and_theirs(analyze, text, trigger, punished):
    """What a sentence, an arrest or a sanction punishes someone *for* is alleged, and the
    punished one's act, never the court's, the police's or the sanctioning state's."""
    ev = next(e for e in analyze(text).events if e.trigger.text == trigger)
    assert ev.modality == "alleged"
    assert ev.actor is not None and punished in ev.actor.text


def test_events_modality_accusers_own_adverbial_act_stays_asserted(analyze):
    # an adverbial clause on the accusing verb itself is the accuser's own act
    events = analyze("Russia accused Ukraine of shelling Donetsk, launching strikes on Kyiv in response.").events
    by_trigger = {e.trigger.text: e for e in events}
    assert by_trigger["shelling"].modality == "alleged" and by_trigger["shelling"].actor.country == "UKR"
    assert by_trigger["strikes"].modality == "asserted" and by_trigger["strikes"].actor.country == "RUS"


@pytest.mark.model
def test_events_modality_passive_accusation_with_the_phrase_on_the_accuser_is_alleged(analyze):
    # the parser hangs "of beating" on "rights groups" (the accuser): still the accused's alleged act
    events = analyze("Kenya's police were accused by rights groups of beating protesters in Nairobi.").events
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    assert assaults[0].modality == "alleged"
    assert assaults[0].actor is not None and assaults[0].actor.text == "police" and assaults[0].actor.country == "KEN"


@pytest.mark.model
@pytest.mark.parametrize("text, threatened", [
    ("Ankara threatened Stockholm with blocking its NATO bid.", "blocking"),
    ("The US threatened Iran with new sanctions.", "sanctions"),
])
def test_events_modality_what_a_side_is_threatened_with_is_not_done(pipeline, text, threatened):
    evs = pipeline.analyze(text).events
    assert any(e.type == "THREATEN" for e in evs), evs
    assert not any(e.trigger.text == threatened and e.modality == "asserted" for e in evs), evs


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, modality", [
    # a coercive act someone says they would carry out is that act planned, as with "will"
    ("Trump said he would deport 11 million immigrants.", "deport", "COERCE", "future"),
    ("In response, Trump assured voters he’d force Mexico to pay for the wall.", "force", "COERCE", "future"),
    # made a condition, or only possible, it stays a threat
    ("Russia said it would impose sanctions if Ukraine joins NATO.", "impose", "THREATEN", "hypothetical"),
    ("The EU could impose sanctions on Iran.", "impose", "THREATEN", "hypothetical"),
])
def test_events_modality_coercion_someone_would_carry_out_is_planned(analyze, text, trigger, type_, modality):
    ev = next(e for e in analyze(text).events if e.trigger.text == trigger)
    assert (ev.type, ev.modality) == (type_, modality)


@pytest.mark.model
def test_events_modality_possibility_told_to_reporters_is_reported_not_demanded(pipeline):
    text = ("Slovakia could suspend all relations with the Czech Republic over the deal, Prime Minister Robert Fico "
            "told journalists on Monday.")
    evs = [e for e in pipeline.analyze(text).events if e.trigger.text == "suspend"]
    assert evs and evs[0].type == "THREATEN" and evs[0].modality == "hypothetical"
