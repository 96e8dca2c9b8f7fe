# Set-up and the two jobs of the README's quick start. Needs Python 3.11+, make and bash.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE_DIR ?= site

.PHONY: demo test setup setup-test browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

setup-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

# Debian's Chromium for the browser tests (Playwright drives it; it downloads no browser), and
# axe-core from the npm registry at a pinned version for the accessibility tests.
AXE_VERSION := 4.14.1
AXE_DIR := .cache/axe
browser: $(AXE_DIR)/node_modules/axe-core/axe.min.js
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "browser tests need Debian's chromium at /usr/bin/chromium: sudo apt-get install chromium"; fi

$(AXE_DIR)/node_modules/axe-core/axe.min.js:
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; } || \
		{ echo "the accessibility tests need npm (sudo apt-get install npm)"; exit 1; }
	mkdir -p $(AXE_DIR)
	npm install --silent --no-audit --no-fund --prefix $(AXE_DIR) axe-core@$(AXE_VERSION)

# The main job on the embedded sample: check it, then build the bilingual site from it.
demo: setup
	$(BIN)/kbtools check translations/
	$(BIN)/kbtools build --source translations --site-dir $(SITE_DIR)

# The whole test suite (the corpus is read from KBTOOLS_CORPUS, default ../shared/corpus).
test: setup-test browser
	$(BIN)/python -m pytest -n 2 -q

clean:
	rm -rf $(VENV) $(SITE_DIR) build *.egg-info src/*.egg-info
