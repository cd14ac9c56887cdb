"""Shared set-up for the browser suite: the real Content/ built by the real build-site, served by a real nginx
from a sub-path (/reports/), and one headless Chromium session for every page.

Run from the repository root with `make test-browser`, which installs Chromium, chromedriver, nginx and the Python
packages first. BUILD_SITE names the build-site binary (default .build/debug/build-site).
"""

import os
import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[2]
SUB_PATH = "/reports/"
SCREENSHOTS = REPO / "screenshots"


@dataclass
class BuiltSite:
    folder: Path
    summary: str

    def pages(self):
        """Every HTML page of the built site, as paths relative to its folder, in a stable order."""
        return sorted(str(p.relative_to(self.folder)) for p in self.folder.rglob("*.html") if "pagefind" not in p.parts)


@dataclass
class Server:
    base: str  # http://127.0.0.1:PORT/reports/

    def url(self, page: str) -> str:
        return self.base + page

    def get(self, page: str):
        """(status, headers, body) of one request; an HTTP error status is returned, not raised."""
        try:
            with urllib.request.urlopen(self.url(page), timeout=10) as response:
                return response.status, response.headers, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def site(tmp_path_factory, port) -> BuiltSite:
    """Content/ built into a temporary folder with base_url set to where nginx will serve it."""
    binary = Path(os.environ.get("BUILD_SITE", REPO / ".build/debug/build-site"))
    assert binary.exists(), f"{binary} is missing; run swift build first (make test-browser does)"
    output = tmp_path_factory.mktemp("built") / "Site"
    result = subprocess.run(
        [str(binary), "build", "--output", str(output), "--base-url", f"http://127.0.0.1:{port}{SUB_PATH}"],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    print(result.stdout.strip())
    return BuiltSite(output, result.stdout)


@pytest.fixture(scope="session")
def server(site, port, tmp_path_factory) -> Server:
    """nginx on a loopback port with its own prefix and config, serving the site at /reports/, stopped afterwards."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    prefix = tmp_path_factory.mktemp("nginx")
    for sub in ["logs", "temp"]:
        (prefix / sub).mkdir()
    mime = "/etc/nginx/mime.types"
    config = prefix / "nginx.conf"
    config.write_text(f"""
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log;
{"user root;" if os.geteuid() == 0 else ""}  # workers read the test's private temp folder as its owner
events {{ worker_connections 64; }}
http {{
    include {mime};
    default_type application/octet-stream;
    access_log {prefix}/logs/access.log;
    client_body_temp_path {prefix}/temp/body;
    proxy_temp_path {prefix}/temp/proxy;
    fastcgi_temp_path {prefix}/temp/fastcgi;
    uwsgi_temp_path {prefix}/temp/uwsgi;
    scgi_temp_path {prefix}/temp/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        location {SUB_PATH} {{
            alias {site.folder}/;
            index index.html;
            # linkchecker slows to ~3 requests a second unless the server opts in with this header.
            add_header LinkChecker "allowed";
            error_page 404 {SUB_PATH}404.html;
        }}
    }}
}}
""")
    process = subprocess.Popen([nginx, "-p", str(prefix), "-e", str(prefix / "logs/error.log"), "-c", str(config)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("nginx did not start: " + process.stderr.read().decode()
                                   + (prefix / "logs/error.log").read_text())
            time.sleep(0.1)
    yield Server(f"http://127.0.0.1:{port}{SUB_PATH}")
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's chromium and chromium-driver) for the whole suite."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-default-apps", "--hide-scrollbars"]:
        options.add_argument(argument)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


def set_viewport(driver, width: int, height: int, mobile: bool = False):
    """Emulates a screen of this size (CSS pixels), as a phone when `mobile`."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def reset_viewport(driver):
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
