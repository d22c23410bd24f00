"""Plain-text page dumps lose their furniture; clean text comes out unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.evaluate.plaintext import score_page_dumps, score_unchanged, unchanged
from extractor.ingest import ingest
from extractor.ingest.clean import clean_text
from extractor.ingest.furniture import _shape, is_page_dump
from extractor.models import Article, ErrorRecord

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
POLNEAR = SHARED / "dev" / "polnear" / "text"
PLAINTEXT = SHARED / "dev" / "plaintext"
NEWSQUANT = SHARED / "dev" / "newsquant" / "NewsQuant.dev.json"

# A news page saved as its whole visible text: menu, cookie notice, share prompts,
# summary bullets, a two-paragraph quote, related and most-read lists, footer.
PAGE_DUMP = '''\
Harbour council backs flood barrier after storm season | The Coastal Courier

Skip to main content
We use cookies to improve your experience on our site. By using the site you accept our cookie policy.
Accept cookies

Home
News
Local
Politics
Business
Sport
Weather
Opinion
Lifestyle
Podcasts
Subscribe
Sign in

Local

Harbour council backs flood barrier after storm season

By Maria Lopez
March 5, 2024

Share on Facebook
Share on Twitter
Email

• Council votes 9-2 for a 40 million pound barrier
• Work to start next spring and take three years
• Residents on the east quay will get grants to raise doorways

The harbour council voted on Tuesday to build a flood barrier across the mouth of the river, after a winter in which the old sea wall was breached three times.

The barrier, estimated at 40 million pounds, will be paid for by a national resilience grant and a levy on new building along the waterfront.

"We have had three floods in four months, and each one has cost families their homes and their savings.

"This barrier is not a luxury. It is the least we owe the people who live on the quay," council leader Tom Hale told the meeting.

Opponents said the levy would drive builders away from the waterfront and asked for an independent review of the costs, which the council rejected.

A public consultation on the design will open next month, and the first contracts are expected to be signed before the end of the year.

Related stories
Storm Ciara: Quay homes flooded for third time
Sea wall repairs delayed again
Council budget: what it means for you

Most read
1. Ferry service suspended after engine fault
2. New bakery opens on the high street
3. School wins national chess title

About us
Contact us
Advertise
Privacy policy
Terms of use
© 2024 The Coastal Courier. All rights reserved.
'''

BODY = [
    "Council votes 9-2 for a 40 million pound barrier",
    "Work to start next spring and take three years",
    "Residents on the east quay will get grants to raise doorways",
    "The harbour council voted on Tuesday to build a flood barrier across the mouth of the river, after a "
    "winter in which the old sea wall was breached three times.",
    "The barrier, estimated at 40 million pounds, will be paid for by a national resilience grant and a levy "
    "on new building along the waterfront.",
    "\"We have had three floods in four months, and each one has cost families their homes and their savings.",
    "\"This barrier is not a luxury. It is the least we owe the people who live on the quay,\" council leader "
    "Tom Hale told the meeting.",
    "Opponents said the levy would drive builders away from the waterfront and asked for an independent review "
    "of the costs, which the council rejected.",
    "A public consultation on the design will open next month, and the first contracts are expected to be "
    "signed before the end of the year.",
]


def _ingested(tmp_path: Path, name: str, content: str) -> list:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return list(ingest([path]))


def test_page_dump_keeps_the_story_its_bullets_and_quote(tmp_path):
    [article] = _ingested(tmp_path, "harbour.txt", PAGE_DUMP)
    assert article.text.split("\n\n") == BODY
    assert article.title == "Harbour council backs flood barrier after storm season"
    assert article.highlights == BODY[:3]


def test_page_dump_byline_becomes_metadata(tmp_path):
    [article] = _ingested(tmp_path, "harbour.txt", PAGE_DUMP)
    assert article.author == ["Maria Lopez"]
    assert (article.published, article.published_source) == ("2024-03-05", "dateline")
    assert "Maria Lopez" not in article.text


STORY = "\n\n".join(BODY[3:])
TEASERS = ("Port authority fines ferry operator over late sailings on the east coast route\n"
           "City museum reopens its maritime hall after a two-year restoration\n"
           "Fishing quotas cut again as cod stocks fall for a third year\n")


def test_a_list_of_headlines_under_a_next_in_heading_goes_with_its_heading(tmp_path):
    # a clean story (no page dump) with a list of other stories pasted after it
    [article] = _ingested(tmp_path, "harbour.txt", STORY + "\n\nNext In World News\n\n" + TEASERS)
    assert article.text.split("\n\n") == BODY[3:]
    [article] = _ingested(tmp_path, "harbour.txt", STORY + "\n\nOthers Also Read\n" + TEASERS)
    assert article.text.split("\n\n") == BODY[3:]


def test_a_sentence_that_opens_like_a_teaser_heading_is_kept(tmp_path):
    text = STORY + "\n\nMore from the same street were moved to the school hall on Tuesday night.\n"
    [article] = _ingested(tmp_path, "harbour.txt", text)
    assert article.text.endswith("More from the same street were moved to the school hall on Tuesday night.")


def test_a_section_label_above_the_headline_leaves_the_headline(tmp_path):
    [article] = _ingested(tmp_path, "harbour.txt", "Trending\n\nHarbour council backs flood barrier\n\n" + STORY)
    assert article.title == "Harbour council backs flood barrier"


def test_a_block_of_headlines_is_a_list_not_one_wrapped_paragraph(tmp_path):
    [article] = _ingested(tmp_path, "harbour.txt", STORY + "\n\n" + TEASERS)
    assert article.text.split("\n\n")[-3:] == TEASERS.strip().split("\n")


# A reference-work page copied as text: an infobox of short lines, section headings, and
# paragraphs that end in numbered reference marks.
REFERENCED_PAGE = """\
Mara Quill
Quill in 2019
Born: March 3, 1975
Nationality: Canadian
Occupation: Engineer
Years active: 1998 - present
Known for: Tidal turbines
Awards
Order of Canada (2016)
Gold medal (2012)
Spouse: Ivo Quill
Children: 2

