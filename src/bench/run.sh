#!/usr/bin/env bash
# The benchmark of the Asylum Case Tracker in one command: build, PostgreSQL, schema, 1,000,000 filings,
# tokens, the scenarios, one table. See src/bench/README.md for what each figure means.
#
#   bash src/bench/run.sh [--quick] [--reuse-data] [--jfr]
#
#   --quick       5 s per scenario (2 s warm-up) instead of 30 s (10 s warm-up): a smoke test
#   --reuse-data  keep the PostgreSQL data directory of an earlier run that loaded the same data set
#                 (the RSS at 100k filings is then not measured)
#   --jfr         record a Java Flight Recording of the measured service into the results directory
#
# Environment (all optional): BENCH_DB_URL (+ BENCH_DB_USER, BENCH_DB_PASSWORD) to use an existing, empty
# PostgreSQL instead of the embedded one; BENCH_ORGS (100 organizations x 10,000 filings); BENCH_DURATION,
# BENCH_WARMUP (seconds); BENCH_CONNECTIONS (32); BENCH_JAVA_OPTS (-Xmx200m -XX:+UseSerialGC, as docker/Dockerfile); BENCH_PG_SHARED_BUFFERS (1GB).
set -euo pipefail

QUICK=0
REUSE=0
JFR=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1 ;;
    --reuse-data) REUSE=1 ;;
    --jfr) JFR=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=src/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # settings, cleanup, build, PostgreSQL, tokens, data, service

ORGS=${BENCH_ORGS:-100}
DURATION=${BENCH_DURATION:-30}
WARMUP=${BENCH_WARMUP:-10}
if (( QUICK )); then DURATION=${BENCH_DURATION:-5}; WARMUP=${BENCH_WARMUP:-2}; fi
CONNECTIONS=${BENCH_CONNECTIONS:-32}
SEQUENTIAL_CALLS=${BENCH_SEQUENTIAL_CALLS:-50}
CSV_RUNS=${BENCH_CSV_RUNS:-5}

TABLE=$RESULTS/table.tsv
: > "$TABLE"
# scenario, throughput, p50, p99, errors, then the measure_end figures
add_row() {
  local IFS=$'\t'
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$*" "$M_RSS" "$M_CPU" "$M_MS_PER_REQUEST" "$M_PG" "$M_PG_MS_PER_REQUEST" \
    "$M_GEN" "$M_OTHER" >> "$TABLE"
}

# A short, fixed mix of every kind of request, so that RSS is compared at the same point: after the JIT and
# the pools have seen all the code paths the scenarios use.
warmup_mix() {
  local seconds=$(( QUICK ? 2 : 10 ))
  BENCH_IDS_FILE=$DATA/filing-ids.txt BENCH_TOKENS_FILE=$TOKENS/caseworkers.txt \
    wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" -s "$BENCH/wrk/get-filing.lua" "$SERVICE_URL" > /dev/null
  BENCH_IDS_FILE=$DATA/open-filing-ids.txt BENCH_TOKEN=$(cat "$TOKENS/$INTEGRATION.jwt") BENCH_TODAY=$(TZ=$ORG_ZONE date +%F) \
    wrk -t2 -c"$CONNECTIONS" -d"$(( seconds / 2 ))s" -s "$BENCH/wrk/post-event.lua" "$SERVICE_URL" > /dev/null
  for (( i = 0; i < 20; i++ )); do
    curl -s -o /dev/null -H "Authorization: Bearer $(cat "$TOKENS/$SUPERVISOR.jwt")" "$SERVICE_URL/api/v1/reports/overdue"
    curl -s -o /dev/null -H "Authorization: Bearer $(cat "$TOKENS/$SUPERVISOR.jwt")" "$SERVICE_URL/api/v1/reports/overdue/summary"
  done
  for (( i = 0; i < 2; i++ )); do
    curl -s -o /dev/null -H "Accept: text/csv" -H "Authorization: Bearer $(cat "$TOKENS/$SUPERVISOR.jwt")" \
      "$SERVICE_URL/api/v1/reports/overdue"
  done
}

