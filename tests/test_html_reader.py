"""The HTML reader on small hand-written pages, and its score on the dev set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.evaluate.article_extraction import page_scores, score_article_extraction
from extractor.ingest.html import HtmlArticle, NoArticleError, is_boilerplate, read_html

DEV_SET = Path(__file__).resolve().parents[2] / "shared" / "dev" / "article-extraction"

BODY = [
    "The city council of Northbridge voted on Tuesday to build a new bridge over the "
    "Calder river, ending a debate that has divided residents for more than a decade.",
    "The project, estimated at 120 million dollars, will be funded by a regional grant "
    "and a new toll. Mayor Anna Berg said construction would begin next spring and "
    "take about three years.",
    "Opponents argued that the toll would hurt small businesses on the east bank. "
    "Several shop owners told the council that customers already avoid the area "
    "because of traffic.",
    "The council also approved a study of a ferry service that could run while the "
    "bridge is being built. Its results are expected in the summer.",
]

ARTICLE_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Northbridge council approves new bridge | The Daily Example</title>
<meta property="og:title" content="Northbridge council approves new bridge">
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2024-03-05T14:30:00+01:00">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://news.example.com/local/northbridge-bridge">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Northbridge council approves new bridge</h1>
<h2>The 120 million dollar crossing over the Calder river ends a decade of debate among residents</h2>
<p class="byline">By Jane Doe</p>
<p>{BODY[0]}</p>
<figure><img src="bridge.jpg"><figcaption>Photo: John Smith/Reuters</figcaption></figure>
<p>{BODY[1]}</p>
<p>Mayor Anna Berg at the council meeting on Tuesday. (Photo: John Smith/Reuters)</p>
<p>Advertisement</p>
<p>Read more: Northbridge mayor outlines spending plans</p>
<p>{BODY[2]}</p>
<p>Sign up for our daily newsletter to get the latest local news in your inbox.</p>
<p>{BODY[3]}</p>
<p>Share this article</p>
<p>© 2024 The Daily Example. All rights reserved.</p>
</article></main>
<footer><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p></footer>
</body></html>"""

NAVIGATION_PAGE = """<!DOCTYPE html><html><head><title>Sections | The Daily Example</title></head>
<body><nav><ul>
<li><a href="/local">Local</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
</ul></nav><footer><a href="/about">About us</a> <a href="/contact">Contact</a></footer></body></html>"""


@pytest.fixture(scope="module")
def article() -> HtmlArticle:
    return read_html(ARTICLE_PAGE, url="https://news.example.com/?id=42")


def test_body_keeps_paragraphs_separated_by_blank_lines(article):
    assert article.text.split("\n\n") == BODY


def test_boilerplate_headline_and_standfirst_are_dropped(article):
    for fragment in ("Advertisement", "Read more", "newsletter", "Share this", "©",
                     "Reuters", "cookie", "council approves new bridge", "ends a decade"):
        assert fragment not in article.text


def test_metadata(article):
    assert article.title == "Northbridge council approves new bridge"
    assert article.source == "The Daily Example"
    assert article.published == "2024-03-05T14:30:00"  # the wall-clock time the page states
    assert article.published_source == "metadata"
    assert article.authors == ["Jane Doe"]
    assert article.url == "https://news.example.com/local/northbridge-bridge"  # canonical wins


@pytest.mark.parametrize("container", ["article-body", "blog-content"])
def test_body_split_by_ad_slots_is_joined(container):
    first, second = "".join(f"<p>{p}</p>" for p in BODY[:2]), "".join(f"<p>{p}</p>" for p in BODY[2:])
    page = ARTICLE_PAGE.split("<main>")[0] + (
        f'<main><h1>Northbridge council approves new bridge</h1><div class="wrap"><div class="{container}">{first}</div>'
        '<aside>Trending now</aside></div><div class="ad-slot"><span>Advertisement</span></div>'
        f'<div class="wrap"><div class="{container}">{second}</div></div></main></body></html>'
    )
    assert read_html(page).text.split("\n\n") == BODY


