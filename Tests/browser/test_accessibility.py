"""Every page has zero axe-core violations for WCAG 2.0, 2.1 and 2.2 A and AA in headless Chromium, reflows at
320 CSS pixels (400% zoom of a 1280 pixel screen), and shows keyboard focus. axe 4.12 comes from the
axe-playwright-python 0.1.8 wheel's files and is injected with Selenium (its WCAG 2.2 rules are not in older axe)."""

import importlib.util
from pathlib import Path

import pytest

from conftest import reset_viewport, set_viewport

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
  .then(result => done({version: axe.version, violations: result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + n.failureSummary.replace(/\\s+/g, " "))}))}))
  .catch(error => done({error: String(error)}));
"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    spec = importlib.util.find_spec("axe_playwright_python")  # finds the package's files without importing Playwright
    source = (Path(spec.submodule_search_locations[0]) / "axe.min.js").read_text()
    assert "axe v4.12" in source[:200]
    return source


def run_axe(browser, axe_source):
    if not browser.execute_script("return typeof window.axe !== 'undefined'"):
        browser.execute_script(axe_source)
    result = browser.execute_async_script(AXE_RUN, TAGS)
    assert "error" not in result, result
    assert result["version"].startswith("4.12"), result["version"]
    return result["violations"]


def describe(page, violations):
    return [f"{page}: {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations]


def test_axe_reports_a_planted_violation(browser, server, axe_source):
    """Proves axe really runs in this browser and would report a failure: an image without alt text is planted."""
    browser.get(server.url("index.html"))
    browser.execute_script("const i = document.createElement('img'); i.src = 'assets/none.png'; document.querySelector('main').append(i);")
    assert "image-alt" in [v["id"] for v in run_axe(browser, axe_source)]


def test_every_page_has_no_wcag_violations(browser, server, site, axe_source):
    reset_viewport(browser)
    failures = []
    pages = site.pages()
    for page in pages:
        browser.get(server.url(page))
        failures += describe(page, run_axe(browser, axe_source))
    # A page that only exists for missing addresses, reached through one.
    browser.get(server.url("no-such-report/"))
    assert "Page not found" in browser.title
    failures += describe("(404 for a missing address)", run_axe(browser, axe_source))
    assert failures == [], "\n".join(failures)
    print(f"axe {TAGS}: {len(pages) + 1} pages, 0 violations")


def test_search_results_have_no_wcag_violations(browser, server, axe_source):
    from selenium.webdriver.support.ui import WebDriverWait
    browser.get(server.url("search/index.html?q=safeguarding"))
    WebDriverWait(browser, 20).until(lambda b: b.find_elements("css selector", "#search-list li"))
    assert describe("search results", run_axe(browser, axe_source)) == []


def test_pages_reflow_at_400_percent_zoom(browser, server, site):
    """WCAG 1.4.10: at 320 CSS pixels wide nothing but data tables may need sideways scrolling."""
    overflowing = []
    try:
        set_viewport(browser, 320, 640, mobile=False)
        for page in site.pages():
            browser.get(server.url(page))
            width = browser.execute_script("return document.documentElement.scrollWidth")
            if width > 320:
                culprits = browser.execute_script("""
                    return [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > 321 && !e.closest('.table-wrapper, .prose table'))
                      .slice(0, 3).map(e => e.tagName + '.' + e.className);""")
                overflowing.append(f"{page}: {width}px wide: {culprits}")
    finally:
        reset_viewport(browser)
    assert overflowing == [], "\n".join(overflowing)


def test_keyboard_focus_is_visible_and_skip_link_works(browser, server):
    from selenium.webdriver.common.keys import Keys
    browser.get(server.url("deep-dives/2024-03-camden-safeguarding-children/index.html"))
    browser.find_element("tag name", "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.text == "Skip to main content"
    style = browser.execute_script("const s = getComputedStyle(arguments[0]); return [s.backgroundColor, arguments[0].getBoundingClientRect().left]", focused)
    assert style[0] == "rgb(255, 221, 0)" and style[1] >= 0, style  # the yellow focus colour, on screen
    focused.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main-content"
    # The next link tabbed to is also shown in the focus style.
    browser.switch_to.active_element.send_keys(Keys.TAB)
    link = browser.switch_to.active_element
    assert link.tag_name == "a"
    assert browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", link) == "rgb(255, 221, 0)"
