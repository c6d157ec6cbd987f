#!/usr/bin/env bash
# Train the Rasa model when its inputs changed since the last training.
# Inputs (scripts/model_inputs.py): config, domain, training data, the source of the custom
# NLU components and the installed spaCy pipeline (a switch between the official and the
# offline pipeline changes the features).
set -euo pipefail
export RASA_TELEMETRY_ENABLED=false  # no telemetry or crash reports to rasa.com/sentry.io
cd "$(dirname "$0")/.."
MODEL=models/jobcenter.tar.gz
STAMP=models/jobcenter.inputs

pipeline=$(.venv-rasa/bin/python -c "import importlib.metadata as m
for n in ('da_core_news_sm','da_randers_offline_sm'):
    try: print(n, m.version(n)); break
    except m.PackageNotFoundError: pass")
inputs=$( { echo "$pipeline"; .venv/bin/python scripts/model_inputs.py | xargs cat; } \
         | sha256sum | cut -d' ' -f1)

if [ "${1:-}" != "--force" ] && [ -f "$MODEL" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$inputs" ]; then
  echo "Model is up to date ($MODEL)."
  exit 0
fi
mkdir -p models
start=$SECONDS
force=()
[ "${1:-}" = "--force" ] && force=(--force)
TF_CPP_MIN_LOG_LEVEL=2 .venv-rasa/bin/rasa train --fixed-model-name jobcenter --out models "${force[@]}"
echo "$inputs" > "$STAMP"
echo "Trained $MODEL in $((SECONDS - start)) s (spaCy pipeline: $pipeline)."
