#!/usr/bin/env bash
# Refresh the vendored front-end files in static/vendor from the npm registry.
# Run by hand when upgrading; the platform itself never downloads anything at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund \
  htmx.org@2 @utrecht/component-library-css@9 @utrecht/design-tokens@5 axe-core@4 chart.js@4)
m="$work/node_modules"
cp "$m/@utrecht/component-library-css/dist/index.css" static/vendor/utrecht-components.css
cp "$m/@utrecht/design-tokens/dist/index.css" static/vendor/utrecht-tokens.css
cp "$m/htmx.org/dist/htmx.min.js" static/vendor/htmx.min.js
cp "$m/axe-core/axe.min.js" static/vendor/axe.min.js
cp "$m/chart.js/dist/chart.umd.min.js" static/vendor/chart.umd.min.js
(cd "$work" && npm ls --depth=0) > static/vendor/VERSIONS.txt
echo "Bijgewerkt: static/vendor (zie static/vendor/VERSIONS.txt)"
