"""Entities: canonical names, types voted from context, short forms, cross-article merging."""

from __future__ import annotations

import pytest

from extractor.extract.entities import clean_mention, entity_id, entity_key, extract_entities
from extractor.graph.entities import merge_entity_records
from extractor.nlp import load_pipeline

from conftest import fold, read_jsonl


def strip_the(name: str) -> str:
    return fold(name).removeprefix("the ")


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def entities_of(nlp, text: str, article_id: str = "a1", source: str | None = None):
    return extract_entities(nlp(text), article_id, source=source)


def types_of(nlp, text: str) -> dict[str, str]:
    """Each entity's name and type."""
    return {e.name: e.type for e in entities_of(nlp, text).entities}


def by_name(entities, name: str):
    found = [e for e in entities.entities if e.name == name]
    assert found, f"{name!r} not among {[e.name for e in entities.entities]}"
    return found[0]


# ------------------------------------------------------------- on the seeds


@pytest.fixture(scope="module")
def corpus_entities(corpus_run, corpus_articles):
    ids = {a["id"]: stem for stem, a in corpus_articles.items()}
    entities = read_jsonl(corpus_run / "entities.jsonl")
    for entity in entities:
        entity["stems"] = {ids[m["article_id"]] for m in entity["mentions"]}
    return entities


def names_of(entity: dict) -> set[str]:
    return {strip_the(n) for n in [entity["name"], *entity["aliases"]]}


def test_every_gold_person_org_and_place_is_found_with_its_type(corpus_entities, gold):
    missing = []
    for etype in ("PERSON", "ORG", "GPE"):
        for stem, names in gold["entities"][etype].items():
            for name in names:
                if not any(e["type"] == etype and strip_the(name) in names_of(e) and stem in e["stems"]
                           for e in corpus_entities):
                    missing.append((stem, etype, name))
    assert missing == []


def test_gold_alias_groups_are_one_entity_named_by_the_full_form(corpus_entities, gold):
    for group in gold["entities"]["aliases"]:
        [entity] = [e for e in corpus_entities if strip_the(e["name"]) == strip_the(group["canonical"])]
        for variant in group["variants"]:
            holders = [e["name"] for e in corpus_entities if strip_the(variant) in names_of(e)]
            assert holders in ([], [entity["name"]]), f"{variant!r} held by {holders}"


def test_cross_source_names_are_one_entity_with_mentions_in_both(corpus_entities, gold):
    for name in gold["entities"]["cross_source"]:
        holders = [e for e in corpus_entities if strip_the(name) in names_of(e)]
        assert len(holders) == 1, f"{name!r}: {[e['name'] for e in holders]}"
        assert holders[0]["stems"] == set(gold["articles"]), name


def test_no_must_not_pair_appears(corpus_entities, gold):
    broken = [(p["text"], p["type"]) for p in gold["entities"]["must_not"]
              for e in corpus_entities if e["type"] == p["type"] and strip_the(p["text"]) in names_of(e)]
    assert broken == []


def test_roles_link_the_employer_entity(corpus_entities):
    roles = {(r["title"], r["org"]["name"] if r["org"] else None)
             for e in corpus_entities if e["type"] == "PERSON" for r in e["roles"]}
    assert ("portfolio manager", "Neuberger Berman") in roles
    assert ("chief investment officer", "The Bahnsen Group") in roles


# ------------------------------------------------------- on text written here


def test_possessive_and_quotes_are_stripped_from_names():
    text = "“Helvara’s"
    start, end = clean_mention(text)
    assert text[start:end] == "Helvara"


def test_key_folds_spacing_case_and_a_leading_the_but_keeps_words():
    assert entity_key("Open Ledger") == entity_key("OpenLedger")
    assert entity_key("The Lindqvist Group") == entity_key("Lindqvist Group")
    assert entity_key("Harbor Group") != entity_key("Meridian Group")
    assert entity_id("The Lindqvist Group") == entity_id("Lindqvist Group")


def test_surname_resolves_to_the_full_name_in_the_article(nlp):
    entities = entities_of(nlp, (
        "Maria Gonzalez, the chief executive of Northwind Logistics, said the company would hire 200 drivers. "
        "Gonzalez added that wages would rise next year."
    ))
    person = by_name(entities, "Maria Gonzalez")
    assert person.type == "PERSON"
    assert "Gonzalez" in person.aliases
    assert len(person.mentions) == 2
    assert not [e for e in entities.entities if e.name == "Gonzalez"]


def test_company_described_by_its_shares_is_an_org(nlp):
    entities = entities_of(nlp, (
        "Shares of Zentrix fell 8% on Tuesday after the chipmaker cut its forecast. "
        "Zentrix's chief executive said demand had slowed in Europe."
    ))
    assert by_name(entities, "Zentrix").type == "ORG"


def test_name_with_a_job_title_is_a_person(nlp):
    entities = entities_of(nlp, "Finance minister Okonkwo Adeyemi said the budget would be balanced by 2027.")
    assert by_name(entities, "Okonkwo Adeyemi").type == "PERSON"


def test_role_and_employer_are_read_from_an_apposition(nlp):
    entities = entities_of(nlp, "“Rates will stay high,” said Priya Raman, a senior economist at Castellan Bank.")
    person = by_name(entities, "Priya Raman")
    assert [(r.title, r.org.name if r.org else None) for r in person.roles] == [("senior economist", "Castellan Bank")]
    assert by_name(entities, "Castellan Bank").type == "ORG"


def test_a_heading_word_is_not_a_person(nlp):
    entities = entities_of(nlp, (
        "Heatwave grips Madrid amid record demand\n\n"
        "Temperatures in Madrid reached 44C on Sunday, the weather agency said."
    ))
    assert not [e for e in entities.entities if e.type == "PERSON"]


def test_the_outlet_named_in_the_text_is_an_organisation(nlp):
    entities = entities_of(nlp, "The plan is still under review, a spokesperson told Harbor Ledger.", source="Harbor Ledger")
    assert by_name(entities, "Harbor Ledger").type == "ORG"


def test_same_entity_from_two_articles_merges_and_different_ones_stay_apart(nlp):
    first = entities_of(nlp, "Investors cheered after The Lindqvist Group bought a stake in Meridian Group.", "a1")
    second = entities_of(nlp, "Lindqvist Group said on Monday it would sell its shares in Harbor Group.", "a2")
    merged = merge_entity_records([[e.to_record() for e in first.entities], [e.to_record() for e in second.entities]])
    lindqvist = [e for e in merged if entity_key(e.name) == "lindqvistgroup"]
    assert len(lindqvist) == 1
    assert {m.article_id for m in lindqvist[0].mentions} == {"a1", "a2"}
    groups = {e.name for e in merged if e.name.endswith("Group")}
    assert {"Meridian Group", "Harbor Group"} <= groups


def test_the_name_most_articles_use_wins_over_one_pages_capitals(nlp):
    pages = [entities_of(nlp, text, f"a{i}") for i, text in enumerate([
        "Boeing said on Monday that deliveries rose.", "BOEING shares fell sharply.",
        "Analysts said Boeing faces a long recovery."])]
    for order in (pages, pages[::-1]):
        merged = merge_entity_records([[e.to_record() for e in page.entities] for page in order])
        assert [e.name for e in merged if entity_key(e.name) == "boeing"] == ["Boeing"]


def test_two_people_with_the_same_surname_stay_apart_across_articles(nlp):
    first = entities_of(nlp, "John Carter, the mayor of Riverton, said the bridge would reopen. Carter spoke on Friday.", "a1")
    second = entities_of(nlp, "Emily Carter, a nurse at the city hospital, said staff were exhausted. Carter asked for help.", "a2")
    merged = merge_entity_records([[e.to_record() for e in first.entities], [e.to_record() for e in second.entities]])
    carters = sorted(e.name for e in merged if e.type == "PERSON" and "Carter" in e.name)
    assert carters == ["Emily Carter", "John Carter"]


def test_a_shared_surname_in_one_article_goes_to_the_main_figure_introduced_first(nlp):
    text = ("Anna Berg, the coach, praised the team. Her brother Lars Berg, the captain, scored twice. "
            "Berg said the win was deserved.")
    entities = entities_of(nlp, text)
    assert {m.text for m in by_name(entities, "Anna Berg").mentions} == {"Anna Berg", "Berg"}
    assert {m.text for m in by_name(entities, "Lars Berg").mentions} == {"Lars Berg"}


def test_a_shared_surname_goes_to_the_person_the_headline_names(nlp):
    text = ("Anna Berg, the coach, praised the team. Her brother Lars Berg, the captain, scored twice. "
            "Berg said the win was deserved.")
    doc = nlp(text)
    entities = extract_entities(doc, "art", title="Lars Berg leads the team to victory")
    assert {m.text for m in by_name(entities, "Lars Berg").mentions} == {"Lars Berg", "Berg"}
    assert {m.text for m in by_name(entities, "Anna Berg").mentions} == {"Anna Berg"}


def test_a_surname_in_a_title_case_headline_does_not_outvote_the_full_name_in_the_text(nlp):
    text = ("Albanese Quits As Party Gamble Backfires\n\n"
            "Today Anthony Albanese had to confront the issue of his own future after the vote.\n\n"
            "“I will do everything I can to help,” he said.")
    entity = by_name(entities_of(nlp, text), "Anthony Albanese")
    assert entity.type == "PERSON"
    assert {m.text for m in entity.mentions} == {"Albanese", "Anthony Albanese"}


def test_a_headline_that_is_only_a_name_owns_the_bare_surname_the_text_uses(nlp):
    text = ("Berg was born in Oslo to Olaf and Ingrid Berg. Berg studied law before joining the team.")
    entities = extract_entities(nlp(text), "art", title="Lars Berg")
    lars = by_name(entities, "Lars Berg")
    assert {m.text for m in lars.mentions} == {"Berg"} and "Lars Berg" in lars.aliases
    assert {m.text for m in by_name(entities, "Ingrid Berg").mentions} == {"Ingrid Berg"}


def test_a_headline_that_is_only_a_name_is_an_alias_of_the_person_named_in_full(nlp):
    text = "Matthew William Goode (born 3 April 1978) is an English actor. Goode was born in Exeter."
    goode = by_name(extract_entities(nlp(text), "art", title="Matthew Goode"), "Matthew William Goode")
    assert "Matthew Goode" in goode.aliases
    assert {m.text for m in goode.mentions} == {"Matthew William Goode", "Goode"}


def test_a_short_organisation_name_joins_the_one_longer_name_it_shortens(nlp):
    text = ("She studied at Harvard University before moving to Denmark. At Harvard she played baseball. "
            "She later taught at the University of Copenhagen and lived in Copenhagen.")
    entities = extract_entities(nlp(text), "art")
    assert {m.text for m in by_name(entities, "Harvard University").mentions} == {"Harvard University", "Harvard"}
    assert {m.text for m in by_name(entities, "Copenhagen").mentions} == {"Copenhagen"}


