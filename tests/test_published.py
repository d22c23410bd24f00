"""Publication dates found in an article that states none (issue 17): where each comes from."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from extractor.ingest import ingest
from extractor.ingest.printed_dates import DATELINE_DATE, printed_dates
from extractor.ingest.published import dateline_date, infer_published, latest_date
from extractor.models import Article

STORY = (
    "Rescue teams searched the rubble through the night after a section of the motorway bridge "
    "gave way during a storm, officials said.\n\n"
    "The regional governor said the bridge had been inspected on 3 March 2017 and again on "
    "12 January 2018, and that no fault had been reported.\n\n"
    "Engineers will present a first report to parliament next week."
)
TODAY = dt.date(2025, 1, 1)


@pytest.mark.parametrize("head, expected", [
    ("Thursday, 6 October 2016\n\nFlash crash", "2016-10-06"),  # a line that is only a date
    ("Bridge toll rises\nPosted: Aug. 15, 2018 8:05 AM Posted By: The Wire\n", "2018-08-15"),  # labelled
    ("ROME, Aug. 15, 2018 - Italian authorities raised the toll to 37 on Wednesday.", "2018-08-15"),  # opens
    ("date 2018-08-16\nThe search ended overnight.", "2018-08-16"),
    ("Bridge toll rises\nBy Robin de Peyer24 June 2016\n", "2016-06-24"),  # glued to the byline
    ("Updated 17 August 2018\nPublished 15 August 2018\n", "2018-08-15"),  # an update yields
    ("Updated 17 August 2018\nThe toll rose.", "2018-08-17"),  # unless it is the only one
])
def test_dateline_at_the_top_of_the_text(head, expected):
    assert dateline_date(head) == expected


def test_a_date_inside_a_sentence_is_not_a_dateline():
    assert dateline_date(STORY) is None
    assert dateline_date("Shares closed at $176.26\n-- Lowest close since May 3, 2018, when it closed at $174.02") is None


def test_a_dateline_may_be_followed_by_a_separator_and_a_label():
    assert dateline_date("Sterling plummets\nclock 24 June 2016 • 2 min read") == "2016-06-24"


def test_latest_date_in_the_text_not_after_the_bound():
    assert latest_date(STORY, not_after=TODAY) == "2018-01-12"
    assert latest_date(STORY, not_after=dt.date(2017, 12, 31)) == "2017-03-03"
    assert latest_date("It happened on Monday, June 24.", not_after=TODAY) is None  # no year: not a full date


@pytest.mark.parametrize("text, expected", [
    ("Shares fell 3%, the lowest close since May 3, 2018. The board met on 12 January 2017.", "2017-01-12"),
    ("Records dating back to 4 June 2019 were lost. The vote was held on 2 March 2018.", "2018-03-02"),
    ("He was born on Monday, 3 March 2020 in Leeds. The ruling came on 2 March 2018.", "2018-03-02"),
    ("The rate has not moved since 5 May 2019.", None),  # only history: no inferred date
    # a clause in the past perfect after the date looks back from a later day
    ("Tech stocks fell on Monday. On January 22, 2018, chip stocks had rallied after the plan.", None),
    ("On 12 January 2017, Orvex shares fell 3% after its rival had cut prices.", "2017-01-12"),
])
def test_dates_the_story_looks_back_to_are_not_its_own(text, expected):
    assert latest_date(text, not_after=TODAY) == expected


@pytest.mark.parametrize("kwargs, expected", [
    ({"url": "https://news.example.com/2018/08/14/bridge-collapse"}, ("2018-08-14", "url")),
    ({"head": "14 August 2018\n" + STORY}, ("2018-08-14", "dateline")),
    ({}, ("2018-01-12", "inferred")),
    ({"fetched": "2017-06-01T10:00:00"}, ("2017-03-03", "inferred")),  # never after the fetch
    ({"fetched": "2016-01-01T10:00:00"}, ("2016-01-01", "fetched")),  # every date is later: fetch bounds it
])
def test_sources_in_order_of_trust(kwargs, expected):
    assert infer_published(STORY, today=TODAY, **kwargs) == expected


def test_a_timestamp_glued_into_the_slug_dates_the_page_but_a_long_id_does_not():
    url = "https://www.example-despatch.com/news/divers-recover-two-bodies-after-collapse202403280906450015/"
    assert infer_published("Divers recovered two bodies.", url=url, today=TODAY) == ("2024-03-28", "url")
    for url in ("https://example.com/item/20241399887766", "https://example.com/p/12202403280906"):
        assert infer_published("Divers recovered two bodies.", url=url, today=TODAY)[1] != "url"


def test_an_unpadded_date_in_the_url_path():
    url = "https://news.example.com/home/2023/3/7/port-strike-ends"
    assert infer_published("The strike ended.", url=url, today=TODAY) == ("2023-03-07", "url")
    assert infer_published("The strike ended.", url="https://example.com/2023/13/7/x", today=TODAY)[1] != "url"


def test_a_day_without_its_year_dates_the_report_after_an_older_full_date():
    text = ("The mayor spoke at the harbour on Feb. 2, 2023. (Photo)\n\n"
            "The port's shares fell 9% on Feb. 20 after the strike spread, and recovered on 21 February.")
    assert latest_date(text, not_after=TODAY) == "2023-02-21"
    far = "The plan was signed on March 3, 2022. It takes effect on Dec. 1."  # months later: not the report's day
    assert latest_date(far, not_after=TODAY) == "2022-03-03"
    assert latest_date("Prices rose on Jan. 4, 2022. Officials may 5 times revise it.", not_after=TODAY) == "2022-01-04"


def test_a_word_that_begins_like_a_month_is_no_day():
    text = ("Released on January 29, 2025, the episode looks at AI and financial markets.\n1. A Day Like No Other\n"
            "The decline deepened as the market opened.")
    assert latest_date(text, not_after=dt.date(2025, 6, 1)) == "2025-01-29"  # not "markets.\n1" read as March 1


def test_no_date_anywhere_is_none():
    assert infer_published("The council met and argued for hours about the toll.", today=TODAY) == (None, "none")


def test_ingest_records_where_the_date_came_from(tmp_path: Path):
    (tmp_path / "dateline.txt").write_text("Bridge toll rises to 38\n\n15 August 2018\n\n" + STORY, encoding="utf-8")
    (tmp_path / "inferred.txt").write_text(STORY.replace("next week", "soon"), encoding="utf-8")
    (tmp_path / "stated.txt").write_text(STORY + "\n\nA line.", encoding="utf-8")
    (tmp_path / "stated.meta.json").write_text(json.dumps({"published": "2018-08-20"}), encoding="utf-8")
    (tmp_path / "nothing.txt").write_text("The council met and argued for hours about the toll and the bridge.",
                                          encoding="utf-8")
    found = {e.path: (e.published, e.published_source) for e in ingest([tmp_path]) if isinstance(e, Article)}
    assert found == {
        "dateline.txt": ("2018-08-15", "dateline"),
        "inferred.txt": ("2018-01-12", "inferred"),
        "stated.txt": ("2018-08-20", "metadata"),
        "nothing.txt": (None, "none"),
    }


def test_a_source_given_in_json_that_is_not_one_of_ours_is_metadata(tmp_path: Path):
    record = {"text": STORY, "published": "2018-08-20", "published_source": "my crawler"}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    [article] = [e for e in ingest([tmp_path]) if isinstance(e, Article)]
    assert (article.published, article.published_source) == ("2018-08-20", "metadata")


def test_the_anchored_date_search_finds_what_a_full_scan_finds():
    # printed_dates searches only near years and slashed dates; every form, spacing and
    # neighbour a full DATELINE_DATE scan meets must come out the same
    text = ("Filed Sept.  30th,   2019 after the vote of 11/19/19; updated 2019-11-13T10:00 and on "
            "13.11.2019. Not a date: May 3, 20191 or 12345678. Across a line: September\n30, 2019. "
            + STORY + " Order 2019 of 1999 items, 4/5 of them, on 1 Jan 2000.")
    found = [m.group(0) for m in printed_dates(text)]
    assert found == [m.group(0) for m in DATELINE_DATE.finditer(text)]
    assert "September\n30, 2019" in found and "12 January 2018" in found and "1 Jan 2000" in found


def test_a_record_s_day_in_a_sentence_told_by_its_weekday_is_history():
    text = ("Kestrel's market value fell by $90 billion on Monday, more than doubling the $41 billion lost by the "
            "company on October 9, 2023.")
    assert latest_date(text, not_after=TODAY) is None
    assert latest_date("Kestrel's market value fell by $90 billion on October 9, 2023.", not_after=TODAY) == "2023-10-09"
    # the news's weekday earlier in the paragraph, the records' days in the sentences after it
    text = ("Kestrel lost $90 billion on Monday. This is the largest wipe-out in a day, twice the $41 billion it lost "
            "on October 9, 2023. The $30 billion loss on March 2, 2022 is the third largest.")
    assert latest_date(text, not_after=TODAY) is None



def test_the_day_of_a_record_named_as_beaten_before_it_is_history():
    text = ("The gain in Kestrel's market value surpassed the previous record held by Orvex, which saw its market "
            "value rise by $90 billion on March 4, 2022, after strong results.")
    assert latest_date(text, not_after=TODAY) is None
    assert latest_date("Orvex saw its market value rise by $90 billion on March 4, 2022, a record.",
                       not_after=TODAY) == "2022-03-04"


def test_the_day_of_an_event_the_news_surpasses_is_history_but_a_threshold_s_is_not():
    text = ("Kestrel shares sank 14 percent on Thursday.\n"
            "The decline already marked the company's largest drop ever, eclipsing an 11 percent drop on May 3, 2019.")
    assert latest_date(text, not_after=TODAY) is None
    text = "Kestrel's market value topped $3 trillion on June 5, 2024, a first for a chipmaker."
    assert latest_date(text, not_after=TODAY) == "2024-06-05"


def test_a_site_s_date_of_the_day_above_its_navigation_is_not_the_article_s():
    head = ("• Advertise\n• Contact Us\nSaturday, December 6, 2025\nThe Daily Ledger\n• Login\nView All Result\n"
            "Chip stocks slide as rout deepens\nJanuary 28, 2025\nin Markets\nShare on Facebook\n\n"
            "LONDON: Technology shares sank on Tuesday.")
    assert dateline_date(head) == "2025-01-28"
    assert dateline_date("Thursday, 6 October 2016\nPound slumps in flash crash\n\nThe pound fell 6% in two "
                         "minutes.") == "2016-10-06"


def test_a_photo_caption_s_date_under_the_weekday_dateline_is_not_the_article_s():
    head = ("Pell wins the election with 312 electoral votes\nFrom Kelby News\nTuesday, November 12, 2024\n"
            "Pell on October 6, 2017\nImage: Ana Ruiz.\nDana Pell won the election on November 6.")
    assert dateline_date(head) == "2024-11-12"


def test_a_record_s_day_after_an_abbreviated_month_is_history_like_the_day_before_it():
    # "Sept. 3" holds a full stop that ends no sentence: the parenthesis after it is the same
    # sentence, whose news is Monday's
    text = ("Halvard lost $589 billion in market capitalization Monday, more than doubling the $279 billion "
            "market cap lost by Halvard on Sept. 3, 2024 (Orvex’s $251 billion loss Feb. 3, 2022 is third).")
    assert latest_date(text, not_after=dt.date(2026, 1, 1)) is None


def test_the_end_of_a_period_a_company_reports_on_is_not_the_report_s_day():
    # the audit of a fiscal year that ended on a date, not a report of that day
    text = ("The stock plunged after the auditor quit during its audit of the fiscal year that ended on June 30, 2024. "
            "Results for the period ending Sept. 30, 2024 are late too.")
    assert latest_date(text, not_after=TODAY) is None
    assert latest_date(text + " Trading resumed on Oct. 30, 2024.", not_after=TODAY) == "2024-10-30"


def test_a_weekday_before_a_slashed_date_says_which_way_round_it_is():
    # 5 December 2024 was a Thursday, 12 May 2024 a Sunday
    assert dateline_date("Bitcoin Hits $100,000\nAlex Dovbnya\nThu, 5/12/2024 - 3:26\nBitcoin has surpassed the "
                         "$100,000 level.") == "2024-12-05"
    assert dateline_date("Storm hits coast\nSun, 5/12/2024 - 9:10\nThe storm hit the coast.") == "2024-05-12"


def test_a_site_s_date_of_the_day_above_a_long_navigation_menu_is_not_the_article_s():
    menu = "\n".join(f"  • {item}" for item in ["About Us", "Editorial", "Opinion", "Interview", "Contact", "Diplomacy",
                                                "Economy", "Regions", "Africa", "Americas", "Asia", "Europe", "Business",
                                                "Politics", "Events", "Health", "Sports", "Technology"] * 2)
    head = (f"• Contact\n• Jobs\nFriday, July 11, 2025\n• Login\nNo Result\nView All Result\n{menu}\n"
            "Home Business\n\nChipmaker suffers historic market value loss\n\nAda Obi by Ada Obi\nJanuary 27, 2025\n"
            "Reading Time: 3 mins read\n\nShares of the chipmaker fell 17% on Monday, wiping out $600 billion of its "
            "market value in the largest one-day loss for any company in the history of the US stock market, as "
            "investors weighed a cheaper rival model.")
    assert dateline_date(head) == "2025-01-27"


def test_the_day_a_company_s_accounts_stand_as_of_does_not_date_the_report():
    text = ("Regulators shut the lender on Friday. The bank had about $209.0 billion in total assets and $175.4 billion "
            "in deposits as of December 31, 2022, according to a filing.")
    assert latest_date(text, not_after=TODAY) is None
    assert latest_date("The toll stood at 42 as of August 18, 2018.", not_after=TODAY) == "2018-08-18"


def test_a_day_the_story_looks_ahead_to_does_not_date_it():
    text = ("HALTON, Ont. — The province expects the rebuild to cost $40 million, an official said Tuesday, "
            "June 4.\n\nCrews photographed on Monday, May 27, 2024, cleared debris. The barge is due to be "
            "towed away by June 20, and the inquiry report is scheduled for July 15, 2024.")
    assert latest_date(text, not_after=dt.date(2026, 1, 1)) == "2024-06-04"
    told = ("Fires broke out near the coast on Monday, July 23, 2018. As of early Tuesday, July 24, the toll stood "
            "at 49. Over the next hours it rose to 60, and by July 26 to 80.")
    assert latest_date(told, not_after=dt.date(2026, 1, 1)) == "2018-07-26"  # a story's own past "by"


def test_a_labelled_publication_date_dotted_with_a_two_digit_year_is_read_day_first():
    head = ("top-bar-logo Saturday, 20 July 2024\n\nCrew of the stranded freighter are well\n\n"
            "PTI Mumbai Published 03.05.24, 07:12 PM\n\nThe 19 crew members are still on board.")
    assert dateline_date(head) == "2024-05-03"
    assert dateline_date("Crew are well\n\nPublished 31.02.24\n\nThe crew are still on board.") is None