Early life

Quill grew up in Halifax, where her father repaired fishing boats, and studied mechanical engineering at Dalhousie University in the 1990s. [1]

Career

She joined a small marine-energy firm in 1998 and led the design of its first tidal turbine, which was installed in the Bay of Fundy in 2004. [2] [3]

In 2010 she founded her own company, which now builds turbines for harbours in six countries and employs more than 200 people.[4][5]

Later work

Since 2018 she has advised the federal government on ocean energy and chaired a panel on grid storage. [6]
"""


def test_page_dump_keeps_paragraphs_that_end_in_reference_marks(tmp_path):
    """"... in 2004. [2] [3]" still ends a sentence: the paragraph is prose, not furniture."""
    [article] = _ingested(tmp_path, "quill.txt", REFERENCED_PAGE)
    for ending in ("in 2004. [2] [3]", "200 people.[4][5]", "on grid storage. [6]"):
        assert ending in article.text
    for line in REFERENCED_PAGE.splitlines():
        if line.endswith("]"):
            assert _shape(line).prose, line
    assert not _shape("Order of Canada (2016)").sentence_end


def test_json_text_field_is_cleaned_the_same_way(tmp_path):
    [article] = _ingested(tmp_path, "harbour.json", json.dumps({"text": PAGE_DUMP, "url": "https://example.com/x"}))
    assert article.text.split("\n\n") == BODY


def test_seeds_are_not_page_dumps_and_keep_their_bodies():
    for path in sorted(CORPUS.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        assert not is_page_dump(raw.split("\n")), path.name
    cleaned = clean_text((CORPUS / "deepseek" / "000_f283a5075d35532f.txt").read_text(encoding="utf-8"))
    assert cleaned.dropped == ["Read more: OpenAI poised to launch o3 mini language model"]


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR dev texts not available")
def test_clean_articles_come_out_unchanged(tmp_path):
    files = sorted(POLNEAR.glob("*.txt"))[:12]
    files += [POLNEAR / "huff-post_2016-09-27_obama-power-plant-rules-face-key.txt"]  # a wire trailer
    for path in files:
        raw = path.read_text(encoding="utf-8")
        [article] = [e for e in ingest([path]) if isinstance(e, Article)]
        assert unchanged(raw, article), path.name


@pytest.mark.skipif(not NEWSQUANT.is_file(), reason="NewsQuant dev set not available")
def test_news_sentences_come_out_unchanged():
    assert score_unchanged(NEWSQUANT, limit=40)["unchanged_share"] == 1.0


@pytest.mark.skipif(not PLAINTEXT.is_dir(), reason="plaintext dev set not available")
def test_plaintext_eval_slice_has_a_floor():
    result = score_page_dumps(PLAINTEXT, limit=12)
    assert result["pages"] == 12 and not result["failed"]
    assert result["f1"] >= 0.85


def test_a_five_megabyte_single_line_is_read(tmp_path):
    line = "The council met on Tuesday and agreed the budget, officials said. " * 80_000
    events = _ingested(tmp_path, "long.txt", line)
    assert [type(e) for e in events] == [Article]
    assert events[0].text == line.strip()


def test_a_file_over_the_size_limit_is_reported(tmp_path):
    from extractor.settings import Settings

    path = tmp_path / "long.txt"
    path.write_text("word " * 300_000, encoding="utf-8")
    [error] = list(ingest([path], Settings(max_bytes=1_000_000)))
    assert isinstance(error, ErrorRecord) and error.error == "too_large" and error.path == "long.txt"
