"""A screenshot of the report on ``corpus/`` for the README, taken in headless Chromium.

Runs ``extractor run corpus/ --out TMP`` and ``extractor report TMP`` (the product's own
commands), opens the report from disk, shows a tab (the Facts tab with its first row
opened by default) and saves a PNG.

    python bench/report_screenshot.py [--tab facts] [--png docs/report.png] [--size 1280x860]

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package (the
``test`` extra); nothing is downloaded.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tab", default="facts",
                        choices=["overview", "facts", "conflicts", "quotes", "entities", "graph", "errors"])
    parser.add_argument("--png", type=Path, default=REPO / "docs" / "report.png")
    parser.add_argument("--size", default="1280x860", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--corpus", type=Path, default=REPO / "corpus")
    args = parser.parse_args()

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    width, height = (int(v) for v in args.size.split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        extractor = [sys.executable, "-m", "extractor"]
        subprocess.run([*extractor, "run", str(args.corpus), "--out", str(out), "--quiet"], check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run([*extractor, "report", str(out)], check=True)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--hide-scrollbars", f"--window-size={width},{height}", f"--user-data-dir={Path(tmp) / 'profile'}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.get((out / "report.html").resolve().as_uri())
            driver.execute_script("window.extractorReport.open(arguments[0])", args.tab)
            if args.tab == "facts":
                driver.find_element("css selector", "#tab-facts tbody tr.row").click()
            if args.tab == "graph":
                driver.execute_script("return new Promise((done) => setTimeout(done, 1500))")  # let the layout settle
            args.png.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(args.png))
        finally:
            driver.quit()
    print(f"{args.png}: {args.png.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
