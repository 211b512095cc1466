"""Event types on real parses (issue 19): triggers that need their event's parts (a side
recognised, a counterpart to consult, a that-clause to claim, a rule to defy) and the
general patterns added on the tune half's error classes."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.extract.event_background import not_an_event


def _events(pipeline, text):
    return pipeline.analyze(text, published=dt.date(2020, 1, 1)).events


def _coded(pipeline, text, trigger, type_=None, rule=None, modality=None) -> list:
    """The events of ``text`` at ``trigger`` with the given type, rule and modality (any
    where None); the test asserts on the list, which pytest shows when it fails."""
    return [e for e in _events(pipeline, text) if e.trigger.text == trigger
            and type_ in (None, e.type) and rule in (None, e.rule) and modality in (None, e.modality)]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("The senator discussed his tax proposals on the radio.", "discussed", "CONSULT"),  # no other side
    ("She needs to demonstrate that she can win the state.", "demonstrate", "PROTEST"),  # showing
    ("He hopes to claim the nomination in July.", "claim", "ACCUSE"),  # a prize, not a wrong
    ("Voters did not recognize themselves in the speech.", "recognize", "SUPPORT"),
    ("We cannot ignore the fact that prices rose.", "ignore", "REJECT"),  # defies no rule
    ("Strong demand for consumer goods lifted imports in Brazil.", "demand", "REQUEST"),  # a market's
    ("The two sides opened talks to avoid an attack on the port.", "attack", "ASSAULT"),  # prevented
    ("Turkish police foiled an attack on the Greek consulate.", "attack", "ASSAULT"),
    ("The minister insisted the plan did not harm farmers.", "insisted", "REQUEST"),  # a claim, no demand
    ("The minister was asked whether Germany would send troops to Mali.", "asked", "REQUEST"),  # a question
    ("Hundreds of people killed on Friday were buried in Aleppo.", "killed", "ASSAULT"),  # a description
    ("Senators investigating the 2012 attack on the consulate met on Monday.", "attack", "ASSAULT"),  # dated
    ("Senators investigating the 2012 attack on the consulate met on Monday.", "investigating", "ACCUSE"),
    ("Singapore warned its citizens against travel to Belgium.", "warned", "THREATEN"),  # an advisory
    ("Obama spoke at a moderated discussion on Thursday.", "discussion", "CONSULT"),  # no other side
    ("If we give up the Supreme Court for a generation, we lose.", "give", "CONCEDE"),  # gives up no claim
    ("The mayor defended the new parking rules on Monday.", "defended", "SUPPORT"),  # no side backed
    ("He said he did not support their right to sue the company.", "support", "SUPPORT"),
    ("He said he did not support their right to sue the company.", "sue", "ACCUSE"),  # a right's content
    ("Israel and Lebanon renewed negotiations on their future relations.", "renewed", "SUPPORT"),  # talks renewed
    ("Some economists argue that corporate taxes should be very low.", "argue", "REQUEST"),  # no side asked
    ("Sanders refuses to attack Clinton on her character.", "refuses", "REJECT"),  # rejects no one
    ("We must not overreact to campaign rhetoric, the senator told reporters.", "told", "REQUEST"),  # own resolve
    ("A spokeswoman for the institute declined to comment.", "declined", "REJECT"),  # nothing said
    ("The president called on Sunday that he intends to make deals.", "called", "REQUEST"),  # a date, no "call on"
    ("The Kremlin warned NATO against sending troops to Ukraine.", "sending", "MOBILIZE"),  # warned against: not done
    ("The president spoke with reporters at the White House.", "spoke", "CONSULT"),  # no side met
    ("The military pressed its offensive against Hamas.", "pressed", "REQUEST"),  # carried on, asked nothing
    # what is lifted, suspended or paused is ended, not imposed or held anew
    ("The US lifted sanctions on Venezuelan oil.", "sanctions", "COERCE"),
    ("Venezuela suspended talks with the opposition.", "talks", "CONSULT"),
    ("Israel paused its bombing of Gaza for four hours.", "bombing", "ASSAULT"),
    ("The company released a statement.", "released", "RETREAT"),  # no one freed
    ("The ministry refused to confirm the report.", "refused", "REJECT"),
    ("Donald Trump called for President Obama to resign.", "resign", "RETREAT"),  # demanded, not done
    ("Obama defended himself against the attacks.", "defended", "SUPPORT"),  # backs no one
    ("Clinton campaigned for the presidency.", "campaigned", "SUPPORT"),  # no one backed
    # praise of oneself, advice, readiness to act and a negated trait praise no one
    ("Clinton said she is qualified.", "said", "SUPPORT"),
    ("He said Hillary Clinton should be ready for questions about her husband.", "said", "SUPPORT"),
    ("Strelkov said that he is ready to expand his military involvement.", "said", "SUPPORT"),
    ("Trump said Cruz was not a great senator.", "said", "SUPPORT"),
    ("Trump is casting himself as a champion of the little guy.", "casting", "SUPPORT"),
    ("Obama said the economy is strong.", "said", "SUPPORT"),
    ("The rain forced organizers to cancel the rally.", "forced", "COERCE"),  # nobody's act
    ("The UN condemned the killing of the journalist.", "killing", "ASSAULT"),  # a topic condemned
    ("Power was transferred to the new government.", "transferred", "AID"),  # no aid
    ("The law allows workers to choose a union.", "allows", "RETREAT"),  # a text's terms
    ("She expressed concern about her health.", "concern", "ACCUSE"),  # no side
    # discourse imperatives, a quote with its own subject, and a verb that does not open the quote ask nothing
    ('"Look, we are going to win," Trump said.', "said", "REQUEST"),
    ('"Believe me," Trump said.', "said", "REQUEST"),
    ('"We will meet on Friday -- try to meld the positions," Cummings said.', "said", "REQUEST"),
    ("The general handed over power to a civilian government.", "handed", "RETREAT"),
    ("The minister admitted that aid workers had been detained.", "admitted", "RETREAT"),  # a confession
    ("This is about me campaigning for New Hampshire.", "campaigning", "SUPPORT"),  # a place, no side
    ("“Her judgment is terrible,” Trump said.", "said", "ACCUSE"),  # "her" is no one known
])
def test_events_types_not_coded(pipeline, text, trigger, type_):
    assert not _coded(pipeline, text, trigger, type_)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    ("France discussed the crisis with Germany on Monday.", "discussed", "CONSULT", "consult.discuss"),
    ("Russia recognized the independence of Abkhazia.", "recognized", "SUPPORT", "support.recognize"),
    ("Protesters held placards outside the Russian embassy in Berlin.", "held", "PROTEST", "protest.display"),
    ("Morocco summoned its own ambassador home from Spain.", "summoned", "SANCTION", "sanction.recall-own"),
    ("Somalia's president claimed that Washington should end its military aid.", "claimed", "REQUEST",
     "request.must"),
    ("Iran violated the nuclear agreement with the European Union.", "violated", "REJECT", "reject.defy"),
    ("Three unions joined an appeal to the government for higher wages.", "appeal", "REQUEST", "appeal.appeal-noun"),
    ("The army and the rebels declared a cease-fire on Friday.", "fire", "RETREAT", "retreat.cease-fire"),
    ("The journalist was ejected from the country.", "ejected", "COERCE", "coerce.deport"),
    ("Moscow is insisting that the alliance reject the membership bid.", "insisting", "REQUEST",
     "request.insist-that"),
    ("A source told Reuters that negotiations between Egypt and Israel were continuing.", "negotiations",
     "CONSULT", "consult.negotiation"),  # told that ...: reported, not demanded
    ("Iran will not comply with the ruling of the tribunal.", "comply", "REJECT", "concede.comply.refusal"),
    # a promised concession is PLOVER's CONCEDE ("make a promise of future concessions")
    ("The European Union made a commitment to lift sanctions on Cuba.", "commitment", "CONCEDE", "intent.commitment"),
    ("The army came to an agreement with the rebels on Sunday.", "agreement", "AGREE", "intent.reach-agreement"),
    ("Germany pulled the plug on its military aid to Mali.", "pulled", "SANCTION", "sanction.pull-plug"),
    ("American instructors are training Ukrainian troops in Poland.", "training", "COOPERATE", "cooperate.train"),
    ("Chile and Peru deepened their cooperation on trade.", "deepened", "COOPERATE", "cooperate.enhance"),
    ("Estonia gives up on plan for new border fence.", "gives", "CONCEDE", "concede.give-up"),
    ("Obama held a long conversation with Putin on Thursday.", "conversation", "CONSULT",
     "consult.discussion-noun"),
    ("Germany strongly supported France in the dispute.", "supported", "SUPPORT", "support.back"),
    ("The army ordered patrols along the border with Syria.", "ordered", "MOBILIZE", "mobilize.patrols"),
    ("Israel and Lebanon renewed negotiations on their future relations.", "negotiations", "CONSULT",
     "consult.negotiation"),
    ("Cuba and the United States restored diplomatic relations.", "restored", "SUPPORT", "support.relations"),
    ("Trump posted a tweet attacking Senator Warren on Monday.", "attacking", "ACCUSE", "accuse.verbal-attack"),
    ("The actress wrote a viral blog against the mogul.", "wrote", "ACCUSE", "accuse.message-against"),
    ("North Korea held a large military parade in Pyongyang.", "parade", "MOBILIZE", "mobilize.parade"),
    ("Warren told Stumpf that Wells Fargo should give back the money.", "told", "REQUEST", "request.must"),
    # a strike called, staged or gone on is a labour action, whoever calls it
    ("In September, its leaders called a strike, citing poor pay.", "strike", "PROTEST", "protest.strike-called"),
    ("Nurses went on strike on Monday.", "strike", "PROTEST", "protest.strike-called"),
    ("Thousands of people took part in protests in ten cities.", "protests", "PROTEST", "protest.noun"),
    # a passive in a relative clause is done to the antecedent; a name the recogniser missed is a side
    ("The activist, who was detained last week, spoke on Monday.", "detained", "COERCE", "coerce.arrest"),
    ("Madoff was arrested in 2008.", "arrested", "COERCE", "coerce.arrest"),
    ("North Korea walked away from the talks.", "walked", "REJECT", "reject.walk-away"),
    ("Hungary blocked the EU aid package for Ukraine.", "blocked", "REJECT", "reject.block"),
    ("Thousands of Israelis rallied in Tel Aviv to demand a deal.", "rallied", "PROTEST", "protest.rally"),
    ("Republicans rallied behind Trump.", "rallied", "SUPPORT", "support.rally"),
    ("The army declared a curfew in the capital.", "declared", "COERCE", "coerce.sanctions"),
    ("Sudan issued a statement renouncing its recognition of the new state.", "renouncing", "SANCTION",
     "sanction.derecognize"),
    ("The US announced a new military aid package for Ukraine.", "package", "AID", "aid.package-noun"),
    ("Scholz spoke with Zelenskiy by phone.", "spoke", "CONSULT", "consult.speak-phone"),  # CAMEO 041
    # attacking a named person with no word of violence is criticism; with one it is an assault
    ("Trump attacked Clinton over her emails.", "attacked", "ACCUSE", "accuse.attack-person"),
    ("Democrats have adopted a harsh attack on Ayotte, labeling her an extremist.", "attack", "ACCUSE",
     "accuse.verbal-attack"),
    ("A man attacked the mayor with a knife.", "attacked", "ASSAULT", "assault.beat"),
    # seizing people is an abduction, seizing a ship a confiscation
    ("Gunmen seized 30 students in northern Nigeria.", "seized", "ASSAULT", "assault.abduct"),
    ("Gunmen kidnapped dozens of schoolchildren.", "kidnapped", "ASSAULT", "assault.abduct"),  # counted people
    ("The government deported hundreds of Afghan migrants.", "deported", "COERCE", "coerce.deport"),
    ("Iran seized a British-flagged tanker.", "seized", "COERCE", "coerce.seize"),
    ("Washington froze the assets of three Russian banks.", "froze", "COERCE", "coerce.freeze-assets"),
    ("Belarus closed its border with Poland.", "closed", "COERCE", "coerce.close-border"),
    # summoning another state's envoy protests to it; summoning one's own recalls them
    ("Beijing summoned the Japanese ambassador.", "summoned", "ACCUSE", "accuse.summon-envoy"),
    ("Beijing summoned its ambassador from Tokyo.", "summoned", "SANCTION", "sanction.recall-own"),
    ("Turkey approved Sweden's NATO membership.", "approved", "SUPPORT", "support.approve-bid"),
    ("The president pardoned 500 prisoners.", "pardoned", "RETREAT", "retreat.release"),
    ("Security forces rounded up dozens of opposition supporters.", "rounded", "COERCE", "coerce.round-up"),
    ("Opposition lawmakers walked out of parliament in protest.", "walked", "PROTEST", "protest.walkout"),
    ("Zelenskiy lashed out at the West for its slow arms deliveries.", "lashed", "ACCUSE", "accuse.lash-out"),
    ("Trump took aim at NATO allies.", "took", "ACCUSE", "accuse.take-aim"),
    ("Indian troops exchanged fire with Pakistani forces.", "exchanged", "ASSAULT", "fight.exchange-fire"),
    ("The army halted its offensive in the north.", "halted", "RETREAT", "retreat.halt-attack"),
    # one side's own drills show force; joint ones are cooperation
    ("China conducted military drills around Taiwan.", "drills", "MOBILIZE", "mobilize.drills"),
    ("Japan and the US held joint naval exercises.", "exercises", "COOPERATE", "cooperate.exercise"),
    ("The army retook the city from Islamic State fighters.", "retook", "COERCE", "coerce.occupy"),
    ("Thousands marched in Paris against pension reform.", "marched", "PROTEST", "protest.demonstrate"),
    ("The junta released the former president from house arrest.", "released", "RETREAT", "retreat.release-person"),
    ("Ethiopian troops withdrew from Tigray.", "withdrew", "RETREAT", "retreat.withdraw-forces"),
    ("Blinken held a phone call with his Chinese counterpart Wang Yi.", "call", "CONSULT", "consult.call-with"),
    ("Merkel heralded the deal as a breakthrough.", "heralded", "SUPPORT", "support.praise"),
    # the "for" of a for-to clause ("called for Obama to resign")
    ("Donald Trump called for President Obama to resign.", "called", "REQUEST", "appeal.call"),
    # refusals, retorts, convictions, patrols, phone calls, shots aimed and criticism leveled
    ("Cadillac declined to renew its sponsorship of the event.", "declined", "REJECT", "reject.decline"),
    ("Clinton fired back at Trump on Twitter.", "fired", "ACCUSE", "accuse.hit-back"),
    ("Rebels hit back at government troops with mortars, killing three soldiers.", "hit", "ASSAULT", "fight.hit-back"),
    ("Obama had a talk with Putin on Monday.", "talk", "CONSULT", "consult.talks"),
    ("Twenty-five men have been found guilty of participating in an armed group.", "found", "SANCTION",
     "accuse.found-guilty"),
    ("Soldiers patrolled the border region on Sunday.", "patrolled", "MOBILIZE", "mobilize.patrol"),
    ("The two leaders spoke by phone on Tuesday.", "spoke", "CONSULT", "consult.speak-phone"),
    ("Israel struck targets in Gaza overnight.", "struck", "ASSAULT", "fight.attack"),
    ("Police fired tear gas at protesters in Nairobi.", "gas", "ASSAULT", "coerce.tear-gas"),  # CAMEO 175
    ("Soldiers fired, killing two protesters.", "fired", "ASSAULT", "fight.fire-violence"),
    ("A jury found Zimmerman guilty of second-degree murder.", "found", "SANCTION", "accuse.found-guilty"),
    ("The interior minister leveled unusually sharp criticism at his Belgian colleagues.", "criticism", "ACCUSE",
     "accuse.leveled"),
    ("Iran executed three men convicted of drug trafficking.", "executed", "ASSAULT", "assault.execute"),
    ("Russia suspended its air campaign in Syria.", "suspended", "RETREAT", "retreat.halt-campaign"),
    # everyday news words: criticism, backing, promises, blows
    ("When Donald Trump attacked a federal judge, Hispanic Americans were outraged.", "attacked", "ACCUSE",
     "accuse.person-attacks"),
    ("Trump Just Responded To Rubio's Biggest Attack Yet.", "Attack", "ACCUSE", "accuse.person-attack-noun"),
    ("Lindsey Graham called out his rival for alienating Hispanics.", "called", "ACCUSE", "accuse.call-out"),
    ("I have called on congressional leaders to add penalties.", "called", "REQUEST", "appeal.call"),  # "on": prt
    ("Lewandowski's troubles began when he was accused by a female reporter.", "accused", "ACCUSE", "accuse.accuse"),
    ("The State Department Inspector General issued subpoenas to the Clinton Foundation.", "subpoenas", "ACCUSE",
     "accuse.subpoena"),
    ("Republican senators have vowed to block the nomination.", "vowed", "REJECT", "intent.promise"),
    ("Trump has repeatedly pledged to ban all Muslims from entering the U.S.", "ban", "COERCE", "coerce.ban.plan"),
    ("China and North Korea agreed to lift a ban on weapons exchanges.", "agreed", "CONCEDE", None),  # not a threat
    ("The two sides agreed that talks would resume in May.", "agreed", "AGREE", "intent.agree"),
    ("But, so far, only two Democrats are backing the measure.", "backing", "SUPPORT", "support.back-policy"),
    ("Trump hit Clinton on trade.", "hit", "ACCUSE", "accuse.person-hits-person"),
    ("Super PAC ad hits Trump on escalating violence.", "hits", "ACCUSE", "accuse.message-attacks"),
    ("On Wednesday, Clinton bashed Trump's proposal to ban Muslims from the country.", "bashed", "ACCUSE",
     "accuse.criticize"),
    ("Israeli jets targeted Hamas positions in Gaza.", "targeted", "ASSAULT", "fight.target"),
    ("Trump, who has hit Hillary Clinton for enabling her husband, spoke.", "hit", "ACCUSE", "accuse.hit-on"),
    ("The officer hit Smith on the head.", "hit", "ASSAULT", "fight.attack"),  # a blow
    ("On Sunday, Alabama senator Jeff Sessions offered his own endorsement.", "offered", "SUPPORT", "intent.promise"),
    ("Pence defended Trump's remarks.", "defended", "SUPPORT", "support.defend"),
    ("Clinton said Trump is dangerous.", "said", "ACCUSE", "accuse.disparage"),
    ("Smith delivered a critique of Clinton's handling of Benghazi.", "critique", "ACCUSE", "accuse.insult-noun"),
    ("Trump has insulted women, Mexicans and Muslims.", "insulted", "ACCUSE", "accuse.criticize"),
    ("In an interview over the weekend, Clinton laughed off the attack ad.", "laughed", "REJECT", "reject.brush-off"),
    ("“She's a liar,” he said.", "said", "ACCUSE", "accuse.disparage"),
    ("We acknowledged his concerns about an observation we made in order to quell the attacks on Megyn Kelly, and "
     "prevent her from being smeared any further.", "attacks", "ACCUSE", None),  # "in order to" asks nothing
    ("He commanded the Democratic Party to open its doors.", "commanded", "REQUEST", "request.order"),
    ("NextGen Climate has made the same demands of the Democratic candidates.", "demands", "REQUEST",
     "request.make-demand"),
    ("I think that the Chinese government butchered those kids.", "butchered", "ASSAULT", "assault.kill"),
    ("Gore is one of the last luminaries not to make a formal endorsement of Hillary Clinton.", "endorsement",
     "SUPPORT", "support.endorsement"),
    # fighting a side (against it, or for something with violence in view)
    ("Rebels fought government troops in the north.", "fought", "ASSAULT", "fight.fight"),
    ("Kurdish forces are fighting against the Islamic State.", "fighting", "ASSAULT", "fight.fight-against"),
    ("Rebels fought for control of the town, killing two soldiers.", "fought", "ASSAULT", "fight.fight-over"),
    # an event said to begin or to have been staged, with no side named
    ("A labor strike began Monday morning in the northern Italian port city of Bari.", "strike", "PROTEST",
     "protest.strike-called"),
    ("Peaceful demonstrations were held in various parts of Africa on Saturday.", "demonstrations", "PROTEST",
     "protest.noun"),
    ("Clashes broke out in the capital on Sunday.", "Clashes", "ASSAULT", "fight.attack-noun"),
    ("A ceasefire brokered by Egypt took effect at midnight.", "ceasefire", "RETREAT", "retreat.ceasefire"),
    # a passive's subject is what the verb needs for an object
    ("U.S. troops were deployed to Poland in February.", "deployed", "MOBILIZE", "mobilize.deploy"),
    ("An agreement between Israel and Lebanon on their maritime border was signed in October.", "signed", "AGREE",
     "support.sign"),
    # a lawsuit filed sues; a rally's circumstances are no object it rallies
    ("A New York attorney has filed suit against the New York City government.", "suit", "ACCUSE",
     "accuse.lawsuit-noun"),
    ("Protesters rallied in Suriname on Tuesday in some of the most intense opposition to the administration.",
     "rallied", "PROTEST", "protest.rally"),
    # a weapons test shows force; an arrest warrant charges; a round of talks is talks
    ("North Korea tested a new ballistic missile on Sunday.", "tested", "MOBILIZE", "mobilize.test-weapon"),
    ("North Korea test-fired two ballistic missiles into the sea.", "fired", "MOBILIZE", "mobilize.test-fire"),
    ("The International Criminal Court issued an arrest warrant for Vladimir Putin.", "warrant", "COERCE",
     "coerce.arrest-warrant"),
    ("India and China held a new round of military talks.", "talks", "CONSULT", "consult.talks"),
    ("Chinese warships conducted live-fire drills near Taiwan.", "drills", "MOBILIZE", "mobilize.drills"),
    # forces that leave a country withdraw; a regulator's fine sanctions
    ("The last U.S. troops left Afghanistan on Monday.", "left", "RETREAT", "retreat.forces-leave"),
    ("The European Commission fined Google 4.3 billion euros.", "fined", "COERCE", "coerce.fine"),
    ("China canceled a planned visit by the U.S. defense secretary.", "canceled", "SANCTION", "sanction.cancel-visit"),
    # a body suspending a member reduces relations with it
    ("The African Union suspended Niger's membership after the coup.", "suspended", "SANCTION",
     "sanction.suspend-member"),
    ("ECOWAS suspended Mali from the bloc.", "suspended", "SANCTION", "sanction.suspend-party"),
    ("The African Union suspended Gabon after the military seized power.", "suspended", "SANCTION",
     "sanction.suspend-party"),
    ("Turkish police prevented the demonstration staged by students.", "prevented", "COERCE", "coerce.disperse"),
    # tearing into someone; a court blocking a ban rejects it
    ("Warren tore into Trump at a Democratic fundraiser in Washington.", "tore", "ACCUSE", "accuse.tear-into"),
    ("A federal judge blocked Trump's travel ban.", "blocked", "REJECT", "reject.block"),
    # an act expected of a side is planned; a resignation something led to; booing, embracing, assisting a side
    ("The union is expected to endorse Clinton.", "endorse", "SUPPORT", "support.praise.plan"),
    ("The scandal led to the resignation of the minister.", "resignation", "RETREAT", "retreat.resignation"),
    ("The crowd booed Trump.", "booed", "ACCUSE", "accuse.criticize"),
    ("The Trump troops embraced their nominee.", "embraced", "SUPPORT", "support.embrace"),
    ("The United States will assist rebels fighting the Islamic State.", "assist", "AID", "aid.assist.plan"),
    # cracking down; casting a side as something pejorative; considering a sanction threatens it
    ("Police cracked down on protesters in Minsk.", "cracked", "ASSAULT", "coerce.crack-down"),
    ("Clinton painted Trump as a dangerous demagogue.", "painted", "ACCUSE", "accuse.cast-as"),
    ("Malaysia is considering suspending relations with neighbor Brunei.", "suspending", "THREATEN",
     "sanction.break.threat"),
    # holding a side responsible, railing against it, a reprimand; speaking highly of it, praise for it;
    # reaching out to a side; coordinating with it
    ("Trump holds Clinton responsible for the crisis.", "holds", "ACCUSE", "accuse.hold-responsible"),
    ("Brenda Johnson also railed against immigrants.", "railed", "ACCUSE", "accuse.rail"),
    ("The report prompted a rare public reprimand from the chair of Clinton's campaign.", "reprimand", "ACCUSE",
     "accuse.criticism"),
    ("Kenneth Starr spoke highly of the former president.", "spoke", "SUPPORT", "support.speak-highly"),
    ("The governor had no such praise for Clinton.", "praise", "SUPPORT", "support.praise-noun"),
    ("Trump's representatives reached out to two speechwriters.", "reached", "CONSULT", "consult.reach-out"),
    ("A CNN reporter coordinated with Clinton's staff.", "coordinated", "COOPERATE", "cooperate.coordinate"),
    # a ceasefire declared with no side named; visas granted
    ("A five-day cease-fire was declared on Friday in Mali.", "fire", "RETREAT", "retreat.cease-fire"),
    ("A group of Tibetan Buddhists have been granted visas to live abroad.", "visas", "AID", "aid.asylum"),
    # a curfew announced; training with another side's force; a weapon system deployed
    ("The Katanga Province government has announced a two-day weekend curfew.", "curfew", "COERCE", "coerce.curfew"),
    ("Norwegian troops started their second week of training with the UN peacekeeping force.", "training",
     "COOPERATE", "cooperate.training-with"),
    ("The government of the Seychelles has deployed a new radar system.", "deployed", "MOBILIZE", "mobilize.deploy"),
    # a deal that came together or was completed; pepper-spraying people
    ("The deal came together quickly, under duress.", "deal", "AGREE", "intent.reach-agreement"),
    ("International climate negotiators completed an agreement in Paris.", "agreement", "AGREE",
     "intent.reach-agreement"),
    ("Police pepper-sprayed a teenage girl outside the rally.", "sprayed", "ASSAULT", "assault.spray"),
    # hitting a side with ads attacks it in words
    ("Future45 has been hitting Clinton with ads in Iowa.", "hitting", "ACCUSE", "accuse.ads"),
    # going after a side; coming under scrutiny; a lawsuit announced; what is said of a side's words
    ("Clinton went after Trump on Monday.", "went", "ACCUSE", "accuse.go-after"),
    ("Manafort's work in Ukraine has come under scrutiny.", "scrutiny", "ACCUSE", "accuse.under-fire"),
    ("Lynch announced on Monday the DOJ lawsuit against the state of North Carolina.", "lawsuit", "ACCUSE",
     "accuse.lawsuit-noun"),
    ("The committee released a statement saying Trump's comments are dangerous and divisive.", "saying", "ACCUSE",
     "accuse.disparage"),
    # bombardments, military operations; "commercial" ships are no commercial
    ("Russian forces pounded the eastern Ukrainian city of Kharkiv with artillery overnight.", "pounded", "ASSAULT",
     "fight.bombard"),
    ("Azerbaijan launched a military operation in Nagorno-Karabakh on Tuesday.", "operation", "ASSAULT",
     "fight.operation"),
    ("The Houthis have attacked commercial ships in the Red Sea.", "attacked", "ASSAULT", "fight.attack"),
    # a sit-in staged (split by the tokenizer at its hyphen); arms laid down
    ("Hundreds of students staged a sit-in outside the education ministry in Dhaka.", "sit", "PROTEST",
     "protest.march-noun"),
    ("The rebels laid down their arms under the peace deal.", "laid", "RETREAT", "retreat.lay-down-arms"),
    ("The Burkinabe army has recruited 50,000 volunteers to fight jihadists.", "recruited", "MOBILIZE",
     "mobilize.recruit"),
    # a vow to retake or seize is a threat; tents and water delivered are aid
    ("Zelenskiy vowed to retake all territory occupied by Russia.", "vowed", "THREATEN",
     "intent.promise+coerce.occupy.threat"),
    ("The UN delivered tents and water to flood victims in Pakistan.", "delivered", "AID", "aid.provide"),
    # criticism by doubting a side's fitness, by knocking it; a challenge to act; pushing back against claims
    ("Obama questioned Trump's fitness for office.", "questioned", "ACCUSE", "accuse.question-trait"),
    ("Clinton raised doubts about Trump's temperament.", "doubts", "ACCUSE", "accuse.doubts-noun"),
    ("Biden knocked Trump over his handling of the pandemic.", "knocked", "ACCUSE", "accuse.knock"),
    ("Clinton challenged Trump to release his tax returns.", "challenged", "REQUEST", "request.challenge"),
    ("The RNC chairman pushed back against Trump's claims of a rigged system.", "pushed", "REJECT",
     "reject.push-back"),
    ("Japan sent rescue teams to help Turkey after the earthquake.", "sent", "AID", "aid.provide+aid.help"),
    ("The Chinese coast guard rammed a Philippine vessel near the Spratly Islands.", "rammed", "ASSAULT", "fight.ram"),
    ("Rebels took over the town.", "took", "COERCE", "coerce.take-over"),
    ("Kurdish forces handed over control of the city to the Syrian government.", "handed", "RETREAT",
     "concede.hand-over-control"),
    ("Iraqi security forces used live ammunition against protesters in Baghdad.", "ammunition", "ASSAULT",
     "fight.live-fire"),
    ("Bolivian troops surrounded the presidential palace in an apparent coup attempt.", "surrounded", "COERCE",
     "coerce.surround"),
    ("The Philippines handed over former President Rodrigo Duterte to the International Criminal Court.", "handed",
     "COERCE", "coerce.hand-over"),
    ("Chinese and Indian troops disengaged from two friction points along the border.", "disengaged", "RETREAT",
     "retreat.withdraw-forces"),
    # a veto lifted concedes; a state's withdrawal from a bloc reduces relations
    ("Turkey lifted its veto on Sweden's bid to join NATO.", "lifted", "CONCEDE", "retreat.ease"),
    ("Burkina Faso, Mali and Niger announced their withdrawal from ECOWAS.", "withdrawal", "SANCTION",
     "sanction.withdrawal-from"),
    # leaving or suspending an agreement reduces relations ("pulled out *of* the deal" read through "out")
    ("Thailand suspended a peace deal with Cambodia.", "suspended", "SANCTION", "sanction.quit-deal"),
    ("Russia pulled out of the Black Sea grain deal.", "pulled", "SANCTION", "sanction.quit-deal"),
    ("The Netherlands took control of Chinese-owned chipmaker Nexperia.", "took", "COERCE", "coerce.take-control"),
    ("Turkey downed a Russian jet near the Syrian border.", "downed", "ASSAULT", "fight.down"),
    ("Somali forces retook a town from al-Shabaab militants.", "retook", "COERCE", "coerce.occupy"),
    # a state's protest is an official complaint; a missile fired into the sea a show of force
    ("The Philippines protested on Monday after a Chinese ship fired a water cannon at a Philippine vessel.",
     "protested", "ACCUSE", "accuse.official-protest"),
    ("North Korea fired a ballistic missile into the sea off its east coast.", "fired", "MOBILIZE",
     "mobilize.fire-into-sea"),
    ("Iran hanged a man convicted of spying for Israel.", "hanged", "ASSAULT", "assault.execute"),
    ("Fighting between Israel and Hezbollah intensified on Sunday.", "Fighting", "ASSAULT", "fight.fighting-between"),
    ("The convoy was ambushed near the border.", "ambushed", "ASSAULT", "fight.attack"),
    # a law does what it says, for whoever passed it
    ("Ukraine's parliament approved a law banning the Russian-linked church.", "banning", "COERCE", "coerce.ban"),
    ("Doctors in South Korea walked off the job in protest at plans to increase admissions.", "walked", "PROTEST",
     "protest.walk-off-job"),
    ("The military junta in Niger released the former president's son.", "released", "RETREAT",
     "retreat.release-person"),
    ("China imposed anti-dumping duties on brandy imported from the European Union.", "imposed", "COERCE",
     "coerce.sanctions"),
    ("A cyberattack on a British retailer disrupted online orders for weeks.", "cyberattack", "COERCE",
     "coerce.cyberattack"),
    ("India suspended visa services for Canadians.", "suspended", "SANCTION", "sanction.break"),
    ("The United States tightened export controls on advanced chips to China.", "tightened", "COERCE",
     "coerce.export-controls"),
    # protests against someone are demonstrations; one lodged is a complaint
    ("Students joined the largest protests against the government in years.", "protests", "PROTEST",
     "protest.protests-against"),
    ("China lodged a protest against the visit.", "protest", "ACCUSE", "accuse.criticism"),
    ("The Honduran government ended its extradition treaty with the United States.", "ended", "SANCTION",
     "sanction.quit-deal"),
    ("Colombia suspended arms purchases from the United States.", "suspended", "SANCTION",
     "sanction.halt-deliveries"),
    ("Israel's security cabinet approved a ceasefire deal with Hezbollah.", "approved", "AGREE", "agree.approve-deal"),
    ("Thailand deported 40 Uyghurs to China despite warnings from the United Nations.", "deported", "COERCE",
     "coerce.deport"),
    ("The Netherlands returned looted artifacts to Indonesia.", "returned", "RETREAT", "retreat.release"),
    # a misparse's second subject before the verb gives way to the side ("a group ... *T-shirts* marched")
    ("In San Francisco, a group dressed in \"We are Orlando\" T-shirts marched in silence.", "marched", "PROTEST",
     "protest.demonstrate"),
    # a side said to break the law, or whose act is called a provocation, is accused
    ("Reid told reporters that Donald Trump may have violated the law.", "told", "ACCUSE", "accuse.disparage"),
    ("The Chinese foreign ministry said the U.S. arms sale was a provocation.", "said", "ACCUSE",
     "accuse.disparage"),
    ("The IAEA board passed a resolution censuring Iran.", "censuring", "ACCUSE", "accuse.criticize"),
    ("The Pentagon paused some weapons shipments to Ukraine.", "paused", "SANCTION", "sanction.halt-deliveries"),
    ("Azerbaijan and Armenia initialled a peace agreement at the White House.", "initialled", "AGREE",
     "support.sign"),
    ("Britain, Canada and Australia formally recognised a Palestinian state on Sunday.", "recognised", "SUPPORT",
     "support.recognize"),
    ("A Kenyan court blocked the deployment of police officers to Haiti.", "blocked", "REJECT", "reject.block"),
    # defending a named person backs them, whatever attacks; a formal complaint issued to a side accuses it
    ("Warren defended Clinton against the attacks.", "defended", "SUPPORT", "support.defend-person"),
    ("The state party issued a formal complaint to the national committee.", "complaint", "ACCUSE",
     "accuse.complaint"),
    ("Pence campaigned for Trump in Ohio.", "campaigned", "SUPPORT", "support.campaign-for"),
    ("China forced the company to withdraw its app.", "forced", "COERCE", "coerce.compel"),
    # wire-style nominal and military events
    ("Security forces carried out the killings of six militant leaders.", "killings", "ASSAULT",
     "assault.killing-noun"),
    ("Fiji announced the transfer of humanitarian aid to Tonga.", "transfer", "AID", "aid.transfer-noun"),
    ("The governor announced martial law for the island.", "law", "COERCE", "coerce.martial-law"),
    ("Demonstrators threw rocks and bottles at the police.", "threw", "PROTEST", "protest.throw-at"),
    ("The army destroyed an enemy submarine.", "destroyed", "ASSAULT", "fight.destroy-military"),
    ("Police were deployed to the capital.", "deployed", "MOBILIZE", "mobilize.deploy"),
    ("NATO warplanes launched a dozen sorties against militant targets.", "sorties", "ASSAULT", "fight.attack-noun"),
    # inspectors let in, prisoners or bodies handed over, an embassy reopened
    ("Kyiv allowed international inspectors to visit the plant.", "allowed", "RETREAT", "retreat.allow"),
    ("Russia handed over the bodies of 50 soldiers to Ukraine.", "handed", "RETREAT", "retreat.hand-over"),
    ("Britain reopened its embassy in Tehran.", "reopened", "SUPPORT", "support.reopen-embassy"),
    ("Russia voiced alarm at NATO's expansion in Eastern Europe.", "alarm", "ACCUSE", "accuse.concern-expressed"),
    # a quoted order reported of someone demands it of whom it is told to
    ('"Stop lying," Trump told Clinton during the debate.', "told", "REQUEST", "request.imperative-quote"),
    ('"Release your tax returns," Clinton said to Trump.', "said", "REQUEST", "request.imperative-quote"),
    ('"Mr. Gorbachev, tear down this wall," Reagan said.', "said", "REQUEST", "request.imperative-quote"),
    ("Trump's campaign barred the Washington Post from its events.", "barred", "COERCE", "coerce.bar"),
    # a pejorative complement the parser hung on a phrase inside the object
    ("Sanders called Clinton's speeches to Goldman Sachs troubling.", "called", "ACCUSE",
     "accuse.name-call-pejorative"),
    # a side said, called or described to be something praiseworthy by another is praised
    ("“Trump is a great leader,” Christie said.", "said", "SUPPORT", "support.laud-clause"),
    ("Obama called Clinton a great secretary of state.", "called", "SUPPORT", "support.call-praise"),
    ("Trump described the Khans' deceased son as a hero.", "described", "SUPPORT", "support.cast-praise"),
    # a trait of a side called pejorative disparages its owner ("her judgment")
    ("Clinton spoke in Ohio. “Her judgment is terrible,” Trump said.", "said", "ACCUSE", "accuse.disparage"),
    # a pejorative "as" phrase the parser hung on the object; legal action and indictments
    ("Health authorities described the lack of containment as deplorable.", "described", "ACCUSE",
     "accuse.cast-as"),
    ("The Portuguese authorities have taken legal action against the former director.", "action", "ACCUSE",
     "accuse.legal-action"),
    ("A federal grand jury has returned four indictments against six defendants.", "indictments", "COERCE",
     "coerce.indictment"),
    ("Britain imposed an asset freeze on five Russian businessmen.", "imposed", "COERCE", "coerce.sanctions"),
    # a side reported to have failed, or to have done nothing, is criticised
    ("The senator said the administration had failed to protect the embassy.", "said", "ACCUSE", "accuse.disparage"),
    ("Amnesty International said the authorities have taken no action to free the opposition leader.", "said",
     "ACCUSE", "accuse.disparage"),
    # attacks and attack ads faced; fun poked; a likeness or words said of a side; a door slammed on a deal
    ("Clinton faced attacks from Sanders over her emails.", "attacks", "ACCUSE", "accuse.attacks-received"),
    ("The governor is facing attack ads ahead of the primary.", "ads", "ACCUSE", "accuse.attack-ads-received"),
    ("The candidate poked fun at his rival's accent.", "poked", "ACCUSE", "accuse.poke-fun"),
    ("Trump is like a lawyer's dumbest client, Noah said.", "said", "ACCUSE", "accuse.disparage"),
    ('"It is a disgrace," Obama said of Trump.', "said", "ACCUSE", "accuse.disparage"),
    ('"She just made it up," he said of the claim.', "said", "ACCUSE", "accuse.disparage"),
    ("A Greenpeace activist demanded to know whether Clinton would forsake oil money.", "demanded", "REQUEST",
     "request.demand"),
    ("The president slammed the door on any deal with the rebels.", "slammed", "REJECT", "reject.close-door"),
    # weight thrown, sides lined up behind a side, its back had, the nod given, its defense come to, praise heaped
    ("The senator threw his weight behind the bill.", "threw", "SUPPORT", "support.weight-behind"),
    ("Republicans lined up behind Ryan's budget.", "lined", "SUPPORT", "support.behind"),
    ("She has Trump's back.", "has", "SUPPORT", "support.have-back"),
    ("The union gave Clinton the nod on Tuesday.", "gave", "SUPPORT", "support.give-nod"),
    ("Pence came to Trump's defense on Sunday.", "defense", "SUPPORT", "support.come-to-defense"),
    ("NATO rushed to Ukraine's aid.", "aid", "AID", "aid.come-to-aid"),
    ("Obama heaped praise on Clinton at the convention.", "praise", "SUPPORT", "support.praise-heaped"),
    ("He signaled his support for ISIS during the attack.", "support", "SUPPORT", "support.noun"),
    # a release by a side told in a participle is that side's release
    ("The prisoners released by Iran arrived in Geneva.", "released", "RETREAT", "retreat.release"),
    ('"Stop the war," the protesters chanted.', "chanted", "REQUEST", "request.imperative-quote"),
    # a state investing in another is economic cooperation with it
    ("Beijing invested in Pakistani ports.", "invested", "COOPERATE", "cooperate.invest"),
    # blows and grabs at a person are physical assaults
    ("A Trump supporter punched a protester at a rally in North Carolina.", "punched", "ASSAULT",
     "assault.strike-person"),
    ("Lewandowski grabbed the reporter by the arm.", "grabbed", "ASSAULT", "assault.strike-person"),
    ("Hungary defied the EU over its refugee quota.", "defied", "REJECT", "reject.defy-side"),
    ("Demonstrators burned an effigy of the president outside the embassy.", "burned", "PROTEST",
     "protest.burn-effigy"),
    ("Germany took in more than a million refugees.", "took", "AID", "aid.take-in-refugees"),
    ("Macron called Putin to discuss Ukraine.", "called", "CONSULT", "consult.call-to-discuss"),
])
def test_events_types_coded(pipeline, text, trigger, type_, rule):
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, reason", [
    ("The two sides opened talks to avoid an attack on the port.", "attack", "prevented"),
    ("Police failed to arrest the suspect.", "arrest", "failed"),
    ("The two sides failed to reach an agreement after three days of talks.", "agreement", "failed"),
    ("Israel agreed to a four-day pause in fighting.", "fighting", "ended"),
    ("The Serbian president boycotted the summit in protest over Kosovo.", "summit", "prevented"),
    ("Hundreds of people killed on Friday were buried in Aleppo.", "killed", "description"),
    ("Senators investigating the 2012 attack on the consulate met on Monday.", "attack", "background"),
    ("Hours after the meeting, a Russian drone struck a bus in the Sumy region.", "meeting", "background"),
    ("A railway station canopy collapsed in Novi Sad, killing 16 people.", "killing", "non-violent death"),
    ("A ferry capsized on Lake Victoria, killing 20 passengers.", "killing", "non-violent death"),
    ("He said he did not support their right to sue the company.", "sue", "content"),
    ("A Kenyan court blocked the deployment of police officers to Haiti.", "deployment", "prevented"),
    ("Iran's supreme leader rejected direct negotiations with the United States.", "negotiations", "prevented"),
    ("Sanders' decision to hold off on backing Clinton upset Democrats.", "backing", "prevented"),
    ("Russia refrained from attacking the city.", "attacking", "prevented"),
])
def test_events_types_not_an_event_reason(pipeline, text, trigger, reason):
    doc = pipeline.nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    types = {"arrest": "COERCE", "sue": "ACCUSE", "agreement": "AGREE", "summit": "CONSULT", "deployment": "MOBILIZE",
             "negotiations": "CONSULT", "meeting": "CONSULT"}
    assert not_an_event(tok, types.get(trigger, "ASSAULT")) == reason


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, modality", [
    ("Sanders refuses to attack Clinton on her character.", "attack", "ACCUSE", "negated"),
    ("Trump refused to endorse Ryan.", "endorse", "SUPPORT", "negated"),
    ("Trump refused to endorse Ryan.", "refused", "REJECT", "asserted"),
])
def test_events_types_refused_act_is_negated(pipeline, text, trigger, type_, modality):
    assert _coded(pipeline, text, trigger, type_, modality=modality)


# not wanting, or vowing not, to meet, cooperate or give in is an asserted refusal, with the
# complement's other side; vowing not to attack is no threat
@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, recipient", [
    ("Iran does not want to hold talks with the United States.", "want", "REJECT", "the United States"),
    ("Nepal does not wish to hold meetings with its Colombian counterpart.", "wish", "REJECT",
     "its Colombian counterpart"),
    ("Tonga vowed not to give in to pressure from Fiji.", "vowed", "REJECT", "Fiji"),
    ("China wants to strengthen cooperation with Japan.", "strengthen", "AGREE", "Japan"),  # its own intent
])
def test_events_types_unwillingness_is_asserted_refusal(pipeline, text, trigger, type_, recipient):
    evs = _events(pipeline, text)
    ev = next((e for e in evs if e.trigger.text == trigger), None)
    assert ev is not None and ev.type == type_ and ev.modality in ("asserted", "hypothetical"), evs
    assert ev.recipient is not None and ev.recipient.text == recipient, ev


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("Iran does not want to hold talks with the United States.", "talks", "AGREE"),  # no intent
    ("Iran wants to hold talks with the United States.", "want", "REJECT"),  # willing
    ("Israel vowed not to attack Gaza.", "vowed", "THREATEN"),
    ("The two countries have been at war for a decade.", "war", "ASSAULT"),  # a state of conflict
    ("Ahmed, who was killed in a 2011 drone strike, appears in the video.", "killed", "ASSAULT"),  # dated aside
    ("The police officer was dismissed for misconduct.", "dismissed", "REJECT"),  # fired
])
def test_events_types_unwillingness_and_states_not_coded(pipeline, text, trigger, type_):
    assert not _coded(pipeline, text, trigger, type_)


@pytest.mark.model
def test_events_types_victim_of_a_passive_is_not_the_attacker_in_its_phrase(pipeline):
    evs = _events(pipeline, "Ahmed, who was killed in a drone strike, appears in the video.")
    assert not any(e.trigger.text == "strike" and e.actor is not None for e in evs), evs
    # nor does a common surname alone resolve to a head of government (Abiy Ahmed)
    killed = next(e for e in evs if e.trigger.text == "killed")
    assert killed.recipient is not None and killed.recipient.country is None


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("Russia declared war on Ukraine.", "war", "ASSAULT"),
    ("Russia dismissed the American proposal.", "dismissed", "REJECT"),
    ("Israel vowed not to attack Gaza.", "attack", "CONCEDE"),  # a promise to hold back (0356)
])
def test_events_types_waged_war_and_dismissed_proposals_coded(pipeline, text, trigger, type_):
    assert _coded(pipeline, text, trigger, type_)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    ("Germany said that sanctions must be lifted.", "said", "REQUEST", "request.must"),  # done by no one named
    ("The embassy stressed that the restrictions on travel should be replaced.", "stressed", "REQUEST",
     "request.must"),
    ("Both Sudan and Chad have signed, while the Union has taken no position on the agreement.", "signed",
     "AGREE", "agree.signed"),
    ("The rebels handed back the weapons seized from the army.", "handed", "RETREAT", "retreat.hand-back"),
    ("Last September, Beck called Palin a clown on his radio show.", "called", "ACCUSE", "accuse.name-call-pejorative"),
    ("Democrats labeled her an extremist.", "labeled", "ACCUSE", "accuse.name-call-pejorative"),
    ('Christie called Rubio "a boy in the bubble".', "called", "ACCUSE", "accuse.name-call"),
    ("The UN Security Council endorsed an arms embargo on Sudan.", "endorsed", "COERCE", "coerce.sanctions-approve"),
])
def test_events_types_demands_signatures_returns_and_name_calling_coded(pipeline, text, trigger, type_, rule):
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("Some economists argue that corporate taxes should be very low.", "argue", "REQUEST"),  # a view
    ("Trump called Putin a great leader.", "called", "ACCUSE"),  # praise
    ("A key U.N. climate body called for talks to end by October, a goal aimed at avoiding floods.", "called",
     "ACCUSE"),  # an appeal ("a goal" is no name called)
    ("The cabinet approved a ban on smoking.", "approved", "COERCE"),  # domestic policy
    ("He committed unforgivable acts, such as shooting a dog.", "committed", "THREATEN"),  # no promise
    ("He signed with Real Madrid in 2019.", "signed", "AGREE"),  # no accord named
])
def test_events_types_views_praise_and_policies_not_coded(pipeline, text, trigger, type_):
    assert not _coded(pipeline, text, trigger, type_)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    # a planned deployment is a mobilization, no threat to its host; a conditional one threatens
    ("Germany will send 5,000 troops to Lithuania.", "send", "MOBILIZE", "mobilize.deploy.intent"),
    ("Russia will deploy troops if NATO expands.", "deploy", "THREATEN", "mobilize.deploy.threat"),
    # the only predicate of a sentence the parser built around a noun is its report
    ("Thousands protested in Belgrade against the government.", "protested", "PROTEST", "protest.demonstrate"),
])
def test_events_types_planned_deployments_and_noun_rooted_reports(pipeline, text, trigger, type_, rule):
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
def test_events_types_place_labelled_person_keeps_its_country(pipeline):
    # the recogniser labels "Kharkiv" PERSON: a one-word name that is a gazetteer place and no
    # one's surname in the article is the place
    evs = _events(pipeline, "Russian forces shelled Kharkiv overnight.")
    ev = next(e for e in evs if e.trigger.text == "shelled")
    assert ev.recipient is not None and ev.recipient.country == "UKR"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, actor", [
    ("Ukraine launched a counteroffensive in the south.", "counteroffensive", "ASSAULT", "Ukraine"),
    ("A police raid on the mosque left three dead.", "raid", "ASSAULT", "police"),  # a body noun's act
    ("A rebel attack on the base killed ten soldiers.", "attack", "ASSAULT", "rebel"),
    ("A rebel attack on the base killed ten soldiers.", "killed", "ASSAULT", "rebel"),  # the attack's doer
    ("A truce between Israel and Hamas took effect on Friday.", "truce", "RETREAT", "Israel and Hamas"),
    # a murderous attack on people is force, not words
    ("Omar Mateen carried out his murderous attack on club goers.", "attack", "ASSAULT", "Omar Mateen"),
])
def test_events_types_nominal_attacks_and_truces_with_their_doers(pipeline, text, trigger, type_, actor):
    evs = _events(pipeline, text)
    assert any(e.trigger.text == trigger and e.type == type_ and e.actor is not None and e.actor.text == actor
               for e in evs), evs


@pytest.mark.model
def test_events_types_act_called_for_in_an_adjunct_is_not_asserted(pipeline):
    evs = _events(pipeline, "Amnesty International called on Egypt to free the activists.")
    assert not any(e.trigger.text == "free" for e in evs), evs
    assert any(e.trigger.text == "called" and e.type == "REQUEST" for e in evs), evs


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # a response promised under a condition threatens whoever meets it
    ("Blinken said the United States would respond swiftly and severely if Russia invaded Ukraine.", "respond",
     "USA", "RUS"),
    ("The United States will retaliate if Iran attacks its forces.", "retaliate", "USA", "IRN"),
    # or one promised against someone's acts ("would retaliate against any new American tariffs")
    ("Canada's prime minister said Ottawa would retaliate against any new American tariffs.", "retaliate",
     "CAN", "USA"),
    # a capital after "on" is its state
    ("Washington has repeatedly called on Beijing to stop its military drills around Taiwan.", "called",
     "USA", "CHN"),
])
def test_events_types_conditional_responses_and_capitals(pipeline, text, trigger, actor, recipient):
    evs = _events(pipeline, text)
    ev = next(e for e in evs if e.trigger.text == trigger)
    assert ev.actor is not None and ev.actor.country == actor
    assert ev.recipient is not None and ev.recipient.country == recipient


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("NATO said the alliance would act if Russia deploys missiles in Europe.", "deploys"),  # the condition
    ("The ministry responded to the letter on Monday.", "responded"),  # no condition, no threat
    ("Biden made remarks about what he called a minor incursion.", "called"),  # names no one
    # a victory claimed is a statement (PETRARCH's pattern codes it 060); a firm's deliveries
    # halt no aid to a side
    ("Cameroon's opposition candidate claimed victory in the presidential election.", "claimed"),
    ("The company paused deliveries of its new phone.", "paused"),
    ("He hanged a picture on the wall.", "hanged"),
    # foes in words, a work's criticism, a suicide and a health emergency are no attack nor coercion
    ("The Federal Reserve raised interest rates by a quarter point to fight inflation.", "fight"),
    ("The film attacks the excesses of the fashion industry.", "attacks"),
    ("A gunman shot himself after killing four people at a mall, police said.", "shot"),
    ("The World Health Organization declared the mpox outbreak a global health emergency.", "declared"),
    # one state's own drills are no cooperation
    ("Vietnam protested China's military drills in the Paracel Islands.", "drills"),
    # a mistake owned up to is no accusation
    ("Comey said the FBI made a mistake in the background check.", "said"),
    # raids across one's own country name no side attacked ("in raids across *the country*")
    ("Turkish police detained 100 people suspected of links to the Islamic State group in raids across the country.",
     "raids"),
    # what a speaker says it did itself disparages no one
    ("The Venezuelan government said it had arrested three Americans accused of plotting to destabilize the country.",
     "said"),
    # a visit someone is invited to is not made
    ("Modi invited Putin to visit India next year.", "visit"),
    ("Putin accepted an invitation to visit North Korea.", "visit"),
    # riots quelled are not the quellers'; what any attack on civilians is, is no attack
    ("The Indonesian government deployed troops to quell riots in Jakarta.", "riots"),
    ("Attacking civilians is a war crime, the minister said.", "Attacking"),
])
def test_events_types_conditions_and_plain_responses_not_coded(pipeline, text, trigger):
    assert not _coded(pipeline, text, trigger)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    ("The rebels returned seized property, including a yacht, to the US.", "returned", "RETREAT", "retreat.release"),
    ("More than 140 militants have declared a withdrawal from the villages.", "withdrawal", "RETREAT",
     "retreat.withdrawal-declared"),
    ("The militia said it was ending armed action against rival militias.", "ending", "RETREAT",
     "retreat.halt-attack"),
    ("Kenyan President Uhuru Kenyatta stood down late Tuesday.", "stood", "RETREAT", "retreat.step-down"),
    ("The Obama administration began an expanded intelligence sharing with Guatemala.", "sharing", "COOPERATE",
     "cooperate.sharing-noun"),
    ("The Bahamas has temporarily suspended its relationship with the United States.", "suspended", "SANCTION",
     "sanction.break"),
    ("The court handed down six-year sentences to four members of parliament.", "handed", "SANCTION",
     "accuse.hand-down"),
    ("Chad has cut off internet access in some of its regions.", "cut", "COERCE", "coerce.cut-off"),
    ("Nigerian leader Ibrahim Babangida has arrived in Rome.", "arrived", "CONSULT", "consult.arrive"),
    ("Officials have embarked on a diplomatic tour of neighboring countries.", "tour", "CONSULT", "consult.trip"),
    ("Russian hackers attacked the country's network.", "attacked", "COERCE", "coerce.cyber-verb"),
    ("Hundreds of demonstrators clashed with police in Nairobi.", "clashed", "PROTEST", "protest.clash"),
])
def test_events_types_returns_withdrawals_visits_cyber_and_riots(pipeline, text, trigger, type_, rule):
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("The storm arrived in Florida.", "arrived", "CONSULT"),  # no visitor
    ("Rebels clashed with the army.", "clashed", "PROTEST"),  # armed clash, no protest
    ("The company returned the money to investors.", "returned", "RETREAT"),
])
def test_events_types_arrivals_and_clashes_of_others_not_coded_as_such(pipeline, text, trigger, type_):
    assert not _coded(pipeline, text, trigger, type_)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    ("Switzerland wants Azerbaijan to end the sanctions.", "wants", "REQUEST", "appeal.want"),
    ("Hundreds have taken to the streets in Egypt to demand the resignation of the president.", "taken", "PROTEST",
     "protest.streets"),
    ("The Serbian army called up a new group of volunteers for a renewed offensive.", "called", "MOBILIZE",
     "mobilize.call-up"),
    ("Brazil's president ordered additional police forces into Sao Paulo state.", "ordered", "MOBILIZE",
     "mobilize.order-in"),
    ("Ethiopia and Kyrgyzstan are opening diplomatic ties.", "opening", "SUPPORT", "support.relations"),
    ("Prosecutors dropped the charges against the activist.", "dropped", "CONCEDE", "concede.withdraw-claim"),
])
def test_events_types_wants_streets_call_ups_ties_and_dropped_charges(pipeline, text, trigger, type_, rule):
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("Clinton said she did not want U.S. troops on the ground to fight the Islamic State.", "want", "REQUEST"),
    ("The minister visited Nauru to further deepen the ties with the islanders.", "deepen", "SUPPORT"),  # an aim
])
def test_events_types_unwanted_and_aims_not_coded(pipeline, text, trigger, type_):
    assert not _coded(pipeline, text, trigger, type_)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, modality", [
    ("Ryan said he was not ready to support Trump.", "support", "REJECT", "asserted"),  # a refusal, no intent
    ("Protesters disrupted Trump's rally in Chicago.", "disrupted", "PROTEST", "asserted"),
    ("Farmers blocked roads in Paris.", "blocked", "PROTEST", "asserted"),
])
def test_events_types_denied_readiness_and_obstruction(pipeline, text, trigger, type_, modality):
    assert _coded(pipeline, text, trigger, type_, modality=modality)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    ("The Syrian government said rebels used chemical weapons in Ghouta.", "weapons", "ASSAULT",
     "massviolence.wmd-weapon"),
    ("Venezuela said Colombian paramilitaries had crossed the border.", "crossed", "COERCE", "coerce.incursion"),
])
def test_events_types_weapons_used_and_borders_crossed(pipeline, text, trigger, type_, rule):
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("The refugees crossed the border.", "crossed"),  # no armed men
    ("Russia has nuclear weapons.", "weapons"),  # held, not used
])
def test_events_types_crossings_and_arsenals_not_coded(pipeline, text, trigger):
    assert not _coded(pipeline, text, trigger)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    # PLOVER codes the promise of a concession CONCEDE, of cooperation or aid AGREE
    ("The Afghan government has agreed to remove a curfew placed on parts of the capital.", "agreed", "CONCEDE"),
    ("Hamas pledged to release the hostages.", "pledged", "CONCEDE"),
    ("Russia pledged to withdraw its troops from the border.", "pledged", "CONCEDE"),
    ("Japan pledged to provide aid to Ukraine.", "pledged", "AGREE"),
    # wanting, vowing or being ready to work with a side is the intent to cooperate; a career is not
    ("Trump said he wants to work with Russia.", "work", "AGREE"),
    ("Iran is ready to work with the IAEA.", "work", "AGREE"),
    ("Iran is ready to hold talks with the United States.", "talks", "AGREE"),
    # stopping the fighting is a ceasefire; agreeing to it, or to a concession with weapons in it,
    # promises the concession
    ("The rebels agreed to stop shooting at government troops.", "agreed", "CONCEDE"),
    ("Rebels have agreed to stop fighting and surrender their weapons.", "agreed", "CONCEDE"),
    ("Israel and Hamas stopped fighting on Friday.", "stopped", "RETREAT"),
])
def test_events_types_promised_concessions_and_cooperation(pipeline, text, trigger, type_):
    assert _coded(pipeline, text, trigger, type_)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    # an act planned or foretold is that act, mode future (POLECAT); CAMEO keeps its intent code
    ("Costa Rica's minister will meet his Kenyan counterpart next week.", "meet", "CONSULT", "consult.meet.plan"),
    ("Obama decided to endorse Clinton.", "endorse", "SUPPORT", "support.praise.plan"),
    ("Russia plans to send aid to Syria.", "send", "AID", "aid.provide.plan"),
    ("Russia will withdraw its troops from the border.", "withdraw", "RETREAT", None),
    ("Trump is scheduled to meet with Ryan on Thursday.", "meet", "CONSULT", "consult.meet.plan"),
])
def test_events_types_planned_acts_keep_their_type(pipeline, text, trigger, type_, rule):
    assert _coded(pipeline, text, trigger, type_, rule, modality="future")
    ev = next(e for e in _events(pipeline, text) if e.trigger.text == trigger)
    assert ev.cameo.startswith("03")  # CAMEO: the intent to do it


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, modality", [
    ("Workers in Quebec have announced they will strike on Monday.", "strike", "PROTEST", "future"),  # called
    ("The union will strike unless wages rise.", "strike", "THREATEN", "hypothetical"),  # conditional
    ("The Falkland Islands announced Monday that it has agreed to cede some of its territory.", "agreed",
     "CONCEDE", "asserted"),
])
def test_events_types_called_strikes_and_agreed_cessions(pipeline, text, trigger, type_, modality):
    assert _coded(pipeline, text, trigger, type_, modality=modality)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("Clinton traveled to Pittsburgh's Allegheny County on their post-convention bus tour.", "traveled"),  # home
    ("He'll need a more nimble response in the future if he doesn't want the attacks to stick.", "response"),
    # an act called for, conjoined to another called for, is demanded too
    ("NATO called on the North Korean regime to abandon its nuclear weapons and comply with its obligations.",
     "comply"),
])
def test_events_types_home_trips_needed_responses_and_demanded_conjuncts_not_coded(pipeline, text, trigger):
    assert not _coded(pipeline, text, trigger)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("He said he doesn't want to offer specific predictions.", "want"),  # a view offered, no cooperation
    ("Sanders rallied young people with his calls to end the rigged economy.", "calls"),  # appeals, no phone
    ("Sanders called to end the economy that is maintained by a corrupt campaign-finance system.", "end"),
    ("The American people should have a voice in the selection of the justice, McConnell said.", "said"),
])
def test_events_types_views_appeal_nouns_and_states_not_coded(pipeline, text, trigger):
    assert not _coded(pipeline, text, trigger)


@pytest.mark.model
@pytest.mark.parametrize("text, rule", [
    ("Biden and Xi spoke during a video call on Monday.", "consult.call-phone"),
    ("Putin had a call with Erdogan.", "consult.call-with"),
])
def test_events_types_calls_between_sides(pipeline, text, rule):
    evs = _events(pipeline, text)
    assert any(e.trigger.text == "call" and e.type == "CONSULT" and e.rule == rule for e in evs), evs


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, modality", [
    ("Curt Schilling was fired from the network Wednesday.", "fired", "ASSAULT", None),  # dismissed
    # the quote's condition does not make its speech tag a threat
    ('"Oh well, I don\'t wanna say so, but if you say it," Sanders responded.', "responded", "THREATEN", None),
    ("She has refrained from endorsing Clinton or Sanders.", "endorsing", "SUPPORT", "asserted"),  # negated
])
def test_events_types_dismissals_quoted_conditions_and_restraint(pipeline, text, trigger, type_, modality):
    assert not _coded(pipeline, text, trigger, type_, modality=modality)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    ("Palestinian civilians were fired upon by Israeli forces.", "fired", "ASSAULT", "fight.fire"),
    ("Trump's attacks on Clinton continued.", "attacks", "ACCUSE", "accuse.attacks-on-person"),
    ('"If Russia invades Ukraine, we will respond," Biden said.', "respond", "THREATEN", "threaten.respond"),
])
def test_events_types_fired_upon_and_verbal_attacks(pipeline, text, trigger, type_, rule):
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("The United Nations warned on Monday of a looming humanitarian crisis in Ivory Coast.", "warned"),  # forecast
    ("Scientists warned that temperatures could rise by 2 degrees.", "warned"),
    ("A devastating typhoon has struck northern China, killing more than 400 people.", "struck"),  # no attacker
    ("A devastating typhoon has struck northern China, killing more than 400 people.", "killing"),
])
def test_events_types_forecasts_and_disasters_not_coded(pipeline, text, trigger):
    assert not _coded(pipeline, text, trigger)


@pytest.mark.model
@pytest.mark.parametrize("text, actor, recipient", [
    ("Blinken warned Russia against any further aggression.", "USA", "RUS"),
    ("Biden warned that Russia would pay a heavy price.", "USA", "RUS"),
    ("China warned the United States not to interfere in Hong Kong.", "CHN", "USA"),  # not to act: still a warning
])
def test_events_types_warnings_to_a_side_threaten_it(pipeline, text, actor, recipient):
    ev = next(e for e in _events(pipeline, text) if e.trigger.text == "warned")
    assert ev.type == "THREATEN" and ev.rule == "threaten.warn"
    assert ev.actor is not None and ev.actor.country == actor
    assert ev.recipient is not None and ev.recipient.country == recipient


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, actor", [
    # a dateline parsed as a second subject is no actor: the subject nearest the verb acts
    ("Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Republican rival Donald Trump's stance.",
     "taken", "ACCUSE", "Hillary Clinton"),
    # a floating quantifier is no actor ("the two nations each massing")
    ("The standoff grew, with the two nations each massing thousands of troops along the border.", "massing",
     "MOBILIZE", "the two nations"),
    # an act a noun names under a verb of intent is planned: a protest called, an offensive threatened
    ("Conference attendees are planning a demonstration.", "demonstration", "PROTEST", "Conference attendees"),
    ("Russia is preparing an offensive in the east.", "offensive", "THREATEN", "Russia"),
])
def test_events_types_nearest_subjects_and_planned_acts(pipeline, text, trigger, type_, actor):
    evs = _events(pipeline, text)
    assert any(e.trigger.text == trigger and e.type == type_ and e.actor is not None and e.actor.text == actor
               for e in evs), evs


@pytest.mark.model
def test_events_types_commitment_to_principles_is_no_intent(pipeline):
    evs = _events(pipeline, "Voters see their own party as insufficiently committed to its ideological principles.")
    assert not any(e.trigger.text == "committed" for e in evs), evs


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("If you want somebody who is going to beat Donald Trump, I think Bernie Sanders is that candidate.", "beat"),
    ("One Club for Growth ad argues that only Ted Cruz can beat Donald Trump.", "beat"),  # a club of donors
    ("She has dominated Sanders in the South, previously capturing wins in South Carolina.", "capturing"),
    ("Together, we can fight for that change, she added.", "fight"),
    ("In Kentucky, Democrats battling it out.", "battling"),
    ("The technology companies are offering encryption technology.", "offering"),
    ("The Clinton Foundation must be immediately shut down, Pence stated in a press release.", "shut"),  # demanded
])
def test_events_types_races_causes_products_and_musts_not_coded(pipeline, text, trigger):
    assert not _coded(pipeline, text, trigger)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("The media attacks on Carson intensified this week.", "attacks", "ACCUSE"),  # medium
    ("Police captured the suspect.", "captured", "COERCE"),
    ("The gang beat the man to death.", "beat", "ASSAULT"),
])
def test_events_types_verbal_attacks_captures_and_beatings(pipeline, text, trigger, type_):
    assert _coded(pipeline, text, trigger, type_)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("We need to ban him from running, Carneiro wrote in the letter.", "ban"),  # a need, not an act
    ("Estonia hopes the drills will help it better respond to threats from Russia.", "threats"),
    ("Other firms in the mining industry are also showing interest.", "interest"),  # no act in view
])
def test_events_types_needs_threats_responded_to_and_bare_interest_not_coded(pipeline, text, trigger):
    assert not _coded(pipeline, text, trigger)


@pytest.mark.model
def test_events_types_no_one_arrested_is_negated(pipeline):
    arrests = _coded(pipeline, "No individuals were arrested for attempting to access the Internet.", "arrested")
    assert [e.modality for e in arrests] == ["negated"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    ("Seoul raised its military alert level after the launch.", "level", "MOBILIZE", "mobilize.alert-level"),
    ("Niger's junta ordered the French ambassador to leave the country.", "ordered", "SANCTION",
     "sanction.order-out"),
    ("Mali's junta expelled the UN peacekeeping mission.", "expelled", "SANCTION", "sanction.expel"),
    ("Egypt opened the Rafah crossing for aid trucks.", "opened", "CONCEDE", "concede.open-border"),
    ("Russia and Ukraine swapped 100 prisoners of war.", "swapped", "RETREAT", "retreat.exchange"),
])
def test_events_types_alerts_expulsions_crossings_and_swaps(pipeline, text, trigger, type_, rule):
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
def test_events_types_opening_fire_is_an_attack_not_an_opened_border(pipeline):
    evs = _events(pipeline, "Russian troops opened fire on Ukrainian soldiers near the border.")
    ev = next(e for e in evs if e.trigger.text == "opened")
    assert (ev.type, ev.rule) == ("ASSAULT", "fight.open-fire")
    assert ev.recipient is not None and ev.recipient.country == "UKR"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    # beaten with violence named is an assault, even in a sentence that mentions an election
    ("A member of a group opposed to the planned election was beaten with a baseball bat by supporters of the "
     "president in London.", "beaten", "ASSAULT", "assault.beat-person"),
    # cyber attacks a media report reveals are still cyber attacks
    ("The Netherlands has reported cyber attacks on government computers, a media report revealed Tuesday.",
     "attacks", "COERCE", "coerce.cyber-attack"),
    # a noun-rooted report whose only other verb is inside its own clauses
    ("Up to 20,000 people protested across the principality to express discontent with a culture of racism in the "
     "nation that has long prided itself on its neutrality.", "protested", "PROTEST", "protest.demonstrate"),
])
def test_events_types_beatings_cyber_reports_and_noun_rooted_protests(pipeline, text, trigger, type_, rule):
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    ("Pakistan summoned India's deputy high commissioner to protest the killing of civilians.", "summoned",
     "ACCUSE", "accuse.summon-envoy"),
    ("Protesters set fire to the parliament building in Nairobi.", "set", "PROTEST", "protest.set-fire"),
    ("The Nigerian army rescued 50 kidnapped schoolgirls.", "rescued", "AID", "aid.rescue"),
    ("Thailand's court dissolved the main opposition party.", "dissolved", "COERCE", "coerce.dissolve"),
    ("Hamas freed two hostages.", "freed", "RETREAT", "retreat.release"),  # freed by captors: released
])
def test_events_types_summons_riots_rescues_and_dissolved_parties(pipeline, text, trigger, type_, rule):
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
def test_events_types_a_parliament_dissolved_is_routine(pipeline):
    assert not _events(pipeline, "The prime minister dissolved parliament.")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    ("The city of Dhaka reported that it had imposed a nationwide curfew.", "imposed", "COERCE", "coerce.sanctions"),
    ("An opposition leader was beaten by his supporters on Sunday.", "beaten", "ASSAULT", "assault.beaten-by"),
    ("The minister announced his resignation on Friday.", "resignation", "RETREAT", "retreat.resignation"),
])
def test_events_types_city_authorities_passive_beatings_and_resignations(pipeline, text, trigger, type_, rule):
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
def test_events_types_beaten_in_a_primary_is_no_assault(pipeline):
    assert not _coded(pipeline, "Clinton was beaten by Sanders in the primary.", "beaten", "ASSAULT")


@pytest.mark.model
@pytest.mark.parametrize("text, demanded", [
    ('"There needs to be immediate action on unemployment," said John McBride, president of the institute.', True),
    ('"There has to be some form of punishment," Trump said at a town hall.', True),
    ('"There must be consequences for Russia," Clinton said.', True),
    # a belief or a question is no demand, nor is what there should not be
    ('"There should be no doubt about it," he said.', False),
    ('"There has to be a better way," he said.', False),
    ('"There shouldn\'t be any more restrictions," the governor said.', False),
])
def test_events_types_there_needs_to_be_action_is_a_demand(pipeline, text, demanded):
    assert bool(_coded(pipeline, text, "said", "REQUEST", "request.must")) == demanded


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("Clinton is having to fight harder and longer than she'd planned to seal the nomination.", "fight"),
    ("Can we really trust Donald Trump to fight for us?", "fight"),  # advocacy, no violence in view
    ("I've been very prepared to fight in the media.", "fight"),
    ("I think it is a sure sign we need her to be president of the United States.", "need"),  # a wish
])
def test_events_types_figurative_fights_and_wishes_not_coded(pipeline, text, trigger):
    assert not _coded(pipeline, text, trigger)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, actor, recipient", [
    # relational sides are not their owner
    ("Lindsey Graham called out his rival Donald Trump for alienating Hispanics.", "called", None, "Lindsey Graham",
     "Donald Trump"),  # the rival its appositive names, not its owner
    ("An opposition leader was beaten by his supporters on Sunday.", "beaten", None, "his supporters",
     "An opposition leader"),  # his supporters are not he
    ("Bernie Sanders will throw his support behind Hillary Clinton.", "support", None, "Bernie Sanders",
     "Hillary Clinton"),
    # criticism a side receives is aimed at it
    ("The minister came under fire from opposition lawmakers for his remarks.", "fire", "ACCUSE", "lawmakers",
     "The minister"),
    ("Trump came under attack from Republicans on Tuesday.", "attack", "ACCUSE", "Republicans", "Trump"),
    ("The government drew sharp criticism from human rights groups.", "criticism", "ACCUSE", "human rights groups",
     "The government"),
    ("Cruz faced criticism for unreported loans to his 2012 Senate campaign.", "criticism", "ACCUSE", None, "Cruz"),
    # an endorsement a side receives comes from its giver
    ("The senator won the endorsement of the National Rifle Association on Friday.", "endorsement", "SUPPORT",
     "National Rifle Association", "The senator"),
    ("Rubio has rung up major endorsements from establishment Republicans.", "endorsements", "SUPPORT",
     "establishment Republicans", "Rubio"),
    ("Clinton touted Obama's endorsement at the rally.", "endorsement", "SUPPORT", "Obama", "Clinton"),
    ("Sanders said he didn't seek or receive Obama's endorsement.", "endorsement", "SUPPORT", "Obama", "Sanders"),
    # a headline's passive: the subject is acted on
    ("FDIC Accused Of Covering Up China Hacking.", "Accused", "ACCUSE", None, "FDIC"),
    ("Clinton criticized for remarks on coal miners.", "criticized", "ACCUSE", None, "Clinton"),
    # the subject names the actor, known or not; it is never guessed past it
    ("The Club for Growth PAC has also endorsed Cruz.", "endorsed", "SUPPORT", "The Club for Growth PAC", "Cruz"),
    ("Vatican officials emphasized that the pope was not attacking Mr. Trump.", "attacking", "ACCUSE", "the pope",
     "Trump"),
    ("The government watchdog group filed a Freedom of Information lawsuit against the State Department.",
     "lawsuit", "ACCUSE", "The government watchdog group", "the State Department"),
    ("ORLANDO, Fla. (Reuters) - President Barack Obama met Justin Trudeau on Thursday.", "met",
     "CONSULT", "President Barack Obama", "Justin Trudeau"),
    # the pattern's own slot beats a known actor further out
    ("Arab Israeli lawmakers called on the government Wednesday to block Trump's visit to Israel.", "called",
     "REQUEST", "Israeli lawmakers", "the government"),
    # what is fired is no recipient; people are no venue; what one is accused of is no side
    ("Hamas fired dozens of rockets at southern Israel.", "fired", "ASSAULT", "Hamas", "Israel"),
    ("Kenyan police fired tear gas at hundreds of demonstrators.", "gas", "ASSAULT", "Kenyan police",
     "hundreds of demonstrators"),
    ("Republicans quickly accused the president of politicizing the Orlando tragedy.", "accused", "ACCUSE",
     "Republicans", "the president"),
    ("Hezbollah said it had fired anti-tank missiles at Israeli positions.", "fired", "ASSAULT", "Hezbollah",
     "Israeli positions"),
    ("Egypt and Qatar are mediating between Israel and Hamas.", "mediating", "CONSULT", "Egypt and Qatar",
     "Israel and Hamas"),  # a subject the parser hung on the auxiliary
    ("Rival candidates Ted Cruz and John Kasich attacked Trump on Monday.", "attacked", "ACCUSE",
     "Ted Cruz and John Kasich", "Trump"),  # the subject's appositive names it
    ("The Freedom Partners Action Fund is running a TV spot attacking former governor Ted Strickland.",
     "attacking", "ACCUSE", "The Freedom Partners Action Fund", "governor Ted Strickland"),  # the spot's owner
    ("Russia vetoed a UN resolution condemning Syria.", "condemning", "ACCUSE", "a UN resolution", "Syria"),
    ("U.S. troops were deployed to Poland in February.", "deployed", "MOBILIZE", "U.S. troops", "Poland"),
    # what a side is lashed out at for is alleged of that side, never of the critic
    ("Putin lashed out at Turkey for having shot down a Russian bomber.", "shot", "ASSAULT", "Turkey", "bomber"),
    # a mediation team sent goes where it is sent, for whoever sends it
    ("The African Union sent a mediation team to Sudan.", "mediation", "CONSULT", "The African Union", "Sudan"),
    ("The attack on U.S. troops was carried out by Islamic State militants.", "attack", "ASSAULT",
     "Islamic State militants", "U.S. troops"),  # the by-agent of the verb carrying the noun
    # (a text that is vetoed is not the vetoer's)
    # the verb carrying a count of the event noun gives its actor
    ("The United States announced $50 million in humanitarian aid for earthquake victims.", "aid", "AID",
     "The United States", "victims"),
    # boos a side draws (a participle's subject) or incurs through a counting noun are aimed at it
    ("Trump wavered in answering a question, drawing boos from the crowd.", "boos", "ACCUSE", "the crowd", "Trump"),
    ("Silverman incurred a wave of boos upon saying it.", "boos", "ACCUSE", None, "Silverman"),
    # the by-agent of a conjoined passive acts in both
    ("The protesters were beaten and arrested by police.", "beaten", "ASSAULT", "police", "protesters"),
    # what a because-clause says of someone else is no criticism by the speaker; a lone surname the
    # recogniser calls a facility is the person
    ("Trump said he was unlikely to get on with Cameron because the British prime minister cast the "
     "candidate as divisive.", "cast", "ACCUSE", "the British prime minister", "the candidate"),
    ("Christie unleashed withering attacks against Rubio in Saturday's debate.", "attacks", "ACCUSE",
     "Christie", "Rubio"),
    # a third person nobody resolved is still the one an actorless event befell
    ("She was wounded in a shooting.", "wounded", "ASSAULT", None, "She"),
    # who is granted asylum in the passive receives it; the by-agent grants it
    ("Four activists were granted asylum by Sweden.", "asylum", "AID", "Sweden", "activists"),
    # an endorsement picked up, its from-phrase hung on the verb
    ("Cruz also picked up an endorsement from former Texas governor Rick Perry.", "endorsement", "SUPPORT",
     "governor Rick Perry", "Cruz"),
    # a resignation demanded is asked of who is to resign
    ("Opposition parties demanded the resignation of Prime Minister Edi Rama.", "demanded", "REQUEST",
     "Opposition parties", "Prime Minister Edi Rama"),
    # people detained by someone are acted on, not by who detained them; who struck, in a when-clause
    ("The journalist detained by police in Cairo was released on Monday.", "released", "RETREAT", None,
     "The journalist"),
    ("The journalist detained by police in Cairo was released on Monday.", "detained", "COERCE", "police",
     "The journalist"),
    ("Five people were killed when gunmen attacked a bus in Kenya.", "killed", "ASSAULT", "gunmen", "people"),
    ("At least 18 people were killed when Russian missiles hit a residential building in Dnipro.", "killed",
     "ASSAULT", "Russian", "people"),
    # what is condemned is who did the act the object names
    ("Rights groups condemned the police killings.", "condemned", "ACCUSE", "Rights groups", "police"),
    # the one accused ends before the charge
    ("South Korea's president declared martial law, accusing the opposition of anti-state activities.",
     "accusing", "ACCUSE", "South Korea's president", "the opposition"),
    # a dateline the parse takes for the subject names no one
    ("NAIROBI, Kenya (AP) — Police fired tear gas at protesters in several towns on Tuesday.", "gas", "ASSAULT",
     "Police", "protesters"),
    ("MOGADISHU, Somalia (AP) — Al-Shabaab militants attacked a military base in central Somalia on Tuesday.",
     "attacked", "ASSAULT", "Al-Shabaab militants", "base"),
    # what was seized from someone is handed back to them
    ("The rebels handed back the property seized from the Ministry of Defense.", "handed", "RETREAT", "rebels",
     "Ministry"),
    # who hijacked the ship is not whom its crew's rescue aids
    ("The Indian navy rescued the crew of a ship hijacked by pirates off Somalia.", "rescued", "AID", "Indian navy",
     "the crew of a ship hijacked by pirates off Somalia"),
    # a critic or a backer said of someone: the one described is the side
    ("Warren has been one of Trump's fiercest critics.", "critics", "ACCUSE", "Warren", "Trump"),
    ("Giuliani, a longtime ally of Trump, spoke on Sunday.", "ally", "SUPPORT", "Giuliani", "Trump"),
    ("Former Mexican President Vicente Fox compared Trump to Hitler.", "compared", "ACCUSE",
     "Mexican President Vicente Fox", "Trump"),
    # a title the sentence splitter cut from its name is the person
    ("Trump has been the most direct in his attacks on Mr.", "attacks", "ACCUSE", "Trump", "Mr."),
    # whom words are said of, before the pronoun that stands for them
    ('"He\'s going to be a great president," Carson said of Trump.', "said", "SUPPORT", "Carson", "Trump"),
    # whom a strike killed
    ("Indian troops fired across the border, killing two Pakistani civilians.", "fired", "ASSAULT", "Indian troops",
     "civilians"),
    # who a request or a demand asks to act
    ("Erdogan reiterated his request that the United States extradite the cleric.", "request", "REQUEST", "Erdogan",
     "the United States"),
])
def test_events_types_sides_of_relational_and_received_events(pipeline, text, trigger, type_, actor, recipient):
    ev = _coded(pipeline, text, trigger, type_)
    assert ev and ev[0].recipient is not None and ev[0].recipient.text == recipient
    assert (ev[0].actor.text if ev[0].actor else None) == actor


@pytest.mark.model
def test_events_types_a_third_person_in_quoted_words_is_not_the_speaker(pipeline):
    ev = _coded(pipeline, '"He\'s trying to kill them," Hewitt said, according to a transcript of the show.', "kill")
    assert ev and ev[0].actor is not None and ev[0].actor.text == "He" and not ev[0].actor.actors


@pytest.mark.model
def test_events_types_sworn_to_fight_is_a_threat(pipeline):
    text = "Ethnic Albanians have sworn to fight until they gain control of villages near the border."
    assert _coded(pipeline, text, "fight", "THREATEN", "fight.vow-fight.threat")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("Last month, Trump fired his campaign manager, Corey Lewandowski.", "fired"),  # a dismissal
    ("Jerry Brown criticized Bill Clinton during a debate, and Hillary shot back.", "shot"),  # a retort
    ("He agreed that Trump may struggle to win support among the delegates.", "agreed"),  # a shared view
    ("Meet the constitutional requirements for the office.", "Meet"),  # satisfying a requirement
    ("We're so excited to meet our second grandchild.", "meet"),
    ("David Shaw, a special agent in charge of Homeland Security Investigations, said so.", "charge"),
    ("Asked a direct question about this in the debate, Clinton said she took responsibility.", "Asked"),
    ("Despite the perceived media attacks, Carson said that he is an honest person.", "attacks"),  # background
    ("Blue-collar workers are no longer able to support their families on a single income.", "support"),
    ("Warren exited the meeting around 11:45 a.m. on Friday.", "exited"),  # leaving a meeting halts no talks
    ("Mannix, who died of a heart attack in 1963, was the general manager of the studio.", "attack"),
    ("They took the next exit and went around to shoot video of the sign.", "shoot"),
    ("Have I started writing my speech, as opposed to the speech I have to give tomorrow?", "opposed"),
    ("Obama is unlikely to ensure the country will meet the pledge he offered in Paris.", "meet"),
    ("Asked by Stephanopoulos to respond to Trump's criticism, Carson said he was sorry.", "Asked"),
    ("He said he does not believe the effort requires a settled alternative to succeed.", "requires"),
    ("Welch's support pushes back on the narrative that Clinton has a monopoly of support.", "pushes"),
    ("“Maybe he should have been roughed up,” he said on Sunday.", "said"),  # hindsight, no demand
    ("That comment came from a pro-Islamic State group that calls itself Asawitiri Media.", "calls"),
    ("Among likely voters, 46 percent would choose Clinton and 44 percent would back Trump.", "back"),  # a poll
    ("Secret Service protocol called for the nominee to be taken to a trauma center.", "called"),  # a text's terms
    ("Lynch agreed to a 30-minute interview for The Washington Post.", "agreed"),
    ("Mike Huckabee announced they will suspend their presidential campaigns.", "suspend"),  # leaving a race
    ("The White House doubted that North Korea had the capability to build a hydrogen bomb.", "bomb"),
    ("King is Russia's Trojan horse (or, as The Daily Beast called them, Manchurian anchors).", "called"),
    ("He has made a big deal about tax laws.", "deal"),  # an idiom
    ("Will he rally behind the nominee or will he strike a discordant note?", "strike"),
    ("In the end, they do not make a definitive call on which experience is better.", "call"),  # a decision
    ("House Democrats seized the floor from Republicans on Wednesday.", "seized"),  # a sit-in
    ("The DNC has targeted companies for solicitation.", "targeted"),  # no force in view
    ("On Wednesday, Clinton bashed Trump's proposal to ban Muslims from the country.", "ban"),  # proposed
    ("Singer and Faso did not immediately respond to a request for comment.", "request"),
    ("Asked on Fox News who leads the party in his view, he said Ryan.", "Asked"),  # a question
    ("I think I was asked this a couple months ago.", "asked"),
    ("Veterans in 2014 were killing themselves at three times the rate of civilians.", "killing"),  # suicide
    ("A prominent Republican National Committee member who supports Trump asked for anonymity.", "supports"),
    ("Robert Mercer, the mega-donor who once backed Ted Cruz, is launching a super PAC.", "backed"),
    ("Sanders has consistently pushed his promise of free college.", "pushed"),
    ("Pence will speak at a breakfast before hitting a Rural Electric Cooperative gathering.", "hitting"),
    ("47% say the United States should commit troops on the ground.", "say"),  # a poll
    ("The lawsuit was filed by a former staffer who Gowdy fired in June.", "fired"),  # a dismissal
    ("Then she invoked the Sept. 11, 2001, terrorist attacks to defend herself.", "attacks"),  # dated: background
    ("Obama defended his record against ISIS on Sunday night.", "defended"),  # his own record
    ("He said the economy is weak.", "said"),  # no side disparaged
    ("Trump said Clinton is not a liar.", "said"),
    ("“People are sick and tired of stupid and incompetent people leading our nation,” Trump said.", "said"),
    # falls, figures, weather, speech topics, offers of words, polls, receptions, dismissals, acquittals ...
    ("Despite manufacturing shrinking and corporate profits declining, hiring continues.", "declining"),  # a fall
    ("Only The Rachel Maddow Show on MSNBC hit 50%.", "hit"),  # a figure reached
    ("He was too focused on his campaign to care about the blizzard that hit his state.", "hit"),  # weather
    ("Rubio hit back again, saying Christie was too focused on his campaign.", "hit"),  # a retort at no one
    ("Trump will be delivering a speech on Monday addressing the terrorist attacks in Orlando.", "attacks"),  # a topic
    ("Ms. Brainard has fueled the talk about her future by donating to the campaign.", "talk"),  # speech, not talks
    ("When Trump later referred to the recent massacre at a nightclub in Orlando, the crowd applauded.", "massacre"),
    ("Wilkerson started the rant when he brought up the Oklahoma City bombing.", "bombing"),
    ("Democrats offered Iowa voters different approaches to the presidency.", "offered"),  # no promise
    ("Trump has offered few ideas for easing student debt.", "offered"),
    ("He is backed by 34% of GOP voters in the average of recent national surveys.", "backed"),  # a poll
    ("In Italy, Prime Minister Matteo Renzi is rallying a coalition against the 5-Star Movement.", "rallying"),
    ("The Never Trump movement continues to battle against the Republican electorate.", "battle"),
    ("Obama Just Pulled Out The Race Card On Donald Trump In A Major Way.", "Pulled"),
    ("In a survey, Democratic voters were asked a series of questions upon leaving the polls.", "asked"),
    ("Even in the House, Mr. Ryan's ideas have met with resistance.", "met"),  # a reception
    ("The candidate claims his net worth is in excess of $10 billion.", "claims"),  # no side accused
    ("Yellen has been fighting a rear-guard action all year against the Republican-led Congress.", "fighting"),
    ("Trump explained he would be free of conflicts of interest given he isn't taking large sums of money.", "given"),
    ("That proposal prompted Britain's Parliament to call a debate in January on whether to ban Trump.", "call"),
    ("As usual, it was Trump who commanded most of the attention.", "commanded"),
    ("The Republican admitted that the probe could not have moved forward without access to her emails.", "admitted"),
    ("Current and former officials who spoke with The Huffington Post said the party is a shell.", "spoke"),
    ("Mark-Viverito declined a question about whether she would lead the office.", "declined"),
    ("''I have placed a couple of calls to Bernie,'' Ms. Boxer said.", "calls"),  # phone calls, no appeal
    ('"I saw that people were fleeing," she said, speaking by phone from Nice.', "speaking"),  # to the reporter
    ("Trump fired his campaign manager on Monday.", "fired"),  # a dismissal
    ("Republican figures suggested Melania's speechwriter be fired.", "fired"),
    ("A jury found Zimmerman not guilty of second-degree murder.", "found"),  # an acquittal
    ("Entering the final contests, Clinton leads Sanders by 271 pledged delegates.", "pledged"),  # a description
    ("The two camps agreed on creating a commission to examine changes to party rules.", "examine"),
    ("Biden's event was moved after the shooting of several police officers in Dallas.", "moved"),
    ("She called the atom bomb a marvelous gift.", "called"),  # praise, no name-calling
    ("Cruz will have a tougher time in the general election, should he win his party's nomination, Henson said.",
     "said"),  # an inverted condition, no demand
    ("Well, the GOP had three before pulling out of an NBC/Telemundo debate.", "pulling"),  # leaving a debate
    ("The governor said Trump has given voice to the frustration of millions of working Americans.", "given"),
    ("Instead, she sought to rally older, rural and working-class white Democrats.", "rally"),
    ('Responding to this criticism in the ITV interview, Trump said: "He doesn\'t know me."', "criticism"),
    ('Bernie Sanders visited NBC\'s "Today" to discuss his recent remarks.', "visited"),  # an interview
    ("The new law appears to have already hit the restaurant industry the hardest.", "hit"),
    ("Reeves struck down Mississippi's constitutional bans on same-sex marriage.", "struck"),  # voided
    ("He said Mr. Trump could force Mrs. Clinton to spend money defending herself.", "defending"),
    ("Mike Huckabee (R) announced they will suspend their campaigns.", "suspend"),  # leaving a race
    ("The Clinton team has done what they need to do, and they will execute with aplomb.", "execute"),
    ("The developer was a good corporate citizen who gave back to local charities.", "gave"),
    # a poll's share is no endorsement
    ("Trump has the support of 40 percent of Republicans, according to the poll.", "support"),
    ("Clinton enjoyed tremendous support from African-American voters.", "support"),
    # paying out, offering a contrast, views that clash
    ("More importantly, his campaign shelled out to broadcast a short film on Univision.", "shelled"),
    ("Trump's news conference offered a striking contrast with the Bush family rally.", "offered"),
    ("Jerry Brown, whose views on trade clashed with those of the former governor, spoke.", "clashed"),
    # a side named by no one in the sentence does not begin an event ("Talks" need a carrier)
    ("The talks on Friday were long.", "talks"),
    ("He proposed that more forces be left in Iraq.", "left"),  # forces left behind stay
    ("Manafort rallied the dispirited remnants of the campaign.", "rallied"),  # gathering support
    ("Police blocked the road to the airport.", "blocked"),  # no protest
    ("A committee member who supports Trump spoke, asking for anonymity to speak freely.", "asking"),
    ("The official said talks would resume.", "talks"),  # no side, and not yet
    ("The strike was called off by the union.", "strike"),  # the ending is the event
    ("Cruz raised $11.9 million in February and began March with $8 million in cash.", "March"),  # a month
    ("Alastair Osman called him a kind, loving and admirable person.", "called"),  # praise
    ("Hillary Clinton argued that she could take a hard line on Wall Street excesses.", "take"),
    ("As previous presidential campaigns have demonstrated, how a candidate responds matters.", "demonstrated"),
    ("Sending him into Scranton gives Biden the chance to help defend Pennsylvania.", "gives"),
    # seizing on words, firing on all cylinders, a crack in a ceiling, stopping talking, hosting a
    # show, pressing charges, fighting a virus, conceding that, declining to discuss, celebrating
    ("Her opponents seized on those words, which appear to have harmed her.", "seized"),
    ("Washington's Asia policy has been firing on all cylinders.", "firing"),
    ("Democrats had put the biggest crack yet in the glass ceiling for women.", "crack"),
    ("I don't think we will stop talking about the issues.", "stop"),
    ("Sanders had breakfast with Al Sharpton, a civil rights activist who hosts an MSNBC show.", "hosts"),
    ("We're not going to press charges.", "press"),
    ("Cornyn said this was the only chance to pass a measure to fight Zika.", "fight"),
    ("Ayotte has withheld her endorsement, essentially conceding that she does not feel comfortable.",
     "conceding"),
    ("Trump's campaign manager declined to discuss the candidate's latest attacks on Cruz.", "declined"),
    ("Supporters of the group were celebrating the massacre.", "massacre"),
    # what a because-clause calls someone else is no criticism by the one who reports it
    ("Trump said he was unlikely to get on with Cameron because the prime minister cast him as divisive.",
     "said"),
    # a danger is nobody's threat; a generic "you" forgiven is no side
    ("Americans should worry about other things that might actually kill them, such as obesity.", "kill"),
    ("You can be forgiven for not knowing that there was a debate.", "forgiven"),
    # a plan that is denied is no threat
    ("The Kremlin denied that Russia planned to invade Ukraine.", "invade"),
    # battling opposition, telling someone to shut up, hitting the stage, seizing the high ground, what
    # drinking killed, overlapping interests, targeting voters with advertising
    ("Both Reagan and Trump battled staunch opposition from the media.", "battled"),
    ("Graham will tell the bigots who oppose amnesty to shut up.", "shut"),
    ("By the time those candidates hit the stage most voters have seen them.", "hit"),
    ("Clinton has tried to seize the high ground.", "seize"),
    ("Asked whether his experience contributed to the drinking that ultimately killed him, Trump said no.",
     "killed"),
    ("Messages seem to show overlapping interests with the State Department.", "interests"),
    ("Clinton has spent $77 million on advertising, largely targeting voters in battleground states.",
     "targeting"),
    # what a statement is about; a state called for a candidate on election night
    ("The aide said the comments were consistent with their previous statements about the Benghazi attacks.",
     "attacks"),
    ("Cruz supporters roared when Texas was called for Ted Cruz moments after polls closed.", "called"),
    # accusations rejected are the rejecter's denial (016), never its accusation; markets are battered by no one
    ("The Kremlin rejected accusations that it had interfered in the U.S. election.", "accusations"),
    ("Stocks were hammered by fears of a recession, traders said.", "hammered"),
    # a war that began is background in a since-clause
    ("Ethiopian authorities have detained thousands of Tigrayans since the war began.", "war"),
    ("Volunteers knocked on doors across the state.", "knocked"),
    ("The committee pushed back the vote to next week.", "pushed"),
    ("Should they dare to vote to Leave, they would lose.", "dare"),
    ("The campaign sent volunteers to help Clinton in Ohio.", "help"),
    ("Sanctions imposed by the West have hit Russia's economy.", "hit"),
    ("Republicans rammed the bill through the Senate.", "rammed"),
    ("Germany received 300,000 refugees last year.", "received"),  # people taken in are no visit hosted
    ("The outgoing president handed over power to his successor.", "handed"),
    ("Trump delivered a blowout win in Indiana, knocking both Ted Cruz and John Kasich out of the race.", "knocking"),
    ("The White House expressed doubt that North Korea had the capability to build a hydrogen bomb.", "doubt"),
    # a sum charged is a bill; a name given is no insult; imports hit no one
    ("A company he owns has charged the campaign $3.7 million in travel costs.", "charged"),
    ("For two years, his father refused to call him Ted.", "call"),
    ("Voters in districts hardest hit by Chinese imports chose extreme lawmakers.", "hit"),
    # a cessation needs fighting stopped, not attempts nor words; a text's aim ends nothing
    ("He stopped trying to fire the manager.", "stopped"),
    ("Democrats took action on the bill.", "action"),
    ("The government imposed a hiring freeze.", "imposed"),
    ("He said he had failed to win.", "said"),  # the speaker's own failure
    ("He said the deal is like a bad dream.", "said"),  # a likeness of no side
    ("He put the blame behind him.", "put"),
    ("She worked with Clinton at the State Department.", "worked"),
    ("Trump invested in real estate.", "invested"),  # business, no state abroad
    ("He grabbed the microphone.", "grabbed"),
    ("Trump defied expectations.", "defied"),
    ("Some of her followers attacked her Spanish-language skills.", "attacked"),  # words, no force
    ("After slamming into the crowd, the truck driver started shooting.", "slamming"),  # a crash, no criticism
    ("The prosecutor has handed out criminal charges to some companies.", "handed"),  # charges are no aid
    # a resignation called for in a clause the parser broke apart is demanded, not done
    ("Chad's president defended his call for his Irish counterpart Sean O'Neill to resign.", "resign"),
    ("He would warn voters not to vote for false Republicans.", "warn"),  # advice to voters
    ("He'd get choked up speaking about America.", "choked"),
    ("The team fell behind in the second half.", "fell"),
    ("I have back pain.", "have"),
    ("The organizers paid tribute to the 49 people killed at the nightclub.", "tribute"),
    ('"The economy is strong," Obama said of the recovery.', "said"),
    ("The indictment was a blow to the campaign.", "indictment"),
    ("Trump stopped attacking Cruz after the debate.", "stopped"),
    ("The Assembly rejected the resolution that was aimed at ending violence in Liberia.", "ending"),
])
def test_events_types_everyday_news_words_not_coded(pipeline, text, trigger):
    assert not _coded(pipeline, text, trigger)


@pytest.mark.model
def test_events_types_without_negates(pipeline):
    """"without supporting": the support is not given."""
    assert _coded(pipeline, "It is a way to take part without directly supporting Trump.", "supporting",
                  "SUPPORT", modality="negated")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, actor", [
    ("Obama condemned the attack in California.", "attack", None),  # who condemns did not attack
    ("Russia launched an attack on the port.", "attack", "Russia"),  # a carrier does the act
    ("The rebels staged a raid on the village.", "raid", "rebels"),
])
def test_events_types_event_noun_actor_under_judging_verb(pipeline, text, trigger, actor):
    found = _coded(pipeline, text, trigger)
    assert found
    assert (found[0].actor.text if found[0].actor else None) == actor


@pytest.mark.model
def test_events_types_the_sidelines_of_a_summit_are_no_side(pipeline):
    """Where two leaders met ("on the sidelines of the ASEAN summit") is not whom they met."""
    ev = _coded(pipeline, "Lula and Trump met on the sidelines of the ASEAN summit in Kuala Lumpur.", "met",
                "CONSULT")
    assert ev and ev[0].recipient is None
    assert ev[0].actor is not None and ev[0].actor.text == "Lula and Trump"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    # the electorate's preferences are a horse race
    ("Democratic voters are united in supporting the new funding plan.", "supporting"),
    ("Clinton is backed by 520 superdelegates, according to the Associated Press.", "backed"),
    # a standing stance that describes someone, not an act reported
    ("A committee member who supports Trump asked for anonymity.", "supports"),
    ("The super PAC supporting Fiorina's candidacy premiered a documentary.", "supporting"),
    ("Robert Mercer, who once backed Ted Cruz, is launching a new group.", "backed"),
])
def test_events_types_electorate_and_standing_support_not_coded(pipeline, text, trigger):
    assert not _coded(pipeline, text, trigger, "SUPPORT")


@pytest.mark.model
@pytest.mark.parametrize("text, recipient", [
    ('"Donald Trump is a fraud," Perez said on Sunday.', "Donald Trump"),
    ("The campaign said the AP report was misleading.", "AP"),
    ('"Israel was sold out by Kerry and Obama," Trump said in August.', "Kerry and Obama"),
    ("Clinton said Trump is a danger to the country.", "Trump"),
])
def test_events_types_pejorative_predicate_of_a_side_criticises_it(pipeline, text, recipient):
    found = [e for e in _events(pipeline, text) if e.rule == "accuse.disparage"]
    assert found and found[0].recipient is not None and found[0].recipient.text == recipient


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Obama said the U.S. was sending a team of disaster relief experts to Haiti.",
    '"Obama said ISIL continues to shrink just hours before the horrible attack in Paris.',
    "Lavrov said the truce agreement has failed in some areas.",
])
def test_events_types_pejorative_word_outside_the_predicate_criticises_no_one(pipeline, text):
    assert not [e for e in _events(pipeline, text) if e.rule == "accuse.disparage"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, modality", [
    # a coercive policy promised or announced is that act, planned
    ("Trump has promised to deport millions of undocumented immigrants.", "deport", "COERCE", "future"),
    ("Trump has promised to build a wall and deport millions of undocumented immigrants.", "deport", "COERCE",
     "future"),
    ("Malta's government will ban a number of civil society organizations.", "ban", "COERCE", "future"),
    ("The EU will impose new sanctions on Russia.", "impose", "COERCE", "future"),
    # threatened or warned of, or force promised: a threat
    ("Iran threatened to deport the British diplomats.", "threatened", "THREATEN", "asserted"),
    ("China warned it would impose sanctions on Lithuania.", "warned", "THREATEN", "asserted"),
    ("Moscow vowed to punish Kyiv.", "vowed", "THREATEN", "asserted"),
    # declared ready to impose it: a threat (CAMEO 1324)
    ("Iraq's interim government announced that it is prepared to impose martial law.", "impose", "THREATEN", "future"),
])
def test_events_types_promised_coercion_is_planned_not_threatened(pipeline, text, trigger, type_, modality):
    assert _coded(pipeline, text, trigger, type_, modality=modality)
    assert not [e for e in _events(pipeline, text) if e.type == "THREATEN" and type_ != "THREATEN"]


@pytest.mark.model
def test_events_types_instrument_used_for_a_purpose_names_its_target(pipeline):
    """"fired tear gas to disperse the protesters": the protesters are the recipient."""
    ev = _coded(pipeline, "Police fired tear gas to disperse the protesters.", "gas", "ASSAULT")
    assert ev and ev[0].recipient is not None and ev[0].recipient.text == "protesters"


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, recipient", [
    # calling something pejorative criticises, with or without a side named
    ("The day after the primary, Gov. Doug Ducey called the long lines unacceptable.", "called", None),
    ("Speaker Paul D. Ryan on Tuesday called Donald J. Trump's remarks about a Latino judge ''racist.''", "called",
     "Donald J. Trump"),
    ("Poland called in the Russian ambassador on Monday.", "called", "ambassador"),
])
def test_events_types_pejorative_names_and_envoys_called_in(pipeline, text, trigger, recipient):
    ev = _coded(pipeline, text, trigger, "ACCUSE")
    assert ev
    got = ev[0].recipient.text if ev[0].recipient else None
    assert got == recipient if recipient is None else got is not None and recipient in got


@pytest.mark.model
def test_events_types_present_relative_clause_still_says_things(pipeline):
    """Words in the present are still said: "Humphrey, who calls Trump a liar, ..." criticises."""
    assert _coded(pipeline, "Humphrey, who calls Trump a liar, said the effort would succeed.", "calls", "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize("text, recipient", [
    ("I think Clinton should drop out of the race.", "Clinton"),
    ("Progressive groups say they believe superdelegates should choose the candidate who won the most votes.",
     "superdelegates"),
])
def test_events_types_believing_a_side_should_act_asks_it_to(pipeline, text, recipient):
    evs = [e for e in _events(pipeline, text) if e.rule == "request.must"]
    assert evs and evs[0].recipient is not None and recipient in evs[0].recipient.text


@pytest.mark.model
@pytest.mark.parametrize("text, coded", [
    ("She contributed money to Obama's reelection campaign.", True),
    ("He gave a speech to the campaign staff.", False),  # no money given
])
def test_events_types_money_given_to_a_campaign_backs_it(pipeline, text, coded):
    found = [e for e in _events(pipeline, text) if e.rule == "support.donate" and e.type == "SUPPORT"]
    assert bool(found) == coded


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    # what a text or a state of affairs does in the present is its content, still coded
    ("They signed an agreement which expands judicial cooperation between the two countries.", "expands"),
])
def test_events_types_content_of_texts_and_named_acts_still_coded(pipeline, text, trigger):
    assert _coded(pipeline, text, trigger)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("The first deployment of NATO peacekeeping troops have arrived in Bosnia.", "arrived", "AID"),  # CAMEO 074
    ("US troops landed in Somalia.", "landed", "MOBILIZE"),
])
def test_events_types_peacekeepers_arriving_protect_troops_arriving_deploy(pipeline, text, trigger, type_):
    assert _coded(pipeline, text, trigger, type_)


@pytest.mark.model
def test_events_types_persuaded_act_is_done(pipeline):
    """"persuaded Congress to approve the deal": the approval happened."""
    assert _coded(pipeline, "Obama persuaded Congress to approve the deal.", "approve", "AGREE")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, rule, recipient", [
    ("Trump was back to implying that Fields had lied about the incident.", "implying", "accuse.disparage", "Fields"),
    ("Trump cast the blame on his democratic rivals.", "blame", "accuse.blame-noun", "rivals"),
    ("He was taking slams at Democratic winner Bernie Sanders.", "slams", "accuse.take-a-shot", "Sanders"),
])
def test_events_types_implied_lies_blame_cast_and_slams_taken(pipeline, text, trigger, rule, recipient):
    ev = _coded(pipeline, text, trigger, "ACCUSE", rule)
    assert ev and ev[0].recipient is not None and recipient in ev[0].recipient.text


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, rule, modality", [
    ("Sessions' endorsement of Trump is not good news for Texas Sen. Ted Cruz.", "endorsement",
     "support.endorsement-poss", "asserted"),  # the news is negated, not the endorsement
    ("Warren spoke out for Clinton at the rally.", "spoke", "support.stand-up-for", "asserted"),
])
def test_events_types_endorsements_made_and_speaking_up_for_a_side(pipeline, text, trigger, rule, modality):
    assert _coded(pipeline, text, trigger, "SUPPORT", rule, modality=modality)


@pytest.mark.model
def test_events_types_speaking_up_alone_backs_no_one(pipeline):
    assert not _coded(pipeline, "He spoke up for the first time.", "spoke")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, coded", [
    ("Teen girl pepper-sprayed in scuffle outside Wisconsin Trump rally.", "sprayed", True),
    ("Officers tased the man twice.", "tased", True),
    ("Vandals sprayed graffiti on the wall.", "sprayed", False),
])
def test_events_types_people_sprayed_or_tased_are_attacked(pipeline, text, trigger, coded):
    assert bool(_coded(pipeline, text, trigger, "ASSAULT", "coerce.sprayed")) == coded


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, rule, recipient", [
    ("Sanders said he doesn't believe that Clinton is qualified to be president.", "believe", "accuse.disparage",
     "Clinton"),
    ("Clinton said Trump is not fit to be president.", "said", "accuse.disparage", "Trump"),
    ("I think Trump is dangerous.", "think", "accuse.disparage", "Trump"),
    ('"They\'re advertising against me in Iowa as we speak," Clinton said.', "advertising",
     "accuse.advertise-against", "me"),
])
def test_events_types_traits_denied_opinions_and_ads_against_criticise(pipeline, text, trigger, rule, recipient):
    ev = _coded(pipeline, text, trigger, "ACCUSE", rule, modality="asserted")
    assert ev and ev[0].recipient is not None and recipient in ev[0].recipient.text


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("Clinton did not say that Trump is dangerous.", "say"),  # nothing said
    ("Clinton said Trump is not a liar.", "said"),  # a defence
    ("I think the economy is weak.", "think"),  # no side
])
def test_events_types_unsaid_defences_and_sideless_opinions_criticise_no_one(pipeline, text, trigger):
    assert not _coded(pipeline, text, trigger, "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, recipient", [
    ("Obama said Russia needs to withdraw its troops.", "said", "REQUEST", "Russia"),
    ("Obama said Russia has to withdraw its troops.", "said", "REQUEST", "Russia"),
])
def test_events_types_what_a_side_needs_or_has_to_do_is_demanded(pipeline, text, trigger, type_, recipient):
    ev = _coded(pipeline, text, trigger, type_)
    assert ev and ev[0].recipient is not None and recipient in ev[0].recipient.text
    assert not [e for e in _events(pipeline, text) if e.type == "RETREAT" and e.modality == "asserted"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("Russia had to withdraw its troops after the defeat.", "withdraw", "RETREAT"),  # it did
    ("Trump has yet to apologize to the Khans.", "apologize", "SUPPORT"),  # not "has to"
])
def test_events_types_past_necessity_and_has_yet_to_are_no_demand(pipeline, text, trigger, type_):
    assert _coded(pipeline, text, trigger, type_)
    assert not [e for e in _events(pipeline, text) if e.type == "REQUEST"]


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("He traded his shares for cash.", "traded"),
    ("Analysts say the party gained control of parliament in the election.", "gained"),
    ("He stood behind the podium and spoke for an hour.", "stood"),
    ("Analysts questioned whether the deal would work.", "questioned"),
    ("The UN raised concerns about the humanitarian situation in Gaza.", "concerns"),
    ("The governor ripped up the agreement.", "ripped"),
    ("Officials questioned the suspect for hours.", "questioned"),
    ("The plane entered Turkish airspace before landing in Istanbul.", "entered"),  # no military
    ("The company stripped the factory of its equipment.", "stripped"),
    ("Russia's economy had hit bottom this year.", "hit"),
    ("Mrs. Clinton has struggled to hit upon a clear rationale for her campaign.", "hit"),
    ("Small donors can give repeatedly without hitting the contribution limit.", "hitting"),
    ("In the military we called it a debrief or a hot wash.", "called"),  # no side, no disparagement
    ("The rise of terrorism threatens the way of life of all civilized people.", "threatens"),  # a danger
    ("He thinks reducing the deficit is more important than defending the nation.", "defending"),  # an activity
    ("Obama may veto legislation that would allow 9/11 families to sue Saudi Arabia.", "sue"),  # permitted only
    ("The Red Cross, which frequently visits the prisons, says the guards use stress positions.", "visits"),
    ("People who ask for one could be required to pay a nominal fee.", "ask"),
    ("Republicans who agree that the prison should be closed were irritated.", "agree"),
    ("Pam Bondi vowed to go after anyone who attacks the LGBT community.", "attacks"),
    ("The ministry will respond to the letter next week.", "respond"),
    ("The storm damaged several buildings.", "damaged"),
    ("Police officers arrived at the scene.", "arrived"),
    ("When I visit other countries, it's not my job to comment on candidates.", "visit"),  # whenever it happens
    ("The delegation is free to support Cruz, Trump or John Kasich.", "support"),  # able to, not done
    ("A clause permitting delegates to invoke a moral objection and support another candidate.", "support"),
])
def test_events_types_trades_idioms_dangers_habits_and_permissions_not_coded(pipeline, text, trigger):
    """Trades, idioms without a side, civil flights, a danger named, an activity with no doer,
    acts permitted or able to be done, habits in present relative clauses, replies and storms."""
    assert not _coded(pipeline, text, trigger)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    ("Thailand and Cambodia traded accusations over a border clash.", "traded", "ACCUSE", "accuse.trade-accusations"),
    ("The two leaders traded barbs on social media.", "traded", "ACCUSE", "accuse.trade-accusations"),
    ("Somali forces regained control of the hotel after a 30-hour siege.", "regained", "COERCE",
     "coerce.take-control"),
    ("Cruz questioned Trump's conservative credentials during the debate.", "questioned", "ACCUSE",
     "accuse.question-trait"),
    ("Sanders questioned whether Clinton is qualified to be president.", "questioned", "ACCUSE",
     "accuse.question-whether"),
    ("Christie ripped Rubio for repeating the same talking points.", "ripped", "ACCUSE", "accuse.knock"),
    ("Pelosi took Ryan to task for the budget cuts.", "took", "ACCUSE", "accuse.take-to-task"),
    ('Trump dismissed Bush as "low energy."', "dismissed", "ACCUSE", "accuse.dismiss-person"),
    ("Several Republicans raised concerns about Trump's temperament.", "concerns", "ACCUSE",
     "accuse.concerns-raised"),
    ("Pence stood by Trump after the release of the tape.", "stood", "SUPPORT", "support.stand-by"),
    ("Chinese military aircraft entered Taiwan's air defence zone on Monday.", "entered", "MOBILIZE",
     "mobilize.air-incursion"),
    ("Two Russian warships entered Japanese waters.", "entered", "MOBILIZE", "mobilize.air-incursion"),
    ("The Nicaraguan government stripped 94 critics of their citizenship.", "stripped", "COERCE", "coerce.strip"),
    ('"We will respond firmly to any provocation," North Korea\'s defence minister said.', "respond", "THREATEN",
     "threaten.respond"),
    ("The mayor of Kyiv said Russian drones damaged several residential buildings overnight.", "damaged", "ASSAULT",
     "fight.weapon-damage"),
    ("Hundreds of Kenyan police officers arrived in Haiti to lead a multinational force.", "arrived", "MOBILIZE",
     "mobilize.arrive"),
])
def test_events_types_political_idioms_and_wire_acts_coded(pipeline, text, trigger, type_, rule):
    """Criticism and backing in political idiom, traded accusations, control regained,
    incursions, stripped citizenship, promised responses, weapon damage and force arrivals."""
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule, actor, recipient", [
    ("A drone strike killed a rebel commander.", "killed", "ASSAULT", "assault.kill", None, "commander"),
    ("Gunmen kidnapped a police colonel in Kabul.", "kidnapped", "ASSAULT", None, "Gunmen", "colonel"),
    ("Russia halted flights to Georgia.", "halted", "SANCTION", "sanction.halt-trade", "Russia", "Georgia"),
    ("Slovakia suspended all trade with Hungary.", "suspended", "SANCTION", "sanction.halt-trade", "Slovakia",
     "Hungary"),
    ("A march against the new law took place in Rome on Wednesday.", "march", "PROTEST", "protest.march-noun",
     None, None),
    ("North Korea and Liechtenstein inked an agreement on cultural exchanges.", "inked", "AGREE", "support.sign",
     "North Korea", None),
    ("Troops deployed to Poland on Monday.", "deployed", "MOBILIZE", "mobilize.deploy-intransitive", "Troops",
     "Poland"),
    ("Russian troops massed along the border.", "massed", "MOBILIZE", "mobilize.deploy-intransitive",
     "Russian troops", None),
    ("Sri Lanka is grateful to India for its help.", "grateful", "SUPPORT", "support.grateful", "Sri Lanka", "India"),
    ("Clinton's remarks came under attack from Trump.", "attack", "ACCUSE", "accuse.under-fire", "Trump",
     "Clinton"),
])
def test_events_types_ranks_trade_halts_deployments_and_thanks_coded(pipeline, text, trigger, type_, rule, actor,
                                                                      recipient):
    """Military ranks are sides, halted trade or flights reduce relations, forces deploy
    themselves, gratitude to a state praises it, and who comes under attack is attacked."""
    assert _coded(pipeline, text, trigger, type_, rule)
    ev = next(e for e in pipeline.analyze(text).events if e.trigger.text == trigger)
    assert actor is None or ev.actor is not None and actor in ev.actor.text
    assert recipient is None or ev.recipient is not None and recipient in ev.recipient.text


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule, recipient", [
    ("Democrats pounced on Trump's comments about the judge.", "pounced", "ACCUSE", "accuse.pounce-on", "Trump"),
    ("Critics seized on Clinton's remarks.", "seized", "ACCUSE", "accuse.pounce-on", "Clinton"),
    ("Bush questioned Trump's seriousness as a candidate.", "questioned", "ACCUSE", "accuse.question-trait", "Trump"),
    ("The Senate blocked the president's nominee.", "blocked", "REJECT", "reject.block", "president"),
    ("Clinton and Sanders worked together on the party platform.", "worked", "COOPERATE", "cooperate.work-together",
     None),
])
def test_events_types_pouncing_doubts_blocked_nominees_and_joint_work_coded(pipeline, text, trigger, type_, rule,
                                                                            recipient):
    assert _coded(pipeline, text, trigger, type_, rule)
    ev = _coded(pipeline, text, trigger, type_, rule)[0]
    assert recipient is None or ev.recipient is not None and recipient in ev.recipient.text


@pytest.mark.model
def test_events_types_sent_note_is_no_aid(pipeline):
    assert not _coded(pipeline, "The campaign sent a doctor's note to reporters.", "sent", "AID")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule, actor, recipient", [
    ("Sanders has been critical of Clinton's ties to Wall Street.", "critical", "ACCUSE", "accuse.critical-of",
     "Sanders", "Clinton"),
    ("Kasich said he was disappointed by Trump's remarks.", "disappointed", "ACCUSE", "accuse.dismayed-by", None,
     "Trump"),
    ("Many Republicans have balked at Trump's proposal.", "balked", "REJECT", "reject.balk", "Republicans", None),
    ("Ryan broke with Trump over his proposed Muslim ban.", "broke", "REJECT", "reject.break-with", "Ryan", "Trump"),
    ("Trump sat down with evangelical leaders in New York.", "sat", "CONSULT", "consult.sit-down", "Trump", "leaders"),
    ("Comey said Clinton had been extremely careless.", "said", "ACCUSE", None, "Comey", "Clinton"),
])
def test_events_types_stance_adjectives_balking_breaking_and_sitting_down_coded(pipeline, text, trigger, type_, rule,
                                                                                actor, recipient):
    found = _coded(pipeline, text, trigger, type_, rule)
    assert found
    ev = found[0]
    assert actor is None or ev.actor is not None and actor in ev.actor.text
    assert recipient is None or ev.recipient is not None and recipient in ev.recipient.text


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, modality", [
    ("Officials said Iran was responsible for the success of the talks.", "said", "ACCUSE", None),  # credit
    ("Lithuania says it is responsible for the torture of prisoners.", "torture", "ASSAULT", "alleged"),  # owned up
])
def test_events_types_credit_and_owned_acts_not_blamed(pipeline, text, trigger, type_, modality):
    assert not _coded(pipeline, text, trigger, type_, modality=modality)


@pytest.mark.model
def test_events_types_fire_set_to_a_building_destroys_it(pipeline):
    text = "Unknown assailants set fire to a mosque in Stockholm."
    assert _coded(pipeline, text, "set", "ASSAULT", "coerce.set-fire")
    assert not _coded(pipeline, "The speech set fire to the debate.", "set")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Henry said the plan Obama announced was a disaster.",  # the side whose relative clause describes it
    "Henry said a lot of Obama's decisions were disastrous.",  # the noun the subject counts
])
def test_events_types_disparaged_thing_of_a_side_is_criticism(pipeline, text):
    assert _coded(pipeline, text, "said", "ACCUSE")


@pytest.mark.model
def test_events_types_armed_offensive_is_no_verbal_attack(pipeline):
    assert not _coded(pipeline, "Rebels went on the offensive against the army.", "offensive", "ACCUSE")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    ("The former Florida governor attacked the businessman over his stance on eminent domain.", "attacked", "ACCUSE"),
    ("Rebels attacked the convoy over its position near the border.", "attacked", "ASSAULT"),
])
def test_events_types_attack_over_a_stance_is_verbal_and_over_a_position_near_a_border_armed(pipeline, text, trigger,
                                                                                              type_):
    assert _coded(pipeline, text, trigger, type_)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("Police ruled out foul play.", "ruled"),  # a finding, no refusal
    ("Snow piled on the roads.", "piled"),
    ("Investors piled on the pressure.", "piled"),
    ("Protesters shot down a drone.", "shot"),  # (an act of force, not a rejection)
])
def test_events_types_findings_and_piles_are_no_refusal_or_attack(pipeline, text, trigger):
    assert not [e for e in _coded(pipeline, text, trigger) if e.type in ("REJECT", "ACCUSE")]


@pytest.mark.model
def test_events_types_joint_patrol_is_no_show_of_force_and_a_chat_about_race_no_call(pipeline):
    text = "The United States and the Philippines conducted joint patrols in the South China Sea."
    assert not _coded(pipeline, text, "conducted", "MOBILIZE")
    assert not _coded(pipeline, "We had a conversation about race.", "conversation")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, actor, recipient", [
    ("The court ruled that Russia had violated the convention.", "ruled", "ACCUSE", "court", "Russia"),
    ("The tribunal found the former minister guilty of war crimes.", "found", "SANCTION", "tribunal", "minister"),
])
def test_events_types_rulings_and_findings_against_a_side_coded(pipeline, text, trigger, type_, actor, recipient):
    ev = _coded(pipeline, text, trigger, type_)[0]
    assert ev.actor is not None and actor in ev.actor.text
    assert ev.recipient is not None and recipient in ev.recipient.text


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Trump said the Clinton campaign was a fiasco.",
    'Sanders called the rollout "absolute chaos."',
])
def test_events_types_fiasco_and_chaos_disparage(pipeline, text):
    assert [e for e in pipeline.analyze(text).events if e.type == "ACCUSE"]


@pytest.mark.model
@pytest.mark.parametrize("text, recipient", [
    ("Warren branded Trump a loser.", "Trump"),
    ("He called anti-Trump protestors “illegals” and “thugs” without proof.", "protestors"),
])
def test_events_types_side_the_parser_hung_on_a_pejorative_complement_is_criticised(pipeline, text, recipient):
    found = [e for e in pipeline.analyze(text).events if e.type == "ACCUSE"]
    assert found and found[0].recipient is not None and recipient in found[0].recipient.text


@pytest.mark.model
def test_events_types_explosion_in_fund_raising_is_growth(pipeline):
    text = "His advisers believe a win would lead to an explosion in fund-raising."
    assert not _coded(pipeline, text, "explosion")
    assert _coded(pipeline, "An explosion in Kabul killed five people.", "explosion", "ASSAULT")


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_, rule", [
    # rescue teams and promised reprisals
    ("Tokyo dispatched a rescue team to Turkey after the earthquake.", "dispatched", "AID", "aid.provide"),
    ("Beijing vowed reprisals against Washington.", "vowed", "THREATEN", "intent.promise"),
    ("Beijing vowed to take countermeasures if Washington sells arms to Taiwan.", "countermeasures", "THREATEN",
     "threaten.consequence"),
    # refusals to accept convened leaders and blacklists
    ("Moscow will not accept the proposal.", "accept", "REJECT", "agree.accept.refusal"),
    ("Kyiv won't accept the offer from Moscow.", "accept", "REJECT", "agree.accept.refusal"),
    ("Leaders of the G7 will gather in Hiroshima next month.", "gather", "CONSULT", "consult.convene.plan"),
    ("Foreign ministers convened in Brussels on Monday.", "convened", "CONSULT", "consult.convene"),
    ("The United States placed the company on its trade blacklist.", "placed", "COERCE", "coerce.put-on-blacklist"),
    # refused meetings and solidarity
    ("The spokesman said the government would not negotiate with terrorists.", "negotiate", "REJECT",
     "consult.negotiate.refusal"),
    ("Trump will not meet with Putin.", "meet", "REJECT", "consult.meet.refusal"),
    ('"We stand with the people of Ukraine," Biden said.', "stand", "SUPPORT", "support.stand-with"),
    ("The United States stands with Israel.", "stands", "SUPPORT", "support.stand-with"),
    # grilling verbal offensives challenges and shut rallies
    ("Republicans grilled the FBI director during the hearing.", "grilled", "ACCUSE", "accuse.grill"),
    ("Jeb Bush went on the offensive against Trump at the debate.", "offensive", "ACCUSE", "accuse.go-on-offensive"),
    ("Clinton challenged Trump to a debate on the economy.", "challenged", "REQUEST", "request.challenge-to"),
    ("Protesters shut down a Trump rally in Chicago.", "shut", "PROTEST", "protest.disrupt"),
    # stormed buildings blasts roundups buildups and walkouts
    ("Al-Shabaab militants stormed a hotel in Mogadishu, killing at least 15 people.", "stormed", "ASSAULT",
     "fight.attack"),
    ("A bomb ripped through a crowded market in Quetta on Friday.", "ripped", "ASSAULT", "assault.rip-through"),
    ("Turkish authorities rounded up hundreds of suspected coup plotters.", "rounded", "COERCE", "coerce.round-up"),
    ("Police gassed the protesters.", "gassed", "ASSAULT", "assault.spray"),
    ("NATO beefed up its presence on the eastern flank.", "beefed", "MOBILIZE", "mobilize.bolster"),
    ("Azerbaijan moved heavy weaponry to the line of contact.", "moved", "MOBILIZE", "mobilize.deploy"),
    ("Opposition lawmakers walked out of the session.", "walked", "PROTEST", "protest.walkout-session"),
    # lobbying recommending ruling out voting against and piling on
    ("Sanders is lobbying superdelegates to switch their support.", "lobbying", "REQUEST", "request.lobby"),
    ("The Times editorial board recommended Clinton.", "recommended", "SUPPORT", "support.recommend"),
    ("Biden vouched for Clinton's character.", "vouched", "SUPPORT", "support.vouch"),
    ("Clinton ruled out raising taxes on the middle class.", "ruled", "REJECT", "reject.rule-out"),
    ("The senator voted against the bill.", "voted", "REJECT", "reject.vote-against"),
    ("Republicans shot down the proposal.", "shot", "REJECT", "reject.shoot-down"),
    ("Rubio piled on Trump at the debate.", "piled", "ACCUSE", "accuse.pile-on"),
    # phone conversations and joint patrols
    ("Putin and Erdogan held a phone conversation on Tuesday.", "conversation", "CONSULT",
     "consult.phone-conversation"),
    ("The United States and the Philippines conducted joint patrols in the South China Sea.", "patrols", "COOPERATE",
     "cooperate.joint-patrol"),
    # refused backing admiration and reported disparagement
    ('"I will never support Donald Trump," Graham said.', "support", "REJECT", "support.back.refusal"),
    ("Graham will not endorse Trump.", "endorse", "REJECT", "support.praise.refusal"),
    ("Kasich said he admires Trump's energy.", "admires", "SUPPORT", "support.admire"),
    ('Obama said Republicans were "playing politics" with the Zika funding.', "said", "ACCUSE", None),
    ('Trump said Clinton "should be in jail."', "said", "ACCUSE", None),
    # deadlines retaliation scrambled jets and tests
    ("The rebels gave the government 48 hours to meet their demands.", "gave", "THREATEN", "threaten.deadline"),
    ("Moscow said it would take retaliatory measures against the expulsions.", "measures", "THREATEN",
     "threaten.retaliatory-measures"),
    ("China scrambled fighter jets as the U.S. plane flew over the strait.", "scrambled", "MOBILIZE",
     "mobilize.deploy"),
    ("The Philippines deployed coast guard vessels to the shoal.", "deployed", "MOBILIZE", "mobilize.deploy"),
    ("Iran conducted missile tests in the Gulf.", "tests", "MOBILIZE", "mobilize.test-noun"),
    # coming out warming campaigning alongside and voting down
    ("Several Republican senators have come out in support of Garland's nomination.", "support", "SUPPORT",
     "support.in-support-of"),
    ("Many conservatives have warmed to Trump.", "warmed", "SUPPORT", "support.warm-to"),
    ("Christie campaigned alongside Trump in New Jersey.", "campaigned", "SUPPORT", "support.campaign-for"),
    ("The Senate voted down the gun measure.", "voted", "REJECT", "reject.vote-down"),
    # dropping out backing down and joining forces
    ("Sanders dropped out of the race on Tuesday.", "dropped", "RETREAT", "retreat.drop-out"),
    ("Trump backed down from his threat to skip the debate.", "backed", "CONCEDE", "concede.back-down"),
    ("Democrats and Republicans teamed up to pass the bill.", "teamed", "COOPERATE", "cooperate.team-up"),
    ("Cruz and Kasich joined forces to stop Trump.", "joined", "COOPERATE", "cooperate.join-forces"),
    # session 20: what a clause says a side did or is, an unnamed office included; backing set off by commas
    ("Opposition lawmakers said the minister lied to parliament.", "said", "ACCUSE", "accuse.disparage"),
    ("Critics say the president has abused his power.", "say", "ACCUSE", "accuse.disparage"),
    ("Human Rights Watch said Ethiopian forces committed war crimes in Tigray.", "said", "ACCUSE", "accuse.disparage"),
    ("Venezuela's president said the United States was plotting a coup against him.", "said", "ACCUSE",
     "accuse.disparage"),
    ("The opposition leader said the government had failed the people of Kenya.", "said", "ACCUSE",
     "accuse.disparage"),
    ("Kirsten Gillibrand, backed by the senator and the party, won the primary.", "backed", "SUPPORT", "support.back"),
    ("Erdogan hosted his Iranian counterpart in Ankara.", "hosted", "CONSULT", "consult.host"),
    ("China sent 30 warplanes into Taiwan's air defence zone.", "sent", "MOBILIZE", "mobilize.deploy"),
    ("Trump mocked Rubio's sweating during the debate.", "mocked", "ACCUSE", "accuse.criticize"),
    ("Priebus said Clinton had put national security at risk.", "said", "ACCUSE", "accuse.disparage"),
    ("Kasich said Trump's plan to deport 11 million people was unrealistic.", "said", "ACCUSE", "accuse.disparage"),
    ("Biden said Clinton would make a great president.", "said", "SUPPORT", "support.laud-clause"),
    ("Romney voted for Trump.", "voted", "SUPPORT", "support.vote-for"),
    ("Romney said he would not vote for Trump.", "vote", "REJECT", "support.vote-for.refusal"),
    ("Clinton called the families of the victims.", "called", "CONSULT", "consult.call-person"),
    ("Obama called Merkel on Tuesday.", "called", "CONSULT", "consult.call-person"),
    ("Israel said it would not attend the Geneva conference.", "attend", "REJECT", "consult.attend.refusal"),
    ("Iran joined the talks in Vienna.", "joined", "CONSULT", "consult.attend"),
    ("Amnesty International said the police used excessive force against protesters.", "said", "ACCUSE",
     "accuse.disparage"),
    ("Pakistan said India had sponsored terrorism in Balochistan.", "said", "ACCUSE", "accuse.disparage"),
    ("Serbia's president said Kosovo was provoking a conflict.", "said", "ACCUSE", "accuse.disparage"),
    ("The ministry said the United States was spreading disinformation.", "said", "ACCUSE", "accuse.disparage"),
    ("Ethiopia's government described the rebels as a terrorist organisation.", "described", "ACCUSE",
     "accuse.cast-as"),
    ("Russia deployed tactical nuclear weapons to Belarus.", "deployed", "MOBILIZE", "mobilize.deploy-weapons"),
    ("The United States sent weapons to Ukraine.", "sent", "AID", "aid.provide"),
    ("Hundreds of doctors went on strike in Kenya to demand better pay.", "strike", "PROTEST", None),
    ("Two rockets landed near the U.S. embassy in Baghdad, security sources said.", "landed", "ASSAULT",
     "fight.weapon-landed"),
    ("A bomb exploded near a market in Kabul.", "exploded", "ASSAULT", "fight.weapon-landed"),
    ("Rep. Raul Grijalva was an early backer of Bernie Sanders.", "backer", "SUPPORT", "support.backer-of"),
    ("Pirates hijacked a cargo ship off the coast of Somalia.", "hijacked", "ASSAULT", "assault.hijack-vehicle"),
    ("China does not accept the ruling.", "accept", "REJECT", "reject.not-accept"),
    ("Venezuela said it does not recognize the ruling of the international court.", "recognize", "REJECT",
     "reject.not-accept"),
    ("Russia will not accept the ruling.", "accept", "REJECT", "reject.not-accept"),
    ("Ryan does not support Trump.", "support", "REJECT", "support.back.refusal"),
    ("She said she sees him as a real threat.", "sees", "ACCUSE", "accuse.cast-as"),
    ("The Democratic senator ripped the administration's handling of the Zika crisis.", "ripped", "ACCUSE",
     "accuse.knock-act"),
    ("Biden and Xi spoke for two hours by video link.", "spoke", "CONSULT", "consult.speak-phone"),
    ("NATO put forces on standby.", "standby", "MOBILIZE", "mobilize.alert"),
    ("Trump's verbal assault on the Mexican-American judge continued on Sunday.", "assault", "ACCUSE",
     "accuse.person-attack-noun"),
    ("Obama offered a blistering critique of Trump's foreign policy.", "critique", "ACCUSE", "accuse.insult-noun"),
    ("Obama offered praise for Clinton.", "praise", "SUPPORT", "support.praise-noun"),
    ("Christie offered a robust defense of Trump.", "defense", "SUPPORT", "support.defense-offered"),
    ("The government of Nicaragua revoked the legal status of 100 NGOs.", "revoked", "COERCE", "coerce.revoke-status"),
    ("The ministry ordered the closure of three independent radio stations.", "closure", "COERCE",
     "coerce.closure-ordered"),
    ("Sanders said the economy is rigged and Clinton is part of the problem.", "said", "ACCUSE", "accuse.disparage"),
    ('Trump said Clinton "doesn\'t have the stamina" to be president.', "said", "ACCUSE", "accuse.disparage"),
    ("Sanders said Clinton lacked the judgment to be president.", "said", "ACCUSE", "accuse.disparage"),
    ("Rubio said Trump was trying to con the American people.", "said", "ACCUSE", "accuse.disparage"),
    ('Obama said Trump\'s proposals were "not serious."', "said", "ACCUSE", "accuse.disparage"),
    ("Thousands joined a rally in support of the strikers.", "rally", "PROTEST", "protest.rally-noun"),
    ('Putin called Trump "a very colorful and talented person."', "called", "SUPPORT", "support.call-praise"),
    ("Clinton has taken heat from Sanders over her ties to Wall Street.", "heat", "ACCUSE", "accuse.heat-received"),
    ("Trump has questioned Obama's birthplace for years.", "questioned", "ACCUSE", "accuse.question-trait"),
    ("Democrats want an investigation into the FBI director's letter.", "want", "REQUEST", "appeal.want-act"),
    ("Russia has shelled the city since Monday.", "shelled", "ASSAULT", None),
    ("Prosecutors say the former president accepted bribes from a construction company.", "say", "ACCUSE",
     "accuse.disparage"),
    ("Rival candidates have long criticized Trump for his views.", "criticized", "ACCUSE", None),
    ("Ryan said he was not ready to endorse Trump.", "endorse", "REJECT", "support.praise.refusal"),
    ("Iran is not willing to negotiate with the United States.", "negotiate", "REJECT", "consult.negotiate.refusal"),
    ('"This is a disgrace," Sanders said of the Senate vote.', "said", "ACCUSE", "accuse.disparage"),
    ("The candidate said the country's government is underfunded and overrun by leftists.", "said", "ACCUSE",
     "accuse.disparage"),
    # session 21: police raids, solidarity, links cut, supplies sent, harm and traits said of a side
    ("The FBI raided the offices of the campaign manager.", "raided", "COERCE", "coerce.police-raid"),
    ("Ryan said he was proud to stand with the nominee.", "stand", "SUPPORT", "support.proud-to-stand"),
    ("Ukraine suspended rail links with Crimea.", "suspended", "SANCTION", "sanction.cut-links"),
    ("China sent ventilators and masks to Pakistan.", "sent", "AID", "aid.provide"),
    ("Clinton's campaign said Trump's tax plan would blow a hole in the deficit.", "said", "ACCUSE",
     "accuse.disparage"),
    ("Rubio said Trump was not a conservative.", "said", "ACCUSE", "accuse.disparage"),
    ("Sanders said Clinton's policies had hurt workers.", "said", "ACCUSE", "accuse.disparage"),
    ("Bush said Trump's plan to deport 11 million people was not realistic.", "said", "ACCUSE", "accuse.disparage"),
    ("Graham said Trump had lost his mind.", "said", "ACCUSE", "accuse.disparage"),
    ("Former aides have described the senator as abrasive and vindictive.", "described", "ACCUSE", None),
    ("Trump has praised Putin in the past week.", "praised", "SUPPORT", "support.praise"),
    ("The candidates clashed over immigration during the debate.", "clashed", "ACCUSE", "accuse.verbal-clash"),
    ("Trump sparred with Cruz over immigration.", "sparred", "ACCUSE", "accuse.verbal-clash"),
    ("Sanders and Clinton clashed over immigration.", "clashed", "ACCUSE", "accuse.verbal-clash"),
    ("Fighter jets carried out airstrikes on rebel positions in the mountains.", "airstrikes", "ASSAULT",
     "fight.attack-noun"),
    ("The Japanese army is preparing for potential conflicts with Brunei.", "preparing", "MOBILIZE",
     "mobilize.prepare-war"),
    ("Thousands of U.S. troops are on standby to deploy to Saint Helena.", "deploy", "MOBILIZE",
     "mobilize.deploy-intransitive"),
    ("The military junta suspended the constitution.", "suspended", "COERCE", "coerce.suspend-constitution"),
    ("Kaine defended Clinton's record as secretary of state.", "defended", "SUPPORT", "support.defend-act"),
    ("Many evangelical leaders have embraced Trump's candidacy.", "embraced", "SUPPORT", "support.embrace-candidacy"),
    ('"He\'s going to be a great president," Carson said of Trump.', "said", "SUPPORT", "support.laud-clause"),
    ("Trump called the Iran deal the worst deal ever negotiated.", "called", "ACCUSE", "accuse.name-call-pejorative"),
    ("Sudan and South Sudan agreed to reopen their border crossings.", "agreed", "AGREE", "intent.promise"),
    ("Israel agreed to reopen the Rafah crossing.", "agreed", "CONCEDE", "intent.promise+concede.open-border.intent"),
    ("The United States delivered patrol boats to the Philippine navy.", "delivered", "AID", "aid.provide"),
    ("Republicans said the president ought to withdraw the nomination.", "said", "REQUEST", "request.must"),
    ('"Congress has to act," Obama said in his weekly address.', "said", "REQUEST", "request.must"),
    ('"He should be ashamed of himself," Clinton said of Trump.', "said", "ACCUSE", "accuse.disparage"),
    ("Sanders rips Clinton's Wall Street ties.", "rips", "ACCUSE", "accuse.knock-act"),
    ("Warren Unloads On Trump In Twitter Tirade", "Unloads", "ACCUSE", "accuse.unload-on"),
    ("Trump said Obama had no plan to defeat ISIS.", "said", "ACCUSE", "accuse.disparage"),
    ("Clinton said Trump doesn't understand how the economy works.", "said", "ACCUSE", "accuse.disparage"),
    ("Trump said Clinton could not be trusted with national security.", "said", "ACCUSE", "accuse.disparage"),
    ("Sanders said Clinton was beholden to Wall Street.", "said", "ACCUSE", "accuse.disparage"),
    ("Clinton said Trump had insulted a Gold Star family.", "said", "ACCUSE", "accuse.disparage"),
    ("Trump said Carson was a fine man.", "said", "SUPPORT", None),
    ("Democrats contend that the Republican budget guts Medicare.", "contend", "ACCUSE", "accuse.disparage"),
    ("Federal prosecutors charged the congressman with fraud.", "charged", "COERCE", "coerce.charge"),
    ("Senate Democrats filibustered the Republican spending bill.", "filibustered", "REJECT", "reject.block"),
    ("Clinton paid tribute to the victims of the shooting.", "paid", "SUPPORT", "support.pay-tribute"),
    ("Republican leaders have coalesced around Trump.", "coalesced", "SUPPORT", "support.rally"),
    ("Warren has been raising money for Clinton.", "raising", "SUPPORT", "support.raise-money"),
    ("French and German police launched a joint investigation into the smuggling ring.", "investigation", "COOPERATE",
     "cooperate.joint-patrol"),
    ("Turkey handed over intelligence on the suspects to Belgian authorities.", "handed", "COOPERATE",
     "cooperate.pass-intelligence"),
    ("Sanders wrote that the DNC had tilted the playing field in Clinton's favor.", "wrote", "ACCUSE",
     "accuse.disparage"),
])
def test_events_types_news_idioms_coded(pipeline, text, trigger, type_, rule):
    """Wire and political idioms (refusals announced, ultimatums, deployments, joint acts,
    criticism and backing idioms) are coded by the rule written for them."""
    assert _coded(pipeline, text, trigger, type_, rule)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, type_", [
    # record trade private thanks and accidents
    ("Teachers launched a general strike on Tuesday.", "strike", "ASSAULT"),
    ("Gambia broke the record for the largest gold trade.", "broke", "SANCTION"),
    ("Singapore will reduce trade barriers.", "reduce", "SANCTION"),
    ("I am grateful to my wife.", "grateful", "SUPPORT"),
    ("The campaign remained committed to persuading superdelegates.", "committed", "AGREE"),
    ("Six children were burned in a fire at a school.", "burned", "ASSAULT"),
    # opportunities and promised joint work
    ("Republicans seized on the opportunity.", "seized", "ACCUSE"),
    ("Democrats seized on the issue.", "seized", "ACCUSE"),
    ("Perhaps in the future, we can work together.", "work", "COOPERATE"),
    ("The two countries pledged to work together against poaching.", "work", "COOPERATE"),
    # past non acceptance forecasts and crowds
    ("Moscow did not accept the proposal.", "accept", "REJECT"),  # an acceptance that did not happen
    ("Analysts expect the central bank to raise rates again.", "expect", "REQUEST"),  # a forecast
    ("Protesters gathered outside the embassy.", "gathered", "CONSULT"),
    # disappointing results and broken traditions
    ("I was disappointed in the result.", "disappointed", "ACCUSE"),
    ("Obama broke with tradition.", "broke", "REJECT"),
    # unheld meetings and war tolls
    ("Trump did not meet with Putin.", "meet", "REJECT"),  # a meeting that did not happen refuses nothing
    ("The war in Syria has killed more than 350,000 people.", "killed", "ASSAULT"),  # a war's toll
    # commercial presence and leaving a room
    ("The company increased its presence in Asia.", "increased", "MOBILIZE"),
    ("The students walked out of the classroom.", "walked", "PROTEST"),
    # past or conditional non support is no refusal
    ("I did not support Trump.", "support", "REJECT"),  # past: backing that did not happen
    ("Officials asked what would happen if their candidate announced he would not back Trump.", "back", "REJECT"),
    # time given is no ultimatum
    ("The company gave employees two weeks of paid leave.", "gave", "THREATEN"),
    ("Trump gave Clinton a day off.", "gave", "THREATEN"),
    # money raised and ideas warmed to
    ("The PAC raised about $58 million in support of Rubio.", "support", "SUPPORT"),  # money raised
    ("The market warmed to the idea.", "warmed", "SUPPORT"),
    # school dropouts dated withdrawals and no sign
    ("He dropped out of college.", "dropped", None),
    ("Senators have had no dealings with Cruz since he dropped out of the race.", "dropped", None),
    ("Sanders showed no sign of backing down on Tuesday.", "backing", None),
    ("Critics say leaders have abused their power.", "say", None),
    ("The minister said the government would fight abuse.", "said", None),
    ("The senator said the government had failed to report its spending on time.", "said", "SUPPORT"),
    ("The crowded field of candidates backed by super PACs spent millions.", "backed", None),
    ("44 percent would vote for Trump.", "vote", None),
    ("Senators voted for the bill.", "voted", None),
    ("He called the police.", "called", None),
    ("It's easy to call Pfizer unpatriotic.", "call", "CONSULT"),
    ("Trump attacked Romney, calling him, among other things, \u201ca failed candidate.\u201d", "calling", "CONSULT"),
    ("Each side deployed volunteers to call voters.", "call", None),
    ("He attended a news conference.", "attended", None),
    ("Klein, an activist who did not attend the summit, organized the rally.", "attend", None),
    ("Members of a militant group calling itself the Terror Brigade fled.", "calling", "ACCUSE"),
    ("Russia deployed tactical nuclear weapons to Belarus.", "weapons", "ASSAULT"),
    ("Supporting a candidate is a big decision for many voters.", "Supporting", None),
    ("Attacking the front-runner would only elevate him.", "Attacking", None),
    ("The minister's visit was postponed because of the weather.", "visit", None),
    ("Shell fell 2 percent in London trading.", "fell", None),
    ("Myanmar's military government has jailed Aung San Suu Kyi, a source said.", "said", "ACCUSE"),
    ("Trump supporters gathered outside the arena.", "supporters", None),
    ("Ten percent were supporters of Clinton.", "supporters", None),
    ("He compared the plan to Obamacare.", "compared", None),
    ("Hackers hijacked the campaign's Twitter account.", "hijacked", None),
    ("Russia recognized the election.", "recognized", "REJECT"),
    ("Ryan did not support Trump in the primary.", "support", "REJECT"),
    ("Most voters see Clinton as dishonest.", "see", None),
    ("The war ended in what he saw as a disaster.", "saw", None),
    ("The storm ripped the roof off the building.", "ripped", None),
    ("Trump's verbal assault on the Mexican-American judge continued on Sunday.", "assault", "ASSAULT"),
    ("Obama offered a blistering critique of Trump's foreign policy.", "offered", "AGREE"),
    ("He mounted a defense of the policy.", "defense", None),
    ("The government ordered the closure of schools because of the flu.", "closure", None),
    ("The airline cancelled the flight.", "cancelled", None),
    ('Trump said Clinton "doesn\'t have the stamina" to be president.', "said", "REQUEST"),
    ("Sanders said he lacked the money to compete in the South.", "said", "ACCUSE"),
    ("Kerry said the talks remained one of the best opportunities that we have to discuss our differences.", "discuss",
     "CONSULT"),
    ("Trump said he would hold a rally in Ohio on Saturday.", "rally", None),
    ("Clinton held a campaign rally in Philadelphia.", "rally", None),
    ("Putin called Trump a talented person.", "called", "CONSULT"),
    ("Clinton has taken heat from Sanders over her ties to Wall Street.", "taken", "PROTEST"),
    ("He questioned how he would be helped by Sanders' health care plan.", "questioned", "ACCUSE"),
    ("Voters want an investigation into the letter.", "want", "REQUEST"),
    ("North Korea has conducted six nuclear tests since 2006.", "tests", "MOBILIZE"),
    ("Ryan said he was not ready to endorse Trump.", "said", "ACCUSE"),  # his own readiness, no slur
    ("Israeli troops raided a refugee camp in Jenin.", "raided", "COERCE"),  # soldiers' raid: an attack
    ("Ryan said he stood with the nominee at the news conference.", "stood", "SUPPORT"),  # beside him
    ("The company suspended links to the website.", "suspended", "SANCTION"),  # no side
    ("No group has claimed responsibility for the attack.", "attack", None),  # a known attack, unclaimed
    ("The Taliban did not claim responsibility for the bombing.", "bombing", None),
    ("Democrats said the bill was an attack on women's health.", "attack", "ASSAULT"),  # words, no violence
    ("Obama said the storm would hurt Florida's economy.", "said", "ACCUSE"),  # no side's act
    ("The note said the businessman had praised her in the past.", "praised", "SUPPORT"),  # a history
    ("The deal has been criticized by both parties in the past.", "criticized", "ACCUSE"),
    ("Protesters clashed with police in Paris.", "clashed", "ACCUSE"),  # a clash in fact
    ("Sanders and Clinton clashed over guns.", "clashed", "ACCUSE"),  # violence in view
    ("About 40 percent of Republicans said they would support Trump.", "support", None),  # a poll's share
    ("Forty six percent were certain they would support Clinton.", "support", None),
    ("Residents are bracing for war.", "bracing", None),  # no force shown
    ("Trump is preparing for the debate.", "preparing", None),
    ("Clinton defended her record as secretary of state.", "defended", None),  # her own
    ("Obama defended his record against ISIS on Sunday night.", "defended", "SUPPORT"),  # no foe backed
    ("Trump said the wall was going to be built.", "said", None),
    ("The company delivered the aircraft to Emirates.", "delivered", "AID"),  # a sale
    ("His appeal to working-class voters is undeniable.", "appeal", None),  # a draw, no request
    ("Her broad appeal to independents helps her.", "appeal", None),
    ("The group does not endorse candidates.", "endorse", "REJECT"),  # a policy on a kind, no refusal
    ('"You have to be in it to win it," Trump said.', "said", "REQUEST"),  # a state, no act asked
    ("Workers unloaded the trucks on the dock.", "unloaded", None),  # cargo
    ("Lombardi told reporters that the pope has no plans to meet with Sanders.", "told", "ACCUSE"),  # no intent
    ("Trump said the economy was in bad shape.", "said", "ACCUSE"),  # no side
    ('State media said Pyongyang would respond with "merciless" force to any provocation.', "said", "ACCUSE"),
    ("Voters paid attention to the debate.", "paid", None),
    ("The school raised money for new computers.", "raised", None),  # no side backed
    ("Police launched an investigation into the killing.", "investigation", "COOPERATE"),  # no joint one
    ("The ministry provided information to reporters.", "provided", None),
    ("Treasury officials said U.S. sanctions had damaged Iran's economy.", "said", "ACCUSE"),  # meant to harm
    ("Analysts said Trump's comments could hurt him with women.", "said", "ACCUSE"),  # harms the side itself
    ("A blaze at a nightclub killed 40 people.", "killed", "ASSAULT"),  # an accident
    ("The country must unite to defeat terrorism.", "unite", "SUPPORT"),
    ("Sanders said Clinton's ties to Wall Street should concern voters.", "said", "REQUEST"),  # a thing's effect
])
def test_events_types_news_idiom_lookalikes_not_coded(pipeline, text, trigger, type_):
    """What reads like those idioms and reports no such act (a record broken, a forecast, a
    non-acceptance in the past, a school dropout) is not coded as it (type None: any type)."""
    assert not _coded(pipeline, text, trigger, type_)
