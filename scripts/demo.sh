#!/usr/bin/env bash
# Quick start, command 1: install, start embedded PostgreSQL, migrate, seed demo data, build and serve on :3000.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
exec node_modules/.bin/tsx scripts/run.ts "${1:-demo}"
