# One-command set-up: every target bootstraps .venv first, from requirements-dev.txt (which includes
# requirements.txt, what production installs alone).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MANAGE := $(BIN)/python manage.py
CHROMIUM ?= /usr/bin/chromium
# xdist workers: one per core (this project's machines have 2).
PYTEST_WORKERS ?= auto
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run serve worker cluster test test-unit test-browser test-cluster lint format messages compile-messages migrate demo bench audit clean vendor-js

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	@touch $(STAMP)

# Rebuilt only when a catalogue changed, so make targets running side by side (.ci/run) never
# rewrite a .mo file another process is reading.
PO_FILES := $(shell find . -path ./.venv -prune -o -path ./node_modules -prune -o -path ./var -prune -o -name '*.po' -print)
MO_STAMP := var/.messages-compiled

$(MO_STAMP): $(STAMP) $(PO_FILES)
	$(MANAGE) compilemessages --ignore=.venv --ignore=var -v0
	@mkdir -p var && touch $@

compile-messages: $(MO_STAMP)  ## Build the .mo catalogues from the committed .po files.

migrate: compile-messages
	$(MANAGE) migrate --noinput -v0

var/.demo-loaded:
	$(MANAGE) setup_demo
	@touch $@

demo: migrate  ## Re-run the (idempotent) demo loader.
	$(MANAGE) setup_demo

run: migrate var/.demo-loaded  ## Serve the site with demo data on 127.0.0.1:8000.
	$(MANAGE) runserver 127.0.0.1:8000

serve: migrate var/.demo-loaded  ## Production settings: gunicorn + whitenoise on loopback.
	@mkdir -p var && test -s var/secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	SECRET_KEY=$$(cat var/secret_key) DJANGO_SETTINGS_MODULE=config.settings.production $(MANAGE) collectstatic --noinput -v0
	SECURE_SSL_REDIRECT=false SECRET_KEY=$$(cat var/secret_key) DJANGO_SETTINGS_MODULE=config.settings.production \
		$(BIN)/gunicorn config.wsgi:application --bind 127.0.0.1:$${PORT:-8000} \
		--workers $$(( $$(nproc) * 2 + 1 )) --access-logfile - --timeout 60

worker: migrate  ## The notifications worker: reminders and the outbox (e-mail, SMS), one pass every 30 s.
	$(MANAGE) send_notifications --loop --interval $${INTERVAL:-30}
cluster: compile-messages  ## HAProxy + two gunicorn servers + a fresh PostgreSQL database + Redis on this machine (scripts/cluster.py).
	$(BIN)/python -m scripts.cluster $(CLUSTER_ARGS)

bench: compile-messages  ## Fresh SQLite + PostgreSQL databases, gunicorn, one table of ratios to a bare view.
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# bandit skips only checks that ruff's S rules already enforce line by line (S308 mark_safe,
# S310 urlopen, S608 SQL strings), where each use carries a reviewed noqa. pip-audit needs
# PyPI's per-release JSON API (/pypi/NAME/VERSION/json, with its "vulnerabilities"); where
# that is not served it says so loudly instead of passing silently.
audit: $(STAMP)  ## Security checks: bandit on the code, pip-audit on the pinned requirements.
	$(BIN)/bandit -q -r . -x ./.venv,./tests,./var,./node_modules,./media -ll -ii -s B308,B310,B608,B703
	@if $(BIN)/python -c "import json, urllib.request as u; \
		assert 'vulnerabilities' in json.load(u.urlopen('https://pypi.org/pypi/Django/4.2/json', timeout=20))" 2>/dev/null; \
	then $(BIN)/pip-audit --strict --disable-pip --no-deps --progress-spinner off -r requirements.txt -r requirements-dev.txt; \
	else echo "pip-audit NOT RUN: PyPI's per-release JSON API is not served on this network (see docs/DEPLOYMENT.md)"; fi

HLS_VENDOR := attendance/static/attendance/vendor
vendor-js:  ## Refresh the committed hls.js (package.json pins it) from the npm registry.
	npm ci --silent --no-audit --no-fund
	@version=$$(node -p "require('./node_modules/hls.js/package.json').version"); \
	{ printf '/*! hls.js %s | (c) Dailymotion and hls.js contributors | Apache License 2.0: https://github.com/video-dev/hls.js/blob/master/LICENSE\n * Copied from the npm package hls.js (node_modules/hls.js/dist/hls.min.js) by `make vendor-js`. */\n' "$$version"; \
	  sed 's|//# sourceMappingURL=.*||' node_modules/hls.js/dist/hls.min.js; } > $(HLS_VENDOR)/hls.min.js
	cp node_modules/hls.js/LICENSE $(HLS_VENDOR)/hls.js.LICENSE

# The browser tests first: they leave a core idle, which .ci/run gives to the PostgreSQL pass.
test: compile-messages  ## check, migrations check, the whole suite (browser tests too when chromium is present).
	@if [ -x $(CHROMIUM) ]; then $(MAKE) --no-print-directory test-browser; \
	elif [ -n "$$CI" ]; then echo "CI: $(CHROMIUM) is missing; browser tests cannot run" >&2; exit 1; \
	else echo "NOTE: $(CHROMIUM) not found, browser tests not run (apt-get install chromium fonts-noto-cjk)"; fi
	@$(MAKE) --no-print-directory test-unit

test-unit: compile-messages
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -m "not browser and not cluster" -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-browser: compile-messages
	@test -f node_modules/axe-core/axe.min.js || npm ci --silent --no-audit --no-fund
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(BIN)/pytest -m browser $(PYTEST_ARGS)

# Skipped only outside CI when haproxy is missing; one cluster serves every test, so no xdist.
test-cluster: compile-messages  ## Tests against HAProxy + two app servers (needs PostgreSQL, Redis, haproxy).
	$(BIN)/pytest -m cluster -p no:xdist tests/cluster $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: $(STAMP)  ## Refresh every .po catalogue (site/locale and each app's locale/) after changing UI strings.
	$(MANAGE) makemessages -l zh_Hans -l en --ignore=.venv --ignore=var --ignore=media --ignore=tests --ignore=node_modules --no-obsolete --no-location -v0

clean:
	rm -rf var/static var/test-media test-artifacts
