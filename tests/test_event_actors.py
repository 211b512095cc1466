"""Event sides placed in a country the actor table leaves without one, generic sides kept
apart, relative pronouns as sides (real model)."""

from __future__ import annotations

import datetime as dt

import pytest
from test_events_args import _by_trigger, _countries

from communique.extract.event_actors import side_countries
from communique.models import Analysis


@pytest.fixture(scope="module")
def rules():
    """The rules alone (no trained type model): the sides are theirs either way."""
    from communique.config import Settings
    from communique.pipeline import Pipeline

    return Pipeline(Settings(event_model=False))


def _event(analysis: Analysis, type_: str, trigger: str):
    found = [e for e in _by_trigger(analysis, trigger) if e.type == type_]
    assert found, [(e.type, e.trigger.text) for e in analysis.events]
    return found[0]


def test_event_actors_data_file_is_versioned():
    data = side_countries()
    assert data.version.count(".") == 2
    assert data.affiliation and all(len(c) == 3 and c.isupper() for c in data.affiliation.values())
    assert ("republican",) in data.affiliation and data.first >= {"republican", "gop"}
    assert "in" in data.locative and "hacker" in data.non_state
    assert "police" in data.local and "in" in data.place_preps and "officials" not in data.local
    assert "he" in data.pronouns and "it" not in data.pronouns and "some" in data.quantifiers
    assert "treaty" in data.documents and "proposal" not in data.documents
    assert "flag" in data.props and "dozens" in data.counted and "package" in data.quantifiers
    assert "foreign" in data.foreign and "afghan" not in data.foreign


