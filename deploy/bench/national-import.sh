#!/usr/bin/env bash
# Benchmark (not a test): the national Leefbaarometer file for neighbourhoods, about 14,600 neighbourhoods x 9
# measurement years (generated), imported through neighbourhood-service's API with every status recalculated,
# beside the baseline: PostgreSQL's own COPY of the same 919,800 observation rows, in the same run.
# Runs its own neighbourhood-service (port NATIONAL_PORT, default PORT_BASE+12: 8092) on a scratch database, so the
# platform's data stays as it is. deploy/bench/run.sh calls it with BENCH_STARTED=1 (PostgreSQL and its own Kafka
# broker already run) and BENCH_RESULTS (a file to add the rows of its table to).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/deploy/local/env.sh"
BENCH_PORT=${NATIONAL_PORT:-$((PORT_BASE + 12))}
DB=neighbourhood_bench
WORK="$LOCAL_DIR/bench/national"
mkdir -p "$WORK" "$LOCAL_DIR/logs"

if [ "${BENCH_STARTED:-0}" != 1 ]; then
  "$ROOT/deploy/local/postgres-start.sh"
  "$ROOT/deploy/local/kafka-start.sh"
fi
JAR="$ROOT/neighbourhood-service/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -ntp -pl neighbourhood-service -am package -DskipTests)

PSQL=$(command -v psql || ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1)
export PGPASSWORD=leefbaarheid
sql() { "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U leefbaarheid -v ON_ERROR_STOP=1 -qtA "$@"; }
sql_admin() { "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
now_ms() { date +%s%3N; }

log "Generating the national data set in $WORK"
java "$ROOT/deploy/bench/GenerateNational.java" "$WORK" >/dev/null

sql_admin -c "drop database if exists $DB" -c "create database $DB owner leefbaarheid"
log "Starting a neighbourhood-service for the benchmark on port $BENCH_PORT"
JWT_ISSUER=leefbaarheid-local JWT_PUBLIC_KEY_LOCATION="$ROOT/deploy/local/dev-keys/public.pem" \
  QUARKUS_HTTP_PORT=$BENCH_PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  MP_MESSAGING_INCOMING_MEASUREMENTS_GROUP_ID=neighbourhood-bench MP_MESSAGING_INCOMING_MEASUREMENTS_AUTO_OFFSET_RESET=latest \
  nohup "$ROOT/deploy/service-java.sh" neighbourhood-service "$(dirname "$JAR")" > "$LOCAL_DIR/logs/neighbourhood-bench.log" 2>&1 &
SERVICE_PID=$!
trap 'kill $SERVICE_PID 2>/dev/null; wait $SERVICE_PID 2>/dev/null || true; sql_admin -c "drop database if exists $DB" || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$BENCH_PORT/q/health/ready" >/dev/null && break
  kill -0 $SERVICE_PID 2>/dev/null || die "the benchmark service stopped; see $LOCAL_DIR/logs/neighbourhood-bench.log"
  sleep 0.5
done

log "Registering the areas for every measurement year, $(wc -l < "$WORK/areas.tsv") rows (set-up, not measured)"
sql -d $DB -c "\\copy area (code, year, level, name, parent_code, households) from '$WORK/areas.tsv'"

ROWS=$(($(wc -l < "$WORK/leefbaarometer.csv") - 1))
log "Importing $ROWS rows through the API, recalculating every status"
TOKEN=$("$ROOT/deploy/local/mint-token.sh" admin)
start=$(now_ms)
curl -sf -o "$WORK/import-answer.json" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: text/csv' \
  --data-binary "@$WORK/leefbaarometer.csv" "http://127.0.0.1:$BENCH_PORT/api/v1/observations/leefbaarometer" \
  || die "the import failed: $(cat "$WORK/import-answer.json" 2>/dev/null)"
import_ms=$(( $(now_ms) - start ))
# the most memory the service held resident at any time since its start, the import included
peak_rss=$(awk '/VmHWM/{printf "%.0f", $2/1024}' "/proc/$SERVICE_PID/status")
statuses=$(sql -d $DB -c "select count(*) from area_status")
observations=$(sql -d $DB -c "select count(*) from observation")

# Into a table like observation, with the same indexes (as the throughput benchmark's COPY): the rows the import writes,
# loaded the fastest way PostgreSQL has.
log "Baseline: COPY of the same $observations observation rows into a table like observation (same indexes)"
sql -d $DB -c "create table copy_baseline (like observation including all)" \
  -c "alter table copy_baseline alter column recorded_at set default now()"
start=$(now_ms)
sql -d $DB -c "\\copy copy_baseline (area_code, indicator_code, period, period_start, value, source) from '$WORK/observations.tsv'"
copy_ms=$(( $(now_ms) - start ))

printf '\n%-58s %12s\n' "National Leefbaarometer import" "time"
printf '%-58s %10.1f s\n' "API import of $ROWS rows + $statuses statuses recalculated" "$(awk "BEGIN{print $import_ms/1000}")"
printf '%-58s %10.1f s\n' "Baseline: COPY of the same $observations rows" "$(awk "BEGIN{print $copy_ms/1000}")"
printf '%-58s %9s MB\n' "Peak resident memory of the service (VmHWM)" "$peak_rss"
printf '%-58s %10.1f x\n' "Ratio (import / COPY)" "$(awk "BEGIN{print $import_ms/$copy_ms}")"
printf '%-58s %12s\n\n' "Target (issue 8): under 60 s and within 10 x COPY" \
  "$([ "$import_ms" -lt 60000 ] && [ "$import_ms" -le $((copy_ms * 10)) ] && echo met || echo not met)"
if [ -n "${BENCH_RESULTS:-}" ]; then
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "3 national import ($ROWS rows, $statuses statuses)" \
    "$(awk "BEGIN{printf \"%.1f\", $import_ms/1000}") s (service peak RSS $peak_rss MB)" "COPY of $observations rows (same table and indexes): $(awk "BEGIN{printf \"%.1f\", $copy_ms/1000}") s" \
    "$(awk "BEGIN{printf \"%.1f x\", $import_ms/$copy_ms}")" "< 60 s and <= 10 x COPY" \
    "$([ "$import_ms" -lt 60000 ] && [ "$import_ms" -le $((copy_ms * 10)) ] && echo yes || echo no)" >> "$BENCH_RESULTS"
fi
