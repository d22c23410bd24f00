"""One node per fact across outlets, and conflicts, the way an analyst reads figures:
claims built here (each rule alone) and small runs on text written for the test."""

from __future__ import annotations

import json

from conftest import claim_nodes, run_articles

from extractor.cli import main
from extractor.extract.entities import entity_id
from extractor.graph.build import build_graph
from extractor.graph.conflicts import find_conflicts
from extractor.graph.resolve import (
    claim_block_keys, dates_agree, group_claims, report_window, reported_interval, significant_digits,
)
from extractor.graph.subject_aliases import subject_aliases
from extractor.models import Claim, Entity, EntityRef, Span

ORVEX = EntityRef(name="Orvex Mining", id="ent_orvex")
PEOPLE = EntityRef(name="people", id="ent_people")  # a counted noun, not an entity of the corpus
VICTIMS = EntityRef(name="victims", id="ent_victims")
ROMANIA = EntityRef(name="Romania", id="ent_romania")
JAMAICA = EntityRef(name="Jamaica", id="ent_jamaica")
VOTERS = EntityRef(name="voters", id="ent_voters")
ENTITIES = {ORVEX.id, ROMANIA.id, JAMAICA.id}


def claim(cid: str, article: str, value: float, *, subject=(ORVEX,), unit="USD", hedge="=", direction=None,
          metric="market value", frame=None, date=None, stated=None, date_source=None, weekday=None) -> Claim:
    return Claim(id=cid, article_id=article, start=0, end=5, text=str(value), value=value, unit=unit, hedge=hedge,
                 direction=direction, change=direction or hedge[0], subject=list(subject), metric=metric, frame=frame,
                 date=date, date_source=date_source, weekday=weekday, sentence=Span(text="s", start=0, end=50),
                 stated_value=stated[0] if stated else None, stated_unit=stated[1] if stated else None)


def members(claims, entities=None) -> list[list[str]]:
    return sorted(sorted(c.id for c in g.members) for g in group_claims(claims, entities))


def conflicting(claims, entities=None) -> list[tuple[str, str]]:
    groups = group_claims(claims, entities)
    return sorted(tuple(sorted(",".join(sorted(c.id for c in g.members)) for g in pair))
                  for pair in find_conflicts(groups))


# ------------------------------------------------------------------ values: hedges, rounding, precision


def test_a_hedged_round_figure_and_two_providers_precise_figures_are_one_fact():
    assert members([
        claim("nearly", "a1", 600e9, hedge="~", direction="down"),   # "nearly $600bn"
        claim("rounded", "a2", 589e9, direction="down"),              # "$589bn"
        claim("precise", "a3", 593.7e9, direction="down"),            # "$593.7 billion"
    ]) == [["nearly", "precise", "rounded"]]


def test_an_article_that_cuts_a_figures_last_digits_states_one_fact_but_two_close_figures_stay_two():
    # one page writes "$41.8 billion" and later "$41 billion"; another outlet has "$42 billion"
    assert members([
        claim("precise", "a1", 41.8e9, direction="down"),
        claim("cut", "a1", 41e9, direction="down"),
        claim("other", "a2", 42e9, direction="down"),
    ]) == [["cut", "other", "precise"]]
    # revenue of "$13.2 billion" and "$13.3 billion" expected in one story are two figures
    assert members([claim("revenue", "a1", 13.2e9, metric="revenue"), claim("expected", "a1", 13.3e9, metric="revenue")]) == [
        ["expected"], ["revenue"]]
    # a hedged headline ("nearly $95bn"), then "$94.7 billion" and "$94 billion" in the body
    assert members([
        claim("headline", "a1", 95e9, hedge="~", direction="down"),
        claim("precise", "a1", 94.7e9, direction="down"),
        claim("cut", "a1", 94e9, direction="down"),
    ]) == [["cut", "headline", "precise"]]


def test_a_round_figure_with_a_leading_one_is_not_a_rounding_of_half_of_it():
    # "$1 trillion" of market value lost is another fact than "$593 billion"; "$10 million"
    # may round $9 million, not $5.5 million
    assert members([claim("trillion", "a1", 1e12, direction="down"),
                    claim("593", "a2", 593e9, direction="down")]) == [["593"], ["trillion"]]
    assert members([claim("ten", "a1", 10e6), claim("nine", "a2", 9e6), claim("five", "a3", 5.5e6)]) == [
        ["five"], ["nine", "ten"]]


def test_a_rounded_figure_swept_early_joins_the_fact_nearest_its_figure():
    # swept by lowest figure, "$600 billion" (500-650bn as rounded) meets "more than half a
    # trillion" before the precise figures form their fact; it belongs with them
    assert members([
        claim("half", "a1", 500e9, hedge=">", direction="down"),
        claim("headline", "a2", 600e9, direction="down"),
        claim("589", "a3", 589e9, direction="down"),
        claim("593", "a4", 593e9, direction="down"),
        claim("593.7", "a5", 593.7e9, direction="down"),
    ]) == [["589", "593", "593.7", "headline"], ["half"]]


def test_a_walkout_a_paper_reports_next_morning_is_the_days_walkout_but_not_two_days_later():
    count = dict(subject=(), unit="person", metric="on strike")
    told = claim("told", "a1", 30000, date="2026-06-02", date_source="text", **count)  # "walked out on Tuesday"
    headline = claim("headline", "a2", 30000, date="2026-06-03", date_source="published", **count)
    later = claim("later", "a3", 30000, date="2026-06-05", date_source="published", **count)
    assert members([told, headline, later]) == [["headline", "told"], ["later"]]


def test_a_close_and_an_intraday_move_are_two_facts_by_value_or_by_frame():
    assert members([claim("close", "a1", 17, unit="percent", metric="share price", frame="close"),
                    claim("intraday", "a2", 13, unit="percent", metric="share price", frame="intraday")]) == [
        ["close"], ["intraday"]]
    # the same figure at another time of the day is another fact; a frame not given is unknown
    assert members([claim("close", "a1", 17, unit="percent", metric="share price", frame="close"),
                    claim("intraday", "a2", 17, unit="percent", metric="share price", frame="intraday"),
                    claim("unsaid", "a3", 17, unit="percent", metric="share price")]) == [
        ["close", "unsaid"], ["intraday"]]


def test_a_stock_move_stated_without_a_frame_is_the_close_not_a_session_move():
    morning = claim("morning", "a1", 40e9, hedge="~", direction="down", frame="intraday")  # "about $40bn on Monday morning"
    day = claim("day", "a2", 36.4e9, direction="down")                                       # "a $36.4 billion decline"
    assert members([morning, day]) == [["day"], ["morning"]]
    # a currency trades around the clock: its low stated without a frame may be the session's
    low = dict(unit="USD", metric="exchange rate", direction="down")
    assert members([claim("low", "a1", 1.3229, frame="intraday", **low), claim("plain", "a2", 1.32, **low)]) == [
        ["low", "plain"]]


def test_a_move_over_a_period_is_never_a_move_an_outlet_gives_a_day():
    move = dict(unit="percent", metric="share price", direction="up")
    year = claim("year", "a1", 20, frame="period", **move)                  # "still up 20% for the year"
    friday = claim("friday", "a2", 20.3, weekday="Friday", **move)           # "rose 20.3% on Friday", undated page
    dated = claim("dated", "a3", 20, date="2024-02-02", date_source="text", **move)  # "rose 20% on Friday, Feb 2"
    assert members([year, friday]) == [["friday"], ["year"]]
    assert members([friday, year]) == [["friday"], ["year"]]
    assert members([year, dated]) == [["dated"], ["year"]]
    # a figure that names no day may still be either
    assert members([year, claim("unsaid", "a4", 20, **move)]) == [["unsaid", "year"]]