@pytest.mark.model
@pytest.mark.parametrize("text, type_, trigger, side, expected", [
    # the article's home: the only country its actors name
    ("Donald Trump unleashed a harsh attack on Ben Carson last night.", "ACCUSE", "attack", "recipient", {"USA"}),
    ("Austria has reached a deal with hundreds of striking postal workers.", "AGREE", "deal", "recipient",
     {"AUT"}),
    # a country named inside the side's own phrase
    ("The Syrian leadership reached an accord with striking workers from a hospital in Damascus.",
     "AGREE", "accord", "recipient", {"SYR"}),
    # an affiliation word where the article names no country
    ("Republican senators sharply criticized the Democratic leadership.", "ACCUSE", "criticized", "actor",
     {"USA"}),
    ("Republicans rallied behind Trump.", "SUPPORT", "rallied", "actor", {"USA"}),  # a party word as a noun
    ("GOP leaders met with Democratic leaders on Monday.", "CONSULT", "met", "actor", {"USA"}),
    # a country named only as a place is no home; non-state sides stay without a country
    ("Trump criticized Ford Motor Company for opening up a new factory in Mexico.", "ACCUSE", "criticized",
     "recipient", set()),
    ("Estonian police said hackers attacked the ministry's computer network.", "COERCE", "attacked", "actor",
     set()),
    ("The United States launched air strikes against Islamic State fighters on Monday.", "ASSAULT", "strikes",
     "recipient", set()),
    # a relational noun names someone other than its owner
    ("Switzerland says that its neighbor Palau violated international treaties.", "REJECT", "violated", "actor",
     {"PLW"}),
    ("Finland signed a defence agreement with its counterparts in Honduras.", "AGREE", "signed", "recipient",
     {"HND"}),
    # the victims of an attack are not placed in the attacker's country by guess, nor the attacker in theirs
    ("Israel attacked Gaza on Monday, killing 20 people.", "ASSAULT", "killing", "recipient", set()),
    ("The military pressed its offensive against Hamas.", "ASSAULT", "offensive", "actor", set()),
    # local people and bodies are of the place where their event happens; officials are not
    ("Police arrested dozens of protesters in Nairobi.", "COERCE", "arrested", "actor", {"KEN"}),
    ("Police arrested dozens of protesters in Nairobi.", "COERCE", "arrested", "recipient", {"KEN"}),
    ("Thousands of workers went on strike in South Africa on Monday.", "PROTEST", "strike", "actor", {"ZAF"}),
    ("Thousands rallied in Tbilisi against the foreign agents law.", "PROTEST", "rallied", "actor", {"GEO"}),
    ("Gunmen killed three police officers in northern Nigeria.", "ASSAULT", "killed", "actor", set()),
    ("Authorities in Belarus detained an opposition leader on Sunday.", "COERCE", "detained", "recipient", {"BLR"}),
    # a place naming the side, even as a modifier the place table skips
    ("Orlando community leaders criticized Iran.", "ACCUSE", "criticized", "actor", {"USA"}),
    # the state an unplaced actor acts on is no evidence of the actor's own country
    ("Senator Tom Harkness urged China to release the activists.", "REQUEST", "urged", "actor", set()),
    ("Senator Tom Harkness urged China to release the activists. China rejected the call.", "REQUEST", "urged",
     "actor", {"CHN"}),
    # a curated person's surname alone, which the NER took for an organisation
    ("Trump criticized Ford Motor Company for opening up a new factory in Mexico.", "ACCUSE", "criticized",
     "actor", {"USA"}),
    # a collective of states is no country's, whatever the article's home
    ("The West warned Russia, Biden said in Washington.", "THREATEN", "warned", "actor", set()),
    # a quantifier over a group is somebody to place, not an open pronoun
    ("Kenyan officials said some of the families accused the governor of fraud.", "ACCUSE", "accused", "actor",
     {"KEN"}),
    # aid goes to the place it serves when no one is named
    ("Obama said the U.S. was sending a special team of medical experts to assist with the disaster relief efforts "
     "in Haiti.", "AID", "assist", "recipient", {"HTI"}),
    # the of-phrase of a resignation is who resigns
    ("The scandal led to the resignation of the Israeli defence minister.", "RETREAT", "resignation", "actor",
     {"ISR"}),
    # who says it is responsible for an act did it
    ("Lithuania says it is responsible for the recent torture of a lawyer.", "ASSAULT", "torture", "actor", {"LTU"}),
    # the object of "led X to", "forced X to" does what the infinitive says
    ("The scandal led the Israeli defence minister to announce his resignation.", "RETREAT", "resignation", "actor",
     {"ISR"}),
    # a foreign side is not placed at home; a bare "Congo" is the Democratic Republic
    ("The Taliban government has ordered all foreign NGOs to stop employing Afghan women.", "REQUEST", "ordered",
     "recipient", set()),
    ("Rebels in eastern Congo killed at least 15 civilians.", "ASSAULT", "killed", "actor", {"COD"}),
    # "Georgia" is the US state where the article speaks of its governor or ballots, else the country
    ("Georgia's governor criticized Trump's claims about the ballots.", "ACCUSE", "criticized", "actor", {"USA"}),
    ("Russia invaded Georgia in 2008.", "COERCE", "invaded", "recipient", {"GEO"}),
    # a side of several states (a regional modifier) gets no home guessed
    ("Russia dismissed the European peace proposal as unrealistic.", "REJECT", "dismissed", "recipient", set()),
    # a backer named with a hyphen is not the side's own country; a leader is ("Saudi-led")
    ("Russia-backed separatists shelled Ukrainian positions near Donetsk.", "ASSAULT", "shelled", "actor", set()),
    ("Pro-Russian hackers attacked Danish government websites.", "COERCE", "attacked", "actor", set()),
    ("The Saudi-led coalition struck Houthi positions in Yemen.", "ASSAULT", "struck", "actor", {"SAU"}),
    # a personal pronoun coreference leaves open is somebody of the article's home; "they" may be a group of anywhere
    ("He commanded the Democratic Party to open its doors.", "REQUEST", "commanded", "actor", {"USA"}),
    ("She went on to attack Donald Trump on Monday.", "ACCUSE", "attack", "actor", {"USA"}),
    ("They sharply criticized Donald Trump on Monday.", "ACCUSE", "criticized", "actor", set()),
    # campaigns, the media and PACs are non-state, as companies are: no home guessed for them
    ("Cruz chided the media for pitting Republicans against one another.", "ACCUSE", "chided", "recipient", set()),
    ("Her campaign sued the DNC in federal court on Friday.", "ACCUSE", "sued", "actor", set()),
    # another state's "Congress" is its own legislature, not the US's
    ("Peru's Congress voted to remove President Pedro Castillo from office.", "SANCTION", "remove", "actor", {"PER"}),
    ("The Colombian Congress approved the peace deal.", "AGREE", "approved", "actor", {"COL"}),
])
def test_event_actors_side_country(rules, text, type_, trigger, side, expected):
    a = rules.analyze(text)
    ev = _event(a, type_, trigger)
    party = getattr(ev, side)
    assert party is not None
    assert _countries(a, party) == expected
    assert a.text[party.start:party.end] == party.text


