#!/usr/bin/env bash
# Loads each service's demo data through its public API (deploy/local/demo/<service>.sh), as an admin.
# Idempotent: what exists already answers 409 and is left as it is.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../env.sh"
TOKEN=$("$HERE/../mint-token.sh" admin)
export TOKEN

# post SERVICE PATH JSON: 201 (created) and 409 (already there) are both fine.
post() {
  local status
  status=$(curl -s -o "$LOCAL_DIR/logs/demo-last.json" -w '%{http_code}' -X POST \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data-binary "$3" "http://127.0.0.1:${SERVICE_PORT[$1]}$2")
  case "$status" in
    201|200|409) ;;
    *) die "demo data: POST $1 $2 answered $status: $(cat "$LOCAL_DIR/logs/demo-last.json")" ;;
  esac
}
export -f post

# post_file SERVICE PATH CONTENT-TYPE FILE: a file as the body (e.g. a CSV import).
post_file() {
  local status
  status=$(curl -s -o "$LOCAL_DIR/logs/demo-last.json" -w '%{http_code}' -X POST \
    -H "Authorization: Bearer $TOKEN" -H "Content-Type: $3" \
    --data-binary "@$4" "http://127.0.0.1:${SERVICE_PORT[$1]}$2")
  [ "$status" = 200 ] || [ "$status" = 201 ] || die "demo data: POST $1 $2 ($4) answered $status: $(cat "$LOCAL_DIR/logs/demo-last.json")"
}

# put SERVICE PATH: an idempotent PUT without a body.
put() {
  local status
  status=$(curl -s -o "$LOCAL_DIR/logs/demo-last.json" -w '%{http_code}' -X PUT \
    -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:${SERVICE_PORT[$1]}$2")
  case "$status" in 200|204) ;; *) die "demo data: PUT $1 $2 answered $status: $(cat "$LOCAL_DIR/logs/demo-last.json")" ;; esac
}

for svc in "${SERVICES[@]}"; do
  if [ -f "$HERE/$svc.sh" ]; then
    log "Loading demo data of $svc-service"
    source "$HERE/$svc.sh"
  fi
done
log "Demo data loaded"
