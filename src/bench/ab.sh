#!/usr/bin/env bash
# Two builds of the service compared on GET /filings/{id} and the event POST, interleaved on one loaded data set:
# A, B, B, A, A, B ... so that the machine's drift over the minutes falls on both sides alike. Prints each run and
# the medians. Needs the data set of an earlier `run.sh` (this script only reuses it).
#
#   bash src/bench/ab.sh DIR_A DIR_B [ROUNDS]
#
#   DIR_A, DIR_B  quarkus-app directories of the two builds (a copy of target/quarkus-app made at each commit;
#                 `./mvnw -B -ntp package -DskipTests` then `cp -r target/quarkus-app /tmp/app-<commit>`)
#   ROUNDS        pairs of runs (default 3); each run is a fresh start, a warm-up, GET, then POST
#
# Both builds must accept the database's schema as it is: run.sh --reuse-data with the newer one first migrates it.
# Environment as run.sh: BENCH_DURATION (20 s here), BENCH_WARMUP (25 s here), BENCH_CONNECTIONS, BENCH_JAVA_OPTS.
# BENCH_AB_SUPERUSER=A (or B): that side connects as the superuser that loaded the data, whom no row-level security
# policy holds, instead of the service role. Given the same build twice, this measures what the policies cost.
set -euo pipefail

(( $# >= 2 )) || { sed -n '2,15p' "$0"; exit 2; }
APP_A=$(cd "$1" && pwd)
APP_B=$(cd "$2" && pwd)
ROUNDS=${3:-3}
for app in "$APP_A" "$APP_B"; do
  [[ -f $app/quarkus-run.jar ]] || { echo "no quarkus-run.jar in $app" >&2; exit 2; }
done

REUSE=1
BENCH_CDS=0   # one archive would fit one build only; both sides start without, alike (lib.sh reads this)
RESULTS_NAME=ab
# shellcheck source=src/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ORGS=${BENCH_ORGS:-100}
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-25}   # 10 s left the JIT still compiling: a build with more to compile looked slower
CONNECTIONS=${BENCH_CONNECTIONS:-32}
TODAY=$(TZ=$ORG_ZONE date +%F)

require_tools
prepare
ensure_data

# one wrk run against the service; prints "req/s service-ms-per-request p99-ms"
measure() {  # label lua-script; env BENCH_* for the script
  local label=$1 script=$2 requests seconds rps p50_ms p99_ms max_ms non2xx socket_errors
  wrk -t2 -c"$CONNECTIONS" --timeout 10s -d"${WARMUP}s" -s "$BENCH/wrk/$script" "$SERVICE_URL/" > /dev/null
  measure_begin
  wrk -t2 -c"$CONNECTIONS" --timeout 10s -d"${DURATION}s" --latency -s "$BENCH/wrk/$script" "$SERVICE_URL/" \
    > "$RESULTS/wrk-$label.txt"
  wrk_result "$RESULTS/wrk-$label.txt"
  measure_end "$requests"
  (( non2xx + socket_errors == 0 )) || die "$label: $(( non2xx + socket_errors )) errors, see $RESULTS/wrk-$label.txt"
  printf '%.0f %s %.1f\n' "$rps" "$M_MS_PER_REQUEST" "$p99_ms"
}

: > "$RESULTS/runs.tsv"
one_run() {  # side round
  local side=$1 round=$2 app get post
  app=$APP_A
  [[ $side == A ]] || app=$APP_B
  if [[ $side == "${BENCH_AB_SUPERUSER:-}" ]]; then
    SERVICE_DB_USER= SERVICE_DB_PASSWORD= SERVICE_JAR=$app/quarkus-run.jar start_service "$side-$round"
  else
    SERVICE_JAR=$app/quarkus-run.jar start_service "$side-$round"
  fi
  get=$(BENCH_TOKENS_FILE=$TOKENS/caseworkers.txt BENCH_IDS_FILE=$DATA/filing-ids.txt measure "get-$side-$round" get-filing.lua)
  post=$(BENCH_TOKEN=$(token "$INTEGRATION") BENCH_IDS_FILE=$DATA/open-filing-ids.txt BENCH_TODAY=$TODAY \
    measure "post-$side-$round" post-event.lua)
  stop_service
  printf '%s\t%s\t%s\t%s\n' "$side" "$round" "$get" "$post" | tr ' ' '\t' >> "$RESULTS/runs.tsv"
  log "  $side (round $round): GET $get; POST $post (req/s, service ms/request, p99 ms)"
}

role_of() { if [[ $1 == "${BENCH_AB_SUPERUSER:-}" ]]; then echo "the superuser (no row-level security)"; else echo "the service role"; fi; }
log "A = $APP_A, as $(role_of A)"
log "B = $APP_B, as $(role_of B)"
for (( round = 1; round <= ROUNDS; round++ )); do
  if (( round % 2 )); then one_run A "$round"; one_run B "$round"; else one_run B "$round"; one_run A "$round"; fi
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
column_median() { awk -F'\t' -v s="$1" -v c="$2" '$1 == s { print $c }' "$RESULTS/runs.tsv" | median; }
{
  printf '%-28s %12s %12s %8s\n' "median of $ROUNDS runs" A B "B / A"
  for spec in "GET req/s:3" "GET service ms/request:4" "GET p99 ms:5" "POST req/s:6" "POST service ms/request:7" "POST p99 ms:8"; do
    a=$(column_median A "${spec##*:}")
    b=$(column_median B "${spec##*:}")
    printf '%-28s %12s %12s %8s\n' "${spec%:*}" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }')"
  done
} | tee "$RESULTS/medians.txt"
machine_snapshot "after"
log "done; runs in $RESULTS/runs.tsv"
