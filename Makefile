# Jobcenter Randers assistant. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash
export TF_CPP_MIN_LOG_LEVEL := 2
# Rasa would otherwise send telemetry and crash reports to rasa.com and sentry.io.
export RASA_TELEMETRY_ENABLED := false

UV := .tools/bin/uv
PY := .venv/bin/python
RASA := .venv-rasa/bin/rasa
MODEL := models/jobcenter.tar.gz

.PHONY: help setup run test test-ready lint format train validate test-api test-actions \
        test-stories test-e2e test-web test-privacy test-language eval eval-conversations bench lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

setup: ## Create both environments, install the spaCy pipeline, seed the DB, train the model
	scripts/setup.sh

run: ## Set up what is missing, then start facts service (:8000), action server (:5055) and Rasa (:5005); Ctrl-C stops all
	scripts/setup.sh --run
	$(PY) scripts/stack.py run

test: test-ready lint test-privacy test-language test-api test-actions validate test-stories test-e2e ## Everything CI runs, after test-ready

test-ready: ## What the tests need: system packages (installed as root, else the command to run), then setup
	scripts/system-deps.sh --root-only
	scripts/setup.sh

lint: ## ruff lint + format check (both environments' code), import contracts, JS lint (eslint), seed content checks
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports
	@[ -x node_modules/.bin/eslint ] || { echo "node_modules/ is missing: run make setup" >&2; exit 1; }
	node_modules/.bin/eslint web
	$(PY) content/check_seed.py

format: ## Apply ruff formatting and safe fixes
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

test-privacy: ## The masker on generated input (Hypothesis) and the held-out health sets
	.venv/bin/pytest tests/masking

test-language: ## The language detector (bot/language.py) on generated input (Hypothesis)
	.venv/bin/pytest tests/language

test-api: ## Facts service tests (SQLite; PostgreSQL when available)
	.venv/bin/pytest tests/api

test-actions: ## Actions (real facts service), bot components, training-data checks (Rasa env)
	.venv-rasa/bin/pytest tests/actions tests/bot tests/nlu

validate: ## rasa data validate (warnings fail)
	$(RASA) data validate --fail-on-warnings

train: ## Train the Rasa model if its inputs changed (FORCE=1 to retrain)
	scripts/train.sh $(if $(FORCE),--force)

test-stories: train ## Rasa test stories, message texts through NLU too (--e2e); any error fails
	$(RASA) test core --stories tests/stories --model $(MODEL) --e2e --fail-on-prediction-errors --out reports/stories

test-e2e: train ## All three real servers on free ports: REST channel, privacy, browser
	.venv/bin/pytest tests/e2e tests/web

eval: ## NLU cross-validation report (F1 per intent/entity, confusion matrix PNG) in reports/nlu
	.venv-rasa/bin/python scripts/nlu_cv.py test nlu --nlu data/nlu --config config.yml \
	    --cross-validation --folds 5 --runs 1 --out reports/nlu
	$(PY) scripts/nlu_summary.py reports/nlu

eval-conversations: train ## Blind questions and conversations (tests/conversations/) through the real stack: share right per topic
	$(PY) scripts/eval_conversations.py

bench: ## Benchmarks: chat round trip (sequential, 10 paced conversations, saturation), facts API reads, purge, sign-in burst
	$(PY) scripts/bench_rest.py
	$(PY) scripts/bench_api.py
	$(PY) scripts/bench_purge.py
	$(PY) scripts/bench_sign_in.py

lock: ## Re-resolve both lock files after editing pyproject.toml or bot/requirements.in
	$(UV) lock -p 3.11
	$(UV) pip compile -q -p 3.10 --generate-hashes bot/requirements.in -o bot/requirements.lock

clean: ## Remove environments, models and local data (var/)
	rm -rf .venv .venv-rasa .tools .cache models var reports test-artifacts
