"""Which names of an article are one entity, and which entities of two articles are one
referent: each rule on sentences of its own, with the exact groups expected."""

from __future__ import annotations

import pytest

from extractor.extract.entities import entity_id, extract_entities
from extractor.extract.entity_referents import ambiguous_places
from extractor.graph.entities import merge_entity_records
from extractor.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def extract(nlp, text: str, article_id: str = "a1", title: str | None = None):
    return extract_entities(nlp(text), article_id, title=title).entities


def groups(nlp, text: str, title: str | None = None) -> dict[str, list[str]]:
    """Each entity's name -> the sorted names it carries (name, aliases, mention texts)."""
    return {e.name: sorted({e.name, *e.aliases, *(m.text for m in e.mentions)}) for e in extract(nlp, text, title=title)}


# ------------------------------------------------------------ within an article


def test_a_surname_the_model_missed_is_the_person_of_that_surname(nlp):
    text = ("Corwin fell in love with Edith Pellmore at school. Years later he wrote that Pellmore "
            "had never answered his letters.")
    assert groups(nlp, text)["Edith Pellmore"] == ["Edith Pellmore", "Pellmore"]


def test_a_surname_two_people_share_is_left_alone(nlp):
    text = ("Anton Vesterholm taught in Uppsala, where Karl Vesterholm had taught before him. "
            "In 1905 Vesterholm took the chair of chemistry.")
    found = groups(nlp, text)  # the lone surname is the one introduced first's, never propagated to both
    assert found["Anton Vesterholm"] == ["Anton Vesterholm", "Vesterholm"]
    assert found["Karl Vesterholm"] == ["Karl Vesterholm"]


def test_the_first_words_of_a_full_name_are_that_person(nlp):
    text = ("Louis Marcel D'Arvenne was born in Lyon in 1812. Louis Marcel arrived in Canada "
            "in 1838 as a surveyor.")
    assert groups(nlp, text)["Louis Marcel D'Arvenne"] == ["Louis Marcel", "Louis Marcel D'Arvenne"]


def test_a_relative_named_after_a_person_is_someone_else(nlp):
    text = ("Marsh played Peter Ashdown, the brother of Inspector Ashdown, in the BBC production. "
            "Critics praised Peter Ashdown as a character.")
    assert groups(nlp, text)["Peter Ashdown"] == ["Peter Ashdown"]


def test_a_relative_named_by_first_name_is_the_full_name_with_it(nlp):
    text = ("Anton Vesterholm taught chemistry in Uppsala. Around schooling age, his father, Anton, "
            "encouraged Erik to study law.")
    assert groups(nlp, text)["Anton Vesterholm"] == ["Anton", "Anton Vesterholm"]


def test_a_role_an_actor_plays_is_not_the_person_of_that_first_name(nlp):
    text = ("He was cast after being asked by his friend Tom Harlow. In 2007 he appeared in Night Harbor, "
            "another horror film, as Tom.")
    found = groups(nlp, text)
    assert found["Tom Harlow"] == ["Tom Harlow"]
    assert found["Tom"] == ["Tom"]


def test_a_country_abbreviation_before_a_name_meets_the_country_name(nlp):
    text = "The U.S. Congress debated the bill for a week. The United States Congress then passed it."
    assert groups(nlp, text)["United States Congress"] == ["The U.S. Congress", "The United States Congress",
                                                         "United States Congress"]


def test_a_first_name_joins_a_name_the_model_took_for_an_organisation(nlp):
    text = "Fans of Britney Spears lined up for hours. Britney said she was grateful."
    assert groups(nlp, text)["Britney Spears"] == ["Britney", "Britney Spears"]


def test_an_organisation_opening_with_a_first_name_takes_no_word_the_model_read_as_one(nlp):
    text = "She won gold at the Summer Paralympics in London. The Paralympics drew large crowds."
    assert groups(nlp, text)["Summer Paralympics"] == ["Summer Paralympics"]


def test_a_lone_word_that_opens_an_institution_name_is_not_a_person_of_it(nlp):
    text = ("He went up to Trinity College in 1805. Francis Hodgson, a Fellow at King's College, "
            "wrote to him often.")
    assert groups(nlp, text)["Trinity College"] == ["Trinity College"]


# ------------------------------------------------------------ across articles


def test_a_name_two_notable_places_share_is_ambiguous_and_london_is_not():
    assert [(p.country, p.region) for p in ambiguous_places("Cambridge")] == [
        ("GB", "ENG"), ("CA", "08"), ("US", "MA"), ("NZ", "G1")]
    assert ambiguous_places("London") == ()