def test_a_name_before_a_country_code_is_an_organisation_and_its_short_name_joins_it(nlp):
    text = ("Restore UK came third in the vote. Its leader, Dara Quinlan, thanked Survation UK for its polling. "
            "A poll by Survation had found the party on 14%. Meanwhile UK inflation rose, and she moved to London UK.")
    found = {e.name: (e.type, {m.text for m in e.mentions}) for e in entities_of(nlp, text).entities}
    assert found["Restore UK"][0] == "ORG"  # a sentence's first word, which the parser compounds onto the code
    assert found["Survation UK"] == ("ORG", {"Survation UK", "Survation"})
    assert found["United Kingdom"][0] == "GPE" and found["London"][0] == "GPE"  # an adverb, a place: no names


def test_a_plural_name_after_the_is_no_person_but_a_family_and_a_mountain_range_stay(nlp):
    text = ("Kyle Shanahan is facing the consequences. Many of the 44-year-old's decisions are being questioned "
            "now that the Niners lost, especially his call to receive the ball first.")
    assert {e.name: e.type for e in entities_of(nlp, text).entities}["Niners"] != "PERSON"
    text = ("As the clock ran down, it looked as if the Knights’ 2-1 lead would hold, but the plucky Rovers (5-2-1) "
            "answered with two late goals.")  # an adjective between; a season's record in brackets is no life dates
    assert {e.name: e.type for e in entities_of(nlp, text).entities}["Rovers"] != "PERSON"
    others = "Michelle Obama said the Obamas would attend. They hiked in the Alps."
    found = {e.name: e.type for e in entities_of(nlp, others).entities}
    assert (found["Obamas"], found["Alps"]) == ("PERSON", "LOC")


def test_a_firm_with_an_inner_capital_before_a_title_is_no_people(nlp):
    text = "JPMorgan analyst Sandeep Deshpande questioned the rally. Sri Lankan captain Dasun Shanaka agreed."
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert (found["JPMorgan"], found["Sri Lankan"]) == ("ORG", "NORP")


def test_a_town_whose_seat_is_won_is_a_place(nlp):
    text = "The Lib Dems ousted Gillian Keegan, the education secretary – her Chichester seat had a 21,500 majority."
    assert {e.name: e.type for e in entities_of(nlp, text).entities}["Chichester"] == "GPE"


def test_a_surname_the_model_read_as_a_firm_joins_the_full_name_that_opens_with_a_first_name(nlp):
    text = ("Sunak's term will end in disaster, with Nigel Farage’s Reform UK establishing a foothold in Parliament. "
            "The exit poll was a vindication of the advances made by Farage’s party.")
    found = {e.name: (e.type, {m.text for m in e.mentions}) for e in entities_of(nlp, text).entities}
    assert "Farage" not in found and found["Nigel Farage"] == ("PERSON", {"Nigel Farage", "Farage"})


def test_a_possessive_that_a_company_name_holds_stays_in_it(nlp):
    text = ("The damage could reach $7 billion, according to Moody’s Analytics, while Moody’s Investors Service cut the "
            "rating. Apple’s US App Store grew.")
    found = {e.name for e in entities_of(nlp, text).entities}
    assert {"Moody’s Analytics", "Moody’s Investors Service", "Apple"} <= found and "Analytics" not in found


def test_a_name_right_after_a_firms_trade_is_an_organisation(nlp):
    text = ("Another US chipmaker, Broadcom, fell 16 percent while Dutch firm ASML, which makes the machines used to "
            "build semiconductors, saw its stock tumble 6.7 percent.")
    assert {e.name: e.type for e in entities_of(nlp, text).entities}.get("ASML") == "ORG"


def test_a_reinsurers_name_ends_with_re(nlp):
    text = "Reinsurers such as Swiss Re and Hannover Re face claims, while Munich Re said it was assessing them."
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert {n: found.get(n) for n in ("Swiss Re", "Hannover Re", "Munich Re")} == dict.fromkeys(
        ("Swiss Re", "Hannover Re", "Munich Re"), "ORG")


def test_a_common_noun_is_no_short_form_of_a_name_of_english_words(nlp):
    # "the House" is the House of Representatives, not "the White House" (as "Pirates" is
    # "Pittsburgh Pirates": see test_entity_aliases)
    text = ("The Senate passed the bill, sending it to the House, where the Speaker has vowed to block it. "
            "The White House said the president would sign the bill.")
    found = {strip_the(e.name): {m.text for m in e.mentions} for e in entities_of(nlp, text).entities}
    assert found["white house"] == {"The White House"} and found["house"] == {"House"}


def test_a_ticker_after_a_name_makes_it_a_company_and_is_its_other_name(nlp):
    text = ("Quorvant (NASDAQ:QRV) and other chip stocks gained on Tuesday. Belstead (BLST) climbed 4%, "
            "while Halvard Systems Corp. (TYO:9984) fell. Newsbrook ran its Interview of the Month (IOTM) again.")
    found = {e.name: (e.type, {e.name, *e.aliases}) for e in entities_of(nlp, text).entities}
    assert found["Quorvant"] == ("ORG", {"Quorvant", "QRV"})
    assert found["Belstead"] == ("ORG", {"Belstead", "BLST"})
    assert found["Halvard Systems Corp."][0] == "ORG"
    # the exchange before a ticker names nothing; an acronym in brackets is no ticker
    assert not {"NASDAQ", "TYO", "QRV", "BLST", "Month"} & set(found)


def test_a_name_in_a_title_case_heading_stops_before_its_verb(nlp):
    text = ("Quorvant Stock Recovers After Steep Decline\n\n"
            "Quorvant (QRV) shares rose 2.5% in premarket trading on Tuesday.")
    assert {e.name for e in entities_of(nlp, text).entities} == {"Quorvant"}


def test_a_headline_name_stops_before_a_news_verb_it_runs_into(nlp):
    text = "Orvex Cancels 300 More Flights After Outage\n\nOrvex cancelled 300 flights on Friday, the airline said."
    assert {e.name for e in entities_of(nlp, text).entities} == {"Orvex"}


def test_a_lone_proper_noun_is_a_name_but_an_english_word_or_an_acronym_is_not(nlp):
    from extractor.extract.entity_names import lone_name_mentions

    text = ("The club met in Ohio. Later Newsbrook spoke with its president about puppetry, and he told Newsbrook "
            "that Witches and Chimes, two of his plays, and the NASA show had sold out.")
    doc = nlp(text)
    found = {c.text for c in lone_name_mentions(doc, text, [])}
    assert "Newsbrook" in found
    assert not {"Witches", "Chimes", "NASA", "Later"} & found


def test_an_english_word_spelt_with_a_capital_inside_is_a_brand(nlp):
    # the model misses this airline; its name is an English word, but "IndiGo" is no way to write one
    text = ('IndiGo posted a notice for travellers, warning that check-in systems were slow. '
            '"Some flights may be delayed," the airline said.')
    assert {(e.name, e.type) for e in entities_of(nlp, text).entities} == {("IndiGo", "ORG")}
    # the tagger may call it a common noun where it acts: the name is still found, there and elsewhere
    text = ('Airlines including IndiGo and Vistara reported delays. IndiGo shared an update on microblogging site X, '
            'informing passengers of its systems being impacted by an outage.')
    found = {e.name: len(e.mentions) for e in entities_of(nlp, text).entities}
    assert found.get("IndiGo") == 2


def test_a_town_name_with_a_chief_executive_is_a_company(nlp):
    # Dover is a town, but no town has a CEO: the ferry line of that name is meant
    text = ('Dover cancelled 300 sailings on Friday. "We are sorry for the delays," said Dover CEO Dana Pell. '
            'Dover has scrapped a third of its crossings since then.')
    types = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert types["Dover"] == "ORG"
    # a place's official keeps the place a place
    text = "Ohio Governor Dana Pell said on Friday that Ohio would reopen its ports."
    assert {e.name: e.type for e in entities_of(nlp, text).entities}["Ohio"] == "GPE"


def test_a_shortened_office_before_a_name_is_no_part_of_it(nlp):
    # the model reads "PM Sunak" as an organisation: the office, then the surname of the person named
    text = "Rishi Sunak conceded defeat on Friday. PM Sunak said he was sorry."
    found = {e.name: e for e in entities_of(nlp, text).entities}
    assert set(found) == {"Rishi Sunak"} and found["Rishi Sunak"].type == "PERSON"
    # read as a person with the office run in
    text = "Senior Tories including former PM Liz Truss, Defence Secretary Grant Shapps, and others lost their seats."
    assert "Liz Truss" in {e.name for e in entities_of(nlp, text).entities if e.type == "PERSON"}


def test_a_personal_honorific_makes_a_person_and_is_no_part_of_the_name(nlp):
    # the model reads "Dr Havel" (British style, no full stop) as an organisation
    found = {e.name: e.type for e in entities_of(nlp, "Dr Havel said nothing about the results.").entities}
    assert found == {"Havel": "PERSON"}
    # a police rank before a name is the person's title, not the first of their names
    text = "Chief Constable Rachel Pike thanked the volunteers who filled sandbags overnight."
    assert {e.name for e in entities_of(nlp, text).entities if e.type == "PERSON"} == {"Rachel Pike"}


def test_an_acronym_the_model_misses_is_a_company_when_it_moves_by_a_percentage(nlp):
    # "ASML", "BYD": the model tags neither; a financial measure ("EBITDA") is no company
    text = "In Europe, ASML fell 7% and Siemens Energy slumped 20%. BYD climbed 4%. EBITDA fell 3% in the quarter."
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert (found.get("ASML"), found.get("BYD")) == ("ORG", "ORG") and "EBITDA" not in found


def test_a_noun_that_only_opens_sentences_is_no_person_but_a_surname_is(nlp):
    # the model reads the capitalised first word as a person; "Baker" is a common surname
    text = ("Labour won 412 seats on Friday. Turnout was about 60%, down from 67.3% in 2019. "
            "Baker said the result was historic.")
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert "Turnout" not in found and found.get("Baker") == "PERSON"


def test_a_site_s_name_ends_before_the_day_it_is_used_on(nlp):
    text = ("Harwick Rovers moved two points clear at the top with a 3-1 win over Belstead Town at the "
            "Kelmont Stadium on Saturday.")
    assert "Kelmont Stadium" in {e.name for e in entities_of(nlp, text).entities if e.type == "FAC"}


def test_letters_of_an_office_or_honour_after_a_name_are_no_part_of_it(nlp):
    text = "Prosecutor James Ofori KC said the money had moved through 37 accounts. Ofori asked for a long sentence."
    found = {e.name: (e.type, {m.text for m in e.mentions}) for e in entities_of(nlp, text).entities}
    assert found == {"James Ofori": ("PERSON", {"James Ofori", "Ofori"})}


def test_a_majority_leader_s_chamber_is_named_without_the_title(nlp):
    text = "Senate Majority Leader Dana Whitcombe called the vote a milestone on Tuesday."
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert found.get("Senate") == "ORG" and "Senate Majority" not in found


def test_a_place_and_police_service_or_assembly_is_an_organisation(nlp):
    # the model takes only the place: the force is the organisation, and so the speaker
    text = ("Prof Alan Whitby of Durham said the warnings came too late.\n\n"
            "Cumbria Police said 300 homes had been affected.")
    assert ("Cumbria Police", "ORG") in {(e.name, e.type) for e in entities_of(nlp, text).entities}
    text = "The London Assembly voted on Tuesday to review the city's flood defences."
    assert "london assembly" in {strip_the(e.name) for e in entities_of(nlp, text).entities if e.type == "ORG"}


