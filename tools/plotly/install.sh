#!/usr/bin/env bash
# Installs what the browser tests need: Debian's chromium (only if missing) and plotly.js-dist-min from npm into
# tools/plotly/node_modules (git-ignored; the version is pinned by package-lock.json). Called by .ci/run before the tests.
# Problems are reported, not fatal: without chromium or plotly.js the browser tests are skipped with a message.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  :
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
    || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends chromium >/dev/null 2>&1; } \
    || echo "warning: could not install chromium with apt-get; browser tests will be skipped" >&2
else
  echo "warning: chromium is missing and cannot be installed here (needs root and apt-get); browser tests will be skipped" >&2
fi

if [ -f "$here/node_modules/plotly.js-dist-min/plotly.min.js" ]; then
  :
elif command -v npm >/dev/null 2>&1; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) \
    || echo "warning: npm could not install plotly.js-dist-min; browser tests will be skipped" >&2
else
  echo "warning: npm is missing; plotly.js-dist-min not installed; browser tests will be skipped" >&2
fi
exit 0
