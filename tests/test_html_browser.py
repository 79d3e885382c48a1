"""The incident report in a real browser: headless Chromium (Debian's package) driven by Playwright.

It must load with no console errors and no network requests at all, lead with the incident's totals,
filter and search with totals that follow, read on a phone without breaking names mid-word, and print
several tables to a page. `scripts/test.sh` installs Chromium, so in CI this does not skip.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import load_findings, run_exposure
from tests.generated import build

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("EXPOSURE_REQUIRE_BROWSER") == "1"
# Chromium's own background traffic would show up as requests: switch it off (it is refused here).
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]


@pytest.fixture(scope="module")
def browser() -> Any:
    if CHROMIUM is None:
        if REQUIRED:
            pytest.fail("chromium is not installed")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    cwd = tmp_path_factory.mktemp("html")
    run = run_exposure(["demo", "--out", str(cwd / "out")], cwd=cwd)
    assert run.code == 0, run.output
    return cwd / "out" / "report.html", load_findings(cwd / "out")


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], Any]:
    """A generated warehouse of 320 tables, scanned from scratch."""
    cwd = tmp_path_factory.mktemp("large")
    generated = build(cwd / "w.duckdb", 320)
    (cwd / "grants.sql").write_text("\n".join(generated.grants) + "\n")
    run = run_exposure(
        ["scan", "--source", f"duckdb://{cwd / 'w.duckdb'}", "--grants", str(cwd / "grants.sql"),
         "--everyone", "group all_staff", "--sample-rows", "20", "--out", str(cwd / "out")]
    )  # fmt: skip
    assert run.code == 1, run.output
    return cwd / "out" / "report.html", load_findings(cwd / "out"), generated


def _open(browser: Any, path: Path, **context: Any) -> tuple[Any, list[str], list[str]]:
    page = browser.new_context(**context).new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: requests.append(req.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors, requests


def _number(text: str) -> int:
    return int(re.sub(r"[^0-9]", "", text))


def test_report_loads_offline_and_filters_with_totals_that_follow(
    browser: Any, report: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    path, doc = report
    page, errors, requests = _open(browser, path)
    assert errors == []
    assert requests == [path.as_uri()]  # the file itself, nothing else: no CDN, no fonts, no beacons
    sections = page.locator("section.finding")
    assert sections.count() == len(doc["findings"]) == 10
    assert page.locator("#total-tables").inner_text() == "10"

    # worst tables first: severity, then reach
    order = page.locator("tr.finding-row").evaluate_all("rows => rows.map(r => r.dataset.severity)")
    assert order == sorted(order)

    # severity filter: hide SEV1, and the totals follow
    page.uncheck("input.sev-filter[value='SEV1']")
    expected = [f for f in doc["findings"] if f["severity"] != "SEV1"]
    assert page.locator("section.finding:not(.hidden)").count() == len(expected)
    assert page.locator("#total-tables").inner_text() == str(len(expected))
    assert page.locator("#severity-totals [data-severity='SEV1'] .sev-count").inner_text() == "0"
    page.check("input.sev-filter[value='SEV1']")

    # database filter
    page.select_option("#db-filter", "mci")
    mci = [f for f in doc["findings"] if f["object"]["database"] == "mci"]
    assert page.locator("section.finding:not(.hidden)").count() == len(mci)
    assert page.locator("#shown-count").inner_text() == f"{len(mci)} of 10 tables"
    assert page.locator("#total-databases").inner_text() == "1 database(s)"

    # class filter on top: the class total follows too
    page.select_option("#class-filter", "keystrokes")
    both = [f for f in mci if any("keystrokes" in c["classes"] for c in f["columns"])]
    assert page.locator("section.finding:not(.hidden)").count() == len(both) > 0
    assert page.locator("#total-classes").inner_text() == "1"

    # text search over tables, columns and readers
    page.select_option("#db-filter", "")
    page.select_option("#class-filter", "")
    page.fill("#search", "card_number")
    assert page.locator("tr.finding-row:not(.hidden)").count() == 1
    assert "cardholders" in page.locator("tr.finding-row:not(.hidden)").inner_text()
    page.fill("#search", "")

    # masked examples stay hidden until asked for
    example = page.locator(".example").first
    assert not example.is_visible()
    page.check("#show-examples")
    assert page.locator(".example").first.is_visible()
    assert errors == [] and requests == [path.as_uri()]


def test_a_300_table_warehouse_leads_with_its_totals(
    browser: Any, large: tuple[Path, dict[str, Any], Any], tmp_path: Path
) -> None:
    path, doc, generated = large
    tables = {f["table"] for f in doc["findings"]}
    assert len(doc["findings"]) == len(tables) == len(generated.sensitive)  # one finding per table
    assert {f["table"] for f in doc["findings"] if f["readers"]["breadth"] == "everyone"} == generated.exposed
    assert path.stat().st_size < 5_000_000
    page, errors, _ = _open(browser, path, viewport={"width": 1440, "height": 900})
    assert errors == []
    # the first screen shows how many tables, how many readers and which kinds of data
    for element in ("#total-tables", "#total-readers", "#total-classes", "#severity-totals"):
        box = page.locator(element).bounding_box()
        assert box is not None and box["y"] + box["height"] <= 900, element
    assert _number(page.locator("#total-tables").inner_text()) == len(doc["findings"])
    assert (
        _number(page.locator("#total-readers").inner_text()) == 0
        or page.locator("#total-readers").is_visible()
    )
    assert page.locator("#total-classes").inner_text() == str(
        len({c for f in doc["findings"] for col in f["columns"] for c in col["classes"]})
    )
    shot = tmp_path / "first-screen.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    # containment rolls tables up under the change that closes them
    assert page.locator("#containment li").count() < len(generated.exposed)


# For every table name: where the browser wraps it, the character before the break is a dot, an
# underscore or a slash (a <wbr> follows each), never a letter in the middle of a word.
MID_WORD_BREAKS = """
() => {
  const bad = [];
  for (const el of document.querySelectorAll('.tname')) {
    if (!el.offsetParent) { continue; }
    const text = el.textContent;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const tops = [];
    let node;
    while ((node = walker.nextNode())) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (rect) { tops.push([node.data[i], rect.top]); }
      }
    }
    for (let i = 1; i < tops.length; i++) {
      if (tops[i][1] > tops[i - 1][1] + 2 && !'._/ '.includes(tops[i - 1][0])) {
        bad.push(text + ' @' + i);
      }
    }
  }
  return bad;
}
"""


def test_report_reads_on_a_phone(
    browser: Any, large: tuple[Path, dict[str, Any], Any], tmp_path: Path
) -> None:
    path, _, _ = large
    page, errors, _ = _open(browser, path, viewport={"width": 390, "height": 844}, device_scale_factor=2)
    # nothing wider than the screen except inside scrollable tables
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    assert page.evaluate(MID_WORD_BREAKS) == []
    page.screenshot(path=str(tmp_path / "phone.png"))
    assert errors == []


def test_print_shows_every_table_several_to_a_page(browser: Any, report: tuple[Path, dict[str, Any]]) -> None:
    path, doc = report
    page, _, _ = _open(browser, path)
    page.uncheck("input.sev-filter[value='SEV1']")
    page.emulate_media(media="print")
    hidden_but_printed = page.locator("section.finding.hidden").first
    assert hidden_but_printed.is_visible()
    assert page.locator("#filters").is_hidden()
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 0 < pages < len(doc["findings"])  # compact: fewer pages than tables