def test_a_reporting_periods_heading_is_no_name(nlp):
    text = ("Kelmont Stock Tumbles 6% as Weak Q4 Forecast Overshadows Strong Q3 Results\n\n"
            "Kelmont shares fell 6% on Wednesday after the company's fourth-quarter forecast missed estimates.")
    assert {e.name for e in entities_of(nlp, text).entities} == {"Kelmont"}


def test_a_byline_run_into_its_name_is_the_name(nlp):
    text = ("Kelmont outage hits airlines\nByMax Zahn\nJuly 19, 2024\nFlights were grounded on Friday as Kelmont "
            "systems failed across the country, and banks and hospitals were hit.")
    assert "Max Zahn" in {e.name for e in entities_of(nlp, text).entities if e.type == "PERSON"}
    assert "ByteDance" in {e.name for e in entities_of(nlp, "ByteDance said on Friday that TikTok was safe.").entities}


def test_a_clock_time_and_its_zone_are_no_name(nlp):
    text = "The outage began at 8:52pm BST on Monday, when Facebook went dark."
    assert {e.name for e in entities_of(nlp, text).entities} == {"Facebook"}


def test_a_company_that_opens_its_products_names_is_not_their_first_name(nlp):
    # the model reads "Facebook Workplace" as a person; "Facebook" is still the company, not its first name
    text = ("Facebook's share price fell by more than 5% on Monday. Users could not reach Facebook Workplace or "
            "Facebook Messenger, and Facebook said it was working to restore access. Facebook shares dropped 5.62%.")
    found = {e.name: e for e in entities_of(nlp, text).entities}
    assert found["Facebook"].type == "ORG" and len(found["Facebook"].mentions) >= 3
    assert not any("Facebook" in e.aliases for name, e in found.items() if name != "Facebook")


def test_a_company_named_with_and_without_its_legal_form_is_one_named_without(nlp):
    text = ("Halvard Systems Corp. makes chips.\n\nHalvard Systems rose on Tuesday. Halvard Systems shares rose 7%.")
    found = {e.name: sorted(e.aliases) for e in entities_of(nlp, text).entities if e.type == "ORG"}
    assert found == {"Halvard Systems": ["Halvard Systems", "Halvard Systems Corp."]}


def test_a_name_ending_in_research_or_analytics_is_an_organisation(nlp):
    text = ("Retail investors bought the dip at a record level, according to Vanda Research. "
            "Data from Kestrel Analytics showed the same.")
    types = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert types.get("Vanda Research") == "ORG"


def test_a_name_described_by_an_occupation_is_a_person(nlp):
    # the model reads this name as a work of art; "lexicographer" is an occupation (Faker's job titles)
    entities = entities_of(nlp, "He worked with the lexicographer Quent Ardal on a new dictionary of Welsh.")
    assert by_name(entities, "Quent Ardal").type == "PERSON"


def test_a_name_said_to_hold_an_occupation_is_a_person_and_its_surname_is_found_again(nlp):
    from spacy.tokens import Span

    text = "Oren Taskel is a Danish sculptor and author. Today Taskel teaches in Aarhus."
    doc = nlp(text)
    # the small model's slip on pages like this, written out: the full name an organisation,
    # the lone surname nothing
    start = text.index("Oren Taskel")
    name = doc.char_span(start, start + len("Oren Taskel"))
    doc.ents = [Span(doc, name.start, name.end, label="ORG")] + [
        e for e in doc.ents if e.text not in ("Oren Taskel", "Taskel")]
    person = by_name(extract_entities(doc, "a1"), "Oren Taskel")
    assert person.type == "PERSON"
    assert sorted(m.text for m in person.mentions) == ["Oren Taskel", "Taskel"]
    assert "Taskel" in person.aliases


@pytest.mark.parametrize("text, name", [
    ("Varo rallied. Kelmont’s market-cap loss on Monday was the largest ever.", "Kelmont"),  # a company's metric
    ("Investors fled tech firms like Kelmont on Monday.", "Kelmont"),  # an example of firms
    ("Analysts praised the AI chip leader Kelmont on Monday.", "Kelmont"),  # a market's leader, not a party's
    ("The model runs without the costly chips made by Kelmont.", "Kelmont"),  # a maker of a product
    ("Stocks sank after the release of a free AI assistant launched by China’s Zentek last week.",
     "Zentek"),  # one who launched a product
    ("Monday’s selloff was prompted by the release of a free AI assistant from China’s Nimbus that the startup "
     "said needed less data.", "Nimbus"),  # a product's maker after "from"
])
def test_a_company_told_by_what_it_owns_or_is_an_example_of(nlp, text, name):
    assert by_name(entities_of(nlp, text), name).type == "ORG"


def test_an_athlete_described_by_sport_is_a_person(nlp):
    found = entities_of(nlp, "Javelin thrower Waqar Haseen won Pakistan’s first individual gold medal.").entities
    assert {e.name: e.type for e in found}["Waqar Haseen"] == "PERSON"


def test_a_stadium_named_in_its_own_language_is_a_facility(nlp):
    found = entities_of(nlp, "The final was played at the Stade de Kelby on Sunday. Fans filled the Estadio Orvex.").entities
    assert {e.name: e.type for e in found if e.name.startswith(("Stade", "Estadio"))} == {
        "Stade de Kelby": "FAC", "Estadio Orvex": "FAC"}


@pytest.mark.parametrize("text, label", [
    ("Delays persist at key airports, such as Kelby Gatwick, Marrow, Dunhill, and Belfort International.", "FAC"),
    ("Flooding closed stadiums like Varo Park, Kelmont Field and Orvex Arena on Sunday.", "FAC"),
])
def test_names_listed_as_examples_of_a_kind_of_place_are_of_that_kind(nlp, text, label):
    found = entities_of(nlp, text).entities
    listed = [e for e in found if e.name in text.split("as ")[-1] or e.name in text.split("like ")[-1]]
    assert len(listed) >= 3 and all(e.type == label for e in listed)


@pytest.mark.parametrize("text, names", [
    # a possessive the article also names bare, and a ticker after the possessive
    ("Apple slipped on Friday. Its worth is now smaller than Apple’s and Microsoft’s peak.", {"Apple"}),
    ("Nvidia fell. Chip designer Nvidia’s (NVDA) stock lost 9% on Friday.", {"Nvidia"}),
    # a trade noun opening the sentence
    ("Chipmaker Kelmont, which rode the boom last year, plunged on Monday.", {"Kelmont"}),
    ("Kelmont Air cancelled 300 flights on Friday. Peer Orvex Airlines also cancelled flights.", {"Orvex Airlines"}),
    ("Natural gas stocks also fell steeply. Producer Harlow Corp. lost nearly 10%.", {"Harlow Corp."}),
])
def test_names_without_possessives_or_descriptors(nlp, text, names):
    found = {e.name for e in entities_of(nlp, text).entities}
    assert names <= found and not any(n.endswith("’s") or n.startswith(("Peer ", "Producer ")) for n in found)


def test_a_name_written_with_its_possessive_stays_whole(nlp):
    names = {e.name for e in entities_of(nlp, "Shares of McDonald’s fell 2% while Moody’s said the outlook was stable.").entities}
    assert {"McDonald’s", "Moody’s"} <= names


def test_an_acronym_is_a_place_only_as_a_country():
    from extractor.extract.entity_types import name_votes

    # "UN" and "EU" are also small towns' names in the gazetteer; the acronyms are organisations'
    assert not name_votes("UN").get("GPE") and not name_votes("EU").get("GPE")
    assert name_votes("US").get("GPE") and name_votes("UAE").get("GPE")


def test_a_share_class_is_no_persons_name_and_a_corporate_ending_is_no_surname(nlp):
    # "Vera" is a first name: "Vera Class A shares" read as a person took the company's mentions
    entities = entities_of(nlp, "Vera Platforms said on Friday that its chief executive owns about 40 million Vera "
                                "Class A and Class B shares. Vera will pay a dividend in March.")
    names = {e.name: e for e in entities.entities}
    assert not any("Class" in name or "Class" in e.aliases for name, e in names.items())
    assert names["Vera Platforms"].type == "ORG"


@pytest.mark.parametrize("text, name", [
    ("Kelvo 2-0", "Kelvo"),  # a score after a team
    ("North Dalby 343-home", "North Dalby"),  # a figure run into a noun
    ("Apollo 11", "Apollo 11"),  # a number that is part of the name
])
def test_a_score_or_a_hyphenated_figure_ends_a_name(text, name):
    start, end = clean_mention(text)
    assert text[start:end] == name


def test_a_legal_form_ends_a_name_and_a_headlines_possessor_is_no_first_name(nlp):
    entities = entities_of(nlp, "The co-founder and former chief executive of Kelvo Inc. Dana Whitcombe has died.")
    assert {"Kelvo Inc.", "Dana Whitcombe"} <= {e.name for e in entities.entities}
    title = "Norway's Margit wins the Holmen Song Prize"
    text = title + "\n\nMargit has won the Holmen Song Prize for a second time, she said."
    names = [e.name for e in extract_entities(nlp(text), "a1", title=title).entities]
    assert "Margit" in names and "Norway's Margit" not in names


def test_a_capital_the_that_opens_a_sentence_is_no_part_of_the_name(nlp):
    entities = entities_of(nlp, "The Kelvo Health Organization declared the end of the emergency. Officials at the "
                                "Kelvo Health Organization said so on Friday.")
    assert "Kelvo Health Organization" in {e.name for e in entities.entities}


@pytest.mark.parametrize("text, name", [
    ("Brazilian president-elect Luiz Inacio Lula da Silva called for peace.", "Luiz Inacio Lula da Silva"),
    ("Ludwig van Beethoven wrote nine symphonies.", "Ludwig van Beethoven"),
])
def test_a_name_with_particles_is_a_persons_however_long(nlp, text, name):
    assert by_name(entities_of(nlp, text), name).type == "PERSON"


def test_an_institution_named_for_a_trade_s_plural_in_men_keeps_its_possessive(nlp):
    text = "Members of the International Fishermen's Association said the new quotas were unfair."
    assert {e.name for e in entities_of(nlp, text).entities} == {"International Fishermen's Association"}


def test_a_country_that_is_no_first_name_is_never_a_person(nlp):
    # the model reads both mentions of "Nepal" as a person's name
    text = ("KATHMANDU, Nepal — A passenger plane skidded off the runway while taking off from Kathmandu's airport "
            "on Tuesday, killing 18 of the 19 people on board, officials said.\n\nIt was Nepal's deadliest air "
            "accident since January 2023. Nepal has a poor air safety record.")
    assert by_name(entities_of(nlp, text), "Nepal").type == "GPE"


def test_a_people_s_noun_is_no_person_and_an_area_s_name_is_a_place(nlp):
    text = ("The Spaniard told reporters he was tired after the match. Officials in Calcasieu Parish said the storm "
            "surge had reached Cameron Parish by midnight.")
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert found.get("Spaniard") != "PERSON"
    assert (found.get("Calcasieu Parish"), found.get("Cameron Parish")) == ("GPE", "GPE")


