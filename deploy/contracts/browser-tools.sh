# Sourced by the checks that drive a headless Chromium (swagger-ui-check.sh, map-page-check.sh), in this folder:
# installs Debian's chromium when it is missing (as root) and the pinned npm tools when node_modules is missing.
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