def test_url_argument_is_the_fallback():
    page = ARTICLE_PAGE.replace('<link rel="canonical" href="https://news.example.com/local/northbridge-bridge">', "")
    assert read_html(page, url="https://news.example.com/a/1").url == "https://news.example.com/a/1"


@pytest.mark.parametrize("page", [NAVIGATION_PAGE, "", "just some words"])
def test_page_without_article_raises(page):
    with pytest.raises(NoArticleError):
        read_html(page)


@pytest.mark.parametrize(
    "line",
    ["Photo: Jane Doe/AP", "AFP/Getty Images", "Reuters/Jane Doe", "Advertisement",
     "Related: Ten things to know about the budget", "Follow us on Twitter",
     "Keith Brown contributed reporting from Hong Kong.", "Copyright 2024 Example Media",
     "Write to Jane Doe at jane.doe@example.com", "5 min read", "Share this story",
     # a timestamp alone, a gallery's controls, a folded caption
     "November 19, 2019 / 12:21 AM / Updated 14 hours ago", "Updated", "Image 1 of 8", "Caption", "Close",
     "Defence ministers shake hands in Hanoi, Vietnam, on Wednesday, Nov. 20, 2019. The minister is on a "
     "visit to Vietnam to strengthen military relations with the Southeast Asian nation, the first such "
     "trip in a decade ... more",
     # page navigation and buttons printed as text
     "Table of Contents", "Back to top", "Already have an account? Log in", "Learn more", "Book a demo",
     "Thank you! Your submission has been received!",
     # a wire byline with its beat, a bare "By", the outlet's standards, reader controls
     "Robert Burns, AP National Security Writer", "By", "Our Standards: The Thomson Reuters Trust Principles.",
     "Text size",
     # affiliate disclosures and shop buttons of review pages, an appeal for support
     "Disclosure: This post contains affiliate links. If you use them to make a purchase, we may earn a small commission.",
     "As an Amazon Associate, I earn from qualifying purchases.", "Check Price on Amazon",
     "Learn more about our editorial process.", "Enjoyed this piece? We need your help to keep publishing.",
     # a template's placeholder text, however long
     "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore "
     "et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut "
     "aliquip ex ea commodo consequat."],
)
def test_news_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    ["The photo was taken in Paris on Monday, police said.",
     "Published in 1999, the book sold two million copies.",
     "Google said it would stop using third-party cookies under a new policy.",
     "The newsletter, which has two million readers, was sold on Monday.",
     "Copyright law has not kept up with streaming, the judge wrote.",
     "Follow the money on this one, the senator said.",
     "Shares of Reuters' parent company rose 3% after the results.",
     "The index closed at 1 of its lowest levels since 2019.",
     "Updated forecasts show growth slowing to 1% in 2025.",
     "Investors expect more. Analysts expect less",
     "Learn more about the plan at a town hall on Monday, the mayor said.",
     "The contents of the report were leaked to reporters on Friday.",
     "Our standards have slipped, the editor of the paper admitted on Monday.",
     "Streamers earn money through affiliate programs and sponsorships, the report found.",
     "Check the price of the ticket before you book, the agency advised.",
     "She said readers could subscribe to the paper for free until May, a first for "
     "the group, which has lost about a third of its print subscribers since 2019 "
     "and now counts on digital sales for most of its revenue growth."],
)
def test_body_sentences_are_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_page_scores_follow_the_benchmark():
    assert page_scores("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    assert page_scores("a b c d e", "") == (0.0, 0.0, 1.0)
    tp, fp, fn = page_scores("one two three four five", "one two three four six")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_dev_set_score():
    result = score_article_extraction(DEV_SET, limit=10)
    assert result["pages"] == 10
    assert result["f1"] >= 0.9, result


def test_paragraphs_written_as_bare_text_between_headings_are_kept():
    html = ("<html><body><article><h1>Deals of the day</h1>"
            "<h2>A controller for $39.99</h2>The price of one of the controllers has dropped to its lowest level "
            "this year, and it is the best looking of them all.<h2>A monitor for $649.99</h2>This is the lowest "
            "price we have seen for one of the best gaming monitors, with a curved panel and a fast refresh rate."
            "</article></body></html>")
    text = read_html(html).text
    assert "The price of one of the controllers has dropped to its lowest level this year" in text
    assert "This is the lowest price we have seen for one of the best gaming monitors" in text


def test_content_streamed_in_hidden_react_segments_is_read():
    # React's streamed rendering sends the body in <div hidden id="S:0"> and moves it with a script;
    # a reader sees it, unlike an element hidden for good.
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    html = ("<html><body><main><h1>Northbridge council approves new bridge</h1>"
            "<div id='B:0'><p>Loading paragraph...</p></div>"
            "<p>Jane Doe covers local government, transport and the city's budget for the paper.</p></main>"
            f"<div hidden id='S:0'><article>{paragraphs}</article></div>"
            "<div hidden><p>This message is only shown when the page fails to load its scripts.</p></div>"
            "</body></html>")
    assert read_html(html).text.split("\n\n") == BODY


def test_content_after_an_early_end_of_page_is_read():
    # A template that closes </body></html> after its header and then prints the article.
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    html = ("<html><head><title>Northbridge council approves new bridge</title></head><body>"
            "<header><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav></header></body></html>\n"
            f"<div class='blog-detail-page'><h1>Northbridge council approves new bridge</h1>{paragraphs}</div>")
    assert read_html(html).text.split("\n\n") == BODY


def test_text_decoded_twice_is_repaired():
    # UTF-8 read as Latin-1 somewhere between the newsroom and the page ("weâ\x80\x99ll").
    broken = [p.encode("utf-8").decode("latin-1") for p in
              ["The council’s vote ends a debate that has divided residents for more than a decade.", *BODY[1:]]]
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in broken) + "</article></body></html>"
    assert read_html(html).text.split("\n\n")[0] == (
        "The council’s vote ends a debate that has divided residents for more than a decade.")