def test_an_announced_amount_is_one_fact_whichever_day_an_outlet_tells_it_on():
    dividend = dict(unit="USD per share", metric="dividend")
    thursday = claim("thursday", "a1", 0.5, weekday="Thursday", **dividend)     # "said late on Thursday"
    friday = claim("friday", "a2", 0.5, date="2024-02-02", date_source="text", **dividend)  # "on Friday, ... the news of"
    assert members([thursday, friday]) == [["friday", "thursday"]]
    # another month's is another dividend; and a move keeps to its day
    assert members([friday, claim("may", "a3", 0.5, date="2024-05-02", date_source="text", **dividend)]) == [
        ["friday"], ["may"]]
    move = dict(unit="percent", metric="share price", direction="up")
    assert members([claim("thu", "a1", 20, weekday="Thursday", **move),
                    claim("fri", "a2", 20, date="2024-02-02", date_source="text", **move)]) == [["fri"], ["thu"]]


def test_a_morning_or_afternoon_move_is_a_move_within_the_session():
    from extractor.extract.quantities.frame import _cues

    assert [f for f, _, _ in _cues("Orvex lost about $40 billion in market value on Monday morning.")] == ["intraday"]
    assert [f for f, _, _ in _cues("By midday the shares were down 9%.")] == ["intraday"]
    assert _cues("Orvex lost $36.4 billion in market value on Monday.") == ()


def test_a_bound_reports_its_figure_so_successive_tolls_stay_apart():
    toll = {"subject": (), "unit": "person", "metric": "dead", "date": "2018-08-15"}
    assert members([claim("at_least_37", "a1", 37, hedge=">=", **toll), claim("37", "a2", 37, **toll),
                    claim("38", "a3", 38, **toll), claim("39", "a4", 39, **toll)]) == [
        ["37", "at_least_37"], ["38"], ["39"]]


def test_more_than_a_round_sum_is_the_sum_just_past_it_another_outlet_gives():
    loss = {"direction": "down", "date": "2025-01-27"}
    # "contracted by more than $560 billion" and "erased $589 billion": one loss
    assert members([claim("more_than", "a1", 560e9, hedge=">", **loss), claim("589", "a2", 589e9, **loss)]) == [
        ["589", "more_than"]]
    # but not a sum far past it, nor a price or rate past a round level ("above $1.36" is not $1.42)
    assert members([claim("more_than", "a1", 560e9, hedge=">", **loss), claim("650", "a2", 650e9, **loss)]) == [
        ["650"], ["more_than"]]
    rate = {"subject": (), "metric": "exchange rate", "date": "2016-06-24"}
    assert members([claim("above", "a1", 1.36, hedge=">", **rate), claim("1.42", "a2", 1.42, **rate)]) == [
        ["1.42"], ["above"]]


def test_provider_precision_joins_rounded_readings_but_not_precise_ones_or_counts():
    turnout = {"subject": (), "unit": "percent", "metric": "turnout", "date": "2016-06-23"}
    assert members([claim("a", "a1", 71.8, **turnout), claim("b", "a2", 72.2, **turnout)]) == [["a", "b"]]
    rate = {"unit": "USD", "metric": "exchange rate", "date": "2016-06-24"}
    assert members([claim("overnight", "a1", 1.3459, **rate), claim("morning", "a2", 1.3408, **rate)]) == [
        ["morning"], ["overnight"]]
    toll = {"subject": (), "unit": "person", "metric": "dead", "date": "2018-08-18"}
    assert members([claim("42", "a1", 42, **toll), claim("43", "a2", 43, **toll)]) == [["42"], ["43"]]
    assert (significant_digits(593.7e9), significant_digits(589e9), significant_digits(1.3459)) == (4, 3, 5)
    assert reported_interval(claim("x", "a", 42, unit="person")) == (41.5, 42.5)


# ------------------------------------------------------------------ attributes: metric, dates, subjects


def test_a_whole_percent_is_a_rounding_or_another_providers_reading_never_both():
    move = {"unit": "percent", "metric": "share price", "direction": "down"}
    # "fell 7.6% after hours" rounds to 8, and 7 is 8% away from it: another move
    assert members([claim("seven", "a1", 7, **move), claim("seven_six", "a2", 7.6, **move)]) == [
        ["seven"], ["seven_six"]]
    # "a turnout of 84 percent" and "84.6%": within what two providers' figures differ by
    assert members([claim("whole", "a1", 84, **move), claim("digits", "a2", 84.6, **move)]) == [["digits", "whole"]]
    assert members([claim("whole", "a1", 17, **move), claim("digits", "a2", 16.9, **move)]) == [["digits", "whole"]]


def test_metrics_must_agree_when_both_are_known():
    assert members([claim("mv", "a1", 12e9, metric="market value"), claim("rev", "a2", 12e9, metric="revenue"),
                    claim("unknown", "a3", 12e9, metric=None)]) == [["mv", "unknown"], ["rev"]]


def test_an_unknown_date_is_unknown_and_different_days_stay_apart():
    assert members([claim("monday", "a1", 17, unit="percent", metric="share price", date="2025-01-27"),
                    claim("undated", "a2", 17, unit="percent", metric="share price"),
                    claim("tuesday", "a3", 17.2, unit="percent", metric="share price", date="2025-01-28")]) == [
        ["monday", "undated"], ["tuesday"]]  # (the day whose figure it writes as written)
    assert dates_agree("2018-08-16", "2018-08-15/2018-08-17") and dates_agree("2018-08", "2018-08-16")
    assert not dates_agree("2018-08-14", "2018-08-15/2018-08-17") and dates_agree(None, "2018-08-14")


def test_an_undated_figure_that_two_days_would_take_joins_neither():
    price = {"unit": "percent", "metric": "share price"}
    assert members([claim("monday", "a1", 14, date="2025-01-27", **price),
                    claim("wednesday", "a2", 14, date="2025-01-29", **price),
                    claim("undated", "a3", 14, **price)]) == [["monday"], ["undated"], ["wednesday"]]
    # but two such undated reports are one fact with each other
    assert members([claim("monday", "a1", 14, date="2025-01-27", **price),
                    claim("wednesday", "a2", 14, date="2025-01-29", **price),
                    claim("undated", "a3", 14, **price), claim("also_undated", "a4", 14, **price)]) == [
        ["also_undated", "undated"], ["monday"], ["wednesday"]]
    # whichever article sorts first: an undated report from "a0" is as undecided
    assert members([claim("monday", "a1", 14, date="2025-01-27", **price),
                    claim("wednesday", "a2", 14, date="2025-01-29", **price),
                    claim("undated", "a0", 14, **price)]) == [["monday"], ["undated"], ["wednesday"]]


def test_an_undated_figure_joins_the_day_a_text_gives_or_the_weekday_it_names_over_a_publication_window():
    price = {"unit": "percent", "metric": "share price", "direction": "down"}
    # "fell 17% on Monday, January 27" against a recap's "fell 17%" dated only by its Saturday publication
    assert members([claim("monday", "a1", 17, date="2025-01-27", date_source="text", **price),
                    claim("recap", "a2", 17, date="2025-01-31/2025-02-01", date_source="published", **price),
                    claim("undated", "a3", 17, **price)]) == [["monday", "undated"], ["recap"]]
    # "on Monday" in an undated page: not a Friday-to-Saturday window's fact, whatever dated the other day
    assert members([claim("monday", "a1", 17, date="2025-01-27", date_source="published", **price),
                    claim("recap", "a2", 17, date="2025-01-31/2025-02-01", date_source="published", **price),
                    claim("undated", "a3", 17, weekday="Monday", **price)]) == [["monday", "undated"], ["recap"]]


def test_an_undated_figure_joins_the_day_whose_figure_it_writes():
    # "$279 billion" in an undated page is September's record loss, not April's "$275
    # billion" that only a second data provider's reading could bring to $279 billion
    loss = {"direction": "down", "metric": "market value"}
    assert members([claim("september", "a1", 279e9, date="2024-09-03", **loss),
                    claim("april", "a2", 275e9, date="2025-04-03", **loss),
                    claim("undated", "a3", 279e9, **loss)]) == [["april"], ["september", "undated"]]
    assert members([claim("september", "a1", 279e9, date="2024-09-03", **loss),
                    claim("april", "a2", 275e9, date="2025-04-03", **loss),
                    claim("undated", "a3", 275e9, **loss)]) == [["april", "undated"], ["september"]]


