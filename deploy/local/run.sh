#!/usr/bin/env bash
# Runs the whole platform locally: builds it, starts PostgreSQL, Kafka and the four services, loads the
# demo data, waits until every service is ready and prints where to find it. Idempotent: what already
# runs is left running. Stop everything with deploy/local/stop.sh.
#   SKIP_BUILD=1 deploy/local/run.sh    reuse the last build
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
mkdir -p "$LOCAL_DIR/pids" "$LOCAL_DIR/logs"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "Building the platform (mvn package, tests skipped: deploy/local/test.sh runs them)"
  mvn -B -ntp -q package -DskipTests
fi
started_at=$(date +%s)

"$ROOT/deploy/local/postgres-start.sh"
"$ROOT/deploy/local/kafka-start.sh"

# PARTNER_WEBHOOKS_ALLOWED_TARGETS (read by partner-service only): the local receivers of env.sh, the only loopback
# targets its webhooks may reach. QUARKUS_HTTP_CORS_ORIGINS (catalog-service and partner-service enable CORS): the origin
# of neighbourhood-service's map page, which calls them from the browser.
map_origins="http://localhost:${SERVICE_PORT[neighbourhood]},http://127.0.0.1:${SERVICE_PORT[neighbourhood]}"
for svc in "${SERVICES[@]}"; do
  pidfile="$LOCAL_DIR/pids/$svc.pid"
  if pid_alive "$pidfile"; then
    log "$svc-service already runs (pid $(cat "$pidfile"))"; continue
  fi
  app="$ROOT/$svc-service/target/quarkus-app"
  [ -f "$app/quarkus-run.jar" ] || die "$app/quarkus-run.jar is missing: run without SKIP_BUILD=1"
  log "Starting $svc-service on port ${SERVICE_PORT[$svc]}"
  JWT_ISSUER=leefbaarheid-local \
  JWT_PUBLIC_KEY_LOCATION="$ROOT/deploy/local/dev-keys/public.pem" \
  QUARKUS_HTTP_PORT="${SERVICE_PORT[$svc]}" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$svc" \
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  PARTNER_WEBHOOKS_ALLOWED_TARGETS="${PARTNER_WEBHOOKS_ALLOWED_TARGETS:-$(webhook_allowed_targets)}" \
  QUARKUS_HTTP_CORS_ORIGINS="${QUARKUS_HTTP_CORS_ORIGINS:-$map_origins}" \
    nohup "$ROOT/deploy/service-java.sh" "$svc-service" "$app" > "$LOCAL_DIR/logs/$svc-service.log" 2>&1 &
  echo $! > "$pidfile"
done

for svc in "${SERVICES[@]}"; do
  url="http://127.0.0.1:${SERVICE_PORT[$svc]}/q/health/ready"
  for _ in $(seq 1 180); do
    curl -fs "$url" >/dev/null 2>&1 && break
    pid_alive "$LOCAL_DIR/pids/$svc.pid" || die "$svc-service stopped; see $LOCAL_DIR/logs/$svc-service.log"
    sleep 0.5
  done
  curl -fs "$url" >/dev/null || die "$svc-service is not ready after 90 s; see $LOCAL_DIR/logs/$svc-service.log"
done
ready_at=$(date +%s)
log "All services ready $((ready_at - started_at)) s after the build"

# The local receiver of partner webhooks, so the demo shows signals arriving.
[ -x "$ROOT/deploy/local/receiver-start.sh" ] && "$ROOT/deploy/local/receiver-start.sh"
"$ROOT/deploy/local/demo/load.sh"

cat <<TEXT

Leefbaarheid platform runs (logs in .local/logs, stop with deploy/local/stop.sh):
$(for svc in "${SERVICES[@]}"; do printf '  %-22s http://localhost:%s/q/swagger-ui   (OpenAPI: /q/openapi)\n' "$svc-service" "${SERVICE_PORT[$svc]}"; done)

The map page (Demostad by livability class, resilience or tenant colour; sign in with a token below):
  http://localhost:${SERVICE_PORT[neighbourhood]}/map/

A token for Swagger UI's "Authorize" button, the map page or curl (development key, local runs only):
  deploy/local/mint-token.sh admin
  deploy/local/mint-token.sh corporation corp-demo
  deploy/local/mint-token.sh partner gemeente-demostad
e.g. curl -H "Authorization: Bearer \$(deploy/local/mint-token.sh admin)" http://localhost:8081/api/v1/themes
TEXT
