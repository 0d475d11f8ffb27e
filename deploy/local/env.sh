# Shared settings of the local scripts: sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# git-ignored: data folders, logs, pid files (the benchmark keeps its own broker in a folder below it)
LOCAL_DIR="${LEEFBAARHEID_LOCAL_DIR:-$ROOT/.local}"
PG_PORT="${PG_PORT:-55432}"
KAFKA_PORT="${KAFKA_PORT:-59092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-59093}"
DB_USER=leefbaarheid
DB_PASSWORD=leefbaarheid
SERVICES=(catalog neighbourhood evaluation partner)
# The services listen on PORT_BASE+1..4 (8081-8084); another base runs a second platform beside the first.
PORT_BASE="${PORT_BASE:-8080}"
declare -A SERVICE_PORT=([catalog]=$((PORT_BASE + 1)) [neighbourhood]=$((PORT_BASE + 2)) [evaluation]=$((PORT_BASE + 3)) [partner]=$((PORT_BASE + 4)))
RECEIVER_PORT="${RECEIVER_PORT:-8099}"
# The e2e tests' webhook receivers (deploy/e2e WebhookReceiver) take the first free port of this range on 127.0.0.1.
E2E_RECEIVER_PORTS="${E2E_RECEIVER_PORTS:-8100-8109}"
# partner-service refuses webhooks to loopback and private addresses unless their host:port is listed in
# partner.webhooks.allowed-targets (empty by default): run.sh lists exactly the receivers above, all on 127.0.0.1.
webhook_allowed_targets() {
  local list="127.0.0.1:$RECEIVER_PORT" port
  for port in $(seq "${E2E_RECEIVER_PORTS%-*}" "${E2E_RECEIVER_PORTS#*-}"); do list="$list,127.0.0.1:$port"; done
  echo "$list"
}

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# True when the process in pid file $1 is alive.
pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# Wait until TCP port $1 on loopback accepts connections, at most $2 seconds.
wait_for_port() {
  local port=$1 limit=${2:-60} waited=0
  until (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; do
    sleep 0.5; waited=$((waited + 1))
    [ "$waited" -ge $((limit * 2)) ] && return 1
  done
  return 0
}

postgres_running() {
  [ -f "$LOCAL_DIR/postgres/data-dir" ] || return 1
  local pidfile; pidfile="$(cat "$LOCAL_DIR/postgres/data-dir")/postmaster.pid"
  [ -f "$pidfile" ] && kill -0 "$(head -1 "$pidfile")" 2>/dev/null
}
kafka_running() { pid_alive "$LOCAL_DIR/kafka/kafka.pid"; }
