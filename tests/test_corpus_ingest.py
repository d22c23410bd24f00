"""The seeds as the README's main command ingests them, against the gold."""

from conftest import fold


def test_boilerplate_listed_in_the_gold_is_gone(corpus_articles, gold):
    for stem, expected in gold["articles"].items():
        text = fold(corpus_articles[stem]["text"])
        for needle in expected["must_drop_from_text"]:
            assert fold(needle) not in text, f"{stem}: {needle!r} left in the text"


def test_titles_sources_and_dates_match_the_gold(corpus_articles, gold):
    for stem, expected in gold["articles"].items():
        article = corpus_articles[stem]
        assert article["published"] == expected["published"]
        if expected["title"]:
            assert article["title"] == expected["title"]
        if expected["source"]:
            assert article["source"] == expected["source"]


def test_article_text_keeps_the_story(corpus_articles):
    text = corpus_articles["001_6dd60a6cd8515f8f"]["text"]
    assert text.startswith("OpenAI CEO and Chat GPT creator Sam Altman")
    assert "Mainland China is closed until February 4" in text
    assert corpus_articles["001_6dd60a6cd8515f8f"]["highlights"] == [
        "DeepSeek uses less data", "Investors dumping tech stocks", "$593bn wiped off Nvidia shares",
    ]