def test_a_month_dated_figure_does_not_let_two_days_of_that_month_meet():
    move = {"unit": "percent", "metric": "share price", "direction": "down"}
    assert members([claim("15th", "a1", 38, date="2018-08-15", **move),
                    claim("august", "a2", 38, date="2018-08", **move),
                    claim("17th", "a3", 38, date="2018-08-17", **move)]) in (
        [["15th", "august"], ["17th"]], [["15th"], ["17th", "august"]])


def test_what_a_count_counts_is_not_its_subject_but_a_named_place_is():
    toll = {"unit": "person", "metric": "dead", "date": "2018-08-18"}
    claims = [claim("people", "a1", 43, subject=(PEOPLE,), **toll), claim("victims", "a2", 43, subject=(VICTIMS,), **toll),
              claim("none", "a3", 43, subject=(), **toll),
              claim("romania", "a4", 2, subject=(ROMANIA,), **toll), claim("jamaica", "a4", 2, subject=(JAMAICA,), **toll)]
    assert members(claims, ENTITIES) == [["jamaica"], ["none", "people", "victims"], ["romania"]]
    # without knowing the corpus's entities every subject is taken as one
    assert members(claims) == [["jamaica"], ["none"], ["people"], ["romania"], ["victims"]]


def test_a_count_of_things_told_with_and_without_a_name_is_one_fact_but_two_names_are_two():
    kelvo, marlo = EntityRef(name="Kelvo", id="ent_kelvo"), EntityRef(name="Marlo", id="ent_marlo")
    devices = EntityRef(name="devices", id="ent_devices")  # the counted noun, no entity of the corpus
    known = ENTITIES | {kelvo.id, marlo.id}
    count = {"metric": None, "hedge": "="}
    groups = members([claim("named", "a1", 8.5e6, subject=(kelvo,), unit="Kelvo device", **count),   # "8.5m Kelvo devices"
                      claim("bare", "a2", 8.5e6, subject=(devices,), unit="device", **count),        # "8.5m devices"
                      claim("other", "a3", 8.5e6, subject=(marlo,), unit="Marlo device", **count)], known)
    assert groups in ([["bare", "named"], ["other"]], [["bare", "other"], ["named"]])
    # "an additional 1,250 flights" are not a total that "more than 1,000 flights" allows
    flights = EntityRef(name="flights", id="ent_flights")
    assert members([claim("total", "a1", 1000, subject=(flights,), unit="flight", metric=None, hedge=">"),
                    claim("added", "a2", 1250, subject=(flights,), unit="additional flight", metric=None)], known) == [
        ["added"], ["total"]]


def test_a_figure_with_neither_subject_nor_metric_is_compared_only_within_its_article():
    bare = {"subject": (), "unit": "percent", "metric": None}
    assert [key for key, _ in claim_block_keys(claim("x", "art9", 5, **bare))] == [("article:art9", "percent")]
    assert members([claim("a", "a1", 5, **bare), claim("b", "a2", 5, **bare), claim("c", "a2", 5, **bare)]) == [
        ["a"], ["b", "c"]]


# ------------------------------------------------------------------ conflicts


def test_values_that_cannot_both_hold_conflict_in_both_directions():
    day = {"subject": (), "unit": "person", "metric": "injured", "date": "2018-08-15"}
    assert conflicting([claim("15", "a1", 15, **day), claim("16", "a2", 16, **day)]) == [("15", "16")]
    # rounding and provider precision are not conflicts; a bound allows what lies beyond it
    assert conflicting([claim("a", "a1", 120e9), claim("b", "a2", 119.4e9)]) == []
    assert conflicting([claim("at_least", "a1", 37, hedge=">=", **day), claim("40", "a2", 40, **day)]) == []


def test_an_approximate_figure_that_reaches_another_outlets_figure_is_no_conflict():
    move = {"unit": "percent", "metric": "share price", "direction": "down", "date": "2024-09-03"}
    # "9.5%" and a truncated "9%" are one fact; "nearly 10%" reaches 9.5% at its edge
    assert conflicting([claim("exact", "a1", 9.5, **move), claim("cut", "a2", 9, **move),
                        claim("nearly", "a3", 10, hedge="~", **move)]) == []
    # two plain figures whose roundings only touch still disagree
    assert conflicting([claim("17", "a1", 17, **move), claim("18", "a2", 18, **move)]) == [("17", "18")]


def test_a_figure_cut_short_from_another_outlet_s_is_no_conflict_even_beside_a_rounded_one():
    move = {"unit": "percent", "metric": "share price", "direction": "down", "date": "2025-01-27"}
    # "19.9%" and "20%" are one fact; "19%" cuts 19.9 short (it cannot be 20% rounded)
    assert conflicting([claim("exact", "a1", 19.9, **move), claim("round", "a2", 20, **move),
                        claim("cut", "a3", 19, **move)]) == []
    assert conflicting([claim("round", "a2", 20, **move), claim("cut", "a3", 19, **move)]) == [("cut", "round")]


def test_two_figures_one_outlet_gives_are_two_facts_whoever_else_repeats_each():
    loss = {"direction": "down", "date": "2024-09-03"}
    # a3 tells both losses (last year's record and this one), a1 and a2 one each
    assert conflicting([claim("record", "a1", 279e9, **loss), claim("again", "a3", 279e9, **loss),
                        claim("now", "a2", 590e9, **loss), claim("both", "a3", 589e9, **loss)]) == []
    assert conflicting([claim("record", "a1", 279e9, **loss), claim("now", "a2", 590e9, **loss)]) == [
        ("now", "record")]


def test_undated_counts_of_people_may_be_of_other_days_so_do_not_conflict():
    hurt = {"subject": (), "unit": "person", "metric": "injured"}
    assert conflicting([claim("early", "a1", 637, **hurt), claim("later", "a2", 1011, **hurt)]) == []
    assert conflicting([claim("early", "a1", 637, date="2023-02-06", **hurt),
                        claim("later", "a2", 1011, date="2023-02-06", **hurt)]) == [("early", "later")]


def test_counts_of_people_are_tallies_that_no_second_provider_reads_otherwise():
    hurt = {"subject": (), "unit": "person", "metric": "injured"}
    assert members([claim("early", "a1", 1640, **hurt), claim("later", "a2", 1670, **hurt)]) == [["early"], ["later"]]
    # a round toll still takes the figures it rounds, and a measured figure still meets
    # another provider's reading of it
    assert members([claim("round", "a1", 1700, **hurt), claim("exact", "a2", 1682, **hurt)]) == [["exact", "round"]]
    assert members([claim("one", "a1", 1640e6), claim("other", "a2", 1665e6)]) == [["one", "other"]]


def test_a_toll_of_a_past_year_is_not_the_toll_a_page_reports_now():
    toll = {"subject": (), "unit": "person", "metric": "dead"}
    assert members([claim("now", "a1", 20000, hedge=">", **toll), claim("again", "a2", 20000, hedge=">", **toll),
                    claim("past", "a3", 20000, hedge="~", date="2011", **toll)]) == [["again", "now"], ["past"]]


def test_only_the_same_metric_frame_and_day_can_conflict():
    price = {"unit": "percent", "metric": "share price", "direction": "down"}
    assert conflicting([claim("close", "a1", 17, frame="close", date="2025-01-27", **price),
                        claim("intraday", "a2", 13, frame="intraday", date="2025-01-27", **price),
                        claim("monday", "a3", 12, frame="close", date="2025-01-27", **price),
                        claim("tuesday", "a4", 3, frame="close", date="2025-01-28", **price)]) == [("close", "monday")]
    # two undated figures of one metric can conflict (a bridge is one length); of no metric, not
    length = {"unit": "metre", "metric": "length"}
    assert conflicting([claim("80", "a1", 80, **length), claim("200", "a2", 200, **length)]) == [("200", "80")]
    assert conflicting([claim("80", "a1", 80, unit="metre", metric=None),
                        claim("200", "a2", 200, unit="metre", metric=None)]) == []


def test_a_days_move_stated_without_a_frame_is_held_against_the_close():
    price = {"unit": "percent", "metric": "share price", "direction": "down", "date": "2025-01-27"}
    assert conflicting([claim("close", "a1", 17, frame="close", **price),      # "closed down 17%"
                        claim("unsaid", "a2", 19, **price),                    # "fell 19% on Monday"
                        claim("intraday", "a3", 13, frame="intraday", **price)]) == [("close", "unsaid")]


