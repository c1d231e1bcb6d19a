#!/usr/bin/env bash
# A soak of the packaged service: a steady, moderate mix of reads, writes and reports (wrk/soak-mix.lua) for
# 10 minutes after a 60 s warm-up, one row per minute (requests/s, p50, p99, non-2xx, RSS, CPU), then three
# verdicts: no errors, no memory growth, no latency drift. See src/bench/README.md, section "Soak".
#
#   bash src/bench/soak.sh [--minutes N] [--quick] [--reuse-data]
#
#   --minutes N   measured minutes (default 10), after the warm-up
#   --quick       2 measured minutes after a 20 s warm-up
#   --reuse-data  keep the small data set (target/bench/pgdata-small) an earlier soak.sh/sqlmap.sh run loaded
#
# Environment (all optional): BENCH_ORGS (10 organizations x 10,000 filings), BENCH_CONNECTIONS (8),
# BENCH_THINK_MS (50: each connection pauses 0..2x that many ms between requests), BENCH_WARMUP (seconds),
# BENCH_JAVA_OPTS (-Xmx200m -XX:+UseSerialGC, as docker/Dockerfile), and the BENCH_DB_* variables of run.sh.
# Exit status: 0 when all three verdicts pass, 1 otherwise.
set -euo pipefail

MINUTES=10
QUICK=0
REUSE=0
while (( $# )); do
  case "$1" in
    --minutes) MINUTES=$2; shift ;;
    --quick) QUICK=1; MINUTES=2 ;;
    --reuse-data) REUSE=1 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ $MINUTES =~ ^[1-9][0-9]*$ ]] || { echo "--minutes needs a whole number of minutes" >&2; exit 2; }

RESULTS_NAME=soak
DATA_SET=small
# shellcheck source=src/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ORGS=${BENCH_ORGS:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
THINK_MS=${BENCH_THINK_MS:-50}
WARMUP=${BENCH_WARMUP:-60}
(( QUICK )) && WARMUP=${BENCH_WARMUP:-20}
# The verdicts' limits
RSS_GROWTH_LIMIT=1.10     # RSS at the end <= 110 % of RSS after the warm-up
P99_DRIFT_LIMIT=1.5       # mean p99 of the last third of the minutes <= 1.5 x mean p99 of the first third

require_tools
log "results go to $RESULTS (soak: ${WARMUP}s warm-up, then $MINUTES x 60 s; $CONNECTIONS connections, think 0..$(( 2 * THINK_MS )) ms)"
prepare
ensure_data

log "starting the packaged service ($(service_cds_option) $JAVA_OPTS)"
start_service soak
SERVICE_LOG=$RESULTS/service-soak.log
RSS_STARTED=$(rss_mb "$SERVICE_PID")
log "  ready after $STARTUP_S s, RSS $RSS_STARTED MB"

export BENCH_IDS_FILE=$DATA/filing-ids.txt BENCH_OPEN_IDS_FILE=$DATA/open-filing-ids.txt
export BENCH_TODAY BENCH_CASEWORKER_TOKEN BENCH_INTEGRATION_TOKEN BENCH_SUPERVISOR_TOKEN BENCH_THINK_MS=$THINK_MS
BENCH_TODAY=$(TZ=$ORG_ZONE date +%F)
BENCH_CASEWORKER_TOKEN=$(token "$CASEWORKER")
BENCH_INTEGRATION_TOKEN=$(token "$INTEGRATION")
BENCH_SUPERVISOR_TOKEN=$(token "$SUPERVISOR")

# Every request of the mix works before anything is measured.
ANY_ID=$(head -1 "$BENCH_IDS_FILE")
OPEN_ID=$(head -1 "$BENCH_OPEN_IDS_FILE")
expect_status 200 "GET filing" -H "Authorization: Bearer $BENCH_CASEWORKER_TOKEN" "$SERVICE_URL/api/v1/filings/$ANY_ID"
expect_status 201 "POST CONTACT_LOGGED event" -H "Authorization: Bearer $BENCH_INTEGRATION_TOKEN" \
  -H "Content-Type: application/json" -d "{\"type\":\"CONTACT_LOGGED\",\"occurredOn\":\"$BENCH_TODAY\",\"channel\":\"USCIS_CONTACT_CENTER\"}" \
  "$SERVICE_URL/api/v1/filings/$OPEN_ID/events"
