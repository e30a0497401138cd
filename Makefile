# Two commands do everything on a fresh machine: `make html` and `make test`.
# Both create .venv and install the pinned dependencies when needed.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM_PATH ?= /usr/bin/chromium
PORT ?= 8000
# Chromium draws the charts' static images (kaleido, through choreographer's
# BROWSER_PATH) and runs the browser tests (CHROMIUM_PATH).
BROWSER_PATH := $(CHROMIUM_PATH)
export CHROMIUM_PATH BROWSER_PATH

.PHONY: html publish serve devserver test lint setup clean

html: setup  ## Build the site into output/ (the last good build survives a failure)
	$(BIN)/python -m sitebuild -s pelicanconf.py -o output

publish: setup  ## Build with production settings (publishconf.py)
	$(BIN)/python -m sitebuild -s publishconf.py -o output

serve: html  ## Serve output/ at http://localhost:$(PORT)
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory output $(PORT)

devserver: setup  ## Serve, rebuild and reload the browser on any content, data, theme or plugin change
	$(BIN)/python -m sitebuild.devserver --port $(PORT)

test: setup  ## Lint, then run the whole test suite (unit, build, browser)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

setup: $(VENV)/.installed node_modules/.installed
	@tools/ensure-chromium.sh

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf output .output-staging .output-previous .cache
