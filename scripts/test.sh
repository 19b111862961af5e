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

# The backup round-trip test needs pg_dump/pg_restore and, since Debian 12's pg_dump (15) refuses the embedded
# PostgreSQL 17, the distribution's server binaries to run a scratch cluster of pg_dump's own version.
if [ -z "${PG_DUMP:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "[skyline] installing PostgreSQL's server and client binaries for the backup test (apt-get)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "The backup round-trip test needs PostgreSQL's server and client binaries: run 'sudo apt-get install postgresql'" >&2
    echo "(initdb, pg_ctl, pg_dump, pg_restore under /usr/lib/postgresql/<major>/bin), or set PG_DUMP to a pg_dump ≥ 17." >&2
    exit 1
  fi
fi

# The load-balancer test runs two app instances behind the distribution's nginx (skipped, with a note, without it).
if [ ! -x /usr/sbin/nginx ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "[skyline] installing nginx for the load-balancer test (apt-get)…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi

exec node_modules/.bin/tsx scripts/test.ts "$@"
