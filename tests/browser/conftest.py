"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against pytest-django's live
server. Every test module here sets `pytestmark = [pytest.mark.browser, ...]` (`make test` runs them once, on
SQLite). The `page` fixture brings a transactional database: the live server runs in another thread and must
see the test's data.

Helpers: `sign_in` (through the real sign-in form), `assert_accessible` (axe-core: nothing serious or critical),
`assert_headings_in_order`, `assert_skip_link_works` (the first Tab reaches the skip link; Enter moves focus to
#main; the next Tab lands inside the main content).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django would refuse database access from it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
PASSWORD = "geheim-wachtwoord-1"  # what the factories give every user
DEMO_PASSWORD = "samenopleiden-demo"  # what load_demo gives its accounts


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium ontbreekt ({CHROMIUM}); `make test` installeert Debian's chromium-pakket.")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(browser, live_server, transactional_db):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def sign_in(page, username: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/inloggen/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "/accounts/inloggen/" not in page.url, f"inloggen als {username} mislukte: {page.inner_text('main')[:300]}"
    assert page.evaluate("document.documentElement.lang") == "nl"


def axe_violations(page) -> list[dict]:
    """axe-core's violations of impact serious or critical on the current page."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in {"serious", "critical"}]


def assert_accessible(page) -> None:
    """axe-core on the current page: no violation of impact serious or critical (printed in full when there is)."""
    bad = axe_violations(page)
    lines = []
    for violation in bad:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    if bad:
        print("\n".join(lines))
    assert not bad, f"axe-core vond {len(bad)} ernstige problemen op {page.url}:\n" + "\n".join(lines)


def assert_headings_in_order(page) -> None:
    """One h1, and no heading that skips a level (h2 after h1, h3 after h2, ...)."""
    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert levels.count(1) == 1, f"{page.url}: {levels.count(1)} h1-koppen (verwacht: precies één)"
    assert levels[0] == 1, f"{page.url}: de eerste kop is een h{levels[0]}"
    skipped = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert not skipped, f"{page.url}: koppen slaan een niveau over: {skipped} (volgorde {levels})"


def assert_skip_link_works(page) -> None:
    """From the top of the page: Tab reaches the skip link, Enter moves focus to #main, Tab then reaches content."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main", f"de eerste Tab op {page.url} komt op {focused!r}, niet op de link naar de inhoud"
    assert page.locator("a[href='#main']").first.is_visible(), "de link naar de inhoud is onzichtbaar bij focus"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main", f"Enter op de link naar de inhoud ({page.url})"
    page.keyboard.press("Tab")
    inside = page.evaluate("document.getElementById('main').contains(document.activeElement)")
    where = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    assert inside, f"na de link naar de inhoud komt Tab op {page.url} niet in de inhoud maar op {where}"
