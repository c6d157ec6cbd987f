#!/usr/bin/env bash
# Debian packages the tests need: headless Chromium (browser tests), the PostgreSQL server
# (database tests) and Node.js with npm (the JavaScript lint). Installs only what is missing,
# as root or with sudo.
#   scripts/system-deps.sh --root-only   (make test) install only when running as root;
#                                        otherwise stop and name the command to run
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages present (chromium, postgresql, nodejs/npm)."
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if [ "${1:-}" = "--root-only" ]; then
    echo "The tests need these Debian packages: ${missing[*]}. Install them with:" >&2
    echo "  sudo scripts/system-deps.sh" >&2
    exit 1
  fi
  sudo="sudo"
fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