def test_a_move_dated_only_by_a_morning_report_is_one_fact_with_the_day_before():
    # "closed down 17%" in Tuesday's paper, which never says the day, and "fell 17% on
    # Monday": one fact; the node keeps the day the text gave. Tuesday's own move stays apart.
    move = {"unit": "percent", "metric": "share price", "direction": "down", "frame": "close"}
    groups = group_claims([claim("monday", "a1", 17, date="2025-01-27", date_source="text", **move),
                           claim("report", "a2", 17, date="2025-01-28", date_source="published", **move),
                           claim("tuesday", "a3", 17, date="2025-01-28", date_source="text", **move)])
    assert sorted(sorted(c.id for c in g.members) for g in groups) == [["monday", "report"], ["tuesday"]]
    assert {g.date for g in groups} == {"2025-01-27", "2025-01-28"}
    # a Monday paper's window reaches back to Friday's session, not to the weekend
    assert report_window("2025-01-27") == "2025-01-24/2025-01-27"
    # what is not a market's figure keeps its publication day
    assert members([claim("tuesday", "a1", 10e6, metric="cost", date="2025-01-28", date_source="published"),
                    claim("monday", "a2", 10e6, metric="cost", date="2025-01-27", date_source="text")]) == [
        ["monday"], ["tuesday"]]


def test_the_weekday_of_an_undated_page_is_held_against_the_days_other_outlets_give():
    move = {"unit": "percent", "metric": "share price", "direction": "down", "frame": "close"}
    monday = [claim("a17", "a1", 17, date="2025-01-27", date_source="text", **move),
              claim("b17", "a2", 17, date="2025-01-27", date_source="text", **move)]
    # "closed down 17% on Monday" on a page without a date is Monday's fact; Tuesday's is not
    assert members([*monday, claim("u17", "a3", 17, weekday="Monday", **move),
                    claim("t17", "a4", 17, weekday="Tuesday", **move)]) == [["a17", "b17", "u17"], ["t17"]]
    # "18% on Monday" there contradicts Monday's 17%; Tuesday's 8.9% rise contradicts nothing
    assert conflicting([*monday, claim("u18", "a3", 18, weekday="Monday", **move),
                        claim("t9", "a3", 8.9, weekday="Tuesday", unit="percent", metric="share price",
                              direction="up", frame="close")]) == [("a17,b17", "u18")]
    # two undated pages' "Tuesday" may be two weeks' Tuesdays, or two readings of one session
    rise = {"unit": "percent", "metric": "share price", "direction": "up", "frame": "pre-market", "weekday": "Tuesday"}
    assert conflicting([claim("t25", "a4", 2.5, **rise), claim("t5", "a5", 5, **rise)]) == []


def test_an_undated_pages_weekday_is_held_against_the_day_another_page_came_out():
    # "Considering Thursday's losses, his net worth slipped to around $55.9 billion" on an
    # undated page, and "now has a net worth of $67 billion" on a page of that Thursday
    worth = {"subject": (ORVEX,), "metric": "net worth"}
    published = claim("now", "a1", 67e9, date="2018-07-26", date_source="published", **worth)
    assert conflicting([published, claim("thu", "a2", 55.9e9, hedge="~", weekday="Thursday", **worth)]) \
        == [("now", "thu")]
    # the page's own weekday must be the one the undated page names
    assert conflicting([published, claim("wed", "a2", 55.9e9, hedge="~", weekday="Wednesday", **worth)]) == []
    # a move on a page of that day may be the morning's: "dropped 4.8% at the opening bell on Monday"
    move = {"unit": "percent", "metric": "index level", "direction": "down"}
    assert conflicting([claim("close", "a1", 3.4, date="2024-08-05", date_source="published", **move),
                        claim("open", "a2", 4.8, weekday="Monday", **move)]) == []


def test_an_undated_pages_far_other_figure_on_a_dated_weekday_is_another_week_not_a_conflict():
    move = {"unit": "percent", "metric": "share price", "direction": "down", "frame": "close"}
    monday = [claim("a17", "a1", 17, date="2025-01-27", date_source="text", **move),
              claim("b17", "a2", 17, date="2025-01-27", date_source="text", **move)]
    # a look-alike page's "closed 5% lower on Monday" is another Monday's close
    assert conflicting([*monday, claim("u5", "a3", 5, weekday="Monday", **move)]) == []
    # dated on both sides, the same figures do contradict
    assert conflicting([*monday, claim("d5", "a3", 5, date="2025-01-27", date_source="text", **move)]) \
        == [("a17,b17", "d5")]


def test_an_undated_pages_move_the_other_way_on_a_dated_weekday_is_another_week_not_a_conflict():
    # a dated page's "fell 9.5% on Tuesday" (3 September) and an undated page's "rose 8.9%
    # on Tuesday": nothing ties the two Tuesdays, and a move read the wrong way is rarer
    fall = claim("s95", "a1", 9.5, date="2024-09-03", date_source="text", unit="percent", metric="share price",
                 direction="down", frame="close")
    rise = claim("t89", "a2", 8.9, weekday="Tuesday", unit="percent", metric="share price", direction="up",
                 frame="close")
    assert conflicting([fall, rise]) == []
    # dated on both sides, a rise and a fall of one close do contradict
    dated_rise = rise.model_copy(update={"weekday": None, "date": "2024-09-03", "date_source": "text"})
    assert conflicting([fall, dated_rise]) == [("s95", "t89")]


def test_a_morning_reports_window_is_never_held_against_a_day():
    # Tuesday's paper may tell Tuesday's move ("down 5%") where another outlet gives
    # Monday's 17%: not a contradiction; two outlets' different figures for one day are
    move = {"unit": "percent", "metric": "share price", "direction": "down", "frame": "close"}
    assert conflicting([claim("monday", "a1", 17, date="2025-01-27", date_source="text", **move),
                        claim("report", "a2", 5, date="2025-01-28", date_source="published", **move)]) == []
    assert conflicting([claim("monday", "a1", 17, date="2025-01-27", date_source="text", **move),
                        claim("other", "a2", 12, date="2025-01-27", date_source="text", **move)]) == [("monday", "other")]
    # a company's value with no day is of no particular day: $3.4 trillion then $2.9 trillion
    value = {"metric": "market value"}
    assert conflicting([claim("3.4", "a1", 3.355e12, **value), claim("2.9", "a2", 2.89e12, **value)]) == []
    # a year's move is a year's: two outlets' figures for it still contradict
    year = {"unit": "percent", "metric": "share price", "direction": "up", "date": "2023", "date_source": "text"}
    assert conflicting([claim("239", "a1", 239, **year), claim("180", "a2", 180, **year)]) == [("180", "239")]
    # but a year's move ("so far in 2025, down 10%") is not a day's of that year
    assert conflicting([claim("monday", "a1", 17, date="2025-01-27", date_source="text", **move),
                        claim("ytd", "a2", 10, date="2025", date_source="text", **move)]) == []


def test_a_running_toll_that_differs_is_an_update_not_a_conflict():
    # "the death toll rose to 37" in the morning, "39" by the evening: successive reports
    dead = {"subject": (), "unit": "person", "metric": "dead", "date": "2018-08-15"}
    assert conflicting([claim("37", "a1", 37, **dead), claim("39", "a2", 39, **dead)]) == []


def test_two_figures_of_one_article_are_two_facts_not_a_contradiction():
    # "Nine people are in hospital, four of them in a critical condition."
    hospital = {"subject": (), "unit": "person", "metric": "hospitalised", "date": "2018-08-19"}
    assert conflicting([claim("nine", "a1", 9, **hospital), claim("four", "a1", 4, **hospital)]) == []
    assert conflicting([claim("nine", "a1", 9, **hospital), claim("four", "a2", 4, **hospital)]) == [("four", "nine")]

    # an outlet that writes both figures ("as much as 50 metres", "180 feet") sees two facts,
    # even when another outlet repeats one of them
    height = {"unit": "metre", "metric": "height"}
    assert conflicting([claim("50", "a1", 50, hedge="<=", **height), claim("55", "a1", 54.864, **height),
                        claim("50_again", "a2", 50, **height)]) == []


