"""Screenshots of the home page, a deep-dive and the risk register (or, on a site without one, a listing page) at
phone and desktop widths, written to screenshots/ (git-ignored) for a person to look at."""

import base64

import pytest

from conftest import SCREENSHOTS, reset_viewport, set_viewport

WIDTHS = {"phone": (390, 844, True), "desktop": (1280, 900, False)}
MAX_HEIGHT = 8000


def register_or_listing(site):
    for candidate in ["risks/index.html", "register/index.html", "risk-register/index.html"]:
        if (site.folder / candidate).exists():
            return "register", candidate
    return "listing", "deep-dives/index.html"


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots(browser, server, site, width):
    pages = {"home": "index.html", "deep-dive": "deep-dives/2024-03-camden-safeguarding-children/index.html"}
    name, page = register_or_listing(site)
    pages[name] = page
    SCREENSHOTS.mkdir(exist_ok=True)
    w, h, mobile = WIDTHS[width]
    try:
        set_viewport(browser, w, h, mobile)
        for name, page in pages.items():
            browser.get(server.url(page))
            height = min(MAX_HEIGHT, browser.execute_script("return document.documentElement.scrollHeight"))
            shot = browser.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": w, "height": height, "scale": 1}})
            data = base64.b64decode(shot["data"])
            assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
            (SCREENSHOTS / f"{name}-{width}.png").write_bytes(data)
    finally:
        reset_viewport(browser)