# --- scenarios -----------------------------------------------------------------------------------------------
WRK_ARGS=(-t2 -c"$CONNECTIONS" --timeout 10s)

run_wrk() {  # scenario-name label lua-script path [wrk args...]; env BENCH_* for the script
  local name=$1 label=$2 script=$3 path=$4
  shift 4
  log "$name: warm-up ${WARMUP}s, then ${DURATION}s with $CONNECTIONS connections"
  wrk "${WRK_ARGS[@]}" -d"${WARMUP}s" -s "$BENCH/wrk/$script" "$@" "$SERVICE_URL$path" > "$RESULTS/wrk-$label-warmup.txt"
  measure_begin
  wrk "${WRK_ARGS[@]}" -d"${DURATION}s" --latency -s "$BENCH/wrk/$script" "$@" "$SERVICE_URL$path" > "$RESULTS/wrk-$label.txt"
  local requests seconds rps p50_ms p99_ms max_ms non2xx socket_errors
  wrk_result "$RESULTS/wrk-$label.txt"
  measure_end "$requests"
  add_row "$name" "$(printf '%.0f req/s' "$rps")" "$(printf '%.1f ms' "$p50_ms")" "$(printf '%.1f ms' "$p99_ms")" \
    "$(( non2xx + socket_errors ))"
  eval "RPS_$label=$rps"
  log "  $(printf '%.0f' "$rps") req/s, p50 $p50_ms ms, p99 $p99_ms ms, errors $(( non2xx + socket_errors ));" \
    "service RSS $M_RSS, CPU $M_CPU ($M_MS_PER_REQUEST ms/request); PostgreSQL $M_PG, wrk $M_GEN, other processes $M_OTHER"
}

sequential() {  # scenario-name label path token [curl args...]
  local name=$1 label=$2 path=$3 token=$4
  shift 4
  local out=$RESULTS/sequential-$label.txt
  log "$name: $SEQUENTIAL_CALLS sequential calls"
  for (( i = 0; i < 5; i++ )); do   # warm-up, not counted
    curl -s -o /dev/null -H "Authorization: Bearer $token" "$@" "$SERVICE_URL$path"
  done
  : > "$out"
  measure_begin
  for (( i = 0; i < SEQUENTIAL_CALLS; i++ )); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" "$@" "$SERVICE_URL$path" >> "$out"
  done
  measure_end "$SEQUENTIAL_CALLS"
  awk '{ print $2 * 1000 }' "$out" > "$out.ms"
  local errors p50 p95
  errors=$(awk '$1 !~ /^2/' "$out" | wc -l)
  p50=$(percentile 50 "$out.ms")
  p95=$(percentile 95 "$out.ms")
  add_row "$name" "$SEQUENTIAL_CALLS calls" "$(printf '%.1f ms' "$p50")" "$(printf '%.1f ms (p95)' "$p95")" "$errors"
  log "  p50 $p50 ms, p95 $p95 ms, errors $errors; service CPU $M_MS_PER_REQUEST ms/call; other processes $M_OTHER"
}

