# Portail VIF Nord — one entry point. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[1m%-12s\033[0m %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/pip install --quiet --disable-pip-version-check "uv==0.13.9"
	VIRTUAL_ENV=$(VENV) $(BIN)/uv pip install --quiet --compile-bytecode -r requirements.lock
	@touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the locked dependencies

lock: ## Re-resolve pyproject.toml into requirements.lock
	@test -x $(BIN)/uv || $(MAKE) install
	$(BIN)/uv pip compile --quiet pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

migrate: install ## Apply database migrations
	@mkdir -p var
	$(MANAGE) migrate --noinput -v0

demo: migrate ## Load the demo content (idempotent)
	$(MANAGE) load_demo_content

run: demo ## Install, migrate, load demo content and serve http://127.0.0.1:8000
	@echo "Portail VIF Nord : http://$(HOST):$(PORT)/  (administration : /admin/, comptes de démonstration dans le README)"
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install ## ruff (lint + format check)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

checks: install ## Django system checks, migrations drift, import direction (ARCHITECTURE.md)
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/lint-imports --no-cache

# pytest-xdist: one worker per core (PYTEST_WORKERS=0 runs in one process, e.g. to debug).
PYTEST_WORKERS ?= auto
XDIST = $(if $(filter 0,$(PYTEST_WORKERS)),-p no:xdist,-n $(PYTEST_WORKERS) --dist worksteal)

test: install node_modules/.installed lint checks ## Install and run the whole suite (lint, checks, pytest on every core)
	$(BIN)/pytest $(XDIST) $(PYTEST_ARGS)
	@$(MAKE) --no-print-directory test-sqlite

# The embedded default, SQLite, whatever DATABASE_URL says (CI: PostgreSQL): its own backend
# tests (marker sqlite_only) and the search relevance figures on SQLite.
SQLITE_TESTS := tests/search/test_sqlite_ranking.py "tests/search/test_relevance.py::test_relevance_on_demo_content[database]"

test-sqlite: install ## The SQLite backend's tests and search relevance on SQLite (part of make test)
	DATABASE_URL= $(BIN)/pytest -p no:xdist $(SQLITE_TESTS) $(PYTEST_ARGS)

# Elasticsearch 7: modelsearch's elasticsearch7 backend needs the 7.x client, which cannot
# share .venv with the pinned 8.x one: a second virtualenv, the lock plus that client.
VENV_ES7 := .venv-es7
ES7_CLIENT := elasticsearch==7.17.13
ES7_TESTS := tests/search/test_search_node.py tests/search/test_french.py tests/search/test_relevance.py \
	tests/search/test_engines.py tests/search/test_analysis_contract.py tests/search/test_pipeline.py \
	tests/search/test_hostile_pipeline.py

$(VENV_ES7)/.installed: requirements.lock $(VENV)/.installed
	@test -x $(VENV_ES7)/bin/python || $(PYTHON) -m venv $(VENV_ES7)
	VIRTUAL_ENV=$(VENV_ES7) $(BIN)/uv pip install --quiet -r requirements.lock
	VIRTUAL_ENV=$(VENV_ES7) $(BIN)/uv pip install --quiet "$(ES7_CLIENT)"
	@touch $@

test-es7: $(VENV_ES7)/.installed ## Search tests against Elasticsearch 7 (SEARCH_TEST_URL=elasticsearch7+http://…)
	@[[ "$$SEARCH_TEST_URL" == elasticsearch7+* ]] || { echo "make test-es7 : SEARCH_TEST_URL=elasticsearch7+http://hôte:port attendu (nœud : SEARCH_NODE_ENGINE=elasticsearch7 ci/search-node/node.sh run)" >&2; exit 2; }
	$(VENV_ES7)/bin/pytest $(XDIST) $(ES7_TESTS) -k "not database" $(PYTEST_ARGS)

format: install ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

ci: ## Run what CI runs (real PostgreSQL, browser), like `.ci/run`
	bash .ci/run

clean: ## Remove the virtualenvs, the local database and uploaded files
	rm -rf $(VENV) $(VENV_ES7) var node_modules

.PHONY: help install lock migrate demo run lint checks test test-sqlite test-es7 format ci clean

BENCH_DB ?= sqlite:///$(CURDIR)/var/bench.sqlite3
BENCH_RESOURCES ?= 10000
# More generate_bench_data options (e.g. "--trainings 30 --users 100" for a quick run).
BENCH_DATA_ARGS ?=
# Empty: every phase; or some of "startup recycling search" (no wrk needed), e.g. BENCH_PHASES=search.
BENCH_PHASES ?=
# Also search on OpenSearch/Elasticsearch (indexed by update_index first), e.g.
# BENCH_SEARCH_URL=opensearch2+http://127.0.0.1:9250/bench (the path prefixes the indices).
BENCH_SEARCH_URL ?=

bench: install ## Load-test every page type (gunicorn + wrk + nginx) on 10,000 resources, search included (SQLite by default; BENCH_DB=postgres://…, BENCH_SEARCH_URL=opensearch2+http://…); BENCH_PHASES=search for search alone
	@mkdir -p var
	DATABASE_URL=$(BENCH_DB) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=$(BENCH_DB) $(MANAGE) generate_bench_data --resources $(BENCH_RESOURCES) $(BENCH_DATA_ARGS)
	DATABASE_URL=$(BENCH_DB) BENCH_SEARCH_URL=$(BENCH_SEARCH_URL) $(BIN)/python scripts/bench.py $(BENCH_PHASES)

.PHONY: bench