def test_figures_a_multiple_apart_are_two_things_not_a_contradiction():
    # "the 80-metre section" and "the 1.1km bridge"; "$16.8 billion" lost and "$71 billion" worth
    length = {"unit": "metre", "metric": "length"}
    assert conflicting([claim("section", "a1", 80, **length), claim("bridge", "a2", 1100, **length)]) == []
    assert conflicting([claim("section", "a1", 80, **length), claim("other", "a2", 200, **length)]) == [
        ("other", "section")]


def test_a_change_and_a_level_of_one_metric_do_not_conflict():
    # "his fortune shrank by $16 billion" against "he is now worth $55.9 billion"
    worth = {"metric": "net worth", "date": "2018-07-26"}
    assert conflicting([claim("lost", "a1", 16e9, direction="down", **worth), claim("worth", "a2", 55.9e9, **worth)]) == []
    assert conflicting([claim("worth", "a1", 55.9e9, **worth), claim("other", "a2", 67e9, **worth)]) == [("other", "worth")]


def test_undated_moves_may_be_from_other_days_so_do_not_conflict():
    # "the stock fell 12% after its listing" and "shares fell 20%", neither dated
    move = {"unit": "percent", "metric": "share price", "direction": "down"}
    assert conflicting([claim("12", "a1", 12, **move), claim("20", "a2", 20, **move)]) == []
    assert conflicting([claim("12", "a1", 12, date="2018-07-26", **move),
                        claim("20", "a2", 20, date="2018-07-26", **move)]) == [("12", "20")]


def test_election_results_of_another_day_are_another_vote_not_a_contradiction():
    # "turnout was 84.6%" in one referendum's report, "72.2%" in another's, one page undated
    turnout = {"subject": (VOTERS,), "unit": "percent", "metric": "turnout"}
    assert conflicting([claim("scots", "a1", 84.6, **turnout), claim("eu", "a2", 72.2, date="2016-06-24", **turnout)]) == []
    assert conflicting([claim("scots", "a1", 84.6, **turnout), claim("eu", "a2", 72.2, **turnout)]) == []
    assert conflicting([claim("a", "a1", 84.6, date="2016-06-24", **turnout),
                        claim("b", "a2", 72.2, date="2016-06-24", **turnout)]) == [("a", "b")]


def test_market_levels_contradict_only_at_a_fixed_moment_of_one_day():
    # "sterling fell from $1.50 to $1.3459 overnight": two moments, not two claims about one
    rate = {"unit": "USD", "metric": "exchange rate", "date": "2016-06-24"}
    assert conflicting([claim("high", "a1", 1.50, **rate), claim("low", "a2", 1.3459, **rate)]) == []
    assert conflicting([claim("a", "a1", 176.26, frame="close", **{**rate, "metric": "share price"}),
                        claim("b", "a2", 174.02, frame="close", **{**rate, "metric": "share price"})]) == [("a", "b")]
    assert conflicting([claim("a", "a1", 176.26, frame="close", metric="share price"),
                        claim("b", "a2", 217.50, frame="close", metric="share price")]) == []  # which days?


def test_a_count_of_a_subgroup_does_not_conflict_with_the_whole():
    # "three children" among the hospitalised against "12 people in hospital"; "400 firefighters"
    # against "12 rescuers" are other groups, "12 victims" and "15 people" the same one
    day = {"subject": (), "unit": "person", "metric": "hospitalised", "date": "2018-08-15"}
    assert conflicting([claim("children", "a1", 3, stated=(3, "child"), **day),
                        claim("people", "a2", 12, stated=(12, "people"), **day)]) == []
    assert conflicting([claim("victims", "a1", 12, stated=(12, "victim"), **day),
                        claim("people", "a2", 15, stated=(15, "people"), **day)]) == [("people", "victims")]


def test_percentages_of_no_subject_are_never_held_against_each_other():
    share = {"subject": (), "unit": "percent", "metric": "vote share", "date": "2016-06-24"}
    assert conflicting([claim("48", "a1", 48, **share), claim("55", "a2", 55.3, **share)]) == []


def test_a_converted_figure_keeps_the_rounding_of_what_was_written():
    # "a 200-metre section" and "a 650-foot section" (198.12 m): one length, rounded by the writer
    length = {"unit": "metre", "metric": "length"}
    assert members([claim("metres", "a1", 200, **length),
                    claim("feet", "a2", 198.12, stated=(650, "foot"), **length)]) == [["feet", "metres"]]
    assert members([claim("metres", "a1", 200, **length),
                    claim("feet", "a2", 45.72, stated=(150, "foot"), **length)]) == [["feet"], ["metres"]]
    # 200 metres is 656 feet: one outlet writes "650 feet", another "660-foot"
    assert members([claim("metres", "a1", 200, **length), claim("650", "a2", 198.12, stated=(650, "foot"), **length),
                    claim("660", "a3", 201.168, stated=(660, "foot"), **length)]) == [["650", "660", "metres"]]


def test_a_toll_reported_again_on_following_days_is_one_fact_until_it_moves():
    toll = {"subject": (), "unit": "person", "metric": "dead"}
    claims = [claim("38_on_15th", "a1", 38, date="2018-08-15", **toll), claim("39_on_15th", "a2", 39, date="2018-08-15", **toll),
              claim("38_on_17th", "a3", 38, date="2018-08-17", **toll), claim("undated_38", "a4", 38, **toll)]
    assert members(claims) == [["38_on_15th", "38_on_17th", "undated_38"], ["39_on_15th"]]
    assert sorted(g.date for g in group_claims(claims)) == ["2018-08-15", "2018-08-15/2018-08-17"]
    # three missing, then up to twenty, then three again: the count moved in between
    missing = {"subject": (), "unit": "person", "metric": "missing"}
    assert members([claim("3_on_15th", "a1", 3, date="2018-08-15", **missing),
                    claim("20_on_16th", "a2", 20, hedge="<=", date="2018-08-16", **missing),
                    claim("3_on_17th", "a3", 3, date="2018-08-17", **missing)]) == [
        ["20_on_16th"], ["3_on_15th"], ["3_on_17th"]]
    # days far apart are other reports, and a bound ("at least 38") reports no toll that held
    assert members([claim("38_on_15th", "a1", 38, date="2018-08-15", **toll),
                    claim("38_on_18th", "a2", 38, date="2018-08-18", **toll),
                    claim("at_least_38", "a3", 38, hedge=">=", date="2018-08-16", **toll)]) == [
        ["38_on_15th"], ["38_on_18th"], ["at_least_38"]]


def test_a_death_toll_only_grows_so_a_figure_between_two_reports_of_one_toll_does_not_split_it():
    toll = {"subject": (), "unit": "person", "metric": "dead"}
    # "38" on the 15th and 17th, "43" on a page dated the 16th and again on the 18th: the dead
    # never come back to 38 after 43, so each figure is one toll and one report is out of date
    claims = [claim("38_on_15th", "a1", 38, date="2018-08-15", **toll), claim("43_on_16th", "a2", 43, date="2018-08-16", **toll),
              claim("38_on_17th", "a3", 38, date="2018-08-17", **toll), claim("43_on_18th", "a4", 43, date="2018-08-18", **toll),
              claim("undated_43", "a5", 43, **toll)]
    assert members(claims) == [["38_on_15th", "38_on_17th"], ["43_on_16th", "43_on_18th", "undated_43"]]
    assert sorted(g.date for g in group_claims(claims)) == ["2018-08-15/2018-08-17", "2018-08-16/2018-08-18"]
    # the missing are found, so their count may move and come back: three facts
    missing = {"subject": (), "unit": "person", "metric": "missing"}
    assert members([claim("3_on_15th", "a1", 3, date="2018-08-15", **missing),
                    claim("5_on_16th", "a2", 5, date="2018-08-16", **missing),
                    claim("3_on_17th", "a3", 3, date="2018-08-17", **missing)]) == [
        ["3_on_15th"], ["3_on_17th"], ["5_on_16th"]]