csv_export() {  # [query string, e.g. ?asOf=2026-01-01] [label suffix]
  local query=${1:-} suffix=${2:-}
  local token out=$RESULTS/csv-runs$suffix.txt
  token=$(cat "$TOKENS/$SUPERVISOR.jwt")
  log "CSV export of $ORG's overdue list$query: $CSV_RUNS runs"
  curl -s -o /dev/null -H "Accept: text/csv" -H "Authorization: Bearer $token" "$SERVICE_URL/api/v1/reports/overdue$query"
  : > "$out"
  measure_begin
  for (( i = 0; i < CSV_RUNS; i++ )); do
    curl -s -o "$RESULTS/overdue.csv" -w '%{http_code} %{time_total} %{size_download}\n' \
      -H "Accept: text/csv" -H "Authorization: Bearer $token" "$SERVICE_URL/api/v1/reports/overdue$query" >> "$out"
  done
  measure_end "$CSV_RUNS"
  local rows errors median max
  rows=$(( $(wc -l < "$RESULTS/overdue.csv") - 1 ))
  errors=$(awk '$1 !~ /^2/' "$out" | wc -l)
  awk '{ print $2 * 1000 }' "$out" > "$out.ms"
  median=$(percentile 50 "$out.ms")
  max=$(sort -n "$out.ms" | tail -1)
  add_row "CSV export$query ($rows rows, $CSV_RUNS runs)" "$(awk -v r="$rows" -v m="$median" 'BEGIN { printf "%.0f rows/s", r / (m / 1000) }')" \
    "$(printf '%.0f ms' "$median")" "$(printf '%.0f ms (max)' "$max")" "$errors"
  CSV_ROWS=$rows
  log "  $rows rows, $(awk '{ s = $3 } END { printf "%.1f", s / 1048576 }' "$out") MB, median $median ms, max $max ms"
}

pgbench_baseline() {
  local out=$RESULTS/pgbench.txt
  log "pgbench baseline: the SQL of GET /filings/{id}, -M prepared -c $CONNECTIONS -j 2, warm-up ${WARMUP}s, then ${DURATION}s"
  pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "$WARMUP" -D org=$ORG -f "$BENCH/sql/get-filing.pgbench.sql" > /dev/null 2>&1
  rm -rf "$RESULTS/pgbench-log"
  mkdir -p "$RESULTS/pgbench-log"
  measure_begin
  # 10% of the transactions are logged, for percentiles (pgbench prints only the average)
  pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "$DURATION" -D org=$ORG -f "$BENCH/sql/get-filing.pgbench.sql" \
    -l --sampling-rate=0.1 --log-prefix="$RESULTS/pgbench-log/tx" > "$out" 2>&1 || die "pgbench failed, see $out"
  local tps failed p50 p99
  tps=$(awk '/^tps/ { print $3 }' "$out")
  failed=$(awk '/failed transactions/ { print $5 }' "$out")
  measure_end "$(awk '/transactions actually processed/ { print $NF }' "$out")"
  M_MS_PER_REQUEST=-   # the service is idle here
  cat "$RESULTS"/pgbench-log/tx* | awk '{ print $3 / 1000 }' > "$RESULTS/pgbench-latency.ms"
  p50=$(percentile 50 "$RESULTS/pgbench-latency.ms")
  p99=$(percentile 99 "$RESULTS/pgbench-latency.ms")
  add_row "pgbench: SQL of GET /filings/{id} (1 statement)" "$(printf '%.0f tx/s' "$tps")" "$(printf '%.1f ms' "$p50")" \
    "$(printf '%.1f ms' "$p99")" "${failed:-?}"
  PGBENCH_TPS=$tps
  log "  $(printf '%.0f' "$tps") tx/s, p50 $p50 ms, p99 $p99 ms, failed ${failed:-?}"
}

print_table() {
  local line format='%-46s %12s %9s %16s %6s %8s %7s %6s %6s %6s %7s %6s\n'
  # shellcheck disable=SC2059
  printf "\n$format" "scenario" "throughput" "p50" "p99" "errors" "svc RSS" "svc CPU" "ms/req" "PG CPU" "ms/req" "loadgen" "other"
  printf '%s\n' "$(printf -- '-%.0s' {1..151})"
  while IFS=$'\t' read -r -a line; do
    # shellcheck disable=SC2059
    printf "$format" "${line[@]}"
  done < "$TABLE"
}

# =============================================================================================================
require_tools
command -v pgbench > /dev/null || die "pgbench is missing (Debian: postgresql-client)"

log "results go to $RESULTS ($([[ $QUICK == 1 ]] && echo quick || echo full) run: ${DURATION}s per scenario)"
prepare

