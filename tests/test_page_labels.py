"""Lines that label a story rather than tell it (dates, bylines, counters, credits) leave the text."""

import pytest

from extractor.ingest import ingest
from extractor.ingest.clean import clean_text
from extractor.ingest.page_labels import byline_names, is_date_line, page_labels
from extractor.models import Article

BODY = (
    "The river burst its banks on Wednesday and flooded the lower town, where about 300 homes "
    "were evacuated overnight, the regional council said.\n\n"
    "Engineers said the old flood wall had held for most of the night before a section gave way "
    "shortly after four in the morning."
)


@pytest.mark.parametrize("line", [
    "Friday 19 July 2024 04:30 EDT",
    "Published4 Sep 2024, 08:03 AM IST",
    "Tuesday, Jan 28, 2025 11:08 am ET2min read",
    "Posted at 12:48 PM, Jul 26, 2023",
    "and last updated 2023-07-26 14:52:49-04",
    "27 Jan 2025 | 11:04",
    "Updated:",
    "clock • 2 min read",
    "Thu 29 Sep 2022 10.01 EDTFirst published on Thu 29 Sep 2022 02.46 EDT",  # a label run into the time zone
])
def test_a_line_of_a_date_its_labels_and_times_is_a_date_line(line):
    assert is_date_line(line)


@pytest.mark.parametrize("line", [
    "On Monday, January 27, 2025, the council met again.",
    "Timeline: March 3, 2021",
    "Updated flood maps show the risk",
])
def test_a_line_with_words_of_its_own_is_not_a_date_line(line):
    assert not is_date_line(line)


def test_by_lines_name_their_people_and_headings_are_no_bylines():
    assert byline_names("ByMarta Lindqvist") == ["Marta Lindqvist"]
    assert byline_names("By Tomas Berg and Ana Ruiz, Nordic Wire") == ["Tomas Berg", "Ana Ruiz"]
    assert byline_names("Written by Ines Okafor Tue 4 Jan 2022") == ["Ines Okafor"]
    assert byline_names("Written by Ines Okafor on") == ["Ines Okafor"]  # the date printed apart
    assert byline_names("By The Numbers") is None
    assert byline_names("By Monday, the river had risen two metres.") is None


def test_the_header_of_a_saved_page_loses_its_byline_labels_and_player_clock():
    raw = ("River floods lower town\n\n"
           "Hundreds of homes were evacuated as the water rose through the night.\n"
           "Oskar Lindgren\nUpdated:\n0:00\n\n" + BODY)
    cleaned = clean_text(raw)
    assert cleaned.authors == ["Oskar Lindgren"]
    assert "Oskar Lindgren" not in cleaned.text and "Updated" not in cleaned.text and "0:00" not in cleaned.text
    assert "about 300 homes were evacuated" in cleaned.text
    assert cleaned.text.startswith("Hundreds of homes were evacuated")


def test_a_name_next_to_no_label_and_a_label_that_is_no_name_stay():
    raw = ("River floods lower town\n\nFront Page\nFriday 19 July 2024 04:30 EDT\n\n" + BODY
           + "\n\nMarta Lindqvist\n\nThe mayor, who grew up in the lower town, visited the shelters on Thursday.")
    cleaned = clean_text(raw, find_title=False)
    assert "Front Page" in cleaned.text
    assert "Marta Lindqvist" in cleaned.text
    assert "July 2024" not in cleaned.text


def test_author_lines_all_through_a_list_are_part_of_it():
    books = "\n\n".join(f"Book {n}: a novel of the northern coast\nAuthor: Ana Ruiz{n * 'a'}" for n in range(1, 12))
    raw = BODY + "\n\n" + books + "\n\n" + BODY.replace("Wednesday", "Thursday")
    labels = page_labels(raw.split("\n"))
    kept = [line for i, line in enumerate(raw.split("\n")) if i not in labels.lines]
    assert sum(line.startswith("Author: ") for line in kept) >= 8


def test_a_drop_capital_and_a_year_alone():
    lines = ["R", "iver levels fell on Friday.", "2024", "x"]
    assert sorted(page_labels(lines).lines) == [2, 3]


def test_glued_stock_quote_rows_and_their_header_are_dropped():
    lines = ["TickerSecurityLastChange%Chg", "NRDNORDIC RAIL CORP.42.17-1.05-2.43%", "Shares fell 2.4%."]
    assert sorted(page_labels(lines).lines) == [0, 1]


def test_a_caption_ending_with_its_credit_goes_and_still_dates_the_page(tmp_path):
    (tmp_path / "flood.txt").write_text(
        "River floods lower town\n\n"
        "Volunteers fill sandbags in the lower town on Tuesday, March 2, 2021. (AP Photo/Jane Roe)\n\n"
        + BODY, encoding="utf-8")
    article = next(event for event in ingest([tmp_path]) if isinstance(event, Article))
    assert "sandbags" not in article.text and "Jane Roe" not in article.text
    assert article.published == "2021-03-02" and article.published_source == "inferred"


def test_a_page_saved_as_one_line_loses_only_the_credit_at_its_end():
    line = " ".join([BODY.replace("\n\n", " ")] * 5) + " Credit: Nordic Wire via Storyful"
    cleaned = clean_text(line, find_title=False)
    assert cleaned.text.endswith("shortly after four in the morning.")
    assert "Storyful" not in cleaned.text


@pytest.mark.parametrize("prompt", [
    "Leave a Reply", "Comments are closed.", "Get the day's best stories in your inbox",
    "Image caption,", "Image source, Getty Images", "The Associated Press", "ASSOCIATED PRESS",
    "World Desk", "Reuters Graphics", "Newsletter sign-up", "Click to follow", "Source: Nordic Wire",
])
def test_page_prompts_credits_and_desks_are_dropped(prompt):
    cleaned = clean_text(BODY + "\n\n" + prompt + "\n\n" + BODY.replace("Wednesday", "Thursday"), find_title=False)
    assert prompt not in cleaned.text


def test_a_sentence_that_opens_like_a_label_stays():
    sentence = "Source: the council said the wall would be rebuilt within the year."
    assert sentence in clean_text(BODY + "\n\n" + sentence, find_title=False).text


@pytest.mark.parametrize("line", [
    "03/14/2026 // Dana K. // 2.3K Views",
    "3 days ago 12",
    "1.5K Views",
])
def test_a_line_of_a_date_a_name_and_reader_counts_is_a_label(line):
    assert page_labels(["A headline over the story", line, "", BODY]).lines == {1}


def test_a_sentence_with_views_and_days_stays():
    line = "Three days ago the council shared its views on the plan."
    assert page_labels(["A headline over the story", line, "", BODY]).lines == set()


def test_counts_glued_in_one_line_are_a_label():
    assert page_labels(["A headline over the story", "2 min read418 views3 tags", "", BODY]).lines == {1}