def test_an_ambiguous_place_is_the_one_the_article_writes_beside_it(nlp):
    text = "He died in Cambridge, Massachusetts, in 1982, after teaching at Harvard for decades."
    cambridge = next(e for e in extract(nlp, text) if e.name == "Cambridge")
    assert (cambridge.id, cambridge.link_confidence) == (entity_id("Cambridge, Massachusetts"), 0.75)


def test_an_ambiguous_place_is_the_one_the_article_s_other_places_are_in(nlp):
    text = "He left England in 1805 for Cambridge, where he spent three years."
    cambridge = next(e for e in extract(nlp, text) if e.name == "Cambridge")
    assert (cambridge.id, cambridge.link_confidence) == (entity_id("Cambridge"), 0.75)


def test_an_ambiguous_place_the_article_leaves_alone_is_linked_to_nothing(nlp):
    text = "They met in Cambridge and talked about books for hours."
    ids = {next(e for e in extract(nlp, text, article) if e.name == "Cambridge").id for article in ("a1", "a2")}
    assert len(ids) == 2 and entity_id("Cambridge") not in ids


def test_a_us_state_that_towns_elsewhere_share_a_name_with_is_the_state_in_every_article(nlp):
    assert ambiguous_places("Florida") == ()
    text = "The storm made landfall in Florida on Wednesday, cutting power to three million homes."
    ids = {next(e for e in extract(nlp, text, article) if e.name == "Florida").id for article in ("a1", "a2")}
    assert ids == {entity_id("Florida")}


def test_a_place_one_notable_city_has_links_by_name(nlp):
    text = "The band played in London and then in Paris."
    london = next(e for e in extract(nlp, text) if e.name == "London")
    assert (london.id, london.link_confidence) == (entity_id("London"), 0.9)


def test_a_lone_first_name_is_someone_else_in_every_article(nlp):
    first = extract(nlp, "The voice of the man, Adam, is heard in the second part of the novel.", "a1")
    second = extract(nlp, "Later that year Adam said he would leave the band.", "a2")
    adams = [e for e in first + second if e.name == "Adam"]
    assert len(adams) == 2 and adams[0].id != adams[1].id
    merged = merge_entity_records([[e.to_record() for e in first], [e.to_record() for e in second]])
    assert sorted(e.link_confidence for e in merged if e.name == "Adam") == [1.0, 1.0]


def test_a_link_is_as_sure_as_its_least_sure_article(nlp):
    first = extract(nlp, "Students asked Obama about the war. Obama said it was a mistake.", "a1")
    second = extract(nlp, "Barack Obama spoke at the university on Tuesday. Later Obama answered questions.", "a2")
    merged = merge_entity_records([[e.to_record() for e in first], [e.to_record() for e in second]])
    # the article that names him only by surname is linked to the corpus's one Obama, as surely as a surname is
    assert [(e.name, e.link_confidence, e.linked_ids) for e in merged if "Obama" in e.name] == [
        ("Barack Obama", 0.6, [entity_id("Obama")])]


def test_an_author_written_surname_first_in_a_reference_list_is_one_person(nlp):
    text = ("Other good ones:\n\nAusten, Jane. Pride and Prejudice\n\nLondon, Jack. White Fang\n\n"
            "Marx, Karl and Engels, Friedrich. The Communist Manifesto\n")
    found = {e.name: (e.type, sorted(m.text for m in e.mentions)) for e in extract(nlp, text)}
    assert {name: found[name] for name in ("Jane Austen", "Jack London", "Karl Marx", "Friedrich Engels")} == {
        "Jane Austen": ("PERSON", ["Austen"]), "Jack London": ("PERSON", ["London"]),
        "Karl Marx": ("PERSON", ["Marx"]), "Friedrich Engels": ("PERSON", ["Engels"])}
    assert "London" not in found


def test_a_person_is_also_known_by_the_name_without_an_honorific(nlp):
    # The title of address is cut from the mention itself (entity_names), so "Miss Pellmore"
    # is read as "Pellmore", one person with Edith Pellmore.
    text = "Corwin fell in love with Edith Pellmore at school. He was in love with Miss Pellmore, his mother wrote."
    assert groups(nlp, text)["Edith Pellmore"] == ["Edith Pellmore", "Pellmore"]
    found = {e.name: sorted(m.text for m in e.mentions) for e in extract(nlp, text)}
    assert found["Edith Pellmore"] == ["Edith Pellmore", "Pellmore"]