@pytest.mark.model
@pytest.mark.parametrize("text, type_, trigger, actor_text, recipient_text", [
    # two generic sides the actor table merged by their noun stay two sides
    ("Democratic leaders in Congress will make a deal with congressional Republican leaders.", "AGREE", "deal",
     "leaders", "leaders"),
    # a relative pronoun stands for its noun
    ("But Ryan wasn't the only Republican whom Trump refused to endorse.", "REJECT", "refused", "Trump",
     "Republican"),
])
def test_event_actors_sides_kept_apart_and_relative_pronouns(rules, text, type_, trigger, actor_text,
                                                             recipient_text):
    a = rules.analyze(text)
    ev = _event(a, type_, trigger)
    assert ev.actor is not None and actor_text in ev.actor.text
    assert ev.recipient is not None and recipient_text in ev.recipient.text
    assert ev.recipient.start != ev.actor.start
    assert "USA" in _countries(a, ev.recipient)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, actor_text, countries", [
    # the curated patterns code the promised protest (a threat), so the dictionary's 'stage' stays silent
    ("The union said it would stage a protest outside the ministry.", "protest", "The union", set()),
    ("Egyptian authorities said they are seeking help from Italy.", "seeking", "Egyptian authorities", {"EGY"}),
])
def test_event_actors_reported_pronoun_is_the_reporting_subject(rules, text, trigger, actor_text, countries):
    a = rules.analyze(text)
    found = _by_trigger(a, trigger)
    assert found[0].actor is not None and found[0].actor.text == actor_text
    assert _countries(a, found[0].actor) == countries


@pytest.mark.model
@pytest.mark.parametrize("text, name, country, sector", [
    # a shadow or opposition title is not the office holder; one of another office neither
    ("Britain's shadow chancellor criticized the budget.", "Britain's shadow chancellor", "GBR", "OPP"),
    ("The opposition leader called for new elections.", "opposition leader", None, "OPP"),
    ("Britain's chancellor presented the budget.", "Britain's chancellor", "GBR", "GOV"),
    # people of a country are a group with its country, not the state
    ("Gunmen killed four men in northern Nigeria on Sunday.", "men", "NGA", "CVL"),
    ("Police arrested Russian protesters in Moscow.", "protesters", "RUS", "CVL"),
])
def test_event_actors_titles_and_people_of_a_country(pipeline, text, name, country, sector):
    actors = pipeline.analyze(text, published=dt.date(2024, 3, 1)).actors
    a = next((x for x in actors if x.name == name), None)
    assert a is not None, actors
    assert (a.country, a.sector) == (country, sector)
    assert a.kind != "country"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, recipient_country", [
    # whom a state's police act on are placed in its country; an army's targets are not guessed
    ("Images from Tehran were broadcast on Iranian state television, showing police battling with crowds of "
     "demonstrators.", "battling", "IRN"),
    ("Russian troops attacked villagers.", "attacked", None),
    # an envoy serves abroad: not placed in the expelling state by guess
    ("The ambassador was expelled by the Kenyan government.", "expelled", None),
    ("Germany took in more than a million refugees.", "took", None),  # refugees come from abroad
    # a party word inside a country's name places no one in the United States
    ("The Commission called for the release of a prisoner held in the Democratic Republic of the Congo.", "called",
     None),
])
def test_event_actors_police_targets_are_home_soldiers_targets_not(pipeline, text, trigger, recipient_country):
    ev = next(e for e in pipeline.analyze(text, published=dt.date(2024, 3, 1)).events if e.trigger.text == trigger)
    assert ev.recipient is not None and ev.recipient.country == recipient_country


@pytest.mark.model
def test_event_actors_place_in_a_nested_relative_clause_places_no_side(rules):
    """"Patricia Smith, the mother of Sean Smith, who died in the Benghazi attack": the place
    belongs to a clause about her son, not to her."""
    analysis = rules.analyze("Hillary Clinton said Patricia Smith, the mother of Sean Smith, who died in the "
                             "2012 Benghazi terror attack, is absolutely wrong for saying Clinton lied to her.",
                             published="2016-10-19")
    ev = _event(analysis, "ACCUSE", "said")
    assert "LBY" not in _countries(analysis, ev.recipient)


@pytest.mark.model
@pytest.mark.parametrize("text, resolved", [
    ("Cameron, the chief executive officer of Mountaire, gave $3 million to the group.", False),
    ("Cameron, a professor at Yale, criticized the plan.", False),
    ("Cameron said Britain would stay in the European Union.", True),
])
def test_event_actors_surname_described_as_a_private_person_is_someone_else(pipeline, text, resolved):
    analysis = pipeline.analyze(text, published="2016-03-01")
    assert any(a.name == "David Cameron" for a in analysis.actors) is resolved


@pytest.mark.model
@pytest.mark.parametrize("text, type_, trigger, actor_text", [
    # a relative pronoun is its noun's side, whether the actor table names the noun or not
    ("Obama criticized Republicans who opposed the Iran deal.", "REJECT", "opposed", "Republicans"),
    ("The union, which endorsed Hillary Clinton in November, is widely regarded as liberal.", "SUPPORT",
     "endorsed", "union"),
])
def test_event_actors_relative_pronoun_is_its_nouns_side(rules, text, type_, trigger, actor_text):
    ev = _event(rules.analyze(text), type_, trigger)
    assert ev.actor is not None and actor_text in ev.actor.text