def test_a_storm_s_name_holds_the_word_before_it(nlp):
    # mid-text the model tags only "Delia", and as a place
    text = "Prices of lumber rose. Hurricane Delia hit Louisiana on Thursday. The storm killed three people."
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert found.get("Hurricane Delia") == "EVENT" and "Delia" not in found


def test_a_title_in_quotation_marks_is_a_work_not_a_person_or_company(nlp):
    text = ("\u201cStarfall,\u201d the latest superhero film from Marvel Studios, opened to $162 million. Last "
            "weekend's leader, \u201cJurassic Dawn,\u201d fell to second place with $38.2 million.")
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert (found.get("Starfall"), found.get("Jurassic Dawn")) == ("WORK_OF_ART", "WORK_OF_ART")
    assert found.get("Marvel Studios") == "ORG"


def test_a_name_spelled_out_before_its_bracketed_acronym_is_whole_and_the_acronym_its_alias(nlp):
    # the model cuts both names short and misses "LTTE"; "the Red Cross" is no name of its own here
    text = ("The International Committee of the Red Cross (ICRC) said it had evacuated 400 people. The council "
            "called on the Liberation Tigers of Tamil Eelam (LTTE) to lay down their arms. The LTTE refused.")
    found = {e.name: e.aliases for e in entities_of(nlp, text).entities}
    assert "ICRC" in found.get("International Committee of the Red Cross", [])
    assert "LTTE" in found.get("Liberation Tigers of Tamil Eelam", [])


def test_a_person_after_a_body_s_name_and_a_place_named_for_a_title(nlp):
    text = ("Speaker of the House Nancy Pelosi stood behind the president. Later she walked to Queen's Park, "
            "where the House of Representatives held a reception.")
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert found.get("Nancy Pelosi") == "PERSON" and "House Nancy Pelosi" not in found
    assert "Queen's Park" in found and "Queen" not in found


def test_an_organisation_s_name_drops_a_sentence_s_the_when_the_text_writes_it_without(nlp):
    text = ("The Congressional Budget Office (CBO) said the plan would cost $1 trillion. "
            "The United Nations said it would help. Aid from the United Nations arrived on Monday.")
    names = {e.name for e in entities_of(nlp, text).entities}
    assert {"Congressional Budget Office", "United Nations"} <= names
    assert not any(name.startswith("The ") for name in names)


def test_a_place_written_without_its_iso_accents_is_a_place(nlp):
    # ISO 3166-2 writes "Uttarākhand" and "Himāchal Pradesh"; English news writes neither macron
    text = "Heavy rain is forecast in Uttarakhand and neighbouring Himachal Pradesh for the next three days."
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert (found.get("Uttarakhand"), found.get("Himachal Pradesh")) == ("GPE", "GPE")


def test_a_capitalised_noun_the_model_names_inside_a_sentence_is_a_name(nlp):
    # the tagger reads "Arsenal" as the common noun; the model still labels it
    text = "Chelsea lost again on Saturday. The win lifts Arsenal to 64 points from 29 games."
    assert "Arsenal" in {e.name for e in entities_of(nlp, text).entities}


def test_a_surname_s_particle_is_part_of_a_person_s_name(nlp):
    text = ("SAO PAULO (Americas Wire) - Luiz Inácio Lula da Silva won Brazil's presidential runoff on Sunday. "
            "He studied at the Conservatoire de Paris.")
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert found.get("Luiz Inácio Lula da Silva") == "PERSON"
    assert found.get("Conservatoire de Paris") != "PERSON"


def test_a_dateline_place_in_capitals_is_whole(nlp):
    # the model reads "SAO" alone, as an organisation
    text = "SAO PAULO (Americas Wire) - Shares in Brazil rose on Monday as investors bought banks."
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert "SAO" not in found and found.get("Sao Paulo") == "GPE"


def test_a_temperature_scale_is_no_name_and_a_name_known_as_is_an_alias(nlp):
    text = ("Temperatures were expected to reach 105 degrees Fahrenheit on Tuesday, according to the California "
            "Department of Forestry and Fire Protection, known as Cal Fire.")
    found = {e.name: e for e in entities_of(nlp, text).entities}
    assert "Fahrenheit" not in found and "Cal Fire" not in found
    assert "Cal Fire" in found["California Department of Forestry and Fire Protection"].aliases


def test_across_articles_a_sentence_s_the_is_no_part_of_the_merged_name(nlp):
    pages = [entities_of(nlp, text, f"a{i}") for i, text in enumerate([
        "The Lindqvist Foundation said on Monday that grants rose.",
        "Critics said the Lindqvist Foundation had waited too long."])]
    for order in (pages, pages[::-1]):
        merged = merge_entity_records([[e.to_record() for e in page.entities] for page in order])
        assert [e.name for e in merged if entity_key(e.name) == "lindqvistfoundation"] == ["Lindqvist Foundation"]


def test_a_crater_a_laboratory_and_a_paper_named_with_el_are_no_people(nlp):
    text = ("The robot touched down inside Gale Crater on Monday. The mission, officially known as the Mars "
            "Science Laboratory, cost $2.5 billion. He worked as a journalist for El Espectador in Bogotá.")
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert (found.get("Gale Crater"), found.get("Mars Science Laboratory"), found.get("El Espectador")) \
        == ("LOC", "ORG", "ORG")


def test_a_name_known_affectionately_as_is_an_alias(nlp):
    text = ("Colombian author Gabriel García Márquez died on Thursday. García Márquez, known affectionately as "
            "\"Gabo\" across Latin America, was best known for his novels.")
    assert "Gabo" in by_name(entities_of(nlp, text), "Gabriel García Márquez").aliases


def test_a_court_named_with_its_tail_and_a_nationality_before_a_title(nlp):
    text = ('The Special Court for Sierra Leone said Taylor had supported the rebels. "We played good cricket," '
            'said Sri Lankan captain Kumar Sangakkara.')
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert found.get("Special Court for Sierra Leone") == "ORG"
    assert found.get("Sri Lankan") == "NORP" and found.get("Kumar Sangakkara") == "PERSON"


def test_a_company_s_short_name_that_a_small_town_has_too_is_the_company_unless_written_as_a_place(nlp):
    found = entities_of(nlp, "Halden Foods agreed to buy a rival on Monday. Halden will pay $52.50 per share.")
    assert "Halden" in by_name(found, "Halden Foods").aliases
    elsewhere = {e.name: e.type for e in entities_of(nlp, "Halden Foods opened a plant in Halden on Monday.").entities}
    assert elsewhere.get("Halden") == "GPE"


def test_a_line_in_capitals_only_repeats_names_and_a_company_opening_a_sentence_is_one(nlp):
    text = ("HALDEN FOODS TO BUY BRIGHTWATER IN $14 BILLION DEAL\n\nHalden Foods has agreed to buy Brightwater Brands "
            "for about $14 billion, the companies said on Monday.")
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert found.get("Halden Foods") == "ORG"
    assert not any(name.isupper() for name in found)  # no "BUY BRIGHTWATER", no place "HALDEN"


def test_a_the_that_only_opens_a_sentence_is_no_part_of_a_long_name(nlp):
    text = "The Boston Celtics won their 18th title on Monday. The story was first reported by The New York Times."
    names = {e.name for e in entities_of(nlp, text).entities}
    assert "Boston Celtics" in names and "The New York Times" in names


def test_a_city_that_plays_a_match_is_its_team(nlp):
    text = ("Arsenal moved to the top of the league on Saturday after a 3-1 win over Chelsea at the Emirates Stadium. "
            "Troops from Preston defended the town.")
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert found.get("Chelsea") == "ORG" and found.get("Preston") == "GPE"


def test_a_dateline_place_is_named_as_the_text_writes_it(nlp):
    text = "SAO PAULO (Americas Wire) - Shares rose on Monday.\n\nThe bank's head office is in São Paulo."
    assert "SAO PAULO" in by_name(entities_of(nlp, text), "São Paulo").aliases


def test_a_dateline_the_model_calls_an_organisation_is_the_city(nlp):
    text = "OTTAWA — Canada's government cut its growth forecast on Tuesday, officials said."
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert found.get("Ottawa") == "GPE"


def test_a_land_with_a_compass_point_or_on_a_journey_s_way_is_a_place(nlp):
    text = ("The caravan set out on a journey through Moesia and Asia Minor into eastern Cappadocia. "
            "Rebels later fled into northern Dardania.")
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert {found.get(n) for n in ("Moesia", "Asia Minor", "Cappadocia", "Dardania")} <= {"GPE", "LOC"}


def test_a_club_named_after_its_city_is_an_organisation(nlp):
    text = "Real Madrid have agreed to sign the striker. He scored twice against Dynamo Kyiv. He lives in Madrid."
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert (found.get("Real Madrid"), found.get("Dynamo Kyiv"), found.get("Madrid")) == ("ORG", "ORG", "GPE")


def test_a_nation_s_adjective_standing_for_a_player_and_a_prefixed_ship_are_no_organisation_or_person(nlp):
    text = ("The Norwegian opened the scoring in the 9th minute. The KM Lestari Maju was carrying 230 passengers.")
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert found.get("Norwegian") == "NORP"
    assert {t for n, t in found.items() if "Lestari Maju" in n} == {"PRODUCT"}


def test_a_brand_written_with_an_inner_capital_is_no_person(nlp):
    text = ("CAPE CANAVERAL, Fla. — OrbitX launched 20 satellites from Florida on Monday night. It was OrbitX's 40th "
            "launch of the year. The company now has more than 600 satellites in orbit, it said.")
    found = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert found.get("OrbitX") == "ORG"
    assert found.get("Fla") != "ORG"


def test_a_company_s_plural_possessive_ends_its_name_and_its_short_form_joins_it(nlp):
    text = ("Regulators approved Norvane Therapeutics' Parkinson's drug on Thursday. Norvane said the drug would cost "
            "$30,000 a year.")
    found = entities_of(nlp, text)
    company = by_name(found, "Norvane Therapeutics")
    assert company.type == "ORG" and "Norvane" in company.aliases
    assert not any(e.name == "Parkinson" for e in found.entities)


def test_a_trade_word_after_and_ends_one_company_name(nlp):
    text = ("PLACERVILLE, Calif. — A wildfire had burned more than 41,000 acres, fire officials said.\n\n"
            "Governor Gavin Newsom declared a state of emergency in El Dorado County on Monday, freeing up state funds.\n\n"
            "Pacific Gas and Electric cut power to roughly 31,000 customers as a precaution.")
    names = {e.name for e in entities_of(nlp, text).entities}
    assert "Pacific Gas and Electric" in names and "Electric" not in names


def test_a_body_known_as_a_short_name_is_one_organisation_whatever_the_model_reads_the_short_name(nlp):
    ents = entities_of(nlp, "The fire was 8% contained, according to the California Department of Forestry and Fire "
                            "Protection, known as Cal Fire. \"Winds will pick up,\" said Cal Fire battalion chief "
                            "Marisol Ortega.")
    body = by_name(ents, "California Department of Forestry and Fire Protection")
    assert body.type == "ORG" and "Cal Fire" in body.aliases


