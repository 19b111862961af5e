#!/usr/bin/env bash
# Shared by `npm run demo` and `npm test`: checks Node, installs dependencies when package.json or the lockfile changed.
set -euo pipefail
cd "$(dirname "$0")/.."

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  echo "Skyline CSM needs Node.js 20.9 or newer (found: $(node --version 2>/dev/null || echo none))." >&2
  exit 1
fi

stamp=node_modules/.skyline-install-stamp
want=$(cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "[skyline] installing dependencies (npm install)…"
  # npm ci rejects lockfiles that lack other platforms' optional binaries; npm install honours the lockfile here.
  npm install --no-audit --no-fund --loglevel=error
  cat package.json package-lock.json | sha256sum | cut -d' ' -f1 > "$stamp"
fi
export NEXT_TELEMETRY_DISABLED=1
# `import "server-only"` throws outside Next's server layer; the seed, scripts and benchmarks run under tsx (see the file).
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--require $PWD/scripts/lib/outside-next.cjs"
