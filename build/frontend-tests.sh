#!/usr/bin/env bash
# Runs the frontend's unit tests (frontend/**/*.test.ts) with vitest and the Node in tools/node.
# Vaadin's build installs node_modules only when its own dependencies change, so a checkout whose
# node_modules predates vitest gets it here first, from package.json and package-lock.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
node="$root/tools/node/node"
if [ ! -f node_modules/vitest/vitest.mjs ]; then
  "$node" tools/node/node_modules/npm/bin/npm-cli.js install --no-audit --no-fund --loglevel=error
fi
NO_COLOR=1 exec "$node" node_modules/vitest/vitest.mjs run --config vitest.config.ts