def test_a_market_level_is_read_off_one_tape_but_a_sessions_low_is_not():
    rate = {"unit": "USD", "metric": "exchange rate"}
    # "recovered to $1.24" and "$1.2472" later: $1.2472 rounds to $1.25, so two moments
    assert members([claim("recovered", "a1", 1.24, **rate), claim("later", "a2", 1.2472, **rate)]) == [
        ["later"], ["recovered"]]
    # "below $1.36" overnight is not "$1.3408", which an outlet would write as below $1.35
    assert members([claim("below", "a1", 1.36, hedge="<", **rate), claim("now", "a2", 1.3408, **rate)]) == [
        ["below"], ["now"]]
    # the session's low as two feeds caught it: "$1.31" and "$1.3305 at one point"
    assert members([claim("low", "a1", 1.31, **rate), claim("at_one_point", "a2", 1.3305, frame="intraday", **rate)]) == [
        ["at_one_point", "low"]]
    # a rounded market value is not a market level: providers still differ on it
    assert members([claim("a", "a1", 589e9), claim("b", "a2", 593.7e9)]) == [["a", "b"]]


def test_a_figure_beyond_a_strict_bound_another_outlet_gave_is_another_fact():
    loss = {"direction": "down"}
    # "more than $120 billion": "$119 billion" may be another provider's figure, "$117 billion" not
    assert members([claim("more_than", "a1", 120e9, hedge=">", **loss), claim("119", "a2", 119e9, **loss)]) == [
        ["119", "more_than"]]
    assert members([claim("more_than", "a1", 120e9, hedge=">", **loss), claim("117", "a2", 117e9, **loss)]) == [
        ["117"], ["more_than"]]
    assert members([claim("under", "a1", 40, hedge="<", unit="percent"), claim("42", "a2", 42, unit="percent")]) == [
        ["42"], ["under"]]


def test_an_organisation_named_with_its_country_code_is_the_corpus_one_named_without():
    corpus = [(entity_id("Restore UK"), "Restore UK", "ORG"), (entity_id("Restore"), "Restore", "ORG"),
              (entity_id("Survation US"), "Survation US", "ORG")]
    assert {k: v.name for k, v in subject_aliases(corpus).items()} == {entity_id("Restore UK"): "Restore"}


def test_a_company_without_its_legal_form_and_a_person_by_surname_are_the_corpus_entity():
    corpus = [(entity_id("Orvex Mining"), "Orvex Mining", "ORG"), (entity_id("Orvex Mining Inc."), "Orvex Mining Inc.", "ORG"),
              (entity_id("Dana Whitlock"), "Dana Whitlock", "PERSON"), (entity_id("Whitlock"), "Whitlock", "PERSON"),
              (entity_id("Lee Park"), "Lee Park", "PERSON"), (entity_id("Min Park"), "Min Park", "PERSON"),
              (entity_id("Park"), "Park", "PERSON"), (entity_id("Apex Co"), "Apex Co", "ORG")]
    assert {k: v.name for k, v in subject_aliases(corpus).items()} == {
        entity_id("Orvex Mining Inc."): "Orvex Mining", entity_id("Whitlock"): "Dana Whitlock"}
    # through the graph: "Orvex Mining Inc. revenue of $4.2 billion" and "Orvex Mining's $4.2 billion"
    inc = EntityRef(name="Orvex Mining Inc.", id=entity_id("Orvex Mining Inc."))
    plain = EntityRef(name="Orvex Mining", id=entity_id("Orvex Mining"))
    entities = [Entity(id=ref.id, name=ref.name, type="ORG") for ref in (inc, plain)]
    claims = [claim("inc", "a1", 4.2e9, subject=(inc,), metric="revenue"),
              claim("plain", "a2", 4.2e9, subject=(plain,), metric="revenue")]
    nodes = build_graph([], entities, [], claims).claims
    assert [(n.subject.name, n.mentions) for n in nodes] == [("Orvex Mining", ["inc", "plain"])]


# ------------------------------------------------------------------ the product's path, on text


def test_monday_in_an_undated_article_merges_with_the_dated_report(tmp_path):
    run_articles(tmp_path, {
        "dated.md": "---\nsource: Harbor Ledger\npublished: 2026-03-03\n---\n"
                    "Shares of Orvex Mining fell 14% on Monday after the miner cut its output forecast.",
        "undated.md": "---\nsource: Northline Wire\n---\n"
                      "Orvex Mining shares sank 14 percent on Monday, the steepest drop in a decade.",
        "other_day.md": "---\nsource: City Gazette\npublished: 2026-03-05\n---\n"
                        "Orvex Mining shares fell 3% on Wednesday.",
    })
    fell = sorted((n["value"], n["sources"], n["date"]) for n in claim_nodes(tmp_path / "out"))
    assert fell == [(3, ["City Gazette"], "2026-03-04"), (14, ["Harbor Ledger", "Northline Wire"], "2026-03-02")]


def test_counts_of_no_one_never_conflict_through_the_product(tmp_path):
    # one party's seats told at two moments of the count (a tally stands at any moment of it), its
    # rivals' seats and the threshold of a majority ("seats" alone say whose they are not)
    run_articles(tmp_path, {
        "a.md": "---\nsource: Harbor Ledger\npublished: 2026-03-06\n---\n"
                "The Green Union won 212 seats on Thursday, well past the 163 seats needed for a majority.",
        "b.md": "---\nsource: Northline Wire\npublished: 2026-03-06\n---\n"
                "The Green Union took 187 seats on Thursday, and its rivals won 98 seats.",
    })
    nodes = claim_nodes(tmp_path / "out")
    assert {n["value"] for n in nodes} >= {212, 163, 187, 98}
    assert not any(n["conflicts_with"] for n in nodes)


def test_a_toll_that_held_for_two_days_is_one_fact_through_the_product(tmp_path):
    run_articles(tmp_path, {
        "a.md": "---\nsource: Harbor Ledger\npublished: 2026-05-12\n---\n"
                "The death toll from the collapse of the Velden viaduct rose to 38 on Tuesday, officials said.",
        "b.md": "---\nsource: Northline Wire\npublished: 2026-05-14\n---\n"
                "Rescuers kept searching the rubble on Thursday. The death toll stood at 38, the regional governor said.",
        "c.md": "---\nsource: City Gazette\npublished: 2026-05-12\n---\n"
                "The death toll rose to 39 on Tuesday, according to the fire service.",
    })
    tolls = sorted((n["value"], n["date"], n["sources"]) for n in claim_nodes(tmp_path / "out"))
    assert tolls == [(38, "2026-05-12/2026-05-14", ["Harbor Ledger", "Northline Wire"]), (39, "2026-05-12", ["City Gazette"])]


def test_query_conflicts_lists_both_sides_with_their_sources(tmp_path, capsys):
    run_articles(tmp_path, {
        "ledger.md": "---\nsource: Harbor Ledger\npublished: 2026-03-03\n---\nOrvex Mining shares fell 17% on Monday.",
        "wire.md": "---\nsource: Northline Wire\npublished: 2026-03-03\n---\nOrvex Mining shares fell 12% on Monday.",
    })
    capsys.readouterr()
    assert main(["query", str(tmp_path / "out"), "--conflicts"]) == 0
    listed = {c["value"]: c for c in json.loads(capsys.readouterr().out)}
    assert sorted(listed) == [12, 17]
    assert (listed[17]["sources"], listed[12]["sources"]) == (["Harbor Ledger"], ["Northline Wire"])
    assert listed[17]["conflicts_with"] == [listed[12]["id"]] and listed[12]["conflicts_with"] == [listed[17]["id"]]


def test_one_article_gives_one_fact_one_figure_so_precision_is_only_between_outlets():
    revenue = {"metric": None, "date": "2018-07-25"}
    assert members([claim("revenue", "a1", 13.2e9, **revenue), claim("consensus", "a1", 13.3e9, **revenue),
                    claim("other_outlet", "a2", 13.23e9, **revenue)]) in (
        [["consensus"], ["other_outlet", "revenue"]], [["consensus", "other_outlet"], ["revenue"]])
    # rounding and hedges still apply within one article
    assert members([claim("a", "a1", 17, hedge="~", unit="percent"), claim("b", "a1", 16.9, unit="percent")]) == [
        ["a", "b"]]