def test_a_relative_named_in_apposition_is_a_person(nlp):
    ents = entities_of(nlp, "In addition to her son, she is survived by a daughter, Júlia; four grandchildren; and a "
                            "sister, Erzsébet Kovács.")
    assert by_name(ents, "Júlia").type == "PERSON"


def test_a_quoted_title_after_a_possessive_is_a_work(nlp):
    ents = entities_of(nlp, "Helena Varga made her debut in 1964. In 1979 she conducted Mozart's \"Don Giovanni\" "
                            "at the Vienna State Opera, a first for a woman.")
    assert by_name(ents, "Don Giovanni").type == "WORK_OF_ART"


def test_a_name_before_rebels_is_their_group(nlp):
    ents = entities_of(nlp, "Fighting between the army and M23 rebels has driven some 1.7 million people from their homes.")
    assert by_name(ents, "M23").type == "ORG"


def test_a_company_s_first_word_is_its_short_name_when_its_full_name_has_a_legal_form(nlp):
    ents = entities_of(nlp, "Halvorsen ASA agreed to buy Danish rival Nordmark Seafood A/S for $8.4 billion. Nordmark "
                            "shares jumped 27.5% in Copenhagen. Nordmark's founder has agreed to sell his stake.")
    assert any({"Nordmark", "Nordmark Seafood A/S"} <= e.aliases | {e.name} for e in ents.entities)


def test_a_romance_place_name_keeps_its_particle(nlp):
    ents = entities_of(nlp, "Four police officers were slightly injured in scuffles near Puerta del Sol, the ministry said.")
    assert "Puerta del Sol" in {e.name for e in ents.entities}


def test_a_possessive_before_a_quoted_title_is_no_part_of_the_name(nlp):
    ents = entities_of(nlp, "\"This stock had been getting clobbered,\" Maley said on CNBC's \"Trading Nation\" on Monday.")
    names = {e.name for e in ents.entities}
    assert "CNBC" in names and "CNBC's" not in names


def test_a_korean_name_keeps_its_hyphenated_and_its_last_syllable(nlp):
    ents = entities_of(nlp, "The court upheld the impeachment of President Yoon Suk Yeol over his declaration of martial "
                            "law. Prime Minister Han Duck-soo will serve as acting president. The Trump-era rules stay.")
    names = {e.name for e in ents.entities}
    assert {"Yoon Suk Yeol", "Han Duck-soo"} <= names
    assert "Trump-era" not in names


def test_the_place_a_person_is_of_is_no_surname_of_theirs(nlp):
    ents = entities_of(nlp, "Theodorus of Tabennese (c. 314 – 368), also known as Abba Theodorus, was a monk. He joined "
                            "the community at Tabennese around 328. Theodorus rushed to Tabennese to placate the rebels, "
                            "and Theodorus stayed at Tabennese for years.")
    for e in ents.entities:
        names = {e.name, *e.aliases}
        assert not ({"Tabennese"} & names and any("Theodorus" in n for n in names)), (e.name, e.aliases)


def test_a_treasurer_s_title_is_no_part_of_the_name_and_shares_in_x_make_x_a_company(nlp):
    ents = entities_of(nlp, "Treasurer Jim Chalmers said the cut would help. Shares in Centrica, owner of British Gas, "
                            "rose 2.3p to 131.5p in London.")
    assert "Jim Chalmers" in {e.name for e in ents.entities}
    assert by_name(ents, "Centrica").type == "ORG"


def test_the_head_of_a_bank_s_name_of_two_words_is_that_bank(nlp):
    ents = entities_of(nlp, "Reserve Bank cuts rates for first time in four years\n\nThe Reserve Bank of Australia (RBA) "
                            "cut its cash rate on Tuesday. The Reserve Bank of Australia had held the rate for a year.")
    bank = by_name(ents, "Reserve Bank of Australia")
    assert "Reserve Bank" in bank.aliases


def test_films_an_actor_starred_in_or_a_list_of_films_gives_are_works(nlp):
    ents = entities_of(nlp, "Throughout the early 2000s he appeared in several made-for-television films, including "
                            "Silent Witness and Close to Home. In 2005 Padalecki starred opposite Elisha Cuthbert in "
                            "House of Wax. She later starred in Paris.")
    assert by_name(ents, "Silent Witness").type == "WORK_OF_ART"
    assert any(e.type == "WORK_OF_ART" and e.name.startswith("House of Wax") for e in ents.entities)
    assert by_name(ents, "Paris").type == "GPE"


def test_a_generation_suffix_cut_off_a_name_is_no_one(nlp):
    ents = entities_of(nlp, "Holt was traded to the Boston Red Sox for Jerry Sands, Stolmy Pimentel, Mark Melancon, and "
                            "Iván DeJesús, Jr.. Holt started the 2013 season with the Triple-A Pawtucket Red Sox.")
    assert not [e.name for e in ents.entities if e.name.rstrip(".") == "Jr"]


def test_a_country_named_like_small_towns_is_the_country_in_every_article(nlp):
    # towns called Lebanon exist in several US states; the country is what news means
    for k, text in enumerate(("Tremors were felt as far away as Lebanon and Cyprus.",
                              "Aid convoys crossed from Lebanon on Tuesday, officials said.")):
        lebanon = by_name(entities_of(nlp, text, article_id=f"a{k}"), "Lebanon")
        assert lebanon.referent is None  # not kept to its article: one entity across the corpus


def test_a_place_written_without_its_dotless_i_is_still_a_place(nlp):
    found = {e.name: e.type for e in entities_of(nlp, "Rescuers in Adiyaman pulled a girl from the rubble on "
                                                      "Thursday, officials in Ankara said.").entities}
    assert found.get("Adiyaman") == "GPE"


def test_whoever_owns_a_fortune_or_loses_money_in_wealth_is_a_person(nlp):
    for text in ("Kelmont fell nearly 17% on Monday. Varnell Osei lost $20.1 billion in wealth in one day.",
                 "Kelmont fell nearly 17% on Monday, and Varnell Osei's net worth shrank by about $20 billion."):
        assert by_name(entities_of(nlp, text), "Varnell Osei").type == "PERSON", text


def test_a_website_named_by_its_address_is_an_organisation_but_not_a_link_or_an_e_mail(nlp):
    found = entities_of(nlp, "Power was out for 1.5 million homes, according to outagewatch.us. Write to "
                             "desk@example.org or see www.example.com and https://example.net/page.").entities
    assert [(e.name, e.type) for e in found] == [("outagewatch.us", "ORG")]


@pytest.mark.parametrize("text, name", [
    ("Power was restored faster than during Delphine last month, Mayor Ana Ruiz said.", "Delphine"),
    ("Flooding was worse during Rosalind than during any storm since 2004.", "Rosalind"),
])
def test_a_name_something_happened_during_is_an_event(nlp, text, name):
    assert by_name(entities_of(nlp, text), name).type == "EVENT"


def test_a_storm_s_short_name_joins_it_beside_a_name_built_on_the_storm_s(nlp):
    found = entities_of(nlp, "Within hours, Hurricane Kelby is expected to make landfall. We are ready as Kelby moves "
                             "over land. Kelby still carries incredible destructiveness. The Hurricane Kelby Relief "
                             "Fund opened.")
    storm = by_name(found, "Hurricane Kelby")
    assert "Kelby" in storm.aliases and not any(e.name == "Kelby" for e in found.entities)


def test_a_name_in_a_list_the_model_reads_mostly_as_people_is_a_person(nlp):
    found = entities_of(nlp, "But Don, Eric, Ivanka, Tiffany, Barron, Lara, Jared, Michael, Kimberly and Usha have "
                             "been great.").entities
    types = {e.name: e.type for e in found}
    assert (types["Ivanka"], types["Barron"]) == ("PERSON", "PERSON")


def test_a_time_zone_spelt_out_is_no_entity(nlp):
    found = entities_of(nlp, "At 4:34 a.m. Central Standard Time, the Associated Press called the race for Dana Pell. "
                             "Polls close at 7 p.m. Eastern Time.").entities
    assert not any("Time" in e.name for e in found)


def test_a_road_a_numbered_war_and_a_photo_s_file_name_name_no_person(nlp):
    found = entities_of(nlp, "Hundreds gathered at the library off Estes Drive on Saturday. Just as he seemed set for "
                             "a glittering career, World War II started and Mannion lost six seasons.\n\n"
                             "Chris Bond_09-09-12 | Bond claimed 15 points, while Zak Madell took 11.").entities
    types = {e.name: e.type for e in found}
    assert types.get("Estes Drive") == "FAC" and types.get("World War II") == "EVENT"
    assert not any("_" in e.name for e in found)


def test_a_first_and_last_name_the_model_read_as_a_place_is_a_person_unless_it_holds_a_known_place(nlp):
    found = entities_of(nlp, "Dwain Chambers of the United Kingdom and Marc Burns of Trinidad tied at 10.0 seconds, while "
                             "Darvis Patton of the U.S. ended with a time of 10.34 seconds.\n\nJust under 1400 delegates "
                             "came out to the Dartmouth, Nova Scotia Sportsplex to vote for the new leader of the "
                             "party.").entities
    types = {e.name: e.type for e in found}
    assert types.get("Marc Burns") == "PERSON"
    assert all(t != "PERSON" for n, t in types.items() if "Nova" in n)


def test_a_tie_between_a_person_and_an_organisation_goes_to_a_name_opening_with_a_first_name():
    from collections import Counter

    from extractor.extract.entity_types import type_of
    assert type_of(Counter({"PERSON": 4.0, "ORG": 4.0}), "Diana Whalen") == "PERSON"
    assert type_of(Counter({"PERSON": 4.0, "ORG": 4.0}), "Williams Companies") == "ORG"
    assert type_of(Counter({"PERSON": 4.0, "ORG": 4.0}), "Serviço de Atendimento Domiciliar") == "ORG"
    assert type_of(Counter({"PERSON": 3.0, "ORG": 4.0}), "Diana Whalen") == "ORG"


def test_a_possessive_before_a_bracketed_acronym_is_no_part_of_the_name(nlp):
    found = entities_of(nlp, "The International Astronomical Union's (IAU) general assembly in Prague has voted. The "
                             "IAU said so.").entities
    assert "International Astronomical Union" in {e.name for e in found}
    assert not any(e.name.endswith("'s") for e in found)


def test_a_two_word_name_whose_surname_the_model_reads_as_a_person_alone_is_a_person(nlp):
    found = entities_of(nlp, "7/24/11 - Cadel Evans of the BMC Racing Team confirmed his place in Tour de France "
                             "history Sunday. Evans won.")
    assert by_name(found, "Cadel Evans").type == "PERSON"
    from collections import Counter

    from extractor.extract.entity_types import person_name_votes
    assert not person_name_votes(["Apple Thunderbolt"], Counter(), lone_people=frozenset({"Thunderbolt"}))
    assert not person_name_votes(["Rua Walter Marquardt"], Counter({"GPE": 1.5}))  # a street, whatever name follows
    assert person_name_votes(["Marc Burns"], Counter({"GPE": 1.5}))


