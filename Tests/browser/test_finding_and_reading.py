"""A resident finding their way round the site served from a sub-path: search with Pagefind, links that all
resolve (linkchecker), the 404 page, the sitemap and the Atom feed, paragraph anchors, and the print stylesheet."""

import base64
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import SCREENSHOTS

ISLINGTON_MINUTES = "minutes/2016-islington-childrens-scrutiny-child-protection-annual-report/index.html"
CAMDEN = "deep-dives/2024-03-camden-safeguarding-children/index.html"
ANNUAL_REPORT = "annual-reports/2023-09-islington-child-protection-annual-report/index.html"


def test_build_made_a_search_index(site):
    assert "search index of 5 pages made by Pagefind" in site.summary, site.summary
    assert (site.folder / "pagefind/pagefind.js").exists()


def test_search_finds_a_phrase_and_links_to_the_page(browser, server):
    browser.get(server.url("index.html"))
    field = browser.find_element(By.ID, "home-search")
    field.send_keys("abduction notices")
    field.submit()
    results = WebDriverWait(browser, 20).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#search-list a"))
    status = browser.find_element(By.ID, "search-status").text
    assert re.match(r"\d+ publications? found for “abduction notices”", status), status
    titles = [a.text for a in results]
    assert "Child Protection Annual Report" in titles, titles
    target = next(a for a in results if ISLINGTON_MINUTES in a.get_attribute("href"))
    item = target.find_element(By.XPATH, "ancestor::li")
    assert item.find_element(By.CSS_SELECTOR, ".search-results__meta").text == "Minutes · 2016"
    assert item.find_element(By.CSS_SELECTOR, "mark").text.lower() in ("abduction", "notices")
    target.click()
    WebDriverWait(browser, 10).until(lambda b: ISLINGTON_MINUTES in b.current_url)
    assert browser.current_url == server.url(ISLINGTON_MINUTES)
    assert "abduction notices" in browser.find_element(By.TAG_NAME, "main").text


def test_search_says_when_nothing_matches(browser, server):
    browser.get(server.url("search/index.html?q=zzzqqqxxy"))
    WebDriverWait(browser, 20).until(lambda b: "No publications found" in b.find_element(By.ID, "search-status").text)
    assert not browser.find_element(By.ID, "search-list").is_displayed()


def test_search_page_without_javascript_offers_the_listings(site):
    html = (site.folder / "search/index.html").read_text()
    fallback = re.search(r'<p class="[^"]*search-results__fallback"[^>]*>(.*?)</p>', html)
    assert fallback and "hidden" not in fallback.group(0), "the no-JavaScript message must be visible without scripts"
    for listing in ["../deep-dives/index.html", "../years/index.html", "../councils/index.html", "../topics/index.html"]:
        assert f'href="{listing}"' in html
    # Only the search page runs a script; every other page works without JavaScript.
    with_scripts = [p for p in site.pages() if "<script" in (site.folder / p).read_text()]
    assert with_scripts == ["search/index.html"]


def test_linkchecker_finds_no_broken_internal_link(server, tmp_path):
    linkchecker = Path(sys.executable).with_name("linkchecker")
    config = tmp_path / "linkcheckerrc"
    # Our own server, which says it allows a fast check; AnchorCheck also checks every #fragment (contents lists,
    # paragraph references, glossary links), reporting a missing one as a warning.
    config.write_text("[checking]\nmaxrequestspersecond=100\n[AnchorCheck]\n")
    result = subprocess.run([str(linkchecker), "-f", str(config), "--no-status", "--threads", "4",
                             # Only the site itself: no other host, and no DNS look-ups for mail addresses.
                             "--ignore-url", r"^https?://(?!127\.0\.0\.1)", "--ignore-url", "^mailto:", "-o", "text", server.url("index.html")],
                            capture_output=True, text=True, timeout=600, cwd=tmp_path)
    summary = re.search(r"(\d+) links? in (\d+) URLs? checked", result.stdout)
    assert summary, result.stdout + result.stderr
    assert int(summary.group(2)) >= 40, result.stdout  # it crawled the whole site
    assert re.search(r"\b0 warnings found\. 0 errors found", result.stdout), result.stdout
    assert result.returncode == 0, result.stdout + result.stderr
    print(summary.group(0), "— 0 warnings, 0 errors")


