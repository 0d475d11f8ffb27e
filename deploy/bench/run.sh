#!/usr/bin/env bash
# The benchmarks of issue 8 (not tests): each figure beside a baseline measured in the same run, on the same
# machine, and the ratio between them, printed as one table at the end.
#
#   deploy/bench/run.sh                         all five: startup latency throughput national reads
#   deploy/bench/run.sh latency reads           only these
#   BENCH_SECONDS=2 BENCH_MEASUREMENTS=2000 deploy/bench/run.sh latency throughput    a smoke run (seconds)
#   deploy/bench/run.sh soak                    the soak of issue 24 (30 minutes), only when named: not one of the five
#   SOAK_MINUTES=3 SOAK_SAMPLE_SECONDS=30 deploy/bench/run.sh soak                      a short soak
#
# Settings (environment):
#   BENCH_SECONDS        length of the latency phase (default 60) and of each read phase (default 30)
#   BENCH_RATE           measurements per second in the latency phase (200)
#   BENCH_MEASUREMENTS   measurements in the throughput phase (100000; over one area per 20, at most 5000 areas)
#   BENCH_BATCH          rows per batch in the throughput phase (10000)
#   BENCH_TIMEOUT        seconds the throughput phase may take before it reports what it got so far (900)
#   BENCH_WARMUP         seconds of load before the measured latency phase, not measured (240; BENCH_SECONDS when
#                        shorter than 60): the services' JIT compilers are still busy for minutes on 2 cores (after
#                        60 s of warm-up each spent 4 to 8 s of CPU on compiling during the 60 s measured, after 240 s
#                        0.1 to 4 s; the table's "JIT compiling" row tells how warm they were)
#   BENCH_READ_WARMUP    seconds of load before each read phase, not measured (90)
#   BENCH_DRAIN          seconds to wait for the status events of the latency and soak phases after their last request (300)
#   BENCH_SERVICES       the services to start when 'startup' is not chosen ("catalog neighbourhood evaluation partner";
#                        the smoke test starts only "evaluation neighbourhood" to be quick)
#   BENCH_CONNECTIONS    concurrent connections of the read phases and pgbench clients (32)
#   BENCH_PORT_BASE      the benchmark's services listen on BENCH_PORT_BASE+1..4 (PORT_BASE+20)
#   BENCH_KAFKA_PORT     the benchmark's own Kafka broker (KAFKA_PORT+20; controller KAFKA_CONTROLLER_PORT+20)
#   BENCH_KEEP=1         keep the scratch databases afterwards
#   SKIP_BUILD=1         measure the last build instead of building the services first (as deploy/local/run.sh)
#   SOAK_MINUTES         length of the soak, whole minutes (30)
#   SOAK_RATE            measurements per second in the soak (100)
#   SOAK_SAMPLE_SECONDS  the soak prints a row of memory and table sizes this often (60)
#   SOAK_KEEP            retention window the services get when the soak runs, for published outbox rows, processed
#                        event ids and idempotency keys alike (5m: short, so that a 30-minute soak shows the tables bounded)
#   SOAK_RETENTION_INTERVAL  how often the services' clean-up runs when the soak runs (1m)
#
# What it starts, and stops again at the end: the private PostgreSQL of deploy/local (only if it did not run; the
# benchmark uses scratch databases bench_* in it, so the platform's data stays as it is), a Kafka broker of its own
# (data in .local/bench/broker, wiped each run, so no consumer of a running platform sees the benchmark's events and
# no earlier run's events disturb this one) and the four services (as built, started by deploy/service-java.sh as
# deploy/local/run.sh starts them) on scratch databases. The national import runs its own neighbourhood-service (national-import.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/deploy/local/env.sh"
cd "$ROOT"

