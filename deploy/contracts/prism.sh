#!/usr/bin/env bash
# Contract proxies: a Prism validation proxy (pinned @stoplight/prism-cli) in front of each running service, on
# the service's port + 1000 (19081-19084 by default; PORT_BASE+1001..1004). Send a request through it instead of
# to the service and Prism checks request and response against the service's OpenAPI document (as the build
# stores it in target/openapi):
#   - any violation, request or response: the header sl-violations (a JSON array of
#     {location, severity, code, message}, locations starting with "request" or "response");
#   - a response that breaks the document (severity Error): with --errors Prism does not pass it on, but
#     answers 500 application/problem+json, type https://stoplight.io/prism/errors#VIOLATIONS, with the
#     violations in validation[] of the body and in sl-violations.
# Logs in .local/logs/prism-<service>.log (every violation is logged there too), pid files in .local/pids.
#   prism.sh start    start the proxies that do not run yet, wait until each listens
#   prism.sh stop     stop them
#   prism.sh status   which run
# Needs a built platform (mvn package) for the documents; the services themselves may start later.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/../local/env.sh"
HERE="$ROOT/deploy/contracts"
PRISM_OFFSET="${PRISM_OFFSET:-1000}"
mkdir -p "$LOCAL_DIR/pids" "$LOCAL_DIR/logs"

start() {
  cd "$HERE"
  [ -d node_modules ] || npm ci --no-audit --no-fund
  local svc doc port proxy_port pidfile
  for svc in "${SERVICES[@]}"; do
    doc="$ROOT/$svc-service/target/openapi/openapi.yaml"
    [ -f "$doc" ] || die "missing $doc: run mvn package first"
    port=${SERVICE_PORT[$svc]}
    proxy_port=$((port + PRISM_OFFSET))
    pidfile="$LOCAL_DIR/pids/prism-$svc.pid"
    if pid_alive "$pidfile"; then
      log "Prism proxy of $svc-service already runs (pid $(cat "$pidfile"), port $proxy_port)"; continue
    fi
    log "Starting the Prism proxy of $svc-service on port $proxy_port (to $port)"
    nohup "$HERE/node_modules/.bin/prism" proxy "$doc" "http://127.0.0.1:$port" --errors \
      --port "$proxy_port" --host 127.0.0.1 > "$LOCAL_DIR/logs/prism-$svc.log" 2>&1 &
    echo $! > "$pidfile"
  done
  for svc in "${SERVICES[@]}"; do
    proxy_port=$((${SERVICE_PORT[$svc]} + PRISM_OFFSET))
    if ! wait_for_port "$proxy_port" 60; then
      pid_alive "$LOCAL_DIR/pids/prism-$svc.pid" || die "the Prism proxy of $svc-service stopped; see $LOCAL_DIR/logs/prism-$svc.log"
      die "the Prism proxy of $svc-service does not listen on $proxy_port after 60 s; see $LOCAL_DIR/logs/prism-$svc.log"
    fi
  done
  log "Prism proxies listen: $(for svc in "${SERVICES[@]}"; do printf '%s http://127.0.0.1:%s  ' "$svc" $((${SERVICE_PORT[$svc]} + PRISM_OFFSET)); done)"
}

stop() {
  local svc pidfile pid
  for svc in "${SERVICES[@]}"; do
    pidfile="$LOCAL_DIR/pids/prism-$svc.pid"
    pid_alive "$pidfile" || { rm -f "$pidfile"; continue; }
    pid=$(cat "$pidfile")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    rm -f "$pidfile"
    log "stopped the Prism proxy of $svc-service (pid $pid)"
  done
}

status() {
  local svc
  for svc in "${SERVICES[@]}"; do
    if pid_alive "$LOCAL_DIR/pids/prism-$svc.pid"; then
      echo "$svc: runs (pid $(cat "$LOCAL_DIR/pids/prism-$svc.pid")), port $((${SERVICE_PORT[$svc]} + PRISM_OFFSET))"
    else
      echo "$svc: does not run"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
