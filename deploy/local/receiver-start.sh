#!/usr/bin/env bash
# Starts the local webhook receiver (deploy/local/receiver/Receiver.java) that stands in for a partner's
# system, so the demo shows signals arriving: see .local/logs/receiver.log. Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# The development secret the demo webhook is registered with (deploy/local/demo/partner.sh).
RECEIVER_SECRET="${RECEIVER_SECRET:-demo-ontvanger-geheim-2026}"
mkdir -p "$LOCAL_DIR/pids" "$LOCAL_DIR/logs"
if pid_alive "$LOCAL_DIR/pids/receiver.pid"; then
  log "Webhook receiver already runs on port $RECEIVER_PORT"
  exit 0
fi
nohup java "$ROOT/deploy/local/receiver/Receiver.java" "$RECEIVER_PORT" "$RECEIVER_SECRET" >> "$LOCAL_DIR/logs/receiver.log" 2>&1 &
echo $! > "$LOCAL_DIR/pids/receiver.pid"
wait_for_port "$RECEIVER_PORT" 30 || die "the webhook receiver did not start; see $LOCAL_DIR/logs/receiver.log"
log "Webhook receiver listens on 127.0.0.1:$RECEIVER_PORT (log: .local/logs/receiver.log)"