def test_a_title_decoded_twice_is_repaired_and_a_date_before_it_goes():
    broken = "A Saver’s Guide to Pensions".encode("utf-8").decode("latin-1")
    html = (f"<html><head><title>{broken}</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</article></body></html>")
    assert read_html(html).title == "A Saver’s Guide to Pensions"
    html = ("<html><head><title>Dec 18 2025 Northbridge council approves new bridge</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</article></body></html>")
    assert read_html(html).title == "Northbridge council approves new bridge"


def _guide_paragraphs(label: str, count: int) -> str:
    return "".join(
        f"<p>{label} paragraph {i}: homeowners planning a renovation should understand contractor "
        "estimates, municipal permits, structural assessments, electrical upgrades, plumbing "
        "replacements and the complications found behind old plasterboard.</p>"
        for i in range(count)
    )


def _guide_with_short_article() -> str:
    return (
        "<html><head><title>Renovation costs</title></head><body><div class='page'>"
        f"<div class='guide'><h1>Renovation costs explained</h1>{_guide_paragraphs('Guide', 60)}</div>"
        f"<div class='scope'><article><h2>By project scope</h2>{_guide_paragraphs('Scope', 12)}</article></div>"
        "</div></body></html>"
    )


def test_short_recall_body_beside_the_article_gives_way_to_the_balanced_body():
    # A long guide in plain divs and a short section in an <article> after it. Recall mode
    # keeps the <article> alone (a sixth of the page's words), balanced mode the guide.
    paragraphs = read_html(_guide_with_short_article()).text.split("\n\n")
    assert len(paragraphs) == 60
    assert paragraphs[0].startswith("Guide paragraph 0: homeowners")
    assert paragraphs[-1].startswith("Guide paragraph 59: homeowners")


def _story_page(closing: str, tail: list[str]) -> str:
    return (
        "<html><head><title>Northbridge council approves new bridge</title></head><body><article>"
        + "".join(f"<p>{text}</p>" for text in BODY) + closing
        + "".join(f"<p>{text}</p>" for text in tail) + "</article></body></html>"
    )


