# ClaimTrack developer tasks (GNU make). `make help` lists them.
PYTHON      ?= python3
PORT        ?= 8000
PYTEST_ARGS ?=
# pytest-xdist workers for the parallel part of the suite (auto: one per CPU). Work stealing: each
# worker starts with half of the tests in order, and one that runs out takes half of what another
# has left, so that the long end-to-end tests (browser, fuzz), which come last, are shared out
# instead of ending up on one worker while the other waits (xdist's default `load` sent them in
# one batch: a fifth of the PostgreSQL run was one worker alone).
WORKERS_TEST ?= auto
XDIST       = -n $(WORKERS_TEST) --dist worksteal
SCALE       ?= 100000
BIND        ?= 127.0.0.1:8000
WORKERS     ?= 2
# gunicorn's seconds for one request before it kills the worker (its default, 30, cut off the
# intake of a page of thousands of quotations: 5,000 took 74 s, and the reader got no answer)
REQUEST_TIMEOUT ?= 120
FUZZ_EXAMPLES ?= 100
FUZZ_SECONDS  ?= 600
FUZZ_SEED     ?= random

VENV  := .venv
PY    := $(VENV)/bin/python
# What is installed, from which lock file (pyproject.toml lists the direct dependencies):
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP     := $(VENV)/.installed-dev
UV_VERSION    := 0.13.8
UV            := $(VENV)/bin/uv
# axe-core, which the browser tests inject into the admin's pages (tests/browser/package-lock.json).
AXE_STAMP     := tests/browser/node_modules/.installed
# The test settings use SQLite in memory, or DATABASE_URL when it is set.
TEST_SETTINGS := DJANGO_SETTINGS_MODULE=claimtrack.settings.test

# Python writes the bytecode of what it imports (__pycache__: git ignores it, `make clean` removes
# it), whatever the environment says: with PYTHONDONTWRITEBYTECODE set (some containers set it)
# and a fresh .venv (uv installs no bytecode), each Python process compiled Django, the project and
# the rest again, and pytest rewrote the asserts of every test module again: 13.6 s of CPU to
# collect the suite, in each xdist worker of each run, instead of 4.7 s.
unexport PYTHONDONTWRITEBYTECODE

.DEFAULT_GOAL := help
.NOTPARALLEL:
.PHONY: help install install-dev install-browser-tools lock run serve check test test-sqlite test-postgres fuzz bench accuracy clean

help:
	@echo "make run            install, migrate, load the demo data, serve on http://127.0.0.1:$(PORT)/ (PORT=...)"
	@echo "make test           checks, then the test suite on SQLite and on a throwaway PostgreSQL"
	@echo "make serve          production: deploy checks, migrate, collectstatic, gunicorn on BIND=$(BIND) (WORKERS=$(WORKERS))"
	@echo "make test-sqlite    the test suite on SQLite only    (PYTEST_ARGS='-k name -x' ...)"
	@echo "make test-postgres  the test suite on PostgreSQL only (needs the PostgreSQL server binaries)"
	@echo "make fuzz           a longer schemathesis campaign on a throwaway PostgreSQL (FUZZ_SECONDS=$(FUZZ_SECONDS) per client)"
	@echo "make bench          generate SCALE statements (default 100000) in a throwaway PostgreSQL, measure, write BENCHMARKS.md"
	@echo "make accuracy       measure the quotation suggester on the seed articles and apps/intake/tests/articles, write ACCURACY.md"
	@echo "make check          manage.py check, the missing-migrations check, the layers of the code and ruff"
	@echo "make install        create $(VENV) and install the runtime set, requirements.txt (PYTHON=$(PYTHON))"
	@echo "make install-dev    ... and the tools of the tests, fuzzing and checks, requirements-dev.txt"
	@echo "make lock           write requirements.txt and requirements-dev.txt again from pyproject.toml (uv)"
	@echo "make clean          remove $(VENV), var/, caches and test-output/"

install: $(RUNTIME_STAMP)
install-dev: $(DEV_STAMP)
install-browser-tools: $(AXE_STAMP)

