# IVP Regie. `make run` serves the demo on http://127.0.0.1:8000, `make test` runs the tests.
# Both install what they need first (a virtual environment with uv, the npm packages).

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
# The first Python 3.12+ found: on PATH, or installed through pyenv.
PYTHON ?= $(shell for p in python3.13 python3.12 $(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3) python3; do \
	if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
	command -v $$p; break; fi; done)

.PHONY: install run test lint check clean

$(BIN)/uv:
	@test -n "$(PYTHON)" || { echo "Python 3.12 of nieuwer is nodig (bijvoorbeeld via pyenv)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.geinstalleerd: $(BIN)/uv pyproject.toml uv.lock package.json package-lock.json
	UV_PROJECT_ENVIRONMENT=$(VENV) $(BIN)/uv sync --frozen --inexact --quiet
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.geinstalleerd

run: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py demo
	@echo "IVP Regie draait op http://127.0.0.1:8000/ (stoppen met Ctrl+C)"
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:8000

# The tests spread over the processor cores (pytest-xdist); one process: .venv/bin/pytest.
test: install
	$(BIN)/pytest -n auto --maxprocesses 4

# Python (ruff), templates (djLint: rules and format), migrations, types (mypy, whole project).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint . --lint --check
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/mypy .

# `check --deploy` with production-like variables must report nothing.
check: install
	DJANGO_SECRET_KEY=$$(head -c 48 /dev/urandom | base64) DJANGO_ALLOWED_HOSTS=ivp.example.nl \
		EMAIL_HOST=smtp.example.nl DATABASE_URL=postgres://ivp@127.0.0.1:5432/ivp \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) node_modules staticfiles test-output
