# build-site: `make site` builds Site/ from Content/ and Templates/; `make test` runs every test.
# Both install what they need on a fresh Debian machine first (apt-get only when a package is missing).

SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
# Only the tests need these: a real browser for the Content-Security-Policy test, Python's web server to serve it.
TEST_APT_PACKAGES := chromium python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps test-deps build clean test-asan fuzz fuzz-smoke fuzz-build

# apt-get only for what is missing: $(call apt-install,packages)
define apt-install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call apt-install,$(APT_PACKAGES))

test-deps: deps
	$(call apt-install,$(TEST_APT_PACKAGES))

build: deps
	$(SWIFT) build -c release --product build-site

site: build
	.build/release/build-site build

# The tests; the tests again under the address sanitizer; a one-minute fuzzing run from the committed seeds.
test: test-deps
	$(SWIFT) test
	$(MAKE) test-asan
	$(MAKE) fuzz-smoke

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

fuzz-build: deps
	@if ! command -v ld.lld >/dev/null 2>&1; then \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq lld; fi
	$(SWIFT) build --package-path Fuzz $(FUZZ_BUILD_FLAGS)

# New inputs go to Fuzz/.corpus (git-ignored); crashes to Fuzz/.artifacts. SWIFT_BACKTRACE=enable=no, or a crash
# leaves Swift's backtracer holding the terminal.
define run-fuzzer
	@mkdir -p Fuzz/.corpus Fuzz/.artifacts
	SWIFT_BACKTRACE=enable=no $(FUZZER) Fuzz/.corpus Fuzz/Corpus -dict=Fuzz/build-site.dict \
	  -max_total_time=$(1) -timeout=10 -rss_limit_mb=3072 -max_len=16384 \
	  -artifact_prefix=Fuzz/.artifacts/ -print_final_stats=1
endef

fuzz-smoke: fuzz-build
	$(call run-fuzzer,$(FUZZ_SMOKE_SECONDS))

fuzz: fuzz-build
	$(call run-fuzzer,$(FUZZ_SECONDS))

clean:
	rm -rf .build .build-asan Fuzz/.build Site
