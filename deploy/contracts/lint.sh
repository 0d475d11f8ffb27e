#!/usr/bin/env bash
# Lints each service's OpenAPI document (as the build stores it in target/openapi) with Redocly and Spectral,
# using the rule sets configured beside this script, then joins the four into the platform's document
# (bundle.mjs: build/leefbaarheid-platform.openapi.yaml) and lints that with the same rule sets. Spectral's rule set has
# a rule of our own, typed-json-answer (every 2xx JSON answer has a schema with properties); rule-check.mjs first shows
# that it fails on the untyped answers planted in fixtures/.
# Build first: mvn package.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "npm not found: installing the Debian packages nodejs and npm" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null
  else
    echo "npm not found: install Node.js 20 or newer with npm, then run again" >&2
    exit 1
  fi
fi
[ -d node_modules ] || npm ci --no-audit --no-fund
status=0
echo "== the rule typed-json-answer on its planted answers"
node rule-check.mjs || status=1
for svc in catalog neighbourhood evaluation partner; do
  doc="$HERE/../../$svc-service/target/openapi/openapi.yaml"
  [ -f "$doc" ] || { echo "missing $doc: run mvn package first" >&2; exit 1; }
  echo "== $svc-service"
  npx redocly lint --config redocly.yaml --format=stylish "$doc" || status=1
  npx spectral lint --ruleset .spectral.yaml --fail-severity=warn "$doc" || status=1
done
echo "== platform (the four joined)"
platform="$HERE/build/leefbaarheid-platform.openapi.yaml"
if node bundle.mjs; then
  npx redocly lint --config redocly.yaml --format=stylish "$platform" || status=1
  npx spectral lint --ruleset .spectral.yaml --fail-severity=warn "$platform" || status=1
else
  status=1
fi
exit $status