expect_status 200 "overdue report" -H "Authorization: Bearer $BENCH_SUPERVISOR_TOKEN" "$SERVICE_URL/api/v1/reports/overdue"
expect_status 200 "overdue summary" -H "Authorization: Bearer $BENCH_SUPERVISOR_TOKEN" "$SERVICE_URL/api/v1/reports/overdue/summary"
expect_status 200 "client search" -H "Authorization: Bearer $BENCH_SUPERVISOR_TOKEN" "$SERVICE_URL/api/v1/clients?q=kalo"

WRK_ARGS=(-t2 -c"$CONNECTIONS" --timeout 10s --latency -s "$BENCH/wrk/soak-mix.lua")

log "warm-up: ${WARMUP}s of the mix"
wrk "${WRK_ARGS[@]}" -d"${WARMUP}s" "$SERVICE_URL" > "$RESULTS/wrk-warmup.txt"
wrk_result "$RESULTS/wrk-warmup.txt"
WARMUP_ERRORS=$(( non2xx + socket_errors ))
RSS_WARM=$(rss_mb "$SERVICE_PID")
log "  $(printf '%.0f' "$rps") req/s, p99 $p99_ms ms, errors $WARMUP_ERRORS; service RSS after the warm-up: $RSS_WARM MB"
machine_snapshot "after the warm-up"

# One wrk run per minute: the figures of each minute come straight from wrk (the connections are opened anew
# each minute; well under a second without load in between).
ROWS=$RESULTS/minutes.tsv
: > "$ROWS"
for (( m = 1; m <= MINUTES; m++ )); do
  out=$RESULTS/wrk-minute-$m.txt
  measure_begin
  wrk "${WRK_ARGS[@]}" -d60s "$SERVICE_URL" > "$out"
  wrk_result "$out"
  measure_end "$requests"
  rss_now=$(rss_mb "$SERVICE_PID")
  statuses=$(grep '^WRK_STATUS' "$out" | cut -d' ' -f2- | tr ' ' '\n' | sort -n | paste -sd' ')
  printf '%s\t%.0f\t%.1f\t%.1f\t%.0f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$m" "$rps" "$p50_ms" "$p99_ms" "$max_ms" \
    "$(( non2xx + socket_errors ))" "$rss_now" "${M_RSS% MB}" "$M_CPU" "$M_PG" "$M_GEN" "$M_OTHER" "$statuses" >> "$ROWS"
  log "minute $m: $(printf '%.0f' "$rps") req/s, p50 $p50_ms ms, p99 $p99_ms ms, errors $(( non2xx + socket_errors ))" \
    "($statuses); RSS $rss_now MB; CPU service $M_CPU, PostgreSQL $M_PG, wrk $M_GEN, other $M_OTHER"
  grep '^WRK_FAILURE' "$out" | head -3 || true
done
RSS_END=$(rss_mb "$SERVICE_PID")
PEAK_RSS=$(hwm_mb "$SERVICE_PID")
machine_snapshot "after the soak"