$(PY):
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "error: '$(PYTHON)' cannot create virtual environments (missing, or without venv/ensurepip)." >&2; \
	  echo "       Debian/Ubuntu: sudo apt-get install python3-venv   (or: make PYTHON=/path/to/python3.X ...)" >&2; \
	  exit 1; }
	@echo "==> Creating $(VENV) with $(PYTHON)"
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)

# uv installs a lock file in about 5 s where pip takes a minute (it fetches one package at a
# time): pip installs uv into $(VENV), then uv the lock file. pip installs the lock file itself
# when uv cannot (no uv for the platform, a package index that only pip's configuration names).
define install_lock
	$(PY) -m pip install -q --disable-pip-version-check uv==$(UV_VERSION) || true
	$(UV) pip install --quiet --python $(PY) -r $(1) || { \
	  echo "note: uv could not install $(1): pip installs it instead" >&2; \
	  $(PY) -m pip install -q --disable-pip-version-check -r $(1); }
endef

$(RUNTIME_STAMP): requirements.txt | $(PY)
	@echo "==> Installing the runtime set (requirements.txt) into $(VENV)"
	$(call install_lock,requirements.txt)
	@touch $@

$(DEV_STAMP): requirements-dev.txt | $(PY)
	@echo "==> Installing the runtime set and the development tools (requirements-dev.txt) into $(VENV)"
	$(call install_lock,requirements-dev.txt)
	@touch $@ $(RUNTIME_STAMP)

# The browser tests' accessibility checker (axe-core) from npm, as pinned in package-lock.json.
$(AXE_STAMP): tests/browser/package.json tests/browser/package-lock.json
	@command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 || { \
	  echo "error: the browser tests check accessibility with axe-core, installed with npm: Debian/Ubuntu: sudo apt-get install nodejs npm" >&2; \
	  exit 1; }
	@echo "==> Installing axe-core for the browser tests (npm ci --prefix tests/browser)"
	npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

# Both lock files from pyproject.toml, for Python 3.10-3.13; versions already locked are kept
# (UPGRADE=1 takes the newest the pins allow). Needs PyPI.
lock: | $(PY)
	$(PY) -m pip install -q --disable-pip-version-check uv==$(UV_VERSION)
	$(UV) pip compile pyproject.toml --universal --python-version 3.10 --quiet \
	  --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade) -o requirements.txt
	$(UV) pip compile pyproject.toml --group dev --universal --python-version 3.10 --quiet \
	  --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade) -o requirements-dev.txt

# The links in the desk's e-mails and the ClaimReview's author point at the port served.
run: export CLAIMTRACK_DESK_URL ?= http://127.0.0.1:$(PORT)/
run: export CLAIMTRACK_ORGANISATION_URL ?= http://127.0.0.1:$(PORT)/
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --port $(PORT)
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production settings: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and DATABASE_URL must be set (.env.example).
serve: export DJANGO_SETTINGS_MODULE = claimtrack.settings.production
serve: install
	$(PY) manage.py check --deploy --fail-level WARNING
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py collectstatic --noinput -v0
	$(VENV)/bin/gunicorn claimtrack.wsgi --bind $(BIND) --workers $(WORKERS) --timeout $(REQUEST_TIMEOUT) --access-logfile -

check: install-dev
	@echo "==> Django checks"
	env -u DATABASE_URL $(TEST_SETTINGS) $(PY) manage.py check
	env -u DATABASE_URL $(TEST_SETTINGS) $(PY) manage.py makemigrations --check --dry-run
	@echo "==> The layers of the code (import-linter, contracts in pyproject.toml)"
	$(VENV)/bin/lint-imports --no-cache
	@echo "==> Lint and format (ruff, configuration in pyproject.toml; \`$(VENV)/bin/ruff format .\` formats)"
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: check test-sqlite test-postgres

# The tests whose outcome does not depend on the database (marked one_database by conftest.py:
# those that open none, the intake rules' accuracy floors) run once in `make test`, on SQLite;
# `make test-postgres` alone runs them too.
POSTGRES_MARKS := not serial
test: POSTGRES_MARKS := not serial and not one_database