def test_links_to_other_stories_after_a_closing_heading_are_dropped():
    related = ["Ferry operators ask the council for a new landing stage before the works begin next spring.",
               "Residents of the east bank plan a protest against the toll at Tuesday's council meeting."]
    assert read_html(_story_page("<h3>Related articles</h3>", related)).text == "\n\n".join(BODY)
    assert read_html(_story_page("<h2>About the author</h2>", related[:1])).text == "\n\n".join(BODY)
    assert read_html(_story_page("<h3>You'll also love</h3>", related)).text == "\n\n".join(BODY)
    assert read_html(_story_page("<h3>Explore more local stories</h3>", related)).text == "\n\n".join(BODY)


def test_a_closing_heading_high_up_heads_a_section_of_the_article():
    # What follows the heading is most of the body: a section of the article, kept.
    section = [f"{text} The same was said again in the second hearing." for text in BODY]
    text = read_html(_story_page("<h2>Related stories</h2>", section)).text
    assert text.split("\n\n") == [*BODY, "Related stories", *section]


def test_readability_is_the_last_opinion_on_a_short_recall_body(monkeypatch):
    # The page of the test above, with a balanced mode that finds nothing (as on pages where
    # both of trafilatura's modes settle on the same promo block): readability's container wins.
    import extractor.ingest.html as html_reader

    monkeypatch.setattr(html_reader, "_balanced_body", lambda tree, options: [])
    paragraphs = read_html(_guide_with_short_article()).text.split("\n\n")
    assert len(paragraphs) == 60
    assert paragraphs[0].startswith("Guide paragraph 0: homeowners")
    assert paragraphs[-1].startswith("Guide paragraph 59: homeowners")


def test_body_hidden_until_scripts_run_is_read_with_its_metadata():
    # Every paragraph sits in a container hidden until the page's scripts run: no body at
    # first, so the hidden parts are read (not a second opinion on an empty body).
    page = (
        "<html><head><title>Northbridge council approves new bridge</title>"
        "<meta name='author' content='Jane Doe'></head><body>"
        f"<div class='hidden'><article>{''.join(f'<p>{text}</p>' for text in BODY)}</article></div>"
        "</body></html>"
    )
    article = read_html(page)
    assert article.text == "\n\n".join(BODY)
    assert article.authors == ["Jane Doe"]


def test_an_article_printed_twice_is_read_once():
    # One copy per screen layout, both in the markup; a pull quote repeated on its own stays.
    copy = "".join(f"<p>{text}</p>" for text in BODY)
    quote = "“The toll would hurt small businesses on the east bank,” one shop owner said."
    page = (
        "<html><head><title>Northbridge council approves new bridge</title></head><body><article>"
        f"<div class='layout-narrow'>{copy}</div><div class='layout-wide'>{copy}</div>"
        f"<p>{quote}</p><p>The hearing lasted four hours and ended after midnight.</p><p>{quote}</p>"
        "</article></body></html>"
    )
    paragraphs = read_html(page).text.split("\n\n")
    assert paragraphs == [*BODY, quote, "The hearing lasted four hours and ended after midnight.", quote]


def _bylined_story(closing: str) -> str:
    return (
        "<html><head><title>Northbridge council approves new bridge</title>"
        "<meta name='author' content='Jane Doe'></head><body><article>"
        + "".join(f"<p>{text}</p>" for text in BODY) + f"<p>{closing}</p></article></body></html>"
    )


def test_the_writers_note_closing_the_article_is_dropped():
    note = ("Jane Doe is a local government reporter who has covered Northbridge council since 2015. "
            "She lives on the east bank.")
    assert read_html(_bylined_story(note)).text == "\n\n".join(BODY)


def test_a_self_introduction_of_the_writer_is_dropped():
    note = "Hi, I'm Jane, and I cover local politics and transport for The Daily Example."
    assert read_html(_bylined_story(note)).text == "\n\n".join(BODY)


def test_a_closing_paragraph_about_someone_else_stays():
    closing = "Anna Berg is a former engineer who was elected mayor in 2021 on a promise to build the bridge."
    assert read_html(_bylined_story(closing)).text.split("\n\n")[-1] == closing


