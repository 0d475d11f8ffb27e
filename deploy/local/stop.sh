#!/usr/bin/env bash
# Stops what the local scripts started, and only that: the services, the Kafka broker and the
# private PostgreSQL cluster, each found by the pid file or data folder its start script recorded.
#   stop.sh                      everything
#   stop.sh services kafka ...   only the named parts (services, receiver, kafka, postgres)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
parts=" ${*:-services receiver kafka postgres} "
wanted() { [[ "$parts" == *" $1 "* ]]; }

stop_pid() { # name pidfile
  local name=$1 pidfile=$2
  pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
  local pid; pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null
  # 60 s: a service's first run after a build writes its class data sharing archive on the way out (about 8 s alone).
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && { log "$name did not stop in 60 s: killing it"; kill -KILL "$pid" 2>/dev/null; }
  rm -f "$pidfile"
  log "stopped $name (pid $pid)"
}

# Services of this checkout that no pid file names (a test that restarted one and stopped before writing its pid, a
# second instance): found by their working directory, so that none keeps running against the next run's database.
strays() {
  local proc
  for proc in /proc/[0-9]*; do
    [[ "$(readlink "$proc/cwd" 2>/dev/null)" == "$ROOT"/*-service/target/quarkus-app ]] && echo "${proc#/proc/}"
  done
}

if wanted services; then
  # Stopped side by side: each finishes its requests in flight (graceful shutdown) at the same time.
  for svc in "${SERVICES[@]}"; do stop_pid "$svc-service" "$LOCAL_DIR/pids/$svc.pid" & done
  wait
  for pid in $(strays); do
    echo "$pid" > "$LOCAL_DIR/pids/stray.pid"
    stop_pid "a service without pid file" "$LOCAL_DIR/pids/stray.pid"
  done
fi
wanted receiver && stop_pid "webhook receiver" "$LOCAL_DIR/pids/receiver.pid"
wanted kafka && stop_pid "Kafka" "$LOCAL_DIR/kafka/kafka.pid"

if wanted postgres && [ -f "$LOCAL_DIR/postgres/data-dir" ]; then
  DATA=$(cat "$LOCAL_DIR/postgres/data-dir")
  if [ -f "$DATA/postmaster.pid" ]; then
    PGPID=$(head -1 "$DATA/postmaster.pid")
    kill -INT "$PGPID" 2>/dev/null   # fast shutdown, as pg_ctl stop -m fast
    for _ in $(seq 1 60); do kill -0 "$PGPID" 2>/dev/null || break; sleep 0.5; done
    log "stopped PostgreSQL (pid $PGPID)"
  fi
fi
exit 0