# The portable suite on SQLite; the end-to-end tests (browser, fuzz, outage) run on PostgreSQL only.
test-sqlite: install-dev
	@echo "==> Test suite on SQLite (in-memory), but the end-to-end tests"
	env -u DATABASE_URL $(TEST_SETTINGS) $(PY) -m pytest $(XDIST) -m "not e2e" $(PYTEST_ARGS) || [ $$? -eq 5 ]

# The whole suite on PostgreSQL, in parallel, then the tests that must run alone. Every test
# database is a copy of one migrated template (tests/database.py), which the two runs share: it
# goes with the cluster.
test-postgres: install-dev install-browser-tools
	@version=$$(scripts/with-postgres --server-version) && \
	  echo "==> Test suite on PostgreSQL $$version (throwaway cluster)"
	$(TEST_SETTINGS) CLAIMTRACK_TEST_TEMPLATE=test_claimtrack_template scripts/with-postgres sh -c '{ $(PY) -m pytest $(XDIST) -m "$(POSTGRES_MARKS)" $(PYTEST_ARGS) || [ $$? -eq 5 ]; } && \
	  { $(PY) -m pytest -p no:xdist -m serial $(PYTEST_ARGS) || [ $$? -eq 5 ]; }'

# The same fuzz test as in `make test` (tests/test_fuzz.py), with more examples, more time and a
# fresh seed each run (FUZZ_SEED=1234 repeats a run).
fuzz: install-dev
	@version=$$(scripts/with-postgres --server-version) && \
	  echo "==> schemathesis: $(FUZZ_EXAMPLES) examples per operation, $(FUZZ_SECONDS) s per client, PostgreSQL $$version"
	CLAIMTRACK_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) CLAIMTRACK_FUZZ_SECONDS=$(FUZZ_SECONDS) CLAIMTRACK_FUZZ_SEED=$(FUZZ_SEED) \
	  $(TEST_SETTINGS) scripts/with-postgres $(PY) -m pytest tests/test_fuzz.py $(PYTEST_ARGS)

# The benchmark runs the production settings (what a desk deploys) against its own throwaway
# PostgreSQL; wrk (Debian: apt-get install wrk) drives the load test.
# The production settings, without rate limits: the load test is one client asking as fast as it can.
BENCH_ENV := DJANGO_SETTINGS_MODULE=claimtrack.settings.production DJANGO_SECRET_KEY=benchmark-only \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost,testserver DJANGO_SECURE_SSL_REDIRECT=false \
	CLAIMTRACK_API_RATE_ANONYMOUS=off CLAIMTRACK_API_RATE_USER=off

# A throwaway SQLite database with the fixtures; the seed articles from CLAIMTRACK_SEEDS_DIR (default ../shared/seeds).
accuracy: install
	@tmp=$$(mktemp -d) && status=0 && \
	  echo "==> Accuracy of the quotation suggester (throwaway database $$tmp/accuracy.sqlite3)" && \
	  { DATABASE_URL=sqlite:///$$tmp/accuracy.sqlite3 $(PY) manage.py migrate --noinput -v 0 && \
	    DATABASE_URL=sqlite:///$$tmp/accuracy.sqlite3 $(PY) manage.py accuracy --load-fixtures --write; } || status=$$?; \
	  rm -rf "$$tmp"; exit $$status

bench: install
	@command -v wrk >/dev/null 2>&1 || { \
	  echo "error: make bench needs wrk for its load tests: Debian/Ubuntu: sudo apt-get install wrk (macOS: brew install wrk)." >&2; \
	  exit 1; }
	@version=$$(scripts/with-postgres --server-version) && \
	  echo "==> Benchmark: $(SCALE) statements on PostgreSQL $$version (throwaway cluster)"
	$(BENCH_ENV) WITH_POSTGRES_SHARED_BUFFERS=256MB scripts/with-postgres sh -c \
	  '$(PY) manage.py migrate -v0 && $(PY) manage.py createcachetable && $(PY) manage.py collectstatic --noinput -v0 && $(PY) manage.py benchmark --scale $(SCALE)'

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis .schemathesis test-output tests/browser/node_modules
	find . -name __pycache__ -type d -not -path './.git/*' -prune -exec rm -rf {} +
