"""The incident report in a real browser: headless Chromium (Debian's package) driven by Playwright.

It must load with no console errors and no network requests at all, its filters must work, and it
must be readable on a phone. `scripts/test.sh` installs Chromium, so in CI this does not skip.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import load_findings, run_exposure

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


def test_report_loads_offline_and_filters(
    browser: Any, report: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    path, doc = report
    page, errors, requests = _open(browser, path)
    assert errors == []
    assert requests == [path.as_uri()]  # the file itself, nothing else: no CDN, no fonts, no beacons
    sections = page.locator("section.finding")
    assert sections.count() == len(doc["findings"])

    # severity filter: hide SEV1
    page.uncheck("input.sev-filter[value='SEV1']")
    visible = page.locator("section.finding:not(.hidden)")
    expected = [f for f in doc["findings"] if f["severity"] != "SEV1"]
    assert visible.count() == len(expected)
    page.check("input.sev-filter[value='SEV1']")

    # database filter
    page.select_option("#db-filter", "mci")
    mci = [f for f in doc["findings"] if f["table"].startswith("mci.")]
    assert page.locator("section.finding:not(.hidden)").count() == len(mci)
    assert page.locator("#shown-count").inner_text() == f"{len(mci)} shown"

    # class filter on top
    page.select_option("#class-filter", "keystrokes")
    both = [f for f in mci if any("keystrokes" in c["classes"] for c in f["columns"])]
    assert page.locator("section.finding:not(.hidden)").count() == len(both) > 0

    # masked examples stay hidden until asked for
    example = page.locator(".example").first
    assert not example.is_visible()
    page.select_option("#db-filter", "")
    page.select_option("#class-filter", "")
    page.check("#show-examples")
    assert page.locator(".example").first.is_visible()

    page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert errors == [] and requests == [path.as_uri()]


def test_report_reads_on_a_phone(browser: Any, report: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    path, _ = report
    page, errors, _ = _open(browser, path, viewport={"width": 390, "height": 844}, device_scale_factor=2)
    # nothing wider than the screen except inside scrollable tables
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1
    page.screenshot(path=str(tmp_path / "phone.png"))
    assert errors == []


def test_print_shows_every_finding(browser: Any, report: tuple[Path, dict[str, Any]]) -> None:
    path, _ = report
    page, _, _ = _open(browser, path)
    page.uncheck("input.sev-filter[value='SEV1']")
    page.emulate_media(media="print")
    hidden_but_printed = page.locator("section.finding.hidden").first
    assert hidden_but_printed.is_visible()
    assert page.locator("#filters").is_hidden()
