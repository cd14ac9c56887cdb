# build-site: `make site` builds Site/ from Content/ and Templates/; `make test` runs every test.
# Both install what they need on a fresh Debian machine first (apt-get only when a package is missing).

SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps build clean bench

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product build-site

site: build
	.build/release/build-site build

test: deps
	$(SWIFT) test

# The benchmark (BENCHMARKS.md): generated reports built by build-site and by Hugo, and rendered by cmark-gfm alone.
# `make bench BENCH_COUNTS="1000" BENCH_RUNS=1` for a quick look; the results are written into BENCHMARKS.md.
BENCH_PACKAGES := hugo cmark-gfm python3
BENCH_COUNTS ?= 1000 10000
BENCH_RUNS ?= 3

bench: deps
	@missing=""; for p in $(BENCH_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	$(SWIFT) build -c release --product build-site
	python3 bench/run.py --build-site .build/release/build-site --counts $(BENCH_COUNTS) --runs $(BENCH_RUNS) --record BENCHMARKS.md

clean:
	rm -rf .build Site .bench