def test_a_word_that_only_names_the_metric_does_not_keep_two_outlets_apart():
    unemployment = EntityRef(name="unemployment", id="ent_unemployment")  # "unemployment dipped to 4.2%"
    wages = EntityRef(name="Wages", id="ent_wages")  # "Wages grew 3.8%"
    assert members([
        claim("headline", "a1", 4.2, subject=(unemployment,), unit="percent", metric="unemployment", date="2026-09-04"),
        claim("body", "a2", 4.2, subject=(), unit="percent", metric="unemployment", date="2026-09-04"),
        claim("wages", "a3", 3.8, subject=(wages,), unit="percent", metric="pay", date="2026-09-04"),
        claim("pay", "a1", 3.8, subject=(), unit="percent", metric="pay", date="2026-09-04"),
    ], ENTITIES) == [["body", "headline"], ["pay", "wages"]]


def test_one_heap_weighed_by_three_outlets_is_one_fact_whatever_they_call_it():
    rubble, debris, concrete = (EntityRef(name=n, id=f"ent_{n}") for n in ("rubble", "debris", "concrete"))
    assert members([
        claim("rubble", "a1", 3e6, subject=(rubble,), unit="kilogram", metric="weight"),
        claim("debris", "a2", 3e6, subject=(debris,), unit="kilogram", metric="weight"),
        claim("concrete", "a3", 3e6, subject=(concrete,), unit="kilogram", metric="weight"),
        claim("other", "a3", 5e6, subject=(concrete,), unit="kilogram", metric="weight"),
    ], ENTITIES) == [["concrete", "debris", "rubble"], ["other"]]


def test_people_evacuated_and_people_displaced_are_one_count():
    evacuated = claim("e", "a1", 4000, subject=(), unit="person", metric="evacuated", hedge=">", date="2026-11-16")
    displaced = claim("d", "a2", 4000, subject=(), unit="person", metric="displaced", hedge=">", date="2026-11-16")
    arrested = claim("r", "a3", 4000, subject=(), unit="person", metric="arrested", hedge=">", date="2026-11-16")
    assert members([evacuated, displaced, arrested], ENTITIES) == [["d", "e"], ["r"]]


def test_an_approximate_figure_written_to_three_digits_is_near_that_figure_not_five_percent_off():
    coin = EntityRef(name="Bitcoin", id="ent_btc")
    around = claim("a", "a1", 80900, subject=(coin,), hedge="~", metric="exchange rate", date="2026-11-23")
    low = claim("l", "a2", 77500, subject=(coin,), metric="exchange rate", date="2026-11-23")
    near = claim("n", "a3", 80910, subject=(coin,), metric="exchange rate", date="2026-11-23")
    assert members([around, low, near], ENTITIES | {coin.id}) == [["a", "n"], ["l"]]
    nearly = claim("x", "a1", 17, subject=(ORVEX,), unit="percent", hedge="~", metric="share price", direction="down")
    exact = claim("y", "a2", 16.3, subject=(ORVEX,), unit="percent", metric="share price", direction="down")
    assert members([nearly, exact], ENTITIES) == [["x", "y"]]


def test_two_indexes_named_with_index_words_stay_apart():
    nasdaq = EntityRef(name="Nasdaq Composite Index", id="ent_nasdaq_composite_index")  # not an entity: a thing named
    dow = EntityRef(name="Dow Jones Industrial Average", id="ent_dow_jones_industrial_average")
    assert members([
        claim("nasdaq", "a1", 1.5, subject=(nasdaq,), unit="percent", metric="index level", date="2026-03-02"),
        claim("dow", "a2", 1.5, subject=(dow,), unit="percent", metric="index level", date="2026-03-02"),
    ], ENTITIES) == [["dow"], ["nasdaq"]]


def test_a_round_bound_of_one_digit_is_a_writer_rounding_up():
    loss = {"direction": "down"}
    # "over $600 billion" for the $589 billion other providers read; "more than $120 billion" is as written
    assert members([claim("over", "a1", 600e9, hedge=">", **loss), claim("589", "a2", 589e9, **loss)]) == [
        ["589", "over"]]
    assert members([claim("over", "a1", 600e9, hedge=">", **loss), claim("560", "a2", 560e9, **loss)]) == [
        ["560"], ["over"]]


def test_a_standing_figure_reported_on_consecutive_days_is_one_fact():
    trial = {"unit": "percent", "metric": "efficacy", "date_source": "published"}
    assert members([claim("wire", "a1", 91.3, date="2026-10-13", **trial),
                    claim("paper", "a2", 91, date="2026-10-14", **trial)]) == [["paper", "wire"]]


def test_two_stories_ages_of_a_man_a_day_apart_are_no_conflict():
    man = EntityRef(name="man", id="ent_man")
    age = {"subject": (man,), "unit": "year", "metric": "age", "date_source": "published"}
    assert conflicting([claim("a", "a1", 43, date="2026-03-02", **age),
                        claim("b", "a2", 55, date="2026-03-03", **age)]) == []


def test_magnitudes_and_distances_of_unnamed_things_never_conflict():
    # a story's quakes are many (a second shock, aftershocks), a distance is from some place
    shock = dict(subject=(EntityRef(name="earthquake", id="ent_quake"),), unit="magnitude", metric="magnitude",
                 date="2023-02-06")
    assert conflicting([claim("main", "a1", 7.8, **shock), claim("second", "a2", 7.5, **shock)]) == []
    away = dict(subject=(EntityRef(name="epicentre", id="ent_epi"),), unit="metre", metric="distance")
    assert conflicting([claim("near", "a1", 33000, **away), claim("far", "a2", 90000, **away)]) == []
    # (a depth is of the one shock: two agencies' depths still conflict)
    deep = dict(subject=(EntityRef(name="earthquake", id="ent_quake"),), unit="metre", metric="depth")
    assert conflicting([claim("usgs", "a1", 18000, **deep), claim("afad", "a2", 24100, **deep)]) == [("afad", "usgs")]


def test_a_company_s_results_conflict_only_when_both_say_their_period():
    # "a $4.8bn profit" and "$12bn": a quarter's and a year's, until both are dated
    profit = dict(metric="profit")
    assert conflicting([claim("quarter", "a1", 4.8e9, **profit), claim("year", "a2", 12e9, **profit)]) == []
    dated = dict(metric="profit", date="2024-Q3")
    assert conflicting([claim("one", "a1", 4.8e9, **dated), claim("other", "a2", 12e9, **dated)]) == [("one", "other")]


def test_a_move_before_the_open_or_after_hours_is_not_a_day_s_move_stated_without_a_frame():
    # an undated page's "falls 10% in premarket trade" and another day's "plunged nearly 10%"
    move = dict(unit="percent", metric="share price", direction="down")
    assert members([claim("pre", "a1", 10, frame="pre-market", **move),
                    claim("day", "a2", 10, hedge="~", date="2024-09-03", **move)]) == [["day"], ["pre"]]
    assert members([claim("late", "a1", 20, frame="after-hours", **move), claim("close", "a2", 20, **move)]) \
        == [["close"], ["late"]]
    # two outlets' premarket figures are one fact
    assert members([claim("pre", "a1", 10, frame="pre-market", **move),
                    claim("pre2", "a2", 10, hedge=">", frame="pre-market", **move)]) == [["pre", "pre2"]]


def test_moves_read_at_moments_before_during_or_after_a_session_do_not_conflict():
    # "another 40% in pre-market trading" and "more than 60%" that morning: two moments, no contradiction
    early = dict(unit="percent", metric="share price", direction="down", frame="pre-market", date="2023-03-10")
    assert conflicting([claim("forty", "a1", 40, **early), claim("sixty", "a2", 60, hedge=">", **early)]) == []
    # (two closes of one day still do)
    close = dict(unit="percent", metric="share price", direction="down", frame="close", date="2023-03-09")
    assert conflicting([claim("a", "a1", 60, **close), claim("b", "a2", 50, **close)]) == [("a", "b")]


