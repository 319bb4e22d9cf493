# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run build test test-deps clean screenshots golden stemmers

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsarchive build
	@echo "preview it with live reload: $(BIN)/newsarchive serve   (or open output/index.html)"

build: run

CHECKERS := tests/checkers/node_modules/.installed

# What the checkers in the suite need from outside Python: Debian's chromium (browser tests) and a
# Java runtime (the Nu Html Checker), installed only when missing; vnu and axe-core from npm.
test-deps: $(STAMP) $(CHECKERS)
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "the tests need Debian packages: sudo apt-get install $$missing" >&2; exit 1; fi; fi

$(CHECKERS): tests/checkers/package.json tests/checkers/package-lock.json
	cd tests/checkers && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts
	touch $(CHECKERS)

test: test-deps
	$(BIN)/python -m pytest

# Screenshots (docs/screenshots/*.png) of every page kind at 390 and 1366 px: the demo site, and a
# 10,000-article site made from shared/corpus (see docs/themes.md).
screenshots: test-deps
	$(BIN)/python bench/screenshots.py

# The golden tree tests/golden/demo/ (the demo site's whole output, which the suite compares byte for byte),
# written anew from a fresh build: after a deliberate change to the output, committed with it.
golden: $(STAMP)
	cd tests && $(abspath $(BIN))/python -m helpers.golden

# The browser's stemmers (templates/static/stem/*.js), translated from the pinned snowballstemmer's
# Python stemmers: after a change to that pin or to tools/snowball_js.py, committed with it.
stemmers: $(STAMP)
	$(BIN)/python tools/snowball_js.py

clean:
	rm -rf output .output .cache
