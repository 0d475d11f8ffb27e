#!/usr/bin/env bash
# Benchmark (not a test): the whole country through neighbourhood-service's API, beside PostgreSQL's own COPY of the same
# rows, in the same run. First the area registry: the CBS table "Kerncijfers wijken en buurten" of each of the nine
# Leefbaarometer measurement years (generated, about 18,300 municipalities, districts and neighbourhoods a year),
# imported through POST /api/v1/areas/registry (each file above 1 MB: an import job, followed until done). Then the
# national Leefbaarometer file for neighbourhoods, about 14,600 neighbourhoods x 9 years, through
# POST /api/v1/observations/leefbaarometer as a job (202, its progress read until done) with every status recalculated.
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

TOKEN=$("$ROOT/deploy/local/mint-token.sh" admin)
# import_file FILE PATH: POSTs a CSV file; a 202 (an import job) is read until it is done. Fails on anything else.
import_file() {
  local status location state
  status=$(curl -s -o "$WORK/answer.json" -D "$WORK/headers.txt" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: text/csv' --data-binary "@$1" "http://127.0.0.1:$BENCH_PORT$2")
  case "$status" in
    200) return 0 ;;
    202) ;;
    *) die "POST $2 answered $status: $(cat "$WORK/answer.json")" ;;
  esac
  location=$(tr -d '\r' < "$WORK/headers.txt" | awk 'tolower($1) == "location:" {print $2}')
  local last_report=0
  while true; do
    curl -sf -o "$WORK/answer.json" -H "Authorization: Bearer $TOKEN" "$location" || die "GET $location failed"
    state=$(grep -o '"state":"[a-z]*"' "$WORK/answer.json" | cut -d'"' -f4)
    case "$state" in
      done) return 0 ;;
      failed) die "the import job $location failed: $(cat "$WORK/answer.json")" ;;
    esac
    if [ $(( $(now_ms) - last_report )) -ge 5000 ]; then
      log "  $state: $(grep -o '"progress":{[^}]*}' "$WORK/answer.json")"
      last_report=$(now_ms)
    fi
    sleep 0.2
  done
}

YEARS=$(ls "$WORK"/registry-*.csv | sed 's/.*registry-\([0-9]*\)\.csv/\1/' | sort -n)
AREA_ROWS=$(wc -l < "$WORK/areas.tsv")
log "Registering the areas of $(echo $YEARS | wc -w) years through the registry import ($AREA_ROWS area rows)"
start=$(now_ms)
for year in $YEARS; do
  import_file "$WORK/registry-$year.csv" "/api/v1/areas/registry?year=$year"
done
registry_ms=$(( $(now_ms) - start ))
sql -d $DB -c "create table copy_area (like area including all)"
start=$(now_ms)
sql -d $DB -c "\\copy copy_area (code, year, level, name, parent_code, households, homes) from '$WORK/areas.tsv'"
area_copy_ms=$(( $(now_ms) - start ))
# The same with observation's foreign keys (indicator, housing complex), which "like ... including all" leaves out: a row
# checked against each costs about as much again as the row itself, and the import, storing into observation, pays it.
sql -d $DB -c "create table copy_with_keys (like observation including all)" \
  -c "alter table copy_with_keys alter column recorded_at set default now()" \
  -c "alter table copy_with_keys add foreign key (indicator_code) references indicator (code), add foreign key (complex_id) references housing_complex (id)"
start=$(now_ms)
sql -d $DB -c "\\copy copy_with_keys (area_code, indicator_code, period, period_start, value, source) from '$WORK/observations.tsv'"
keys_copy_ms=$(( $(now_ms) - start ))

ROWS=$(($(wc -l < "$WORK/leefbaarometer.csv") - 1))
log "Importing $ROWS rows through the API as a job, recalculating every status"
start=$(now_ms)
import_file "$WORK/leefbaarometer.csv" /api/v1/observations/leefbaarometer
import_ms=$(( $(now_ms) - start ))
# the most memory the service held resident at any time since its start, the imports included
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

seconds() { awk "BEGIN{printf \"%.1f\", $1/1000}"; }
met=$([ "$import_ms" -lt 60000 ] && [ "$import_ms" -le $((copy_ms * 4)) ] && echo met || echo "not met")
printf '\n%-66s %12s\n' "The whole country through the API" "time"
printf '%-66s %10s s\n' "Registry import of $(echo $YEARS | wc -w) years ($AREA_ROWS area rows)" "$(seconds $registry_ms)"
printf '%-66s %10s s\n' "Baseline: COPY of the same $AREA_ROWS area rows" "$(seconds $area_copy_ms)"
printf '%-66s %10s x\n' "Ratio (registry import / COPY)" "$(awk "BEGIN{printf \"%.1f\", $registry_ms/$area_copy_ms}")"
printf '%-66s %10s s\n' "Leefbaarometer import of $ROWS rows + $statuses statuses recalculated" "$(seconds $import_ms)"
printf '%-66s %10s s\n' "Baseline: COPY of the same $observations observation rows" "$(seconds $copy_ms)"
printf '%-66s %10s x\n' "Ratio (Leefbaarometer import / COPY)" "$(awk "BEGIN{printf \"%.1f\", $import_ms/$copy_ms}")"
printf '%-66s %10s s\n' "COPY of the same rows with observation's foreign keys too" "$(seconds $keys_copy_ms)"
printf '%-66s %10s x\n' "Ratio (Leefbaarometer import / COPY with foreign keys)" "$(awk "BEGIN{printf \"%.1f\", $import_ms/$keys_copy_ms}")"
printf '%-66s %9s MB\n' "Peak resident memory of the service (VmHWM)" "$peak_rss"
printf '%-66s %12s\n\n' "Target (issues 8 and 25): the file under 60 s and within 4 x COPY" "$met"
if [ -n "${BENCH_RESULTS:-}" ]; then
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "3 national import ($ROWS rows, $statuses statuses; registry of $AREA_ROWS areas $(seconds $registry_ms) s, COPY $(seconds $area_copy_ms) s)" \
    "$(seconds $import_ms) s (service peak RSS $peak_rss MB)" "COPY of $observations rows (same table and indexes): $(seconds $copy_ms) s" \
    "$(awk "BEGIN{printf \"%.1f x\", $import_ms/$copy_ms}")" "< 60 s and <= 4 x COPY" \
    "$([ "$met" = met ] && echo yes || echo no)" >> "$BENCH_RESULTS"
fi