# --- verdicts ------------------------------------------------------------------------------------------------
ERRORS=$(awk -F'\t' '{ s += $6 } END { print s + 0 }' "$ROWS")
# ERROR lines of the service (the exception mapper logs every 500 as "Unexpected failure")
LOG_ERRORS=$(grep -c '"level":"ERROR"' "$SERVICE_LOG" || true)
UNEXPECTED=$(grep -ciE 'Unexpected failure|internal-error' "$SERVICE_LOG" || true)
RSS_LIMIT=$(awk -v w="$RSS_WARM" -v f="$RSS_GROWTH_LIMIT" 'BEGIN { printf "%.0f", w * f }')
RSS_CHANGE=$(awk -v w="$RSS_WARM" -v e="$RSS_END" 'BEGIN { printf "%+.1f", (e - w) * 100 / w }')
# p99: the first and the last third of the minutes (at least one each), and the least-squares slope over all
read -r P99_FIRST P99_LAST P99_RATIO P99_SLOPE < <(awk -F'\t' '
  { n++; x[n] = $1; y[n] = $4 }
  END {
    k = int(n / 3); if (k < 1) k = 1
    for (i = 1; i <= k; i++) { first += y[i]; last += y[n - k + i] }
    first /= k; last /= k
    for (i = 1; i <= n; i++) { sx += x[i]; sy += y[i]; sxx += x[i] * x[i]; sxy += x[i] * y[i] }
    slope = (n > 1) ? (n * sxy - sx * sy) / (n * sxx - sx * sx) : 0
    printf "%.1f %.1f %.2f %+.2f\n", first, last, (first > 0 ? last / first : 0), slope
  }' "$ROWS")
THIRD=$(( MINUTES / 3 < 1 ? 1 : MINUTES / 3 ))

verdict() { if eval "$1"; then echo PASS; else echo FAIL; fi; }
V_ERRORS=$(verdict "(( ERRORS == 0 && LOG_ERRORS == 0 && UNEXPECTED == 0 ))")
V_RSS=$(verdict "(( RSS_END <= RSS_LIMIT ))")
V_P99=$(verdict "awk -v r=$P99_RATIO -v l=$P99_DRIFT_LIMIT 'BEGIN { exit !(r <= l) }'")

{
  format='%6s %9s %8s %8s %8s %6s %8s %8s %7s %6s %6s %6s  %s\n'
  # shellcheck disable=SC2059
  printf "\n$format" "minute" "req/s" "p50 ms" "p99 ms" "max ms" "errors" "RSS MB" "max RSS" "svc CPU" "PG CPU" "wrk" "other" "statuses"
  printf '%s\n' "$(printf -- '-%.0s' {1..125})"
  while IFS=$'\t' read -r -a row; do
    # shellcheck disable=SC2059
    printf "$format" "${row[@]}"
  done < "$ROWS"
  echo
  echo "mix: 50% GET /filings/{id}, 20% POST CONTACT_LOGGED event, 10% GET /reports/overdue, 5% GET /reports/overdue/summary," \
    "15% GET /clients?q=; $CONNECTIONS connections, wrk -t2, think 0..$(( 2 * THINK_MS )) ms; $FILINGS filings, $ORG: 10,000"
  echo "service: $(service_cds_option) $JAVA_OPTS; ready after $STARTUP_S s with RSS $RSS_STARTED MB; warm-up ${WARMUP}s ($WARMUP_ERRORS errors);" \
    "RSS after the warm-up $RSS_WARM MB, at the end $RSS_END MB, peak (VmHWM) $PEAK_RSS MB"
  echo "CPU columns: share of one core per minute ($(nproc) cores = $(( $(nproc) * 100 ))%); other = processes this run did not start"
  echo
  echo "verdict errors:  $V_ERRORS  non-2xx + socket errors $ERRORS; service log: $LOG_ERRORS ERROR lines, $UNEXPECTED 'Unexpected failure'/'internal-error'"
  echo "verdict memory:  $V_RSS  RSS $RSS_WARM MB after the warm-up -> $RSS_END MB at the end ($RSS_CHANGE %); limit $RSS_LIMIT MB (+10 %)"
  echo "verdict latency: $V_P99  mean p99 of the last $THIRD minute(s) $P99_LAST ms / of the first $THIRD minute(s) $P99_FIRST ms" \
    "= $P99_RATIO (limit $P99_DRIFT_LIMIT); least-squares slope of p99 over the minutes: $P99_SLOPE ms per minute"
} | tee "$RESULTS/table.txt"

[[ $V_ERRORS == PASS && $V_RSS == PASS && $V_P99 == PASS ]] || { log "FAILED: a verdict failed; everything is in $RESULTS"; exit 1; }
log "all verdicts pass; everything is in $RESULTS"