# With a new data set: the service's RSS after the warm-up mix at the first 100,000 filings, the first instance
rss_at_phase1() {
  log "warm-up mix at $(( PHASE1_ORGS * 10000 )) filings"
  warmup_mix
  RSS_100K="$(rss_mb "$SERVICE_PID") MB"
  log "service RSS at $(( PHASE1_ORGS * 10000 )) filings (after the warm-up mix): $RSS_100K"
}
RSS_100K="n/a (--reuse-data)"
ensure_data rss_at_phase1

# --- the measured service ----------------------------------------------------------------------------------
JFR_OPTS=()
(( JFR )) && JFR_OPTS=(-XX:StartFlightRecording=filename="$RESULTS/service.jfr",settings=profile,dumponexit=true)
log "starting the packaged service ($(service_cds_option) $JAVA_OPTS ${JFR_OPTS[*]})"
start_service measured "${JFR_OPTS[@]}"
RSS_STARTED="$(rss_mb "$SERVICE_PID") MB"
log "  ready after $STARTUP_S s ($(grep -o 'started in [0-9.]*s' "$RESULTS/service-measured.log" | head -1)), RSS $RSS_STARTED"
M_RSS=$RSS_STARTED M_CPU=- M_MS_PER_REQUEST=- M_PG=- M_PG_MS_PER_REQUEST=- M_GEN=- M_OTHER=- \
  add_row "startup: java -jar to /q/health/ready = 200" "-" "$STARTUP_S s" "-" "-"

# Every token and request shape works before anything is measured.
ANY_ID=$(head -1 "$DATA/filing-ids.txt")
OPEN_ID=$(head -1 "$DATA/open-filing-ids.txt")
TODAY=$(TZ=$ORG_ZONE date +%F)
expect_status 200 "GET filing (caseworker token)" -H "Authorization: Bearer $(cat "$TOKENS/$CASEWORKER.jwt")" "$SERVICE_URL/api/v1/filings/$ANY_ID"
expect_status 200 "GET filing (integration token)" -H "Authorization: Bearer $(cat "$TOKENS/$INTEGRATION.jwt")" "$SERVICE_URL/api/v1/filings/$ANY_ID"
expect_status 401 "GET filing without a token" "$SERVICE_URL/api/v1/filings/$ANY_ID"
expect_status 201 "POST CONTACT_LOGGED event" -H "Authorization: Bearer $(cat "$TOKENS/$INTEGRATION.jwt")" \
  -H "Content-Type: application/json" -d "{\"type\":\"CONTACT_LOGGED\",\"occurredOn\":\"$TODAY\",\"channel\":\"USCIS_CONTACT_CENTER\"}" \
  "$SERVICE_URL/api/v1/filings/$OPEN_ID/events"
expect_status 200 "overdue report (supervisor token)" -H "Authorization: Bearer $(cat "$TOKENS/$SUPERVISOR.jwt")" "$SERVICE_URL/api/v1/reports/overdue"
REPORT_TOTAL=$(grep -o '"total":[0-9]*' "$RESULTS/check.body" | cut -d: -f2)
log "tokens verified with the bench key; $ORG has $REPORT_TOTAL overdue rows as of $TODAY"

log "warm-up mix at $FILINGS filings"
warmup_mix
RSS_1M="$(rss_mb "$SERVICE_PID") MB"
log "service RSS at $FILINGS filings (after the warm-up mix): $RSS_1M"
machine_snapshot "before the scenarios"

export BENCH_TOKEN BENCH_TOKENS_FILE BENCH_IDS_FILE BENCH_TODAY
SUPERVISOR_TOKEN=$(cat "$TOKENS/$SUPERVISOR.jwt")

# The HTTP stack alone: the liveness check is on the management interface (its own port, same Vert.x).
SERVICE_URL=$MANAGEMENT_URL run_wrk "GET /q/health/live (no token)" health fixed.lua /q/health/live

BENCH_TOKENS_FILE=$TOKENS/caseworkers.txt BENCH_IDS_FILE=$DATA/filing-ids.txt \
  run_wrk "GET /api/v1/filings/{id} (random of 10k)" get get-filing.lua /

