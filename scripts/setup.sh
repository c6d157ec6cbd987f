#!/usr/bin/env bash
# One-command setup: tools, both environments, the Danish spaCy pipeline, the facts database
# and the Rasa model. Safe to run again; it only redoes what changed.
set -euo pipefail
export RASA_TELEMETRY_ENABLED=false  # no telemetry or crash reports to rasa.com/sentry.io
cd "$(dirname "$0")/.."

UV_VERSION=0.13.9
UV=.tools/bin/uv
t0=$SECONDS
step() { printf '\n== [%4d s] %s\n' "$((SECONDS - t0))" "$*"; }

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
    echo "then run 'make setup' again." >&2
    exit 1
  fi
done

step "Service environment .venv (uv.lock)"
"$UV" sync --frozen -p 3.11

step "JavaScript lint tools node_modules/ (package-lock.json)"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm was not found. Install Node.js 18.18+ with npm (scripts/system-deps.sh does)," >&2
  echo "then run 'make setup' again." >&2
  exit 1
fi
# npm ci starts from scratch each time, so run it only when the lock file changed.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-sha256 2>/dev/null)" != "$lock_sum" ]; then
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  echo "$lock_sum" > node_modules/.lock-sha256
else
  echo "node_modules/ matches package-lock.json"
fi

step "Rasa environment .venv-rasa (bot/requirements.lock)"
[ -x .venv-rasa/bin/python ] || "$UV" venv -q -p 3.10 .venv-rasa
VIRTUAL_ENV=.venv-rasa "$UV" pip sync -q bot/requirements.lock

step "Danish spaCy pipeline"
mkdir -p .cache
# The wheel build is chatty; keep its log and show only the decision lines.
TF_CPP_MIN_LOG_LEVEL=3 .venv-rasa/bin/python bot/spacy_model.py > .cache/spacy-setup.log 2>&1 \
  || { cat .cache/spacy-setup.log >&2; exit 1; }
grep '^spaCy:' .cache/spacy-setup.log

step "Facts database (migrate; seed only when empty)"
.venv/bin/python scripts/stack.py prepare-db

step "Rasa model"
scripts/train.sh

echo
echo "Setup finished in $((SECONDS - t0)) s. Start everything with: make run"
