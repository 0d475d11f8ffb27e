#!/usr/bin/env bash
# Runs every test of every module against a real PostgreSQL and a real Kafka broker. Starts them when
# they do not run yet, and stops again what it started. Extra arguments go to Maven (e.g. -pl catalog-service).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

started=()
postgres_running || started+=(postgres)
kafka_running || started+=(kafka)
# Nothing of the platform runs without the database: when this script starts it, it also stops what the
# end-to-end tests started on it (services, demo receiver, contract proxies), should a test run leave them behind.
cleanup() {
  [ ${#started[@]} -eq 0 ] && return
  [[ " ${started[*]} " == *" postgres "* ]] && { "$ROOT/deploy/contracts/prism.sh" stop; "$ROOT/deploy/local/stop.sh" services receiver; }
  "$ROOT/deploy/local/stop.sh" "${started[@]}"
}
trap cleanup EXIT

"$ROOT/deploy/local/postgres-start.sh"
"$ROOT/deploy/local/kafka-start.sh"

log "Running all tests (mvn verify)"
mvn -B -ntp verify "$@"

# The OpenAPI documents the build just stored, checked with the linters front-end teams use, and the typed
# client generated from them and type-checked (only for a full run: a partial one has not built every document).
if [ $# -eq 0 ]; then
  log "Linting the OpenAPI documents (Redocly, Spectral)"
  "$ROOT/deploy/contracts/lint.sh"
  log "Validating the AsyncAPI documents of the topics"
  (cd "$ROOT/deploy/contracts" && node asyncapi-validate.mjs)
  log "Generating the typed TypeScript client and type-checking it"
  "$ROOT/deploy/contracts/client.sh"
fi
