# Set-up and the two jobs of the README's quick start. Needs Python 3.11+, make and bash.
# PYTHON chooses the interpreter and VENV the environment: `make test PYTHON=python3.13 VENV=.venv-3.13`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
# The versions CI tested; a fresh machine gets the same (the README says how to upgrade them).
CONSTRAINTS ?= constraints.txt
PIP_INSTALL := $(BIN)/python -m pip install --quiet --constraint $(CONSTRAINTS)

.PHONY: demo test lint ci setup setup-test browser clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "kbtools needs Python 3.11 or newer; this is " + sys.version.split()[0])'
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); \
		else echo "$(PYTHON) cannot make a virtual environment: on Debian, sudo apt-get install python3-venv"; exit 1; fi; }
	$(BIN)/python -m pip install --quiet --upgrade pip

setup: $(BIN)/python
	$(PIP_INSTALL) -e .

setup-test: $(BIN)/python
	$(PIP_INSTALL) -e '.[test]'

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

# The habits the code keeps: ruff's lint rules and its formatting (pyproject.toml configures both).
lint: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# What CI runs (.ci/run): lint, then the suite on the oldest and the newest Python at hand.
ci:
	bash .ci/run

clean:
	rm -rf $(VENV) $(SITE_DIR) build *.egg-info src/*.egg-info
