"""Claims whose subject outlets name differently, resolved at the merge (graph/subject_aliases.py
and kin): each rule on a corpus or sentences written for the test, with the exact merge."""

from __future__ import annotations

from pathlib import Path

from conftest import claim_nodes, run_articles

from extractor.extract.entities import entity_id
from extractor.graph.subject_aliases import subject_aliases


def _aliases(corpus: list[tuple[str, str]]) -> dict[str, str]:
    entities = [(entity_id(name), name, kind) for name, kind in corpus]
    return {k: v.name for k, v in subject_aliases(entities).items()}


def test_a_surname_misspelt_by_one_letter_is_the_one_person_it_can_be():
    corpus = [("Dana Whitlock", "PERSON"), ("Whitlok", "PERSON"), ("Whtilock", "PERSON"),
              ("Bernard Castellano", "PERSON"), ("Castelano", "PERSON"), ("Castellanos", "ORG")]
    assert _aliases(corpus) == {entity_id("Whitlok"): "Dana Whitlock", entity_id("Whtilock"): "Dana Whitlock",
                                entity_id("Castelano"): "Bernard Castellano"}


def test_a_letter_added_at_a_name_s_end_makes_another_name_not_a_misspelling():
    corpus = [("Augustus De Morgan", "PERSON"), ("Morgana", "PERSON"), ("Daniel Pearson", "PERSON"), ("Pearsons", "PERSON"),
              ("Bernard Castellano", "PERSON"), ("Castelano", "PERSON")]
    assert _aliases(corpus) == {entity_id("Castelano"): "Bernard Castellano"}


def test_a_person_named_by_the_last_two_of_three_names_is_the_one_person_named_in_full():
    corpus = [("Ravi Selim Okafor", "PERSON"), ("Selim Okafor", "PERSON"),
              ("Ana Maria Ruiz", "PERSON"), ("Eva Maria Ruiz", "PERSON"), ("Maria Ruiz", "PERSON")]
    assert _aliases(corpus) == {entity_id("Selim Okafor"): "Ravi Selim Okafor"}  # two Maria Ruizes: as written


def test_a_misspelling_two_people_could_be_or_of_a_short_name_stays_as_written():
    corpus = [("Ellen Marston", "PERSON"), ("Paul Marsden", "PERSON"), ("Marsten", "PERSON"),
              ("Tom Kerr", "PERSON"), ("Kerry", "PERSON"), ("Whitlock", "PERSON")]
    assert _aliases(corpus) == {}


def test_an_index_named_with_its_descriptor_is_the_index_named_without_it():
    corpus = [("Nasdaq", "ORG"), ("Nasdaq Composite", "ORG"), ("the Nasdaq Composite Index", "ORG"),
              ("Nasdaq 100", "ORG"), ("Hang Seng Index", "ORG"), ("Kospi Composite", "ORG")]
    assert _aliases(corpus) == {entity_id("Nasdaq Composite"): "Nasdaq",
                                entity_id("the Nasdaq Composite Index"): "Nasdaq"}


def test_a_company_named_with_the_words_its_short_name_leaves_off_is_the_short_name():
    corpus = [("Orvex", "ORG"), ("Orvex Holding NV", "ORG"), ("Orvex Holdings NV", "ORG"),
              ("Kessly Platforms Inc", "ORG"), ("Kessly", "ORG"),
              ("Norland", "GPE"), ("Norland Semiconductor", "ORG"), ("Harwick Systems", "ORG")]
    # a place is never a company's short name; "Harwick Systems" has none in the corpus
    assert _aliases(corpus) == {entity_id("Orvex Holding NV"): "Orvex", entity_id("Orvex Holdings NV"): "Orvex",
                                entity_id("Kessly Platforms Inc"): "Kessly"}


def test_a_son_named_with_jr_is_the_one_person_named_without_it_unless_a_father_shares_the_name():
    corpus = [("Arlen Voss", "PERSON"), ("Arlen Voss Jr.", "PERSON"),
              ("Dana Orr Jr.", "PERSON"), ("Dana Orr Sr.", "PERSON"), ("Dana Orr", "PERSON"),
              ("Henry Marl II", "PERSON"), ("Henry Marl", "PERSON")]
    assert _aliases(corpus) == {entity_id("Arlen Voss Jr."): "Arlen Voss"}


