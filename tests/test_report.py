"""`extractor report`: the page's data, its escaping, the command's errors, and the page
itself opened from disk in headless Chromium (Debian's chromium and chromium-driver)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.report import write_report
from extractor.report.data import gather, to_json
from extractor.report.page import render

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,1000")

# An article that tries every way into the page: its title closes the data's <script>
# element, its outlet is an <img onerror>, its URL is javascript:, and its sentences
# (shown as provenance and quotes) carry both.
INJECTED = """---
title: "</script><script>window.__pwned=1</script>"
source: '<img src=x onerror="window.__pwned=3">'
url: "javascript:window.__pwned=4"
published: 2025-02-03
---
Acme Corp said </script><script>window.__pwned=2</script> its revenue rose 12% to $5 million in 2024.

Chief executive Jane Doe said sales at Acme Corp grew 40% last year <img src=x onerror="window.__pwned=5">.

"We expect <b onmouseover=window.__pwned=6>profits</b> to double," Doe said.
"""


# Two outlets that disagree on one figure, and an input that cannot be used.
REUTERS = """---
title: Tech sell-off deepens as DeepSeek triggers AI rethink
source: Reuters
url: https://www.reuters.com/tech-sell-off
published: 2025-01-28
---
Shares of Nvidia sank 17 percent on Monday, wiping $593 billion from the chipmaker's market value.
"""
BBC = """---
title: Nvidia shares tumble
source: BBC
url: https://www.bbc.co.uk/news/nvidia
published: 2025-01-28
---
Nvidia shares fell 12% on Monday, according to an early report. Microsoft lost 2.1%.
"""


@pytest.fixture(scope="session")
def disagreeing_run(tmp_path_factory) -> Path:
    from extractor.runner import RunOptions, run

    folder = tmp_path_factory.mktemp("disagree")
    (folder / "in").mkdir()
    for name, text in (("reuters.txt", REUTERS), ("bbc.txt", BBC), ("empty.txt", "")):
        (folder / "in" / name).write_text(text, encoding="utf-8")
    run([folder / "in"], folder / "out", options=RunOptions(workers=1, quiet=True))
    return folder / "out"


@pytest.fixture(scope="session")
def corpus_report(corpus_run, tmp_path_factory) -> Path:
    return write_report(corpus_run, html=tmp_path_factory.mktemp("report") / "corpus.html")


@pytest.fixture(scope="session")
def injected_run(tmp_path_factory) -> Path:
    from extractor.runner import RunOptions, run

    folder = tmp_path_factory.mktemp("injected")
    (folder / "in").mkdir()
    (folder / "in" / "evil.txt").write_text(INJECTED, encoding="utf-8")
    run([folder / "in"], folder / "out", options=RunOptions(workers=1, quiet=True))
    return folder / "out"


# ------------------------------------------------------------------ without a browser


def test_embedded_json_cannot_close_its_script_element():
    text = to_json({"title": "</script><script>alert(1)</script>", "body": "a & b <!-- c -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"title": "</script><script>alert(1)</script>", "body": "a & b <!-- c -->"}


def test_page_of_an_injected_article_holds_only_its_own_two_scripts(injected_run):
    page = render(gather(injected_run))
    assert page.count("<script") == 2
    assert page.count("</script>") == 2
    assert "window.__pwned=1" in page  # the title is in the data, escaped: \u003c/script\u003e
    assert "\\u003c/script\\u003e\\u003cscript\\u003ewindow.__pwned=1" in page


def test_gather_counts_equal_the_manifest(corpus_run):
    manifest = json.loads((corpus_run / "manifest.json").read_text(encoding="utf-8"))["counts"]
    totals = gather(corpus_run)["totals"]
    assert (totals["articles"], totals["entities"], totals["claims"], totals["quotes"], totals["conflicts"],
            totals["errors"]) == (manifest["articles"], manifest["entities"], manifest["claim_nodes"],
                                  manifest["quote_nodes"], manifest["conflicts"], manifest["errors"])


def test_each_fact_carries_every_outlets_sentence_with_the_figure(corpus_run):
    facts = {f["text"]: f for f in gather(corpus_run)["facts"]}
    fact = facts["17 percent"]
    assert (fact["subject"], fact["n_sources"], fact["unit"], fact["direction"]) == ("Nvidia", 2, "percent", "down")
    marked = sorted(s[0][s[1]:s[2]] for p in fact["provenance"] for s in p["sentences"])
    assert marked == ["17 percent", "17%"]


def test_report_command_writes_report_html_in_the_run_folder(corpus_run, tmp_path, capsys):
    run = tmp_path / "run"
    shutil.copytree(corpus_run, run)
    assert main(["report", str(run)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["report"] == str(run / "report.html")
    assert printed["bytes"] == (run / "report.html").stat().st_size


def test_report_of_a_folder_that_is_not_a_run_is_one_line(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("not a run", encoding="utf-8")
    assert main(["report", str(tmp_path)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"extractor: {tmp_path}: not a run's output (no manifest.json)")
    assert not (tmp_path / "report.html").exists()


def test_report_of_a_damaged_run_is_one_line(corpus_run, tmp_path, capsys):
    run = tmp_path / "run"
    shutil.copytree(corpus_run, run)
    graph = run / "graph.json"
    graph.write_text(graph.read_text(encoding="utf-8")[:2000], encoding="utf-8")  # truncated mid-way
    assert main(["report", str(run)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(graph) in err and "truncated" in err
    assert not (run / "report.html").exists()


def test_report_of_a_corrupt_claims_file_is_one_line(corpus_run, tmp_path, capsys):
    run = tmp_path / "run"
    shutil.copytree(corpus_run, run)
    with (run / "claims.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"id": "c_1", "article_id"\n')
    assert main(["report", str(run)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{run / 'claims.jsonl'}:21: not valid JSON" in err


# ------------------------------------------------------------------ in Chromium


@pytest.fixture(scope="session")
def browser():
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Chromium is not installed: apt-get install chromium chromium-driver (.ci/run does)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is in the test extra")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="report-chromium-")
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: Selenium Manager never looks for (or downloads) a driver.
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, path: Path, tab: str = "overview") -> None:
    driver.get("about:blank")  # a fresh page even when only the #tab differs from the last one
    driver.get(f"{path.resolve().as_uri()}#{tab}")
    driver.get_log("browser")  # start each test with an empty console
    driver.execute_script("window.extractorReport.open(arguments[0])", tab)


def console_errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def shown_rows(driver, section: str) -> list[str]:
    """The text of the table rows on screen, read in one go (a re-render replaces the rows)."""
    return driver.execute_script("return [...document.querySelectorAll(arguments[0])].map((r) => r.innerText)",
                                 f"#tab-{section} tbody tr.row")


def open_every_row(driver, section: str) -> None:
    for i in range(len(shown_rows(driver, section))):
        driver.find_elements("css selector", f"#tab-{section} tbody tr.row")[i].click()


def test_every_tab_renders_without_console_errors(browser, corpus_report):
    open_page(browser, corpus_report)
    for tab in ("overview", "facts", "conflicts", "quotes", "entities", "graph", "errors"):
        browser.find_element("css selector", f'#tabs button[data-tab="{tab}"]').click()
        assert browser.find_element("id", f"tab-{tab}").is_displayed()
    assert console_errors(browser) == []


def test_counts_shown_equal_the_runs(browser, corpus_report, corpus_run):
    counts = json.loads((corpus_run / "manifest.json").read_text(encoding="utf-8"))["counts"]
    open_page(browser, corpus_report)
    shown = {e.get_attribute("data-count"): int(e.text.replace(",", ""))
             for e in browser.find_elements("css selector", "[data-count]")}
    assert shown == {"articles": counts["articles"], "outlets": 1, "entities": counts["entities"],
                     "claims": counts["claim_nodes"], "quotes": counts["quote_nodes"],
                     "conflicts": counts["conflicts"], "errors": counts["errors"]}
    assert browser.find_element("css selector", "[data-range]").text == "2025-01-28"


def test_filter_narrows_the_facts_table(browser, corpus_report, corpus_run):
    facts = gather(corpus_run)["facts"]
    open_page(browser, corpus_report, "facts")
    assert len(shown_rows(browser, "facts")) == len(facts) == 14
    box = browser.find_element("css selector", "#tab-facts input[type=search]")
    box.send_keys("market value")
    # Every word in the subject, figure, metric, outlets, titles or sentences, any case.
    expected = [f for f in facts if all(w in " ".join(filter(None, [
        f["subject"], f["text"], f["metric"], *f["outlets"],
        *(s[0] for p in f["provenance"] for s in p["sentences"])])).lower() for w in ("market", "value"))]
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 5).until(lambda d: len(shown_rows(d, "facts")) == len(expected))
    assert 0 < len(expected) < len(facts)
    assert any("$593bn" in row for row in shown_rows(browser, "facts"))


def test_clicking_a_column_sorts_the_facts(browser, corpus_report):
    open_page(browser, corpus_report, "facts")
    browser.find_element("css selector", "#tab-facts .toolbar input[type=checkbox]").click()  # ungroup
    browser.find_element("css selector", '#tab-facts th[data-key="unit"]').click()
    units = [cell.text for cell in browser.find_elements("css selector", "#tab-facts tbody tr.row td:nth-child(4)")]
    assert units == sorted(units, key=lambda u: (u == "", u.casefold()))
    assert units[:2] == ["beneficiary", "percent"] and units.count("USD") > 1


def test_a_fact_row_opens_its_provenance_with_the_figure_highlighted(browser, corpus_report):
    open_page(browser, corpus_report, "facts")
    row = next(i for i, text in enumerate(shown_rows(browser, "facts")) if "17 percent" in text)
    browser.find_elements("css selector", "#tab-facts tbody tr.row")[row].click()
    marks = [m.text for m in browser.find_elements("css selector", "#tab-facts tr.detail mark")]
    assert sorted(marks) == ["17 percent", "17%"]


def test_clicking_a_graph_node_shows_its_record(browser, corpus_report, corpus_run):
    from selenium.webdriver.common.action_chains import ActionChains

    nvidia = next(e for e in gather(corpus_run)["entities"] if e["name"] == "Nvidia")
    open_page(browser, corpus_report, "graph")
    point = browser.execute_script("return window.extractorReport.graphNodePoint(arguments[0])", nvidia["id"])
    canvas = browser.find_element("id", "graph-canvas")
    box = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height]", canvas)
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(point["x"] - box[0] - box[2] / 2), int(point["y"] - box[1] - box[3] / 2)).click().perform()
    panel = browser.find_element("css selector", "#graph-panel [data-node]")
    assert panel.get_attribute("data-node") == nvidia["id"]
    assert panel.find_element("tag name", "h3").text == "Nvidia"
    assert f"Mentions\n{nvidia['mentions']}" in panel.text
    assert console_errors(browser) == []


def test_markup_in_an_article_is_shown_as_text_and_never_runs(browser, injected_run, tmp_path):
    page = write_report(injected_run, html=tmp_path / "injected.html")
    open_page(browser, page, "facts")
    open_every_row(browser, "facts")
    facts_text = browser.find_element("id", "tab-facts").text
    assert "Acme Corp said </script><script>window.__pwned=2</script> its revenue rose" in facts_text
    assert '<img src=x onerror="window.__pwned=3">' in facts_text  # the outlet, as text
    assert "</script><script>window.__pwned=1</script>" in facts_text  # the title, as text, not a link
    assert browser.find_elements("css selector", "#tab-facts a[href^=javascript]") == []
    for tab in ("quotes", "entities", "graph", "overview"):
        browser.execute_script("window.extractorReport.open(arguments[0])", tab)
    # a quote that holds markup shows it as text (an attribute value in marks is no quote)
    assert "window.__pwned=6>profits</b>" in browser.find_element("id", "tab-quotes").get_attribute("textContent")
    assert browser.find_elements("css selector", "main img, main script, main b") == []
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert console_errors(browser) == []


def test_conflicting_facts_are_side_by_side_and_errors_listed(browser, disagreeing_run, tmp_path):
    counts = json.loads((disagreeing_run / "manifest.json").read_text(encoding="utf-8"))["counts"]
    assert (counts["conflicts"], counts["errors"]) == (1, 1)
    page = write_report(disagreeing_run, html=tmp_path / "report.html")
    open_page(browser, page, "conflicts")
    pairs = browser.find_elements("css selector", "#tab-conflicts .pair")
    assert len(pairs) == 1
    sides = pairs[0].find_elements("css selector", ".side")
    shown = sorted((s.find_element("css selector", "mark").text, s.find_element("css selector", ".outlet").text,
                    s.find_element("css selector", "a").get_attribute("href")) for s in sides)
    assert shown == [("12%", "BBC", "https://www.bbc.co.uk/news/nvidia"),
                     ("17 percent", "Reuters", "https://www.reuters.com/tech-sell-off")]
    browser.execute_script("window.extractorReport.open('errors')")
    assert [r.split("\t")[:3] for r in shown_rows(browser, "errors")] == [["empty.txt", "ingest", "empty"]]
    assert console_errors(browser) == []


def test_a_big_run_embeds_only_the_most_reported_records_with_the_totals(corpus_run):
    from extractor.report import ReportLimits

    full = gather(corpus_run)
    small = gather(corpus_run, ReportLimits(facts=3, quotes=2, entities=5, graph_entities=2, graph_per_entity=1))
    assert small["totals"] == full["totals"]
    assert [f["n_sources"] for f in small["facts"]] == [2, 2, 2]
    assert [q["id"] for q in small["quotes"]] == [q["id"] for q in full["quotes"][:2]]
    assert [e["name"] for e in small["entities"]] == [e["name"] for e in full["entities"][:5]]
    by_connections = sorted(full["entities"], key=lambda e: (-(e["claims"] + e["quotes"] + len(e["works_for"])), e["id"]))
    hubs = [n["id"] for n in small["graph"]["nodes"] if n["kind"] == "entity"]
    assert hubs == [e["id"] for e in by_connections[:2]]
    # every entity, fact and quote of the run counts, however few are drawn
    assert small["graph"]["limited"] and small["graph"]["total_nodes"] == full["graph"]["total_nodes"] == sum(
        full["totals"][kind] for kind in ("entities", "claims", "quotes"))
