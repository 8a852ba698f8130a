#!/usr/bin/env bash
# Writes the subset of plotly.js's attribute schema (Plotly.PlotSchema.get()) that the figure model may emit, trimmed
# to names, value types and allowed values, to tests/Radiomics.Plotting.Tests/Schema/plotly-schema-subset.json.
# Needs chromium and `npm ci` in this folder. Run it again after changing the plotly.js version in package.json.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
plotly="$here/node_modules/plotly.js-dist-min/plotly.min.js"
out="$repo/tests/Radiomics.Plotting.Tests/Schema/plotly-schema-subset.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/schema.html" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"><script src="file://$plotly"></script></head>
<body><pre id="out"></pre><script src="file://$here/trim-schema.js"></script></body></html>
HTML
"${CHROMIUM:-chromium}" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$work/profile" \
  --allow-file-access-from-files --dump-dom "file://$work/schema.html" > "$work/dom.html" 2>/dev/null
mkdir -p "$(dirname "$out")"
node -e '
const fs = require("fs");
const dom = fs.readFileSync(process.argv[1], "utf8");
const m = dom.match(/<pre id="out">([\s\S]*?)<\/pre>/);
if (!m) { console.error("no schema in the page"); process.exit(1); }
const text = m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "\x27").replace(/&amp;/g, "&");
fs.writeFileSync(process.argv[2], JSON.stringify(JSON.parse(text), null, 1) + "\n");
' "$work/dom.html" "$out"
echo "wrote $out"