def test_an_organisation_under_its_country_s_abbreviation_and_a_person_without_initials_are_one():
    corpus = [("U.S. Farmers Party", "ORG"), ("Farmers Party", "ORG"), ("UK Parliament", "ORG"),
              ("Dana J. Whitlock", "PERSON"), ("Dana Whitlock", "PERSON"),
              ("Paul A. Marsden", "PERSON"), ("Paul B. Marsden", "PERSON"), ("Paul Marsden", "PERSON")]
    # "UK Parliament" keeps one word, which the corpus never writes alone; two Paul Marsdens with
    # initials leave the one without them as written
    assert _aliases(corpus) == {entity_id("U.S. Farmers Party"): "Farmers Party",
                                entity_id("Dana Whitlock"): "Dana J. Whitlock"}


def test_an_acronym_another_article_spells_out_links_but_one_article_s_slip_does_not():
    from extractor.graph.subject_aliases import entity_links

    corpus = [(entity_id("Northern Ferry Authority"), "Northern Ferry Authority", "ORG", ["NFA"], 0.9),
              (entity_id("NFA"), "NFA", "GPE", [], 0.9),  # the model's place for an acronym
              (entity_id("Zentrix Summit"), "Zentrix Summit", "ORG", ["Zentrix"], 0.9),
              (entity_id("Zentrix"), "Zentrix", "ORG", [], 0.9),  # no acronym: one article's alias is no link
              (entity_id("Harbor Board"), "Harbor Board", "ORG", ["HB"], 0.9),
              (entity_id("Highway Bureau"), "Highway Bureau", "ORG", ["HB"], 0.9),
              (entity_id("HB"), "HB", "ORG", [], 0.9),  # two it could stand for
              (entity_id("Dana Whitlock"), "Dana Whitlock", "PERSON", ["Whitlock"], 0.9),
              (entity_id("Whitlock"), "Whitlock", "PERSON", [], 1.0)]  # kept to its own article
    assert {k: v.name for k, v in entity_links(corpus).items()} == {entity_id("NFA"): "Northern Ferry Authority"}


def test_a_full_name_another_article_gave_beside_its_acronym_links_to_the_acronym_s_entity():
    from extractor.graph.subject_aliases import entity_links

    # one article: "the Northern Ferry Authority (NFA) … the NFA said"; another: the full name alone
    corpus = [(entity_id("NFA"), "NFA", "ORG", ["Northern Ferry Authority"], 0.9),
              (entity_id("Northern Ferry Authority"), "Northern Ferry Authority", "ORG", [], 0.9),
              (entity_id("Zentrix"), "Zentrix", "ORG", ["Zentrix Summit"], 0.9),  # no acronym: no link
              (entity_id("Zentrix Summit"), "Zentrix Summit", "EVENT", [], 0.9)]
    assert {k: v.name for k, v in entity_links(corpus).items()} == {entity_id("Northern Ferry Authority"): "NFA"}


def test_the_place_a_person_is_of_links_no_article_s_lone_place_name_to_them():
    from extractor.graph.subject_aliases import entity_links

    corpus = [(entity_id("Theodorus of Tabennese"), "Theodorus of Tabennese", "PERSON", [], 0.9),
              (entity_id("Tabennese"), "Tabennese", "PERSON", [], 0.9),  # the model's person for the place
              (entity_id("Patrick Leopold Gordon of Auchleuchries"), "Patrick Leopold Gordon of Auchleuchries", "PERSON",
               [], 0.9),
              (entity_id("Gordon"), "Gordon", "PERSON", [], 0.9)]
    links = {k: v.name for k, v in entity_links(corpus).items()}
    assert entity_id("Tabennese") not in links
    assert links.get(entity_id("Gordon")) == "Patrick Leopold Gordon of Auchleuchries"


# ------------------------------------------------------------------ the product's path, on text


