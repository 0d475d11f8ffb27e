#!/usr/bin/env bash
# Checks the four services' Swagger UI in a real headless Chromium (swagger-ui-check.mjs): the page loads, lists
# every operation of /q/openapi, and "Try it out" on a read operation after "Authorize" shows 200.
# Needs a running platform (deploy/local/run.sh). Installs Debian's chromium when /usr/bin/chromium is missing
# (as root) and the pinned npm tools when node_modules is missing. Base URLs from CATALOG_URL, NEIGHBOURHOOD_URL,
# EVALUATION_URL, PARTNER_URL or PORT_BASE; screenshots in .local/swagger-ui/. Exits non-zero on any failure.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
need_apt=()
[ -x "$CHROMIUM" ] || need_apt+=(chromium)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "missing: installing the Debian packages ${need_apt[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >/dev/null
  else
    echo "missing ${need_apt[*]}: install them (Debian packages chromium, nodejs, npm), then run again" >&2
    exit 1
  fi
fi
[ -d node_modules ] || npm ci --no-audit --no-fund
CHROMIUM="$CHROMIUM" exec node swagger-ui-check.mjs