def test_an_institution_named_by_the_and_one_english_noun_is_its_article_s_own(nlp):
    first = extract(nlp, "The Academy turned down his paper in 1829, and the Academy never said why.", "a1")
    second = extract(nlp, "Members of the Academy voted on the awards in Los Angeles.", "a2")
    academies = [e for e in first + second if e.name == "Academy"]
    assert len(academies) == 2 and academies[0].id != academies[1].id
    assert {e.link_confidence for e in academies} == {1.0}
    merged = merge_entity_records([[e.to_record() for e in first], [e.to_record() for e in second]])
    assert len([e for e in merged if e.name == "Academy"]) == 2
    # a name that is no common noun still links by name
    third = extract(nlp, "Members of Quorvana voted on the awards.", "a3")
    fourth = extract(nlp, "Quorvana said the vote was fair.", "a4")
    assert len({e.id for e in third + fourth if e.name == "Quorvana"}) == 1
    # nor is an exchange or an index the lemmatizer happens to know as a noun an institution
    # each article has in mind: "the Nasdaq" is one thing wherever it is named
    fifth = extract(nlp, "The stock fell to $125.44, which had an impact on the Nasdaq.", "a5")
    sixth = extract(nlp, "The broader market also saw declines, with the Nasdaq dropping 3.3%.", "a6")
    assert len({e.id for e in fifth + sixth if e.name == "Nasdaq"}) == 1


def test_a_surname_that_is_a_first_name_only_abroad_links_to_the_corpus_s_one_person_of_it(nlp):
    first = extract(nlp, "Bukayo Saka put the London side ahead in the 23rd minute.", "a1")
    second = extract(nlp, "Saka, 24, said he was proud of the team.", "a2")
    merged = merge_entity_records([[e.to_record() for e in first], [e.to_record() for e in second]])
    assert [(e.name, e.linked_ids) for e in merged if "Saka" in e.name] == [("Bukayo Saka", [entity_id("Saka")])]


def test_a_company_s_short_name_that_a_gazetteer_place_shares_is_the_company_of_the_corpus(nlp):
    # "Nokia" is also a Finnish town: alone, one article's gazetteer vote outweighs the
    # model's reading; the corpus's "Nokia Networks" says which Nokia its articles mean
    first = extract(nlp, "Shares of Nokia Networks fell 4% on Monday after the equipment maker cut its forecast.", "a1")
    second = extract(nlp, "Nokia's recent announcement of job cuts surprised analysts.", "a2")
    assert [e.type for e in second if e.name == "Nokia"] == ["GPE"]
    merged = merge_entity_records([[e.to_record() for e in first], [e.to_record() for e in second]])
    assert [(e.type, e.name, e.aliases) for e in merged] == [("ORG", "Nokia", ["Nokia Networks"])]
    # a country stays the country, whatever company carries its name
    third = extract(nlp, "Taiwan Semiconductor Manufacturing Co. fell 3% on Monday.", "a3")
    fourth = extract(nlp, "Taiwan's shares fell 2% as investors sold chipmakers.", "a4")
    assert any(e.votes["ORG"] > 0 for e in fourth if e.name == "Taiwan")
    merged = merge_entity_records([[e.to_record() for e in third], [e.to_record() for e in fourth]])
    assert {e.name: e.type for e in merged}["Taiwan"] == "GPE"


def test_a_persons_surname_the_model_typed_an_organisation_on_one_page_is_that_person(nlp):
    # the model may type a surname ORG on every line of a page ("Trump's tariffs"); the
    # corpus names the one person of that surname in full in more articles
    people = [extract(nlp, f"Dana Whitcombe announced new tariffs on {day}.", f"a{k}")
              for k, day in enumerate(("Monday", "Tuesday", "Wednesday"))]
    page = [e.to_record() for e in extract(nlp, "Whitcombe announced the tariffs on Thursday.", "a9")]
    page = [r.model_copy(update={"type": "ORG", "type_scores": {"ORG": 5.0, "PERSON": 1.0}}) if r.name == "Whitcombe"
            else r for r in page]
    merged = merge_entity_records([*([e.to_record() for e in p] for p in people), page])
    assert [(e.type, e.name, e.linked_ids) for e in merged if "Whitcombe" in e.name] == [
        ("PERSON", "Dana Whitcombe", [entity_id("Whitcombe")])]
    # a company of that name, written with its legal form somewhere, stays the company
    page = [r.model_copy(update={"aliases": ["Whitcombe Inc."]}) if r.name == "Whitcombe" else r for r in page]
    merged = merge_entity_records([*([e.to_record() for e in p] for p in people), page])
    assert ("ORG", "Whitcombe") in [(e.type, e.name) for e in merged]
