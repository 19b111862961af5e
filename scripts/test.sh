#!/usr/bin/env bash
# Quick start, command 2: the whole test suite (lint, types, unit, integration against real PostgreSQL, e2e in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh

# Browser tests run in Debian's Chromium (Playwright's own browser download does not work offline).
if [ -z "${PLAYWRIGHT_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "[skyline] installing Chromium and CJK fonts for the browser tests (apt-get)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "Browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium fonts-noto-cjk'," >&2
    echo "or set PLAYWRIGHT_CHROMIUM to the path of a Chromium/Chrome binary." >&2
    exit 1
  fi
fi

exec node_modules/.bin/tsx scripts/test.ts "$@"