ALL=(startup latency throughput national reads)
# the soak takes half an hour: it runs only when named
KNOWN=("${ALL[@]}" soak)
SELECTED=("$@")
[ ${#SELECTED[@]} -gt 0 ] || SELECTED=("${ALL[@]}")
for b in "${SELECTED[@]}"; do
  [[ " ${KNOWN[*]} " == *" $b "* ]] || die "unknown benchmark '$b': choose from ${KNOWN[*]}"
done
selected() { [[ " ${SELECTED[*]} " == *" $1 "* ]]; }

LATENCY_SECONDS=${BENCH_SECONDS:-60}
READ_SECONDS=${BENCH_SECONDS:-30}
RATE=${BENCH_RATE:-200}
WARMUP=${BENCH_WARMUP:-$(( LATENCY_SECONDS < 60 ? LATENCY_SECONDS : 240 ))}
READ_WARMUP_SECONDS=${BENCH_READ_WARMUP:-90}
MEASUREMENTS=${BENCH_MEASUREMENTS:-100000}
BATCH=${BENCH_BATCH:-10000}
TIMEOUT=${BENCH_TIMEOUT:-900}
DRAIN=${BENCH_DRAIN:-300}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THROUGHPUT_AREAS=$(( MEASUREMENTS / 20 < 1 ? 1 : (MEASUREMENTS / 20 > 5000 ? 5000 : MEASUREMENTS / 20) ))
# Two measurements per latency area, half the phase apart: two of one area are never in flight at once (had the later
# one been stored first, the earlier would change nothing and have no status event to time).
LATENCY_AREAS=$(awk -v r="$RATE" -v s="$LATENCY_SECONDS" -v w="$WARMUP" 'BEGIN{n = int(r * (s + w) / 2); print (n < 50 ? 50 : n)}')
SOAK_MINUTES=${SOAK_MINUTES:-30}
SOAK_RATE=${SOAK_RATE:-100}
SOAK_SAMPLE_SECONDS=${SOAK_SAMPLE_SECONDS:-60}
SOAK_KEEP=${SOAK_KEEP:-5m}
SOAK_RETENTION_INTERVAL=${SOAK_RETENTION_INTERVAL:-1m}
# One soak measurement per area a minute, so two of one area are never in flight at once (each must change its area's
# status to be named in a status event); each is for the area's next month from 2005-01, and a period may not lie after
# this year: a soak over 4 hours spreads over more areas, at most 240 measurements each.
SOAK_AREAS=$(awk -v r="$SOAK_RATE" -v m="$SOAK_MINUTES" 'BEGIN{print int(r * (m > 240 ? m / 4 : 60))}')
B_PORT_BASE=${BENCH_PORT_BASE:-$((PORT_BASE + 20))}
# Below the kernel's ephemeral range (32768 and up): this broker starts while the platform holds hundreds of connections,
# any of which may have taken a port of that range (29112 and 29113 beside the local broker's 59092).
B_KAFKA_PORT=${BENCH_KAFKA_PORT:-$((KAFKA_PORT - 30000 + 20))}
B_KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-$((KAFKA_CONTROLLER_PORT - 30000 + 20))}
BOOTSTRAP="127.0.0.1:$B_KAFKA_PORT"
BROKER_DIR="$LOCAL_DIR/bench/broker"
WORK="$LOCAL_DIR/bench/run"
RESULTS="$WORK/results.tsv"
LIBS="$ROOT/deploy/local/kafka/target/libs"              # broker and clients (Bench.java reads with these)
TOOLS="$ROOT/deploy/bench/kafka-tools"                     # Kafka's perf tools, the baselines
TOOL_LOG="-Dlog4j2.configurationFile=$ROOT/deploy/local/kafka/log4j2.properties"
declare -A B_PORT=([catalog]=$((B_PORT_BASE + 1)) [neighbourhood]=$((B_PORT_BASE + 2)) [evaluation]=$((B_PORT_BASE + 3)) [partner]=$((B_PORT_BASE + 4)))
declare -A PID=()
RUN_STARTED=$(date +%s)
rm -rf "$WORK" && mkdir -p "$WORK" "$BROKER_DIR" "$LOCAL_DIR/logs"
: > "$RESULTS"

PSQL=$(command -v psql || ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1)
PGBENCH=$(ls -d /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 || true)
[ -n "$PGBENCH" ] || PGBENCH=$(command -v pgbench || true)
export PGPASSWORD=$DB_PASSWORD
sql() { "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -v ON_ERROR_STOP=1 -qtA "$@"; }
sql_admin() { "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
now_ms() { date +%s%3N; }
calc() { awk "BEGIN{printf \"$1\", $2}"; }
# One row of the table: benchmark, figure, baseline, ratio, target, met?
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RESULTS"; }
# key=value files written by Bench.java
val() { sed -n "s/^$2=//p" "$1" | tail -1; }
# how many times the baseline: x/y with one decimal, or - when either is missing
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a == "" || b == "" || a == "-" || b == "-" || b + 0 == 0) print "-"; else printf "%.1f x", a / b }'; }
yes_no() { if awk "BEGIN{exit !($1)}"; then echo yes; else echo no; fi; }
# yes when the figure $1 is below $2 (no when it is missing)
below() { awk -v v="$1" -v l="$2" 'BEGIN{ print (v != "-" && v != "" && v + 0 < l + 0) ? "yes" : "no" }'; }
bench_java() { java -cp "$LIBS/*" "$ROOT/deploy/bench/Bench.java" "$@"; }

# --- what runs: PostgreSQL (shared, scratch databases), a broker of the benchmark's own, the services --------------
STARTED_POSTGRES=0
postgres_running || STARTED_POSTGRES=1
cleanup() {
  set +e
  [ -n "${SOAK_PID:-}" ] && kill "$SOAK_PID" 2>/dev/null
  for svc in "${!PID[@]}"; do kill "${PID[$svc]}" 2>/dev/null; done
  for svc in "${!PID[@]}"; do wait "${PID[$svc]}" 2>/dev/null; done
  [ -n "${IDLE_PID:-}" ] && kill "$IDLE_PID" 2>/dev/null
  LEEFBAARHEID_LOCAL_DIR="$BROKER_DIR" KAFKA_PORT=$B_KAFKA_PORT "$ROOT/deploy/local/stop.sh" kafka >/dev/null 2>&1
  if [ "${BENCH_KEEP:-0}" != 1 ] && postgres_running; then
    for db in bench_catalog bench_neighbourhood bench_evaluation bench_partner bench_pgbench neighbourhood_bench; do
      sql_admin -c "drop database if exists $db" >/dev/null 2>&1
    done
  fi
  [ "$STARTED_POSTGRES" = 1 ] && "$ROOT/deploy/local/stop.sh" postgres >/dev/null 2>&1
}
trap cleanup EXIT
trap "exit 143" TERM INT

needs_services=0
for b in startup latency throughput reads soak; do selected "$b" && needs_services=1; done
if [ "$needs_services" = 1 ] && [ "${SKIP_BUILD:-0}" != 1 ]; then
  # always: a benchmark of the jars of an older commit would be a figure of the wrong code
  log "Building the services (mvn package, tests skipped)"; mvn -B -ntp -q package -DskipTests
fi

"$ROOT/deploy/local/postgres-start.sh"
# A leftover broker of an interrupted run is stopped, and its data wiped: every run starts from empty topics.
LEEFBAARHEID_LOCAL_DIR="$BROKER_DIR" KAFKA_PORT=$B_KAFKA_PORT "$ROOT/deploy/local/stop.sh" kafka >/dev/null 2>&1 || true
rm -rf "$BROKER_DIR/kafka/data"
LEEFBAARHEID_LOCAL_DIR="$BROKER_DIR" KAFKA_PORT=$B_KAFKA_PORT KAFKA_CONTROLLER_PORT=$B_KAFKA_CONTROLLER_PORT \
  "$ROOT/deploy/local/kafka-start.sh"
cat > "$WORK/bench-topics.txt" <<TOPICS
bench.e2e-latency  1  -
bench.producer-perf  3  -
TOPICS
java -cp "$LIBS/*" "$ROOT/deploy/local/kafka/CreateTopics.java" "$BOOTSTRAP" "$WORK/bench-topics.txt" >/dev/null
if { selected latency || selected throughput; } && [ ! -f "$TOOLS/target/libs/kafka-tools-4.3.1.jar" ]; then
  log "Resolving Kafka's perf tools with Maven ($TOOLS)"
  mvn -B -q -f "$TOOLS/pom.xml" package >/dev/null || die "could not resolve the Kafka tools (mvn -f $TOOLS/pom.xml package)"
fi

RUN_SERVICES=("${SERVICES[@]}")
selected startup || read -r -a RUN_SERVICES <<< "${BENCH_SERVICES:-${SERVICES[*]}}"
if [ "$needs_services" = 1 ]; then
  for svc in "${RUN_SERVICES[@]}"; do
    [[ " ${SERVICES[*]} " == *" $svc "* ]] || die "unknown service '$svc' in BENCH_SERVICES"
    sql_admin -c "drop database if exists bench_$svc" -c "create database bench_$svc owner $DB_USER"
  done
fi

# With the soak, the services keep published outbox rows, processed event ids and idempotency keys only briefly, so that
# half an hour shows whether the clean-up keeps the tables bounded. A service that has no such settings ignores them.
RETENTION=()
selected soak && RETENTION=(LEEFBAARHEID_OUTBOX_KEEP_PUBLISHED="$SOAK_KEEP" LEEFBAARHEID_EVENTS_KEEP_PROCESSED="$SOAK_KEEP"
  LEEFBAARHEID_IDEMPOTENCY_KEEP="$SOAK_KEEP" LEEFBAARHEID_RETENTION_INTERVAL="$SOAK_RETENTION_INTERVAL")

# Starts one service on its scratch database; prints nothing, records its pid and launch time.
declare -A LAUNCHED=() READY=()
launch() {
  local svc=$1
  LAUNCHED[$svc]=$(now_ms)
  env "${RETENTION[@]}" JWT_ISSUER=leefbaarheid-local JWT_PUBLIC_KEY_LOCATION="$ROOT/deploy/local/dev-keys/public.pem" \
  QUARKUS_HTTP_PORT="${B_PORT[$svc]}" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/bench_$svc" \
  KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" \
    nohup "$ROOT/deploy/service-java.sh" "$svc-service" "$ROOT/$svc-service/target/quarkus-app" > "$WORK/$svc-service.log" 2>&1 &
  PID[$svc]=$!
}
await_ready() {
  local svc=$1 url="http://127.0.0.1:${B_PORT[$1]}/q/health/ready"
  for _ in $(seq 1 1800); do
    if curl -fs -o /dev/null "$url" 2>/dev/null; then READY[$svc]=$(now_ms); return 0; fi
    kill -0 "${PID[$svc]}" 2>/dev/null || die "$svc-service stopped; see $WORK/$svc-service.log"
    sleep 0.05
  done
  die "$svc-service not ready after 90 s; see $WORK/$svc-service.log"
}

if [ "$needs_services" = 1 ]; then
  if selected startup; then
    # One after the other, so that each start has the machine to itself (as far as a shared machine allows). Each
    # service starts twice: the first start after a build records its class data sharing archive, which the JVM
    # writes when the service stops (deploy/service-java.sh); the second is the start-up every later start has.
    declare -A FIRST_MS=() RECORDED=()
    for svc in "${SERVICES[@]}"; do
      log "Starting $svc-service on port ${B_PORT[$svc]} (timed twice: a first start and a restart)"
      launch "$svc"; await_ready "$svc"
      FIRST_MS[$svc]=$(( READY[$svc] - LAUNCHED[$svc] ))
      grep -q "recording the class data sharing archive" "$WORK/$svc-service.log" && RECORDED[$svc]=1
      kill "${PID[$svc]}"; wait "${PID[$svc]}" 2>/dev/null || true
      mv "$WORK/$svc-service.log" "$WORK/$svc-service.first.log"
      sleep 5 # the services started before it finish compiling what their start-up made hot (JIT), on the same cores
      launch "$svc"; await_ready "$svc"
    done
  else
    log "Starting ${RUN_SERVICES[*]} (ports ${B_PORT[catalog]}-${B_PORT[partner]})"
    for svc in "${RUN_SERVICES[@]}"; do launch "$svc"; done
    for svc in "${RUN_SERVICES[@]}"; do await_ready "$svc"; done
  fi
  EVALUATION="http://127.0.0.1:${B_PORT[evaluation]}"
  NEIGHBOURHOOD="http://127.0.0.1:${B_PORT[neighbourhood]}"
  CORP_TOKEN=$("$ROOT/deploy/local/mint-token.sh" corporation corp-bench)
  PARTNER_TOKEN=$("$ROOT/deploy/local/mint-token.sh" partner gemeente-bench)
  # Areas (set-up, not measured): 7,000 neighbourhoods for the latency and read phases (from GM3001), up to 5,000
  # for the throughput phase (GM2001-GM2100), SOAK_RATE x 60 for the soak when it runs (from GM8001); municipalities of
  # 5 districts x 10 neighbourhoods.
  bench_java areas dir="$WORK" name=latency first=3001 neighbourhoods=$LATENCY_AREAS
  bench_java areas dir="$WORK" name=throughput first=2001 neighbourhoods=$THROUGHPUT_AREAS
  AREA_SETS=(latency throughput)
  selected soak || SOAK_AREAS=0
  if selected soak; then
    bench_java areas dir="$WORK" name=soak first=8001 neighbourhoods=$SOAK_AREAS
    AREA_SETS+=(soak)
  fi
  for name in "${AREA_SETS[@]}"; do
    sql -d bench_neighbourhood -c "\\copy area (code, year, level, name, parent_code, households) from '$WORK/areas-$name.tsv'"
  done
  # COPY is not a registration: publish the areas as neighbourhood-service publishes a registered one (its outbox, the
  # relay, neighbourhood.areas.v1; the same statement as its migration V10), and wait until evaluation-service, which
  # refuses measurements of areas it does not know, has read them all.
  sql -d bench_neighbourhood -c "insert into outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at)
    select gen_random_uuid(), 'neighbourhood.areas.v1', 'area:' || code || ':' || year, 'nl.leefbaarheid.area.registered.v1',
           'area:' || code || ':' || year,
           json_strip_nulls(json_build_object('code', code, 'year', year, 'level', lower(level), 'name', name, 'parentCode', parent_code,
                            'households', households, 'homes', homes, 'corporationHomes', corporation_homes))::text, now()
      from area order by year, code"
  log "Registered $(( LATENCY_AREAS + THROUGHPUT_AREAS + SOAK_AREAS )) neighbourhoods with their districts and municipalities"
  if [[ " ${RUN_SERVICES[*]} " == *" evaluation "* ]]; then
    bench_java registry bootstrap="$BOOTSTRAP" metrics="$NEIGHBOURHOOD/q/metrics" \
      areas="$(cat "$WORK"/areas-*.tsv | wc -l)" || die "evaluation-service did not read the registered areas"
  fi
fi

# The order: reads first (nothing else busy), then latency, the national import, and the throughput phase last, so
# that a backlog a phase leaves behind (when the pipeline is slower than the load) disturbs as little as possible.
# --- 4. reads -----------------------------------------------------------------------------------------------------
if selected reads; then
  if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      log "wrk not found: installing the 'wrk' package"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
    else
      die "wrk not found: install it (e.g. 'sudo apt-get install wrk') and run again"
    fi
  fi
  [ -n "$PGBENCH" ] || die "pgbench not found (package postgresql)"
  AREA=BU30010101
  MUNICIPALITY=GM3001
  # Give the first 50 areas (GM3001) a status: for the period 2000-01, older than any the latency phase sends, so that
  # each of its measurements still changes the status (a newer period) and has its status event.
  body=$(awk 'BEGIN{printf "{\"measurements\":["} {printf "%s{\"areaCode\":\"%s\",\"indicator\":\"tenant.feeling-at-home\",\"value\":7,\"period\":\"2000-01\",\"respondents\":20,\"instrument\":\"survey\"}", (NR>1?",":""), $1} END{printf "]}"}' \
    <(head -50 "$WORK/codes-latency.txt"))
  curl -fs -o /dev/null -H "Authorization: Bearer $CORP_TOKEN" -H 'Content-Type: application/json' -d "$body" "$EVALUATION/api/v1/measurements/batch" \
    || die "could not record the measurements for the read phase"
  LAST=$(sed -n 50p "$WORK/codes-latency.txt")
  for _ in $(seq 1 1200); do
    curl -fs -o /dev/null -H "Authorization: Bearer $PARTNER_TOKEN" "$NEIGHBOURHOOD/api/v1/areas/$AREA/status" \
      && curl -fs -o /dev/null -H "Authorization: Bearer $PARTNER_TOKEN" "$NEIGHBOURHOOD/api/v1/areas/$LAST/status" && break
    sleep 0.1
  done
  curl -fs -o "$WORK/status-sample.json" -H "Authorization: Bearer $PARTNER_TOKEN" "$NEIGHBOURHOOD/api/v1/areas/$AREA/status" \
    || die "no status of $AREA to read"
  curl -fs -o "$WORK/ranking-sample.json" -H "Authorization: Bearer $PARTNER_TOKEN" "$NEIGHBOURHOOD/api/v1/rankings?municipality=$MUNICIPALITY" \
    || die "no ranking of $MUNICIPALITY to read"
  # wrk's latency in us/ms/s, in milliseconds
  wrk_ms() { sed -n "s/^ *$1% *\([0-9.]*\)\([a-z]*\).*/\1 \2/p" "$2" | awk '{ f = ($2 == "us") ? 0.001 : ($2 == "s") ? 1000 : ($2 == "m") ? 60000 : 1; printf "%.2f", $1 * f }'; }
  wrk_rps() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$1"; }
  wrk_errors() { grep -E 'Non-2xx|Socket errors' "$1" | tr -s ' ' | tr '\n' ' ' || true; }
  for what in status ranking; do
    if [ $what = status ]; then path="/api/v1/areas/$AREA/status"; else path="/api/v1/rankings?municipality=$MUNICIPALITY"; fi
    # The services have just started: load first, not measured, until the JIT has compiled the path, since a running
    # service answers from compiled code (pgbench's server has no JIT to warm). On 2 cores that takes about a minute:
    # status reads measured 4,300/s after 10 s of warm-up and 8,200/s after 90 s.
    # (every request carries the same token, as a dashboard's would: its signature is verified once, see VerifiedTokens)
    if [ "$READ_WARMUP_SECONDS" -gt 0 ]; then
      wrk -t2 -c"$CONNECTIONS" -d"${READ_WARMUP_SECONDS}s" -H "Authorization: Bearer $PARTNER_TOKEN" "$NEIGHBOURHOOD$path" > /dev/null
    fi
    log "4. Reads: GET $path, $CONNECTIONS connections, $READ_SECONDS s (wrk, after ${READ_WARMUP_SECONDS} s not measured)"
    wrk -t2 -c"$CONNECTIONS" -d"${READ_SECONDS}s" --latency -H "Authorization: Bearer $PARTNER_TOKEN" "$NEIGHBOURHOOD$path" > "$WORK/wrk-$what.txt"
    declare "R_${what}_rps=$(wrk_rps "$WORK/wrk-$what.txt")" "R_${what}_p50=$(wrk_ms 50 "$WORK/wrk-$what.txt")" \
      "R_${what}_p99=$(wrk_ms 99 "$WORK/wrk-$what.txt")" "R_${what}_err=$(wrk_errors "$WORK/wrk-$what.txt")"
  done
  log "   baseline: pgbench -S (select-only), $CONNECTIONS clients, $READ_SECONDS s, on a scratch database"
  sql_admin -c "drop database if exists bench_pgbench" -c "create database bench_pgbench owner $DB_USER"
  "$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -i -s 10 -q bench_pgbench > "$WORK/pgbench-init.txt" 2>&1
  (cd "$WORK" && "$PGBENCH" -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -S -M prepared -c "$CONNECTIONS" -j 2 -T "$READ_SECONDS" \
    -l --log-prefix=pgbench-log bench_pgbench > "$WORK/pgbench.txt" 2>&1)
  pg_tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.txt" | tail -1)
  # per-transaction log: client, transaction, latency (us), ...
  read -r pg_p50 pg_p99 < <(cat "$WORK"/pgbench-log.* | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END{i50=int(NR*0.5); i99=int(NR*0.99); if(i50<1)i50=1; if(i99<1)i99=1; printf "%.2f %.2f\n", v[i50]/1000, v[i99]/1000}')
  rm -f "$WORK"/pgbench-log.*
  base="pgbench -S: $(calc %.0f "$pg_tps")/s, p50 $pg_p50 ms, p99 $pg_p99 ms"
  row "4 reads: status of one neighbourhood" "$(calc %.0f "$R_status_rps")/s, p50 $R_status_p50 ms, p99 $R_status_p99 ms${R_status_err:+ ($R_status_err)}" "$base" "$(ratio "$pg_tps" "$R_status_rps") (rate), $(ratio "$R_status_p99" "$pg_p99") (p99)" ">= 5,000/s, p99 < 20 ms" "$(yes_no "$R_status_rps >= 5000 && $R_status_p99 < 20")"
  row "4 reads: ranking of a municipality (50 neighbourhoods)" "$(calc %.0f "$R_ranking_rps")/s, p50 $R_ranking_p50 ms, p99 $R_ranking_p99 ms${R_ranking_err:+ ($R_ranking_err)}" "$base" "$(ratio "$pg_tps" "$R_ranking_rps") (rate), $(ratio "$R_ranking_p99" "$pg_p99") (p99)" "-" "-"
fi

# --- 1. event latency ---------------------------------------------------------------------------------------------
if selected latency; then
  log "1. Event latency: $RATE measurements/s for $LATENCY_SECONDS s (after $WARMUP s of warm-up)"
  bench_java latency url="$EVALUATION" token="$CORP_TOKEN" bootstrap="$BOOTSTRAP" codes="$WORK/codes-latency.txt" \
    rate="$RATE" seconds="$LATENCY_SECONDS" warmup="$WARMUP" drain="$DRAIN" clock_ticks="$(getconf CLK_TCK)" \
    services="$(for svc in "${!PID[@]}"; do printf '%s:%s,' "$svc" "${PID[$svc]}"; done)" > "$WORK/latency.txt"
  L="$WORK/latency.txt"
  records=$(awk -v r="$RATE" -v s="$LATENCY_SECONDS" 'BEGIN{printf "%d", r * s}')
  log "   baseline: Kafka's EndToEndLatency, $records records of 400 bytes, acks=all"
  e2e_start=$(now_ms)
  java "$TOOL_LOG" -cp "$TOOLS/target/libs/*" org.apache.kafka.tools.EndToEndLatency \
    --bootstrap-server "$BOOTSTRAP" --topic bench.e2e-latency --num-records "$records" --producer-acks all --record-size 400 \
    > "$WORK/kafka-e2e.txt" 2>&1 || { cat "$WORK/kafka-e2e.txt" >&2; die "EndToEndLatency failed"; }
  e2e_seconds=$(calc %.1f "($(now_ms) - $e2e_start) / 1000")
  # "Percentiles: 50th = 1, 99th = 3, 99.9th = 9" (ms)
  read -r k50 k99 k999 < <(sed -n 's/.*50th = \([0-9.]*\), 99th = \([0-9.]*\), 99.9th = \([0-9.]*\).*/\1 \2 \3/p' "$WORK/kafka-e2e.txt")
  kavg=$(sed -n 's/.*Avg latency: \([0-9.]*\) ms.*/\1/p' "$WORK/kafka-e2e.txt")
  # the tool prints whole milliseconds: a p50 of 0 means under 1 ms; the ratio then goes against its average
  k50_ratio=$k50; [ "$k50" = 0 ] && k50_ratio=$kavg
  kpace="Kafka EndToEndLatency, $records records, one at a time (closed loop: $(calc %.0f "$records / $e2e_seconds")/s incl. JVM start)"
  missing=$(val "$L" latency.missing)
  note=""; [ "$missing" != 0 ] && note=" ($missing of $(val "$L" latency.ok) status events never seen: excluded)"
  p50=$(val "$L" latency.event.p50_ms); p99=$(val "$L" latency.event.p99_ms); max=$(val "$L" latency.event.max_ms)
  row "1 latency p50 (201 -> status event)" "$p50 ms$note" "$k50 ms ($kpace; whole ms, avg $kavg ms)" "$(ratio "$p50" "$k50_ratio")" "< 25 ms" "$( [ "$missing" = 0 ] && below "$p50" 25 || echo no)"
  row "1 latency p99 (201 -> status event)" "$p99 ms" "$k99 ms" "$(ratio "$p99" "$k99")" "< 100 ms" "$( [ "$missing" = 0 ] && below "$p99" 100 || echo no)"
  row "1 latency max (201 -> status event)" "$max ms" "$k999 ms (p99.9; the tool prints no max)" "$(ratio "$max" "$k999")" "-" "-"
  row "1 latency from intended send p50/p99/max" "$(val "$L" latency.intended.p50_ms) / $(val "$L" latency.intended.p99_ms) / $(val "$L" latency.intended.max_ms) ms" "$k50 / $k99 / $k999 ms" "$(ratio "$(val "$L" latency.intended.p99_ms)" "$k99") (p99)" "-" "-"
  stage() { echo "$(val "$L" "latency.stage.$1.p50_ms") / $(val "$L" "latency.stage.$1.p99_ms")"; }
  row "1 latency stages p50 / p99 (CreateTime of the records)" "201 -> measurement record sent: $(stage measurement_sent) ms; -> its status record sent (neighbourhood-service): $(stage status_sent) ms; -> read: $(stage status_read) ms" "-" "-" "-" "-"
  jit=$(sed -n 's/^latency\.jit_seconds\.\(.*\)=\(.*\)/\1 \2 s/p' "$L" | paste -sd, - | sed 's/,/, /g')
  row "1 latency: JIT compiling during the measured phase" "${jit:--} (CPU time of the compiler threads)" "-" "-" "-" "-"
  row "1 latency POST answer p50/p99" "$(val "$L" latency.http.p50_ms) / $(val "$L" latency.http.p99_ms) ms ($(val "$L" latency.achieved_rate)/s sent, $(val "$L" latency.failed) failed)" "-" "-" "-" "-"
fi

# --- 3. national import -------------------------------------------------------------------------------------------
if selected national; then
  log "3. National import (deploy/bench/national-import.sh)"
  BENCH_STARTED=1 BENCH_RESULTS="$RESULTS" KAFKA_PORT=$B_KAFKA_PORT NATIONAL_PORT=$((B_PORT_BASE + 5)) \
    "$ROOT/deploy/bench/national-import.sh"
fi

# --- 2. pipeline throughput ---------------------------------------------------------------------------------------
if selected throughput; then
  log "2. Pipeline throughput: $MEASUREMENTS measurements over $THROUGHPUT_AREAS neighbourhoods in batches of $BATCH"
  bench_java throughput url="$EVALUATION" token="$CORP_TOKEN" bootstrap="$BOOTSTRAP" codes="$WORK/codes-throughput.txt" \
    measurements="$MEASUREMENTS" batch="$BATCH" timeout="$TIMEOUT" group=neighbourhood-service \
    metrics="$EVALUATION/q/metrics,$NEIGHBOURHOOD/q/metrics" copy="$WORK/throughput-copy.tsv" > "$WORK/throughput.txt"
  T="$WORK/throughput.txt"
  log "   baseline: COPY of the same $MEASUREMENTS rows into a table shaped like observation"
  sql -d bench_neighbourhood -c "drop table if exists copy_baseline" -c "create table copy_baseline (like observation including all)"
  copy_start=$(now_ms)
  sql -d bench_neighbourhood -c "\\copy copy_baseline (area_code, indicator_code, period, period_start, value, respondents, source, corporation_id, recorded_at) from '$WORK/throughput-copy.tsv'"
  copy_ms=$(( $(now_ms) - copy_start ))
  sql -d bench_neighbourhood -c "drop table copy_baseline"
  log "   baseline: Kafka's ProducerPerformance, $MEASUREMENTS records of 400 bytes, acks=all"
  java "$TOOL_LOG" -cp "$TOOLS/target/libs/*" org.apache.kafka.tools.ProducerPerformance \
    --topic bench.producer-perf --num-records "$MEASUREMENTS" --record-size 400 --throughput -1 \
    --producer-props bootstrap.servers="$BOOTSTRAP" acks=all > "$WORK/kafka-producer.txt" 2>&1 \
    || { cat "$WORK/kafka-producer.txt" >&2; die "ProducerPerformance failed"; }
  # "100000 records sent, 81234.5 records/sec (30.99 MB/sec), ..."
  kp_rate=$(grep 'records sent' "$WORK/kafka-producer.txt" | tail -1 | sed -n 's/.*records sent, \([0-9.]*\) records\/sec.*/\1/p')
  rate=$(val "$T" throughput.rate); seconds=$(val "$T" throughput.seconds)
  copy_rate=$(calc %.0f "$MEASUREMENTS / ($copy_ms / 1000)")
  done_by=$(val "$T" throughput.done_by)
  figure="$rate measurements/s ($MEASUREMENTS in $seconds s)"
  [ "$done_by" = timeout ] && figure="$rate measurements/s (NOT finished in $TIMEOUT s: rate of those published)"
  row "2 throughput end to end (POST -> status published)" "$figure" "COPY: $copy_rate rows/s ($(calc %.2f "$copy_ms / 1000") s)" "$(ratio "$copy_rate" "$rate")" ">= 10,000/s" "$( [ "$done_by" != timeout ] && yes_no "$rate >= 10000" || echo no)"
  row "2 throughput (second baseline)" "$rate measurements/s" "Kafka ProducerPerformance: $(calc %.0f "$kp_rate") records/s" "$(ratio "$kp_rate" "$rate")" "-" "-"
  row "2 throughput: batches stored (evaluation POST)" "$(calc %.0f "$MEASUREMENTS / $(val "$T" throughput.post_seconds)")/s ($(val "$T" throughput.post_seconds) s; per batch $(val "$T" throughput.batch_seconds | tr -d '[] ') s)" "-" "-" "-" "-"
fi

# --- 6. soak ------------------------------------------------------------------------------------------------------
if selected soak; then
  [[ "$SOAK_MINUTES $SOAK_SAMPLE_SECONDS" =~ ^[1-9][0-9]*\ [1-9][0-9]*$ ]] || die "SOAK_MINUTES and SOAK_SAMPLE_SECONDS are whole numbers"
  log "6. Soak: $SOAK_RATE measurements/s for $SOAK_MINUTES min over $SOAK_AREAS neighbourhoods (retention windows $SOAK_KEEP, clean-up every $SOAK_RETENTION_INTERVAL)"
  declare -A SHORT=([catalog]=cat [neighbourhood]=nbh [evaluation]=eva [partner]=par)
  # The tables that grow with the load, in each database that has them (catalog-service has no processed events,
  # partner-service no outbox): one query per database and sample, outbox as all rows and pending ones.
  declare -A COUNT_QUERY=() TABLES=()
  for svc in "${RUN_SERVICES[@]}"; do
    TABLES[$svc]=$(sql -d "bench_$svc" -c "select string_agg(t, ' ' order by o) from unnest(array['outbox_event', 'processed_event', 'idempotent_request']) with ordinality as x(t, o) where to_regclass(t) is not null")
    q=""
    for t in ${TABLES[$svc]}; do
      if [ "$t" = outbox_event ]; then q+="(select count(*) from outbox_event), (select count(*) from outbox_event where status = 'PENDING'), "
      else q+="(select count(*) from $t), "; fi
    done
    COUNT_QUERY[$svc]="select ${q%, }"
  done
  SOAK_CSV="$WORK/soak.csv"
  shown=(minute) csv=(minute phase)
  for svc in "${RUN_SERVICES[@]}"; do shown+=("rss:${SHORT[$svc]}"); csv+=("rss_mb_$svc"); done
  for svc in "${RUN_SERVICES[@]}"; do shown+=("heap:${SHORT[$svc]}"); csv+=("live_heap_mb_$svc" "heap_used_mb_$svc"); done
  for svc in "${RUN_SERVICES[@]}"; do
    for t in ${TABLES[$svc]}; do
      case $t in
        outbox_event) shown+=("outbox:${SHORT[$svc]}"); csv+=("outbox_event_$svc" "outbox_event_pending_$svc") ;;
        processed_event) shown+=("processed:${SHORT[$svc]}"); csv+=("processed_event_$svc") ;;
        idempotent_request) shown+=("idempotency:${SHORT[$svc]}"); csv+=("idempotent_request_$svc") ;;
      esac
    done
  done
  (IFS=,; echo "${csv[*]}") > "$SOAK_CSV"
  WIDTHS=()
  for h in "${shown[@]}"; do WIDTHS+=($(( ${#h} < 9 ? 9 : ${#h} ))); done
  WIDTHS[0]=11
  print_row() { local i; for i in "${!WIDTHS[@]}"; do printf '%*s ' "${WIDTHS[$i]}" "${1:--}"; shift || true; done; echo; }
  # One row: resident memory, the heap that survived the last full collection, and the tables' sizes.
  soak_sample() {
    local phase=$1 minute label svc t rss metrics heap used i
    local -a n
    minute=$(calc %.1f "($(now_ms) - $SOAK_T0) / 60000")
    label=$minute; [ "$phase" = load ] || label+=" $phase"
    shown=("$label") csv=("$minute" "$phase")
    for svc in "${RUN_SERVICES[@]}"; do
      rss=$(awk '/^VmRSS/{printf "%.0f", $2 / 1024}' "/proc/${PID[$svc]}/status" 2>/dev/null) || rss=
      shown+=("$rss"); csv+=("$rss")
    done
    for svc in "${RUN_SERVICES[@]}"; do
      # the whole scrape first: a reader that stops early would fail curl's write, and with it the pipe
      metrics=$(curl -fs --max-time 10 "http://127.0.0.1:${B_PORT[$svc]}/q/metrics") || metrics=
      # micrometer's live data size: 0 until the first full collection
      heap=$(awk '/^jvm_gc_live_data_size_bytes/{ if ($NF > 0) printf "%.0f", $NF / 1048576; exit }' <<< "$metrics")
      # only in the CSV: the heap in use, garbage included, which moves between full collections where the above does not
      used=$(awk '/^jvm_memory_used_bytes\{.*area="heap"/{ s += $NF; n++ } END { if (n) printf "%.0f", s / 1048576 }' <<< "$metrics")
      shown+=("$heap"); csv+=("$heap" "$used")
    done
    for svc in "${RUN_SERVICES[@]}"; do
      [ -n "${TABLES[$svc]}" ] || continue
      read -r -a n <<< "$(sql -d "bench_$svc" -F ' ' -c "${COUNT_QUERY[$svc]}" 2>/dev/null || true)"
      i=0
      for t in ${TABLES[$svc]}; do
        if [ "$t" = outbox_event ]; then shown+=("${n[$i]:--}/${n[$((i + 1))]:--}"); csv+=("${n[$i]:-}" "${n[$((i + 1))]:-}"); i=$((i + 2))
        else shown+=("${n[$i]:-}"); csv+=("${n[$i]:-}"); i=$((i + 1)); fi
      done
    done
    print_row "${shown[@]}"
    (IFS=,; echo "${csv[*]}") >> "$SOAK_CSV"
  }
  java -cp "$LIBS/*" "$ROOT/deploy/bench/Bench.java" soak url="$EVALUATION" token="$CORP_TOKEN" bootstrap="$BOOTSTRAP" codes="$WORK/codes-soak.txt" \
    rate="$SOAK_RATE" seconds=$(( SOAK_MINUTES * 60 )) batch=5 drain="$DRAIN" group=neighbourhood-service \
    metrics="$EVALUATION/q/metrics,$NEIGHBOURHOOD/q/metrics" started="$WORK/soak.started" missing="$WORK/soak-missing.tsv" \
    > "$WORK/soak.txt" &
  SOAK_PID=$! # java itself, not a subshell: cleanup() stops it when the run is interrupted
  until [ -s "$WORK/soak.started" ]; do
    kill -0 "$SOAK_PID" 2>/dev/null || die "the soak's load generator stopped before it started"
    sleep 0.1
  done
  SOAK_T0=$(cat "$WORK/soak.started")
  printf '\nSoak: a row every %s s; minute: since the load started; rss: VmRSS, MB; heap: jvm_gc_live_data_size_bytes, MB (the old generation after the last full collection, - before the first); outbox: rows all/pending; processed: processed_event rows; idempotency: idempotent_request rows. cat(alog) nbh (neighbourhood) eva(luation) par(tner)\n' "$SOAK_SAMPLE_SECONDS"
  print_row "${shown[@]}"
  for (( i = 0; i <= SOAK_MINUTES * 60 / SOAK_SAMPLE_SECONDS; i++ )); do
    due=$(( SOAK_T0 + i * SOAK_SAMPLE_SECONDS * 1000 ))
    while [ "$(now_ms)" -lt "$due" ] && kill -0 "$SOAK_PID" 2>/dev/null; do sleep 0.5; done
    kill -0 "$SOAK_PID" 2>/dev/null || break
    soak_sample load
  done
  wait "$SOAK_PID" || { SOAK_PID=; die "the soak's load generator failed; see above and $WORK/soak.txt"; }
  SOAK_PID=
  soak_sample drained
  printf 'Samples as CSV: %s\n' "$SOAK_CSV"
  S="$WORK/soak.txt"
  SOAK_MISSING=$(val "$S" soak.missing)
  if [ "$SOAK_MISSING" = 0 ]; then named="all $(val "$S" soak.ok) measurements named in a status reason"
  else named="$SOAK_MISSING of $(val "$S" soak.ok) measurements named in no status reason (listed in $WORK/soak-missing.tsv)"; fi
  printf '%s\n' "$named"
  # first / largest / last value of a CSV column (the last is the sample after draining)
  curve() {
    awk -F, -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; next }
      $k != "" { if (first == "") first = $k; if (max == "" || $k + 0 > max + 0) max = $k; last = $k }
      END { printf "%s / %s / %s", (first == "" ? "-" : first), (max == "" ? "-" : max), (last == "" ? "-" : last) }' "$SOAK_CSV"
  }
  row "6 soak: load" "$(val "$S" soak.measurements) measurements at $(val "$S" soak.achieved_rate)/s for $SOAK_MINUTES min over $SOAK_AREAS neighbourhoods ($(val "$S" soak.keyed_requests) batches of 5 with an Idempotency-Key), $(val "$S" soak.failed) failed; POST answer p50/p99 $(val "$S" soak.http.p50_ms) / $(val "$S" soak.http.p99_ms) ms; drained $(val "$S" soak.drain_seconds) s after the last answer; retention windows $SOAK_KEEP, clean-up every $SOAK_RETENTION_INTERVAL" "-" "-" "-" "-"
  row "6 soak: every measurement named in a status reason" "$named" "-" "-" "all" "$( [ "$SOAK_MISSING" = 0 ] && echo yes || echo no)"
  for svc in "${RUN_SERVICES[@]}"; do
    row "6 soak memory $svc-service (first / max / last sample)" "RSS $(curve "rss_mb_$svc") MB; live heap after a full GC $(curve "live_heap_mb_$svc") MB" "-" "-" "-" "-"
  done
  for svc in "${RUN_SERVICES[@]}"; do
    [ -n "${TABLES[$svc]}" ] || continue
    tables=()
    for t in ${TABLES[$svc]}; do
      if [ "$t" = outbox_event ]; then tables+=("$t $(curve "${t}_$svc") (pending $(curve "outbox_event_pending_$svc"))")
      else tables+=("$t $(curve "${t}_$svc")"); fi
    done
    row "6 soak rows bench_$svc (first / max / last sample)" "$(printf '%s; ' "${tables[@]}" | sed 's/; $//')" "-" "-" "-" "-"
  done
fi

# --- 5. start-up and memory ---------------------------------------------------------------------------------------
if selected startup; then
  log "5. Start-up and memory: baseline, a trivial JVM (hello world that stays up)"
  mkdir -p "$WORK/idle"
  cat > "$WORK/idle/Idle.java" <<'JAVA'
public class Idle {
    public static void main(String[] args) throws Exception {
        System.out.println("ready");
        Thread.sleep(600_000);
    }
}
JAVA
  javac -d "$WORK/idle" "$WORK/idle/Idle.java"
  idle_start=$(now_ms)
  java -cp "$WORK/idle" Idle > "$WORK/idle/out.txt" 2>&1 &
  IDLE_PID=$!
  until grep -q ready "$WORK/idle/out.txt" 2>/dev/null; do sleep 0.01; done
  idle_ms=$(( $(now_ms) - idle_start ))
  sleep 1
  idle_rss=$(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$IDLE_PID/status")
  kill "$IDLE_PID" 2>/dev/null; wait "$IDLE_PID" 2>/dev/null || true; IDLE_PID=
  for svc in "${SERVICES[@]}"; do
    first="first start: $(calc %.1f "${FIRST_MS[$svc]} / 1000") s"
    [ -n "${RECORDED[$svc]:-}" ] && first+=", recording the archive of a new build"
    ready_ms=$(( READY[$svc] - LAUNCHED[$svc] ))
    started_in=$(sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' "$WORK/$svc-service.log" | head -1)
    row "5 start-up $svc-service (launch -> ready)" "$(calc %.1f "$ready_ms / 1000") s (Quarkus: started in ${started_in:-?} s; $first)" "trivial JVM: $(calc %.2f "$idle_ms / 1000") s" "$(ratio "$ready_ms" "$idle_ms")" "< 3 s" "$(yes_no "$ready_ms < 3000")"
  done
  for svc in "${SERVICES[@]}"; do
    rss=$(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/${PID[$svc]}/status")
    row "5 memory $svc-service (RSS after the benchmarks)" "$rss MB" "trivial JVM: $idle_rss MB" "$(ratio "$rss" "$idle_rss")" "< 250 MB" "$(yes_no "$rss < 250")"
  done
fi

# The services' own figures (request durations, recalculations, consumer lag), for a look at where the time went.
for svc in "${!PID[@]}"; do
  curl -fs -o "$WORK/metrics-$svc.txt" "http://127.0.0.1:${B_PORT[$svc]}/q/metrics" || true
done

# --- the table ----------------------------------------------------------------------------------------------------
total=$(( $(date +%s) - RUN_STARTED ))
{
  printf '\nBenchmarks (issue 8), %s, %s cores, load average %s; ran %d s\n' "$(date '+%Y-%m-%d %H:%M')" "$(nproc)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$total"
  printf 'ratio: how many times the baseline (time or latency / baseline, or baseline rate / rate)\n\n'
  (printf 'benchmark\tfigure\tbaseline\tratio\ttarget\tmet?\n'; sort -s -n -k1,1 "$RESULTS") | awk -F'\t' '
    { for (i = 1; i <= NF; i++) { cell[NR, i] = $i; if (length($i) > w[i]) w[i] = length($i) } n = NR }
    END {
      for (r = 1; r <= n; r++) {
        line = "| "
        for (i = 1; i <= 6; i++) line = line sprintf("%-" w[i] "s", cell[r, i]) " | "
        print substr(line, 1, length(line) - 1)
        if (r == 1) { line = "|"; for (i = 1; i <= 6; i++) { d = ""; for (k = 0; k < w[i] + 2; k++) d = d "-"; line = line d "|" } print line }
      }
    }'
  printf '\nDetails and logs: %s\n' "$WORK"
} | tee "$WORK/table.txt"
# the soak's check: a measurement that no status event names is a failure
[ "${SOAK_MISSING:-0}" = 0 ] || exit 1