pgbench_baseline

run_wrk "GET /reports/overdue (first page of 50)" report fixed.lua /api/v1/reports/overdue \
  -H "Authorization: Bearer $SUPERVISOR_TOKEN"
run_wrk "GET /reports/overdue/summary" summary fixed.lua /api/v1/reports/overdue/summary \
  -H "Authorization: Bearer $SUPERVISOR_TOKEN"
sequential "GET /reports/overdue, sequential" report-seq /api/v1/reports/overdue "$SUPERVISOR_TOKEN"
sequential "GET /reports/overdue/summary, sequential" summary-seq /api/v1/reports/overdue/summary "$SUPERVISOR_TOKEN"
csv_export
# The same reports as of a day 90 days back (alert windows keep each filing's history), and the processing times
# of the organization's 10,000 filings.
PAST=$(TZ=$ORG_ZONE date -d "$TODAY -90 days" +%F)
sequential "GET /reports/overdue?asOf=90 days back, sequential" report-past-seq \
  "/api/v1/reports/overdue?asOf=$PAST" "$SUPERVISOR_TOKEN"
sequential "GET /reports/overdue/summary?asOf=90 days back, sequential" summary-past-seq \
  "/api/v1/reports/overdue/summary?asOf=$PAST" "$SUPERVISOR_TOKEN"
csv_export "?asOf=$PAST" -past
sequential "GET /reports/processing-times (10k filings), sequential" processing-times-seq \
  /api/v1/reports/processing-times "$SUPERVISOR_TOKEN"

# Before the event POSTs, which rewrite alert windows of the organization (dead rows until autovacuum).
log "EXPLAIN (ANALYZE, BUFFERS) of the report SQL -> $RESULTS/report-explain.txt"
psql -X -v org=$ORG -v asof="$TODAY" -f "$BENCH/sql/report-explain.sql" > "$RESULTS/report-explain.txt" 2>&1 || true

BENCH_TOKEN=$(cat "$TOKENS/$INTEGRATION.jwt") BENCH_IDS_FILE=$DATA/open-filing-ids.txt BENCH_TODAY=$TODAY \
  run_wrk "POST /filings/{id}/events (CONTACT_LOGGED)" post post-event.lua /

PEAK_RSS="$(hwm_mb "$SERVICE_PID") MB"
machine_snapshot "after the scenarios"

{
  print_table
  echo
  printf 'GET /filings/{id}: service / pgbench (same SQL) = %s;  service / health = %s\n' \
    "$(awk -v a="$RPS_get" -v b="$PGBENCH_TPS" 'BEGIN { printf "%.2f", a / b }')" \
    "$(awk -v a="$RPS_get" -v b="$RPS_health" 'BEGIN { printf "%.2f", a / b }')"
  echo "service RSS after the warm-up mix: $RSS_100K at $(( PHASE1_ORGS * 10000 )) filings, $RSS_1M at $FILINGS filings;" \
    "peak (VmHWM) $PEAK_RSS"
  echo "first start (empty database, Flyway migrations): $FIRST_START_S"
  echo "JVM: $(service_cds_option) $JAVA_OPTS ${JFR_OPTS[*]}; $CONNECTIONS connections, wrk -t2, ${DURATION}s per scenario after ${WARMUP}s warm-up;" \
    "$ORG: 10,000 filings, $REPORT_TOTAL overdue rows on $TODAY"
  echo "CPU columns: share of one core over the scenario ($(nproc) cores = $(( $(nproc) * 100 ))% in all) used by the service," \
    "PostgreSQL, the load generator (wrk/pgbench/curl) and other processes on the machine; ms/req: CPU per request."
  echo "errors: non-2xx responses + socket errors. machine: $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GiB;" \
    "load average and busiest processes before/after: $RESULTS/machine.txt"
} | tee "$RESULTS/table.txt"
log "done; everything is in $RESULTS"
