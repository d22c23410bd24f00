"""Size of the HTML report, the time to write it, and the time it takes to open, as runs grow.

The corpora are built as ``bench/memory_scaling.py`` builds them (windows of real dev
texts, each article distinct); each is run with ``extractor run`` (2 workers), then
``write_report`` is timed in this process. With Chromium installed (Debian's
``chromium`` and ``chromium-driver``), the report is also opened from disk in headless
Chromium and the bench prints when the page had finished loading and running its script
(the navigation's ``loadEventEnd``) and how long the Facts tab took to render.

    python bench/report_size.py [--sizes 2000 20000] [--work DIR] [--shared ../shared]

``--work DIR`` keeps the corpora and runs there and reuses a run that is already
complete, so the report can be measured again without re-running the NLP.

However large the run, the page embeds at most ``ReportLimits`` records, so its size
has a ceiling. The last line measures a page at that ceiling: the largest run's data
with every list filled to its cap (records repeated under new ids), every fact and
quote listing the most articles it may, and every sentence as long as it may be; that
is the heaviest page a run of any size (100,000 articles included) can give.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def ensure_run(shared: Path, work: Path, n: int) -> Path:
    from memory_scaling import build_corpus

    corpus, out = work / f"corpus{n}", work / f"out{n}"
    if not corpus.is_dir():
        build_corpus(shared, corpus, n)
    if not (out / "manifest.json").is_file():
        subprocess.run([sys.executable, "-m", "extractor", "run", str(corpus), "--out", str(out), "--workers", "2",
                        "--quiet", "--cache-dir", str(work / "cache")], check=True, stdout=subprocess.DEVNULL)
    return out


def open_times(page: Path) -> tuple[float, float] | None:
    """(seconds until the page has loaded and run its script, seconds to render the Facts tab)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        return None
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    with tempfile.TemporaryDirectory() as profile:
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1400,1000", f"--user-data-dir={profile}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        try:
            driver.get(page.resolve().as_uri())
            loaded = driver.execute_script("return performance.getEntriesByType('navigation')[0].loadEventEnd") / 1000
            facts = driver.execute_script(
                "const t = performance.now(); window.extractorReport.open('facts'); return performance.now() - t") / 1000
        finally:
            driver.quit()
    return loaded, facts


def at_the_ceiling(data: dict, limits) -> dict:
    """``data`` with every embedded list at its cap and every record at its largest (see above)."""
    import copy
    import itertools

    data = copy.deepcopy(data)
    for key, cap in (("facts", limits.facts), ("quotes", limits.quotes), ("entities", limits.entities)):
        records = data[key]
        if not records:
            continue
        filled = []
        for i, record in zip(range(cap), itertools.cycle(records)):
            record = copy.deepcopy(record)
            record["id"] = f"{record['id']}-{i}"
            provenance = record.get("provenance")
            if provenance:
                record["provenance"] = [copy.deepcopy(p) for p, _ in zip(itertools.cycle(provenance), range(limits.provenance))]
                for p in record["provenance"]:
                    for sentence in p.get("sentences", []):
                        sentence[0] = (sentence[0] + " " + "x" * limits.sentence_chars)[:limits.sentence_chars]
            filled.append(record)
        data[key] = filled
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    parser.add_argument("--work", type=Path, help="keep corpora and runs here (and reuse them)")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()

    from extractor.report import write_report

    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        print(f"{'articles':>9} {'facts':>8} {'quotes':>8} {'entities':>9} {'report MB':>10} {'write s':>8} "
              f"{'open s':>7} {'facts tab s':>12}")
        for n in args.sizes:
            out = ensure_run(args.shared, work, n)
            from extractor.report.data import read_manifest

            counts = read_manifest(out).counts
            start = time.perf_counter()
            page = write_report(out, html=work / f"report{n}.html")
            seconds = time.perf_counter() - start
            opened = open_times(page)
            shown = f"{opened[0]:>7.2f} {opened[1]:>12.3f}" if opened else f"{'-':>7} {'-':>12}"
            print(f"{n:>9,} {counts['claim_nodes']:>8,} {counts['quote_nodes']:>8,} {counts['entities']:>9,} "
                  f"{page.stat().st_size / 1e6:>10.2f} {seconds:>8.1f} {shown}", flush=True)

        from extractor.report import ReportLimits, gather, render

        limits = ReportLimits()
        ceiling = work / "report-ceiling.html"
        ceiling.write_text(render(at_the_ceiling(gather(out, limits), limits)), encoding="utf-8")
        opened = open_times(ceiling)
        shown = f"{opened[0]:>7.2f} {opened[1]:>12.3f}" if opened else f"{'-':>7} {'-':>12}"
        print(f"{'ceiling':>9} {limits.facts:>8,} {limits.quotes:>8,} {limits.entities:>9,} "
              f"{ceiling.stat().st_size / 1e6:>10.2f} {'':>8} {shown}  (any run size: every cap filled)")


if __name__ == "__main__":
    main()
