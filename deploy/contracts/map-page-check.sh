#!/usr/bin/env bash
# Checks the map page of neighbourhood-service (/map/) in a real headless Chromium (map-page-check.mjs): it signs in with
# a pasted token, draws Demostad's neighbourhoods in the legend colours of their livability classes, and a click shows the
# right status. Takes the service's base URL (default http://127.0.0.1:PORT_BASE+2); needs the demo data loaded.
# Installs Debian's chromium when /usr/bin/chromium is missing (as root) and the pinned npm tools when node_modules is
# missing. Prints the screenshot's path (deploy/e2e/target/map-page/ unless SCREENSHOT says otherwise); exits non-zero on failure.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
source "$HERE/browser-tools.sh"
CHROMIUM="$CHROMIUM" exec node map-page-check.mjs "$@"
