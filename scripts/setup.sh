#!/usr/bin/env bash
# Setup: tools, both environments, the Danish spaCy pipeline, the facts database and the Rasa
# model. Safe to run again: each step does only what is missing or changed, so `make run` and
# `make test` run it first (a second or two when everything is there).
#   scripts/setup.sh          all steps (make setup, make test)
#   scripts/setup.sh --run    for make run: npm is not needed (only make lint uses it), and the
#                             database is left to the launcher, which migrates it at start
set -euo pipefail
export RASA_TELEMETRY_ENABLED=false  # no telemetry or crash reports to rasa.com/sentry.io
cd "$(dirname "$0")/.."
for_run=false
[ "${1:-}" = "--run" ] && for_run=true

UV_VERSION=0.13.9
UV=.tools/bin/uv
t0=$SECONDS
step() { printf '== [%4d s] %s\n' "$((SECONDS - t0))" "$*"; }
# A step whose inputs are unchanged since it last ran is skipped: its stamp file holds their hash.
unchanged() { [ "$(cat "$1" 2>/dev/null)" = "$(cat "${@:2}" | sha256sum | cut -d' ' -f1)" ]; }
stamp() { cat "${@:2}" | sha256sum | cut -d' ' -f1 > "$1"; }

step "uv $UV_VERSION (in .tools/)"
if ! [ -x "$UV" ] || [ "$("$UV" --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  boot=$(command -v python3.11 || command -v python3)
  "$boot" -m venv .tools
  .tools/bin/pip install -q "uv==$UV_VERSION"
fi

step "Python 3.10 (Rasa side) and 3.11+ (service side)"
for v in 3.10 3.11; do
  if ! "$UV" python find "$v" >/dev/null 2>&1; then
    echo "Python $v was not found. Install it, e.g. '$UV python install $v' or 'pyenv install $v'," >&2
    echo "then run this again." >&2
    exit 1
  fi
done

step "Service environment .venv (uv.lock)"
"$UV" sync --frozen -q -p 3.11

step "JavaScript lint tools node_modules/ (package-lock.json)"
if ! command -v npm >/dev/null 2>&1; then
  if $for_run; then
    echo "npm was not found: skipped (only make lint needs it; scripts/system-deps.sh installs it)."
  else
    echo "npm was not found. Install Node.js 18.18+ with npm (scripts/system-deps.sh does)," >&2
    echo "then run this again." >&2
    exit 1
  fi
elif unchanged node_modules/.lock-sha256 package-lock.json; then
  echo "node_modules/ matches package-lock.json"
else
  # npm ci starts from scratch each time, so run it only when the lock file changed.
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  stamp node_modules/.lock-sha256 package-lock.json
fi

step "Rasa environment .venv-rasa (bot/requirements.lock)"
[ -x .venv-rasa/bin/python ] || "$UV" venv -q -p 3.10 .venv-rasa
if unchanged .venv-rasa/.lock-sha256 bot/requirements.lock; then
  echo ".venv-rasa matches bot/requirements.lock"
else
  VIRTUAL_ENV=.venv-rasa "$UV" pip sync -q bot/requirements.lock  # removes the spaCy pipeline
  stamp .venv-rasa/.lock-sha256 bot/requirements.lock
  rm -f .venv-rasa/.spacy-sha256
fi

step "Danish spaCy pipeline"
installed() { compgen -G ".venv-rasa/lib/python3*/site-packages/da_*_sm-*.dist-info" >/dev/null; }
if unchanged .venv-rasa/.spacy-sha256 bot/spacy_model.py && installed; then
  echo "spaCy: installed as bot/spacy_model.py asks (edit it, e.g. the official wheel's sha256, to redo)"
else
  mkdir -p .cache
  # The wheel build is chatty; keep its log and show only the decision lines.
  TF_CPP_MIN_LOG_LEVEL=3 .venv-rasa/bin/python bot/spacy_model.py > .cache/spacy-setup.log 2>&1 \
    || { cat .cache/spacy-setup.log >&2; exit 1; }
  grep '^spaCy:' .cache/spacy-setup.log
  stamp .venv-rasa/.spacy-sha256 bot/spacy_model.py
fi

if ! $for_run; then
  step "Facts database (migrate; seed only when empty)"
  .venv/bin/python scripts/stack.py prepare-db
fi

step "Rasa model"
scripts/train.sh

if $for_run; then
  step "Ready"
else
  echo "Setup finished in $((SECONDS - t0)) s. Start everything with: make run"
fi
