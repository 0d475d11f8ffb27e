#!/usr/bin/env bash
# Checks the four services' Swagger UI in a real headless Chromium (swagger-ui-check.mjs): the page loads, lists
# every operation of /q/openapi, and "Try it out" on a read operation after "Authorize" shows 200.
# Needs a running platform (deploy/local/run.sh). Installs Debian's chromium when /usr/bin/chromium is missing
# (as root) and the pinned npm tools when node_modules is missing. Base URLs from CATALOG_URL, NEIGHBOURHOOD_URL,
# EVALUATION_URL, PARTNER_URL or PORT_BASE; screenshots in .local/swagger-ui/. Exits non-zero on any failure.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
source "$HERE/browser-tools.sh"
CHROMIUM="$CHROMIUM" exec node swagger-ui-check.mjs