def test_a_missing_address_gets_the_404_page_with_working_links(server):
    status, _, body = server.get("deep-dives/no-such-report/")
    assert status == 404
    assert "<h1 class=\"heading-xl\">Page not found</h1>" in body
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', body).group(1)
    assert stylesheet == "/reports/assets/site.css"
    assert server.get(stylesheet.removeprefix("/reports/"))[0] == 200


def test_sitemap_lists_every_page_at_an_address_that_works(server, site):
    status, _, body = server.get("sitemap.xml")
    assert status == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    addresses = [loc.text for loc in ET.fromstring(body).findall("s:url/s:loc", namespace)]
    assert len(addresses) == len(site.pages()) - 1  # every page but 404.html
    assert server.base + CAMDEN.removesuffix("index.html") in addresses
    broken = [a for a in addresses if server.get(a.removeprefix(server.base))[0] != 200]
    assert broken == []
    robots = server.get("robots.txt")[2]
    assert f"Sitemap: {server.base}sitemap.xml" in robots


def test_atom_feed_lists_every_publication_newest_first(server):
    status, headers, body = server.get("feed.xml")
    assert status == 200
    atom = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(body)
    entries = feed.findall("a:entry", atom)
    assert [e.find("a:title", atom).text for e in entries][:2] == ["Risk deep-dive: Safeguarding Children", "Child Protection Annual Report"]
    assert len(entries) == 5
    updated = [e.find("a:updated", atom).text for e in entries]
    assert updated == sorted(updated, reverse=True)
    for entry in entries:
        link = entry.find("a:link", atom).get("href")
        assert server.get(link.removeprefix(server.base))[0] == 200, link
    # Every page tells feed readers where the feed is.
    assert f'<link rel="alternate" type="application/atom+xml"' in server.get("index.html")[2]


def test_paragraph_numbers_are_link_targets(browser, server):
    browser.get(server.url(ANNUAL_REPORT + "#para-6-7"))
    paragraph = browser.find_element(By.ID, "para-6-7")
    assert paragraph.text.startswith("6.7. We had the 31st highest rate")
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", paragraph)
    assert -2 <= top < 50, top  # scrolled to it
    # The first use of an abbreviation explains itself and links to the glossary.
    abbr = browser.find_element(By.CSS_SELECTOR, "main abbr[title='Children in need']")
    link = abbr.find_element(By.XPATH, "..")
    link.click()
    WebDriverWait(browser, 10).until(lambda b: "/glossary/" in b.current_url)
    assert browser.current_url.endswith("glossary/index.html#term-cin")
    assert "Children in need" in browser.find_element(By.ID, "term-cin").text


def test_print_stylesheet_prints_like_the_committee_paper(browser, server):
    browser.get(server.url(ANNUAL_REPORT))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.execute_script("""return ['.site-nav', '.breadcrumbs', '.contents-list', '.back-to-top', '.site-footer']
            .map(s => getComputedStyle(document.querySelector(s)).display)""")
        assert hidden == ["none"] * 5
        appendices = browser.execute_script("return getComputedStyle(document.getElementById('appendices')).breakBefore")
        assert appendices == "page"
        shown = browser.execute_script("return getComputedStyle(document.querySelector('.prose a[href^=\"mailto:\"]'), '::after').content")
        assert "mailto:laura.eden@islington.gov.uk" in shown
        browser.get(server.url(CAMDEN))
        appendix = browser.execute_script("return getComputedStyle(document.querySelector('.appendix')).breakBefore")
        assert appendix == "page"
        pdf = browser.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "deep-dive-print.pdf").write_bytes(base64.b64decode(pdf["data"]))