def test_local_titles_are_no_part_of_a_name_and_a_tournament_named_open_is_an_event(nlp):
    found = entities_of(nlp, '"The students know whenever there\'s a problem to give us a call," said Assistant '
                             'Principal Dana King. The bags did not meet the goals of the people who first proposed '
                             'the rules, said Councilor Ken Woodland. Venus Williams lost at the French Open.').entities
    names = {e.name: e.type for e in found}
    assert names.get("Dana King") == "PERSON" and names.get("Ken Woodland") == "PERSON"
    assert names.get("French Open") == "EVENT"
    from extractor.extract.entity_types import head_votes
    assert "EVENT" not in head_votes("Fort Worth P.D. Open")  # an open house cut short, no tournament


def test_a_police_rank_opens_a_person_s_name_whose_surname_forms_join_it(nlp):
    text = ("Provincial Police Commander (PPC) Malaita Province, Chief Superintendent Tex Tafoa said the suspect was "
            "arrested. PPC Tafoa said the victim was stable. Mr. Tafoa said the suspect was charged.")
    tafoa = by_name(entities_of(nlp, text), "Tex Tafoa")
    assert tafoa.type == "PERSON" and {"PPC Tafoa", "Tafoa"} <= set(tafoa.aliases)


def test_a_programme_names_no_person_and_a_bracket_left_open_is_cut(nlp):
    text = ("NASA said the Mars Phoenix Mission had ended. Doug McCuistion, director of the Mars Program, thanked the "
            "team. Protests against the Citizenship (Amendment) Act (CAA went on.")
    entities = entities_of(nlp, text)
    assert by_name(entities, "Mars Program").type != "PERSON" and by_name(entities, "Mars Phoenix Mission").type != "PERSON"
    by_name(entities, "Citizenship (Amendment) Act")


def test_a_gerund_s_possessive_subject_is_no_part_of_a_name(nlp):
    entities = entities_of(nlp, "Such losses dwarf other records, with Meta’s having lost some $251 billion in 2022.")
    assert [e.name for e in entities.entities if e.type == "ORG"] == ["Meta"]


def test_a_name_only_the_model_reads_as_a_place_and_its_contexts_as_a_firm_is_an_organisation(nlp):
    text = (
        "Zorvia, a major player in the revolution of AI, suffered a historic failure in Wall Street history "
        "on Monday after recording the largest one-day loss of market capitalization. A Chinese AI company "
        "launched a cheap rival, calling into question U.S. dominance in generative AI and Zorvia’s long-term"
        " prospects. Zorvia’s share value dropped 17%, which constituted a loss of $589 billion in a single "
        "day. Such historic losses dwarf other records, one of them recorded in September 2024 by Zorvia. "
        "Such an immense decline marked Zorvia’s worst-ever percentage drop since March 2020 and robbed "
        "Zorvia of the title of world’s most valuable company. The fallout indicates how Zorvia has become an"
        " integral player in the AI-led tech boom. The rival had spent a mere $5.6 million to train on "
        "Zorvia’s GPUs, posing a serious attack on Zorvia’s pricing stance. The Chinese company revealed a "
        "large-language model developed at an extremely low cost on Zorvia GPUs for model training. Analysts "
        "doubt that the rival's feat threatens Zorvia’s hold on the chip market.")
    assert by_name(entities_of(nlp, text), "Zorvia").type == "ORG"


def test_an_academic_degree_written_with_its_stops_is_no_place(nlp):
    text = ("Rutherford won a scholarship to Canterbury College, where he took a B.A. in 1892, an M.A. in 1893 and a "
            "B.S. in 1894. He later worked in Montreal and in Manchester.")
    names = {e.name for e in entities_of(nlp, text).entities}
    assert not names & {"B.A.", "M.A.", "B.S."} and "Canterbury College" in names


def test_a_nickname_in_quotation_marks_inside_a_name_is_the_same_person(nlp):
    assert entity_key("Victoria 'Tori' Pendergast") == entity_key("Victoria Pendergast")
    assert entity_key("Jeremy “Spike” Cohen") == entity_key("Jeremy Cohen")
    assert entity_key("Rock 'n' Roll Hall") != entity_key("Rock Roll Hall")  # no nickname: a word of the name
    text = ("Eugene Andrew “Gene” Cernan was an American astronaut. Eugene Andrew Cernan was born in Chicago. "
            "Cernan flew on Apollo 10.")
    assert len([e for e in entities_of(nlp, text).entities if "Cernan" in e.name]) == 1


def test_a_maker_or_designer_of_chips_or_drugs_is_a_company_a_fashion_designer_a_person(nlp):
    text = ("Zorvia, a leading designer of AI chips and a recent Wall Street favorite, experienced a historic decline. "
            "Kelvane, a drug developer, fell 5%. Vera Wang, a fashion designer, opened a store.")
    entities = entities_of(nlp, text)
    assert [by_name(entities, n).type for n in ("Zorvia", "Kelvane", "Vera Wang")] == ["ORG", "ORG", "PERSON"]


def test_a_weekday_before_a_name_is_no_first_name_and_a_maker_in_a_which_clause_is_a_company(nlp):
    text = ("Chief Executive Officer Dana Whitlock announced Wednesday Kessler had a net loss of $4 billion in 2023 "
            "attributable to Kessler’s investment in virtual reality. Kelmont, which designs graphics chips for gaming "
            "consoles, suffered the biggest loss in its history.")
    entities = entities_of(nlp, text)
    assert not [e for e in entities.entities if e.name.startswith("Wednesday")]
    assert by_name(entities, "Kessler") is not None
    assert by_name(entities, "Kelmont").type == "ORG"


def test_a_title_s_place_or_body_is_no_part_of_the_person_s_name(nlp):
    text = ("Senior leader and former chief minister of Madhya Pradesh Ravi Tandon responded to the claims. Leader of the "
            "Opposition Pradeep Nair spoke next. It was reprinted by the editor of the San Francisco Bulletin, and his "
            "son was made Count of the Holy Roman Empire.")
    names = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert (names.get("Ravi Tandon"), names.get("Pradeep Nair"), names.get("Madhya Pradesh")) == ("PERSON", "PERSON", "GPE")
    assert "San Francisco Bulletin" in names and "Holy Roman Empire" in names  # a name, not an office's place
    after_for = {e.name: e.type for e in entities_of(nlp, "Secretary for Transport Tendai Moyo declined to comment.").entities}
    assert after_for == {"Tendai Moyo": "PERSON"}  # a title's "for" too