def test_the_body_stated_in_json_ld_wins_over_a_much_shorter_extracted_body():
    # The markup prints only the introduction; the list of items comes from script data.
    stated = "\n".join(BODY + [f"{i}. Item {i} of the list, described in a full sentence of the article." for i in range(1, 9)])
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ten ferries",
          "articleBody": stated}
    page = (
        "<html><head><title>Ten ferries</title>"
        f"<script type='application/ld+json'>{json.dumps(ld)}</script></head><body><article>"
        f"<p>{BODY[0]}</p><p>{BODY[1]}</p><div id='slides'></div></article></body></html>"
    )
    assert read_html(page).text == stated.replace("\n", "\n\n")


def test_a_disclaimer_container_is_dropped():
    notice = ("The information on this site is for general purposes only and is not financial advice. "
              "Past performance does not guarantee future results.")
    page = (
        "<html><head><title>Northbridge council approves new bridge</title></head><body><article>"
        + "".join(f"<p>{text}</p>" for text in BODY)
        + f"<div class='article-disclaimer'><p>{notice}</p></div></article></body></html>"
    )
    assert read_html(page).text == "\n\n".join(BODY)


def test_a_page_wrapper_named_after_its_disclosure_stays():
    page = (
        "<html><head><title>Northbridge council approves new bridge</title></head><body>"
        "<div class='page has-disclosure'><article>" + "".join(f"<p>{text}</p>" for text in BODY)
        + "</article></div></body></html>"
    )
    assert read_html(page).text == "\n\n".join(BODY)


def test_script_data_printed_as_a_paragraph_is_dropped():
    data = '[["Easy to understand", "easyToUnderstand", "thumb-up"], ["Other", "otherUp", "thumb-up"]]'
    assert read_html(_story_page(f"<p>{data}</p>", [])).text == "\n\n".join(BODY)


def test_json_in_a_code_block_is_an_example_and_stays():
    example = '{"name": "Northbridge bridge", "length_m": 420}'
    text = read_html(_story_page(f"<pre><code>{example}</code></pre>", [])).text
    assert text.split("\n\n")[-1] == example


def test_a_quotation_in_a_figure_is_read_with_the_article():
    quote = ("“The toll will pay for the bridge within twenty years, and the ferry will keep the east "
             "bank open while it is built,” the mayor told the council.")
    page = _story_page(f"<figure><blockquote><p>{quote}</p></blockquote><figcaption>Anna Berg</figcaption></figure>", [])
    assert quote in read_html(page).text.split("\n\n")


def test_the_folded_panels_of_an_accordion_are_read():
    answer = ("Construction starts next spring and should take about three years, with the ferry "
              "service running between the two banks until the bridge opens.")
    page = _story_page(
        "<div class='faq-accordion'><button aria-controls='panel-1'>When does construction start?</button>"
        f"<div id='panel-1' style='display: none'><p>{answer}</p></div></div>", [])
    assert read_html(page).text.split("\n\n")[-1] == answer


def test_other_hidden_blocks_stay_hidden():
    template = "Your session has expired after a long period without any activity on this page, please log in."
    page = _story_page(f"<div style='display:none'><p>{template}</p></div>", [])
    assert read_html(page).text == "\n\n".join(BODY)


def test_parts_of_a_streamed_page_are_read_where_their_slots_are():
    # React sends the article's later paragraphs at the end of the body, hidden, and its script
    # moves them into their slots; the frame's own parts stay where they are.
    page = (
        "<html><head><title>Northbridge council approves new bridge</title></head><body><main><article>"
        f"<p>{BODY[0]}</p><template id='B:0'></template><div>Loading paragraph...</div><p>{BODY[3]}</p>"
        "</article></main><footer>Example News</footer>"
        f"<div hidden id='S:0'><p>{BODY[1]}</p><template id='P:1'></template></div>"
        f"<div hidden id='S:1'><p>{BODY[2]}</p></div></body></html>"
    )
    assert read_html(page).text == "\n\n".join(BODY)
