#!/usr/bin/env bash
# Installs the npm dependencies (and with them Node.js 24) when they are missing or older than the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Memasang dependensi / installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
fi