def test_a_surname_s_hyphened_part_the_model_read_alone_is_the_person_named_in_full(nlp):
    text = ("Kwara State Governor Abdul Sanwo-Akande on Monday swore in 20 commissioners and Special Advisers. Governor "
            "Sanwo-Akande urged the new commissioners and SAs to build on the successes recorded in the "
            "administration’s first term.")
    people = [e for e in entities_of(nlp, text).entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["Abdul Sanwo-Akande"]


def test_an_organisation_s_tail_stops_before_a_person_and_a_score_parts_two_teams(nlp):
    text = ("Dr. Ana Ruiz of the Cleveland Museum of Natural History and Dr. Tom Keller of the Royal Ontario Museum led "
            "the dig.\n\nLeeds United 3-1 Burnley\n\nCoun. Janet Ruiz asked why, and Detective Garda Ciaran Dunne said "
            "the man made no reply.")
    names = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert names.get("Cleveland Museum of Natural History") in ("FAC", "ORG") and names.get("Tom Keller") == "PERSON"
    assert "Leeds United" in names and not any("3-1" in n for n in names)
    assert names.get("Janet Ruiz") == names.get("Ciaran Dunne") == "PERSON"
    assert not {"Coun", "Garda Ciaran Dunne"} & set(names)


def test_a_capitalised_institution_noun_is_an_organisation_not_a_person(nlp):
    text = ("Leader of the Opposition Pradeep Nair on Wednesday called out the Government for either being slow to clear "
            "the air or less than upfront with citizens when it had to deal with awkward issues. Mr Nair cited three "
            "examples in which he felt the Government was not forthright with citizens. He repeated his suggestion for "
            "the Government to appoint an ethics adviser.")
    names = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert names.get("Government") == "ORG" and names.get("Pradeep Nair") == "PERSON"


def test_a_lone_name_the_model_missed_keeps_its_hyphened_parts(nlp):
    text = "The previous ones were not MPs. The two ministers were all non-MPs. This time, he [Ofori-Atta] has brought in Members of Parliament."
    names = [e.name for e in entities_of(nlp, text).entities]
    assert "Ofori-Atta" in names and "Atta" not in names


def test_a_title_after_titled_or_after_a_work_noun_and_its_article_is_a_work(nlp):
    text = ("Dana Pell gave the role up in order to film a pilot titled Harbour Lights which was never picked up. "
            "In 2004 she appeared in Shakespeare's play The Tempest in London.")
    names = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert names.get("Harbour Lights") == "WORK_OF_ART" and names.get("Tempest", names.get("The Tempest")) == "WORK_OF_ART"


def test_a_person_named_like_a_road_and_a_place_whose_residents_are_named_like_a_person(nlp):
    text = ("Peter Lane, a Hartley councillor for 30 years and a lifelong Harold Hill resident, died on Monday. Lane was "
            "79. Traffic was stopped on Estes Drive and Manslick Road after the crash.")
    names = {e.name: e.type for e in entities_of(nlp, text).entities}
    assert (names.get("Peter Lane"), names.get("Harold Hill"), names.get("Estes Drive")) == ("PERSON", "GPE", "FAC")


def test_a_state_whose_standard_name_has_a_macron_is_a_place_as_english_writes_it(nlp):
    # ISO 3166-2 spells it "Mahārāshtra"; the model reads "the Maharashtra government" as a body
    text = ("Former Maharashtra Chief Minister Dev Patil was on the flight. The Maharashtra government declared Monday "
            "a day of mourning, and Maharashtra Minister Anil Rao met the families.")
    names = types_of(nlp, text)
    assert names.get("Maharashtra") == "GPE"


def test_a_short_rank_before_a_name_is_no_part_of_it(nlp):
    names = types_of(nlp, "On board, Capt Sunil Bhatia and First Officer Clive Dsouza were at the controls.")
    assert "Sunil Bhatia" in names and "Capt Sunil Bhatia" not in names


def test_a_junior_minister_s_of_state_and_portfolio_are_not_the_name(nlp):
    text = ("Kerala Minister of State for Home Rohan Mehta chaired the review on Friday. "
            "Secretary of State for Health Julia Penrose said the plan was sound.")
    names = types_of(nlp, text)
    assert names.get("Rohan Mehta") == "PERSON" and names.get("Julia Penrose") == "PERSON"
    assert not any(n.startswith(("Home ", "State ")) for n in names)


def test_where_a_flight_is_bound_is_no_person(nlp):
    text = ("The jet, en route to London Gatwick, came down minutes after departure. It had been bound for London "
            "Gatwick with 180 people on board.")
    names = types_of(nlp, text)
    assert names.get("London Gatwick") not in (None, "PERSON")


def test_a_surname_a_small_town_also_has_is_the_person_s_where_no_place_is_meant(nlp):
    text = ("Canadian Prime Minister Dana Carney and Portuguese Prime Minister Luís Rocha both offered help to the "
            "bereaved. Carney said Canada’s air-safety officials had spoken with their Indian counterparts.")
    entities = entities_of(nlp, text).entities
    carney = next(e for e in entities if e.name == "Dana Carney")
    assert "Carney" in carney.aliases and not any(e.name == "Carney" for e in entities)


def test_a_currency_s_name_the_model_reads_as_a_place_is_no_entity(nlp):
    text = "Traders protested in parts of the state as a result of the Naira redesign policy, and the Naira fell again."
    assert "Naira" not in {e.name for e in entities_of(nlp, text).entities}


def test_a_party_s_two_word_name_of_no_english_words_is_its_politician(nlp):
    text = "In Latur, the alliance's candidate Ravi Sonwane narrowly beat the BJP's Vimla Rathore by 4,120 votes."
    assert types_of(nlp, text).get("Vimla Rathore") == "PERSON"


def test_a_given_name_after_a_rank_stacked_ranks_and_malaysian_honorifics(nlp):
    names = types_of(nlp, "Sheriff's Lt. Duke North said the driver was lucky. North said the car was crushed.")
    assert "Duke North" in names and "North" not in names
    assert "Felix Kalema" in types_of(nlp, "Earlier the army spokesperson Brig Gen Felix Kalema said the explosives were found.")
    entities = entities_of(nlp, "Minister Datuk Seri Faizal Hamid said the currency's slide was worrying. Faizal said "
                                "exports were strong.").entities
    assert [(e.name, "Faizal" in e.aliases) for e in entities] == [("Faizal Hamid", True)]


def test_an_office_capitalised_alone_is_no_entity(nlp):
    text = "Harbour City Head Coach, Kwame Addo, praised his squad. “We began brightly,” the Coach said."
    assert "Coach" not in types_of(nlp, text)


def test_a_seat_and_its_office_before_a_name_are_not_the_name(nlp):
    names = types_of(nlp, "Gatundu MP Ndungu Kamau dismissed the remarks. Kamau said the party was wrong.")
    assert names.get("Ndungu Kamau") == "PERSON" and not any("MP" in n for n in names)


def test_a_senior_counsel_s_letters_are_no_part_of_the_name(nlp):
    entities = entities_of(nlp, "Senior counsel Maria Ferreira SC argued the case. Ferreira said the law was clear.").entities
    assert [(e.name, "Ferreira" in e.aliases) for e in entities] == [("Maria Ferreira", True)]


def test_two_lawyers_with_the_same_rank_in_brackets_stay_two_and_the_rank_is_no_entity(nlp):
    text = ("When the trial resumed, Kanu Obi (SAN) told the judge he now acted for the accused. He replaces Joe Ade "
            "(SAN), who had led the defence until May.")
    entities = entities_of(nlp, text).entities
    assert sorted(e.name for e in entities) == ["Joe Ade", "Kanu Obi"]


def test_a_name_whose_clause_goes_on_about_its_market_cap_is_a_company(nlp):
    names = types_of(nlp, "On Wall Street the Nasdaq dropped 3%, and Belvia saw its market cap shrink by hundreds "
                          "of billions after a 17% plunge.")
    assert names.get("Belvia") == "ORG"
    assert types_of(nlp, "Scotland saw its share of the vote fall.").get("Scotland") == "GPE"


def test_a_one_word_name_after_the_is_no_one_and_a_number_word_is_no_name(nlp):
    names = types_of(nlp, "More than 900 pilgrims died during the Velankara this year, officials said. Temperatures "
                          "during the Velankara reached 51C. Seventeen pilgrims are still missing.")
    assert names.get("Velankara") == "EVENT" and "Seventeen" not in names
    assert types_of(nlp, "Hajj pilgrims were told to stay indoors on Friday.") == {"Hajj": "EVENT"}
    names = types_of(nlp, "Fourteen Jordanian Hajj pilgrims die due to excessive heat\nAt least 14 Jordanian nationals "
                          "died during the Hajj pilgrimage. Nine Entertainment shares fell. He sat in the First "
                          "Congress of the United States.")
    assert not any(n.startswith("Fourteen") for n in names) and "Nine Entertainment" in names
    assert "First Congress of the United States" in names


def test_a_given_name_no_list_knows_joins_the_office_holder_it_opens(nlp):
    text = ('Regional governor Aniko Barwedan confessed there was no schedule to meet the president. "We still do not '
            'know the schedule," Aniko said on Wednesday. Earlier on Wednesday, deputy governor of Surabaya, Sandrio '
            'Wutomo, said he and Aniko would meet the minister soon. Sandrio said the port project would be discussed.')
    entities = entities_of(nlp, text).entities
    people = {e.name: e for e in entities if e.type == "PERSON"}
    assert sorted(e.name for e in entities) == ["Aniko Barwedan", "Sandrio Wutomo", "Surabaya"]
    assert "Sandrio" in people["Sandrio Wutomo"].aliases and "Aniko" in people["Aniko Barwedan"].aliases


def test_a_nickname_in_quotation_marks_inside_a_name_keeps_the_name_whole(nlp):
    for full, surname in (("Mariano “Toto” Alcala III", "Alcala"), ("Ernesto “Boy” Vigan", "Vigan")):
        text = f"The panel, headed by Senate Minority Leader {full}, opened its inquiry. {surname} said the hearing would resume."
        people = [e for e in entities_of(nlp, text).entities if e.type == "PERSON"]
        assert [(e.name, surname in e.aliases) for e in people] == [(full, True)]


def test_a_language_is_no_place(nlp):
    names = types_of(nlp, "The assemblies of Punjab had recognized Urdu as the national language, he said.")
    assert names == {"Punjab": "GPE", "Urdu": "LANGUAGE"}


def test_a_seat_before_member_of_parliament_is_the_seat_alone(nlp):
    names = types_of(nlp, "Makueni Member of Parliament Dan Maanzo, who is part of the legal team, dismissed the plot.")
    assert "Dan Maanzo" in names and not any(n.endswith("Member") for n in names)


def test_a_station_or_site_named_with_fm_or_online_is_an_organisation_and_a_magistrate_a_title(nlp):
    names = types_of(nlp, "Beverley FM said the road was closed. Ahram Online reported the ruling on Monday.")
    assert (names.get("Beverley FM"), names.get("Ahram Online")) == ("ORG", "ORG")
    entities = entities_of(nlp, "Magistrate Leonard Caruana said the case would resume. Caruana adjourned it.").entities
    assert [(e.name, e.type) for e in entities] == [("Leonard Caruana", "PERSON")]


def test_a_place_s_name_with_a_particle_is_one_place(nlp):
    # the tagger reads "do" as a verb and the model stops at it; a state's code after the name is no ticker
    names = types_of(nlp, "Floods in Mato Grosso do Sul have killed 12 people. The state of Rio Grande do Sul declared an "
                          "emergency. Flights between Caxias do Sul (RS) and Passo Fundo will continue, the airline said.")
    assert {n: t for n, t in names.items() if t == "GPE"} == {
        "Mato Grosso do Sul": "GPE", "Rio Grande do Sul": "GPE", "Caxias do Sul": "GPE", "Passo Fundo": "GPE"}


def test_a_councillor_s_and_a_barrister_s_titles_are_not_their_names(nlp):
    entities = entities_of(nlp, "Cllr McBride said the motion was out of order. Cr Hartley said the plan was sound. "
                                "Barrister Owen Pryce told the court his client was innocent.").entities
    assert sorted((e.name, e.type) for e in entities) == [
        ("Hartley", "PERSON"), ("McBride", "PERSON"), ("Owen Pryce", "PERSON")]


def test_no_name_ends_in_the_words_before_a_title_cut_off_it(nlp):
    names = types_of(nlp, "Minister Tevita Rova rejected calls by the Leader of the Opposition for the Prime Minister to "
                          "step aside.")
    assert not any(n.endswith((" the", " for")) for n in names), names


def test_a_name_with_a_party_in_brackets_is_a_politician(nlp):
    assert types_of(nlp, "The motion was backed by Gazelle MP Tavita Kora (Island Unity Party).").get("Tavita Kora") \
        == "PERSON"


def test_a_ticker_written_alone_later_and_a_name_without_its_trade_word_are_the_company(nlp):
    entities = entities_of(nlp, "Halden Micro Computer (HMCI), a prominent AI server manufacturer, has experienced a "
                                "dramatic decline. Despite a strong start in 2024, HMCI’s year-to-date gains have nearly "
                                "evaporated. The rapid decline of Halden Micro’s stock highlights the risk.").entities
    assert [(e.name, sorted(e.aliases)) for e in entities] == [
        ("Halden Micro Computer", ["HMCI", "Halden Micro", "Halden Micro Computer"])]


def test_a_ticker_after_a_legal_form_without_brackets_is_the_company_s_alias(nlp):
    # a finance site's link text once the link is gone: "Acme Computer Inc ACMC took a hit"
    entities = entities_of(nlp, "Shares of Halden Micro Computer Inc HMCI took a hit, dropping 4.38%, after its auditor "
                                "resigned. HMCI closed 32.68% lower on Wednesday.").entities
    assert [(e.name, sorted(e.aliases)) for e in entities] == [
        ("Halden Micro Computer Inc", ["HMCI", "Halden Micro Computer Inc"])]


def test_a_headline_name_ends_before_the_toll_it_runs_into(nlp):
    names = types_of(nlp, "Eaton Fire Death Toll Climbs to 16 as Crews Gain Ground\n\nThe Eaton Fire has burned 14,000 "
                          "acres near Pasadena.")
    assert "Eaton Fire" in names and not any("Toll" in n for n in names)


def test_a_participle_opening_the_sentence_is_not_part_of_the_name_after_it(nlp):
    names = types_of(nlp, "Quoting Rafaelito Alejandro, a provincial disaster official, the agency said he confirmed the "
                          "new toll on Wednesday.")
    assert names.get("Rafaelito Alejandro") == "PERSON" and not any(n.startswith("Quoting") for n in names)


def test_a_given_name_the_model_read_as_a_place_joins_the_person_after_it(nlp):
    names = types_of(nlp, "Salóme Hrefna Gunnarsdóttir, a hazard specialist at the Icelandic Met Office, told reporters "
                          "that the quakes were small.")
    assert names.get("Salóme Hrefna Gunnarsdóttir") == "PERSON" and "Salóme" not in names


def test_a_name_a_compass_point_is_of_is_a_place(nlp):
    names = types_of(nlp, "Kjartansson said the tremors were felt east of Hveragerdi and north of Selfoss.")
    assert (names.get("Hveragerdi"), names.get("Selfoss")) == ("GPE", "GPE")


def test_an_acronym_in_title_case_in_brackets_is_the_name_s_alias(nlp):
    entities = entities_of(nlp, "Delays to this year's Farm Input Subsidy Programme (Fisp) have angered chiefs. Fisp coupons "
                                "arrived late.").entities
    assert [(e.name, e.type, sorted(e.aliases)) for e in entities] == [
        ("Farm Input Subsidy Programme", "ORG", ["Farm Input Subsidy Programme", "Fisp"])]


def test_a_verb_of_saying_that_opens_an_inverted_attribution_is_not_part_of_the_name(nlp):
    names = types_of(nlp, "The chief observed that the list is yet to be released.\n\nSaid Chanthunya: “It is not a "
                          "secret that people will die of hunger this year. Government is to blame.”")
    assert names == {"Chanthunya": "PERSON"}


def test_a_name_ending_in_an_office_or_a_plural_noun_is_no_person(nlp):
    names = types_of(nlp, "With figures put forward by States Members, Tracey Vallois noted that a bond had been agreed. "
                          "Politicians discussed a proposal put forward by St Ouen Deputy, Richard Renouf.")
    assert names.get("States Members") != "PERSON" and names.get("St Ouen Deputy") != "PERSON"
    assert names.get("Tracey Vallois") == names.get("Richard Renouf") == "PERSON"


def test_a_legal_party_s_label_is_no_part_of_the_name(nlp):
    names = types_of(nlp, "The lawsuit says Defendant Arora claimed that growth came from consolidation.")
    assert "Arora" in names and not any(n.startswith("Defendant") for n in names)


def test_a_name_opening_its_sentence_that_a_trade_describes_is_found(nlp):
    names = types_of(nlp, "Adarsh Sinha, forex and rate strategist at BofA, said the gap was large.")
    assert names.get("Adarsh Sinha") == "PERSON"
    # and one whose trade opens the sentence, which the model may take with the name for a firm
    assert types_of(nlp, "Strategist Adarsh Sinha said the gap was large.") == {"Adarsh Sinha": "PERSON"}


def test_a_title_before_a_surname_the_model_took_for_a_body_is_the_person_s(nlp):
    entities = entities_of(nlp, "Magistrate Holland granted him bail after Lusaka Magistrate Annie Holland heard the "
                                "case.").entities
    assert [(e.name, sorted(e.aliases)) for e in entities if e.type == "PERSON"] == [
        ("Annie Holland", ["Annie Holland", "Holland"])]


def test_a_given_name_the_parser_joins_to_a_two_word_name_is_part_of_it(nlp):
    names = types_of(nlp, "Skjalftavirkni map.\n\nSalóme Jórunn Bernharðsdóttir, a natural hazard specialist at the "
                          "Icelandic Met Office, tells mbl.is that many of the earthquakes in the swarm were medium-sized.")
    assert names.get("Salóme Jórunn Bernharðsdóttir") == "PERSON"


def test_a_holiday_s_day_is_no_entity(nlp):
    names = types_of(nlp, "The 7.6-magnitude earthquake struck on New Year's Day, causing severe damage on the Noto "
                          "Peninsula. Crowds had gathered on Christmas Eve.")
    assert not any("Year" in n or "Christmas" in n for n in names)


def test_an_opening_quotation_mark_typed_for_an_apostrophe_is_a_possessive(nlp):
    entities = entities_of(nlp, "OpenAI said Kelmont had used OpenAI‘s proprietary models to train its rival.")
    assert [(e.name, e.type, len(e.mentions)) for e in entities.entities if "OpenAI" in e.name] == [("OpenAI", "ORG", 2)]


def test_a_name_after_a_noun_of_goods_is_a_product(nlp):
    names = types_of(nlp, "Novo Nordisk shares plunged after disappointing results for its experimental obesity drug "
                          "CagriSema. CagriSema helped patients lose 22.7%.")
    assert (names.get("Novo Nordisk"), names.get("CagriSema")) == ("ORG", "PRODUCT")


def test_a_headline_s_shares_is_no_part_of_the_company_s_name(nlp):
    names = types_of(nlp, "Contemplating Purchasing a Dip in Novo Nordisk Shares at the Present Moment?\n\nNovo Nordisk "
                          "fell 20% on Friday.")
    assert names.get("Novo Nordisk") == "ORG" and not any(n.endswith("Shares") for n in names)


def test_a_country_named_in_two_parts_is_one_place_and_a_hyphen_does_not_hide_a_country(nlp):
    names = types_of(nlp, "The rights of the poor people in Antigua and Barbuda are being trampled upon, the lawyer "
                          "said. We import tomatoes from Burkina-Faso and plantain from Ivory Coast.")
    assert names.get("Antigua and Barbuda") == "GPE" and "Antigua" not in names
    assert names.get("Burkina-Faso", names.get("Burkina Faso")) == "GPE"


def test_the_share_price_of_a_name_makes_it_a_company(nlp):
    # (the model reads these made-up names as a place, a region and a person)
    for name in ("Kavora", "Tellurra", "Zantia"):
        text = (f"The stock market reacted in panic. The share price of {name} –– the company behind the chips that "
                "dominate many AI investments –– plummeted by roughly 17% on Monday, wiping almost $600bn off its value.")
        assert types_of(nlp, text).get(name) == "ORG"
    assert types_of(nlp, "The price of Kavora oil fell.").get("Kavora") != "ORG"


def test_an_irish_members_letters_after_the_name_are_no_part_of_it(nlp):
    entities = entities_of(nlp, "As a new Taoiseach I want to work with the new Prime Minister. — Ciaran Dunne TD "
                                "(@CiaranDunneTD) July 5, 2024. Mr Dunne said the two countries were family.")
    assert by_name(entities, "Ciaran Dunne").type == "PERSON"
    assert not [e for e in entities.entities if e.name.endswith(" TD")]


def test_the_address_after_a_defendant_s_age_and_a_councillor_s_seat_are_places(nlp):
    types = types_of(nlp, "Skipper Jordan Corkill and deckhand Liam Lewis were arrested. Mr Corkill, 26, of Kerroocoar, "
                          "Peel, and Mr Lewis, 26, of Sulby Glen, are both charged with the supply of cannabis. "
                          "Cllr Louise Hughes, Llais Gwynedd councillor for Llangelynnin, said the meeting was illegal.")
    assert {name: types.get(name) for name in ("Kerroocoar", "Peel", "Sulby Glen", "Llangelynnin")} == {
        "Kerroocoar": "GPE", "Peel": "GPE", "Sulby Glen": "GPE", "Llangelynnin": "GPE"}
    assert types.get("Jordan Corkill") == types.get("Liam Lewis") == types.get("Louise Hughes") == "PERSON"


def test_an_abbreviated_weekday_is_no_name(nlp):
    types = types_of(nlp, "On Tues 28 January 2025 (AEDT) tech giant Kelmont’s shares plunged 17 per cent.")
    assert "Tues" not in types and types.get("Kelmont") == "ORG"


def test_a_month_that_is_a_given_name_after_a_title_opens_the_name(nlp):
    entities = entities_of(nlp, "Kowloon City Magistracy heard that 27-year-old Cheung Tsz-hin was among five people "
                                "arrested. Delivering her verdict, magistrate June Cheung said the tools were not illegal. "
                                "In June Congress passed the bill.")
    people = {e.name for e in entities.entities if e.type == "PERSON"}
    assert people == {"Cheung Tsz-hin", "June Cheung"}


def test_a_court_is_no_person(nlp):
    types = types_of(nlp, "It was a busy day at the Alice Springs Magistrates Court after the long weekend.")
    assert types.get("Alice Springs Magistrates Court") == "ORG"


def test_a_party_named_with_a_country_code_is_one_organisation_and_a_creed_is_no_trade(nlp):
    types = types_of(nlp, "Among other parties, the Liberal Democrats won 71 seats, the Scottish National Party secured "
                          "nine and the rightist Reform UK took four. The journalist Ana Ruiz said so.")
    assert types.get("Reform UK") == "ORG" and "Reform" not in types and "United Kingdom" not in types
    assert types.get("Ana Ruiz") == "PERSON"
    assert "Cboe UK" not in types_of(nlp, "The Cboe UK 100 ended up slightly at 852.40 on Monday.")  # an index runs on


def test_a_name_described_as_a_cryptocurrency_is_a_product(nlp):
    types = types_of(nlp, "Zorbit, the leading cryptocurrency by market capitalization, saw its price dip below the "
                          "$100,000 mark.")
    assert types.get("Zorbit") == "PRODUCT"



def test_titles_and_plural_titles_before_names_are_not_part_of_them(nlp):
    types = types_of(nlp, "The motion passed with Assemblymembers Dora Quill and Bennet Ashby voting no. "
                          "Assemblymember Marta Lindqvist abstained, and Councilmember Ovid Parr left early.")
    assert {name: types.get(name) for name in ("Dora Quill", "Marta Lindqvist", "Ovid Parr")} == {
        "Dora Quill": "PERSON", "Marta Lindqvist": "PERSON", "Ovid Parr": "PERSON"}
    assert not any(name.startswith(("Assemblymember", "Councilmember")) for name in types)


def test_an_institution_an_area_and_a_port_are_named_by_their_head_words(nlp):
    types = types_of(nlp, "The minister opened the Princess Aleta Hospital in Fenby. Teodor Varga, 19, of Ballykeel, "
                          "County Kildare, was driving. The plan to expand St Anselm Port was rejected.")
    assert types.get("County Kildare") == "GPE"
    assert types.get("St Anselm Port") in ("GPE", "LOC")
    assert next(t for name, t in types.items() if name.endswith("Aleta Hospital")) in ("ORG", "FAC")


def test_an_amount_with_a_currency_letter_glued_on_is_no_entity(nlp):
    names = set(types_of(nlp, "Gross profit jumped to N41.7 billion from N39.5 billion, the company said. "
                              "Punjab set aside Rs635 billion for health, Minister Ali Khan told the Assembly."))
    assert not {"N41.7", "N39.5", "Rs635"} & names and "Ali Khan" in names


def test_a_scale_named_after_someone_is_no_entity(nlp):
    types = types_of(nlp, "The quake measured 6.9 on the Richter scale, the agency said. Winds reached force 9 on "
                          "the Beaufort scale near Dana Point, where Mayor Ann Voss spoke.")
    assert "Richter" not in types and "Beaufort" not in types and types.get("Ann Voss") == "PERSON"


def test_a_full_name_qualifying_a_government_is_its_leader(nlp):
    types = types_of(nlp, "It was the first high-level contact since the Manmohan Singh government assumed power in "
                          "Delhi. The Labour government fell. The New Zealand government agreed.")
    assert types.get("Manmohan Singh") == "PERSON" and types.get("New Zealand") == "GPE"


def test_a_rapper_named_like_a_town_and_a_compass_point_is_a_person_and_a_name_glued_twice_is_furniture(nlp):
    types = types_of(nlp, "Kanye WestKanye West\n\nKanye West hopes to put out the album in September. West says "
                          "the record is done. Officials in the Pacific Northwest agreed.")
    assert types.get("Kanye West") == "PERSON" and "Kanye WestKanye West" not in types
    assert types.get("Pacific Northwest") == "LOC"


def test_a_month_a_name_runs_on_from_after_a_preposition_of_time_is_no_part_of_it(nlp):
    names = set(types_of(nlp, "In August Orvane became the first European company to be worth $2 trillion. Since "
                              "March Kestrel Holdings has grown. The magistrate June Cheung ruled on Friday."))
    assert not any(name.startswith(("August ", "March ")) for name in names)
    assert "Kestrel Holdings" in names and "June Cheung" in names