def test_a_partys_seats_are_one_fact_under_its_short_name_and_another_partys_stay_apart(tmp_path):
    run_articles(tmp_path, {
        "a.md": "---\nsource: Harbor Ledger\npublished: 2026-03-06\n---\n"
                "The Northern Alliance Party won 212 parliamentary seats on Thursday, its best result.",
        "b.md": "---\nsource: Northline Wire\npublished: 2026-03-06\n---\n"
                "The Northern Alliance won 212 seats on Thursday. The Green Union won 212 seats in 2019.",
    })
    seats = sorted((len(n["articles"]), n["subject"]["name"] if n["subject"] else None)
                   for n in claim_nodes(tmp_path / "out") if n["value"] == 212)
    assert seats == [(1, "Green Union"), (2, "Northern Alliance Party")]


def test_a_partys_short_name_nickname_and_clipped_name_are_the_corpus_party_but_not_its_peoples_adjective():
    aliases = subject_aliases([("a", "Labour Party", "ORG"), ("b", "Labour", "ORG"), ("c", "Conservative Party", "ORG"),
                               ("d", "Tories", "ORG"), ("e", "Liberal Democrats", "ORG"), ("f", "Lib Dems", "ORG"),
                               ("g", "Republican Party", "ORG"), ("h", "Republican", "NORP")])
    assert {k: v.name for k, v in aliases.items()} == {"b": "Labour Party", "d": "Conservative Party",
                                                        "f": "Liberal Democrats"}


def test_a_target_range_is_one_fact_only_with_a_range_whose_both_ends_agree(tmp_path):
    run_articles(tmp_path, {
        "a.md": "---\nsource: Harbor Ledger\n---\nThe Halden Reserve Bank cut its key rate to between 4.75% and 5%.",
        "b.md": "---\nsource: Northline Wire\n---\nThe Halden Reserve Bank lowered the target range to 4.75%-5%.",
        "c.md": "---\nsource: City Gazette\n---\nLater the Halden Reserve Bank cut its key rate again, to between 4.5% "
                "and 4.75%.",
    })
    ranges = sorted((n["text"], len(n["articles"])) for n in claim_nodes(tmp_path / "out"))
    assert [count for _, count in ranges] == [1, 2]


def test_a_clipped_name_is_the_one_short_name_it_cuts_and_no_branch_of_it():
    aliases = subject_aliases([("a", "Federal Reserve", "ORG"), ("b", "Federal Reserve Board", "ORG"),
                               ("c", "Fed", "ORG"), ("d", "Federal Open Market Committee", "ORG")])
    assert {k: v.name for k, v in aliases.items()} == {"c": "Federal Reserve"}


def test_lengths_of_unnamed_things_and_players_yards_never_conflict_but_a_named_structures_do(tmp_path):
    run_articles(tmp_path, {
        "a.md": "---\nsource: Harbor Ledger\n---\nDana Whitlock kicked a 57-yard field goal. Dana Whitlock ran for 310 "
                "yards. The Kestrel Bridge is 45 metres high.",
        "b.md": "---\nsource: Northline Wire\n---\nJake Moody kicked a 55-yard field goal before Dana Whitlock passed "
                "for 333 yards. The Kestrel Bridge is 50 metres high.",
    })
    conflicted = sorted(n["text"] for n in claim_nodes(tmp_path / "out") if n["conflicts_with"])
    assert conflicted == ["45 metres", "50 metres"]


def test_tallies_of_named_things_are_no_contradiction():
    # "the fifth team to win three Super Bowls" and "the only quarterbacks to win four Super Bowls"
    bowls = EntityRef(id="ent_bowls", name="Super Bowls")
    tallies = [claim("three", "a1", 3, subject=(bowls,), unit="Super Bowls", metric=None, date="2024-02-12"),
               claim("four", "a2", 4, subject=(bowls,), unit="Super Bowls", metric=None, date="2024-02-12")]
    assert conflicting(tallies) == []


def test_a_title_case_headline_count_of_people_is_one_fact_with_the_texts(tmp_path):
    run_articles(tmp_path, {
        "a.md": "---\nsource: Harbor Ledger\npublished: 2026-05-13\n"
                "title: \"Velden Rescue Turns to Recovery of 6 Missing Workers\"\n---\n"
                "Divers searched the river for the workers on Wednesday.",
        "b.md": "---\nsource: Northline Wire\npublished: 2026-05-13\n---\n"
                "Six workers are missing after the collapse of the Velden viaduct.",
    })
    sixes = [n for n in claim_nodes(tmp_path / "out") if n["value"] == 6]
    assert [(n["unit"], n["sources"]) for n in sixes] == [("person", ["Harbor Ledger", "Northline Wire"])]


def test_an_undated_figure_is_the_day_s_whose_outlet_wrote_it_so():
    loss = {"metric": "net worth", "direction": "down"}
    # one day's fact told as "$15.4 billion" by one outlet and "$16 billion" by another (two
    # providers' figures), another day's "$15.5 billion": an undated "$16 billion" is written
    # as the first day's outlet wrote it, though it also rounds the other day's figure
    assert members([claim("precise", "a1", 15.4e9, date="2018-07-26", **loss),
                    claim("round", "a2", 16e9, date="2018-07-26", **loss),
                    claim("later", "a3", 15.5e9, date="2018-07-27", **loss),
                    claim("undated", "a4", 16e9, **loss)]) == [["later"], ["precise", "round", "undated"]]


def test_two_outlets_fortunes_of_one_person_conflict_only_on_a_day_both_give():
    huang = EntityRef(name="Dana Whitlock", id="ent_dana_whitlock")
    fortune = {"subject": (huang,), "metric": "net worth"}
    # undated: a fortune moves with its shares, so two figures may be two days
    assert conflicting([claim("a", "a1", 94.9e9, **fortune), claim("b", "a2", 103.1e9, **fortune)],
                       ENTITIES | {huang.id}) == []
    assert conflicting([claim("a", "a1", 55.9e9, date="2026-07-26", **fortune),
                        claim("b", "a2", 67e9, date="2026-07-26", **fortune)], ENTITIES | {huang.id}) == [("a", "b")]


def test_undated_levels_of_a_river_are_of_unknown_days_but_a_structure_s_height_conflicts(tmp_path):
    # a river's level moves from day to day like a toll; a bridge stands at one height
    run_articles(tmp_path, {
        "a.md": "---\nsource: Harbor Ledger\n---\nThe level of the Ostra river reached 5.31 metres, a record. "
                "The Kestrel Bridge is 45 metres high.",
        "b.md": "---\nsource: Northline Wire\n---\nThe level of the Ostra river reached 4.76 metres. "
                "The Kestrel Bridge is 50 metres high.",
    })
    nodes = claim_nodes(tmp_path / "out")
    assert sorted(n["text"] for n in nodes if n["conflicts_with"]) == ["45 metres", "50 metres"]
    assert {(n["subject"]["name"], n["metric"]) for n in nodes if n["text"] in ("5.31 metres", "4.76 metres")} \
        == {("Ostra", "height")}


def test_a_move_more_than_a_figure_is_one_fact_with_the_next_unit_an_outlet_rounds_to(tmp_path):
    # "more than 32%" of a 32.7% fall, which another outlet writes "33%"
    run_articles(tmp_path, {
        "a.md": "---\nsource: Harbor Ledger\npublished: 2024-10-31\n---\nHalvex shares fell more than 32% on Wednesday "
                "after its auditor resigned.",
        "b.md": "---\nsource: Northline Wire\npublished: 2024-10-31\n---\nHalvex shares plunged 33% on Wednesday after "
                "its auditor resigned.",
        "c.md": "---\nsource: Kestrel Post\npublished: 2024-10-31\n---\nHalvex shares fell 35% on Thursday.",
        "d.md": "---\nsource: Orvale Times\npublished: 2024-10-31\n---\nHalvex closed 32.68% lower on Wednesday.",
    })
    nodes = [n for n in claim_nodes(tmp_path / "out") if n["unit"] == "percent"]
    assert sorted((n["sources"]) for n in nodes) == [["Harbor Ledger", "Northline Wire", "Orvale Times"],
                                                     ["Kestrel Post"]]
    assert {n["text"] for n in nodes} <= {"33%", "32.68%", "35%"}  # a figure told as a point names the fact