def test_a_structure_at_the_institution_named_before_is_that_institutions_so_costs_conflict(tmp_path):
    run_articles(tmp_path, {
        "a.md": "---\nsource: Harbor Ledger\npublished: 2026-04-02\n---\nBrookmere University president Ann Okafor "
                "expressed condolences on Thursday, after a newly built pedestrian bridge collapsed at the university "
                "the previous day. The $9.1 million walkway was meant to link the campus with a dormitory.",
        "b.md": "---\nsource: Northline Wire\n---\nA pedestrian bridge at Brookmere University collapsed on Wednesday. "
                "The $7.4 million bridge was meant to connect the school to the town of Alder.",
    })
    nodes = {n["value"]: n for n in claim_nodes(tmp_path / "out")}
    assert {v: (n["subject"]["name"], n["metric"]) for v, n in nodes.items()} == {
        9.1e6: ("Brookmere University", "cost"), 7.4e6: ("Brookmere University", "cost")}
    assert nodes[9.1e6]["conflicts_with"] == [nodes[7.4e6]["id"]]


VELDEN = ("---\nsource: Harbor Ledger\npublished: 2026-05-12\n---\nThe Velden bridge in Bergamo collapsed on Tuesday. "
          "Officials said an 80-metre section of the Velden bridge fell onto the railway below.")
UNNAMED = ("---\nsource: Northline Wire\npublished: 2026-05-13\n---\nBERGAMO, Italy (AP) - Rescuers searched the rubble "
           "on Wednesday after an 80-meter stretch of the Bergamo highway bridge broke off, officials said.")


def _lengths(out: Path) -> list[tuple]:
    return sorted((n["value"], n["subject"]["name"], n["sources"]) for n in claim_nodes(out) if n["unit"] == "metre")


def _bridge_story_with(tmp_path: Path, name: str, page: str) -> list[tuple]:
    """The lengths merged from the Velden pages (one of which never names its bridge) and one more page."""
    run_articles(tmp_path, {"velden.md": VELDEN, "unnamed.md": UNNAMED, name: page})
    return _lengths(tmp_path / "out")


def test_the_bridge_an_article_never_names_is_the_one_its_story_names(tmp_path):
    # the same town two years on, another bridge: another story
    later = ("---\nsource: City Gazette\npublished: 2028-06-01\n---\nThe new Aster bridge in Bergamo opened on "
             "Monday. The 1,067-metre Aster bridge replaces the one that fell.")
    assert _bridge_story_with(tmp_path, "later.md", later) == [(80, "Velden Bridge", ["Harbor Ledger", "Northline Wire"]),
                                          (1067, "Aster Bridge", ["City Gazette"])]


def test_the_bridge_stays_as_written_when_its_story_names_two(tmp_path):
    other = ("---\nsource: City Gazette\npublished: 2026-05-14\n---\nEngineers closed the Ponte Rosso bridge in "
             "Bergamo on Thursday. The 80-metre Ponte Rosso bridge carries the ring road.")
    assert _bridge_story_with(tmp_path, "other.md", other) == [(80, "Ponte Rosso Bridge", ["City Gazette"]), (80, "Velden Bridge", ["Harbor Ledger"]),
                                          (80, "bridge", ["Northline Wire"])]


def test_the_sides_of_a_referendum_are_one_subject_however_outlets_write_the_vote(tmp_path):
    run_articles(tmp_path, {
        # one side named: the losers' share is the other answer's
        "a.md": "---\nsource: Harbor Ledger\n---\nVoters in Wexland have decided to leave the customs union. "
                "The Leave campaign is heading for an overall majority of 53% to 47%.",
        # the side each share voted for ("to stay" is Remain); a region's share stays the region's
        "b.md": "---\nsource: Northline Wire\n---\nIt emerged overnight that 53% of the Wexland public voted to leave the "
                "union against 47% who voted to stay. Some 61 per cent of Cornwall voted to remain.",
        "c.md": "---\nsource: City Gazette\n---\nThe Remain side took 47 percent, while Leave won 53 percent of the vote.",
    })
    shares = sorted((n["value"], n["subject"]["name"], n["sources"]) for n in claim_nodes(tmp_path / "out"))
    assert shares == [(47, "Remain", ["City Gazette", "Harbor Ledger", "Northline Wire"]),
                      (53, "Leave", ["City Gazette", "Harbor Ledger", "Northline Wire"]),
                      (61, "Cornwall", ["Northline Wire"])]


def test_a_vote_share_in_favour_of_a_countrys_exit_is_the_leave_sides(tmp_path):
    run_articles(tmp_path, {
        "a.md": "---\nsource: Harbor Ledger\n---\nSome 30 million people turned out to deliver a verdict of 54.2 per cent "
                "in favour of Grexit and 45.8 per cent for Remain.",
        "b.md": "---\nsource: Northline Wire\n---\nThe Leave side took 54 percent, while Remain won 46 percent of the vote.",
        # not a share of a vote: the exit stays the subject
        "c.md": "---\nsource: City Gazette\n---\nGrexit would cut the economy by 8% within two years, the bank said.",
    })
    shares = sorted((n["value"], n["subject"]["name"], n["sources"]) for n in claim_nodes(tmp_path / "out")
                    if n["unit"] == "percent")
    assert shares == [(8, "Grexit", ["City Gazette"]), (45.8, "Remain", ["Harbor Ledger", "Northline Wire"]),
                      (54.2, "Leave", ["Harbor Ledger", "Northline Wire"])]


def test_an_article_s_short_names_are_folded_into_the_corpus_s_entity_and_its_quotes_follow(tmp_path):
    import json

    from conftest import read_jsonl

    run_articles(tmp_path, {
        "a.md": "---\nsource: Harbor Ledger\n---\nMaria Okafor, the chief executive of the Northern Ferry Authority "
                "(NFA), said the service would hire 200 crew.",
        "b.md": "---\nsource: Northline Wire\n---\n“We will keep hiring all year,” Ms Okafor said on Tuesday. "
                "The NFA said it runs twelve ferries.",
    })
    entities = {e["name"]: e for e in read_jsonl(tmp_path / "out" / "entities.jsonl")}
    person, authority = entities["Maria Okafor"], entities["Northern Ferry Authority"]
    assert "Okafor" not in entities and "NFA" not in entities
    assert person["linked_ids"] == [entity_id("Okafor")] and authority["linked_ids"] == [entity_id("NFA")]
    assert len({m["article_id"] for m in person["mentions"]}) == 2
    assert len({m["article_id"] for m in authority["mentions"]}) == 2
    # a quote record keeps the id its article gave; the graph's quote node has the corpus entity
    records = {q["text"]: q["speaker"]["id"] for q in read_jsonl(tmp_path / "out" / "quotes.jsonl")}
    assert records["We will keep hiring all year,"] == entity_id("Okafor")
    graph = json.loads((tmp_path / "out" / "graph.json").read_text())
    nodes = {n["text"]: n["speaker"]["id"] for n in graph["nodes"] if n["kind"] == "quote"}
    assert nodes["We will keep hiring all year,"] == person["id"]
    assert {nodes[t] for t in nodes if "ferries" in t} == {authority["id"]}


def test_an_index_no_entity_names_is_the_index_the_corpus_names_without_its_descriptor(tmp_path):
    run_articles(tmp_path, {
        "a.md": "---\nsource: Harbor Ledger\npublished: 2026-03-03\n---\nThe Nasdaq fell 2.4% on Monday as chip "
                "stocks slid.",
        # the model tags nothing in "The Nasdaq Composite lost …": the claim's subject is a phrase, no entity
        "b.md": "---\nsource: Northline Wire\npublished: 2026-03-03\n---\nThe Nasdaq Composite lost 2.4% on Monday, "
                "its worst day in a month.",
    })
    assert [(n["value"], n["subject"]["name"], sorted(n["sources"])) for n in claim_nodes(tmp_path / "out")
            if n["unit"] == "percent"] == [(2.4, "Nasdaq", ["Harbor Ledger", "Northline Wire"])]


def test_a_storm_s_given_name_alone_links_to_the_storm_whatever_the_model_typed_it():
    from extractor.graph.subject_aliases import entity_links

    # one article says "Hurricane Kora" and "Kora"; another only "Kora", which the model reads as a person
    corpus = [(entity_id("Hurricane Kora"), "Hurricane Kora", "EVENT", ["Kora"], 0.9),
              (entity_id("Kora"), "Kora", "PERSON", [], 0.9),
              (entity_id("Dana"), "Dana", "PERSON", [], 0.9),
              (entity_id("Dana Whitlock"), "Dana Whitlock", "PERSON", ["Dana"], 0.9)]  # a person's first name: no link
    assert {k: v.name for k, v in entity_links(corpus).items()} == {entity_id("Kora"): "Hurricane Kora"}
