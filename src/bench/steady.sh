#!/usr/bin/env bash
# GET /filings/{id} and the event POST of one build in its steady state: the service is first loaded for two minutes
# (GET, POST, GET), so that the JIT has compiled both paths, then measured twice each for 20 s. run.sh warms each
# scenario for 10 s only, while the JIT is still compiling; a build with more code on the path then looks slower
# than it runs once warm. The two kinds of figure answer different questions: just after a start, and hours later.
#
#   bash src/bench/steady.sh CLONE LABEL [QUARKUS_APP_DIR]
#
#   CLONE            a clone of this repository, at any commit that has run.sh, whose run.sh loaded a data set
#                    (its own lib.sh and data are used, so an older version is measured on the schema it knows)
#   LABEL            names the build in the output
#   QUARKUS_APP_DIR  a quarkus-app directory to start instead of the clone's own build (needs a clone whose lib.sh
#                    reads SERVICE_JAR)
#
# Appends "label scenario run req/s service-ms/request p99-ms errors" to target/bench/steady.tsv of this clone and
# prints it. Environment: BENCH_ORGS (as the load), BENCH_STEADY_WARMUP (seconds, default 120), BENCH_DURATION (20).
# Alternate two builds (A B B A ...) in one sitting to compare them: this VM drifts by tens of percent over minutes.
set -euo pipefail

(( $# >= 2 )) || { sed -n '2,16p' "$0"; exit 2; }
OUT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/target/bench/steady.tsv
mkdir -p "$(dirname "$OUT")"
CLONE=$(cd "$1" && pwd)
LABEL=$2
APP=${3:+$(cd "$3" && pwd)}
cd "$CLONE"

REUSE=1
BENCH_CDS=0   # one archive fits one build only
RESULTS_NAME=steady-$LABEL
# shellcheck source=src/bench/lib.sh
source src/bench/lib.sh

ORGS=${BENCH_ORGS:-100}
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_STEADY_WARMUP:-120}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
TODAY=$(TZ=$ORG_ZONE date +%F)
# older clones parse wrk's result in run.sh, not in lib.sh
type wrk_result > /dev/null 2>&1 || wrk_result() {
  local line
  line=$(grep '^WRK_RESULT' "$1") || die "no result from wrk, see $1"
  eval "$(echo "${line#WRK_RESULT }" | tr ' ' '\n')"
}

require_tools
prepare
ensure_data

get() {
  BENCH_TOKENS_FILE=$TOKENS/caseworkers.txt BENCH_IDS_FILE=$DATA/filing-ids.txt \
    wrk -t2 -c"$CONNECTIONS" --timeout 10s -d"${1}s" --latency -s "$BENCH/wrk/get-filing.lua" "$SERVICE_URL/"
}
post() {
  BENCH_TOKEN=$(token "$INTEGRATION") BENCH_IDS_FILE=$DATA/open-filing-ids.txt BENCH_TODAY=$TODAY \
    wrk -t2 -c"$CONNECTIONS" --timeout 10s -d"${1}s" --latency -s "$BENCH/wrk/post-event.lua" "$SERVICE_URL/"
}
measure() {  # get|post run
  local requests seconds rps p50_ms p99_ms max_ms non2xx socket_errors
  measure_begin
  "$1" "$DURATION" > "$RESULTS/wrk-$1-$2.txt"
  wrk_result "$RESULTS/wrk-$1-$2.txt"
  measure_end "$requests"
  printf '%s\t%s\t%s\t%.0f\t%s\t%.1f\t%s\n' "$LABEL" "$1" "$2" "$rps" "$M_MS_PER_REQUEST" "$p99_ms" \
    "$(( non2xx + socket_errors ))" | tee -a "$OUT"
}

if [[ -n $APP ]]; then SERVICE_JAR=$APP/quarkus-run.jar start_service "$LABEL"; else start_service "$LABEL"; fi
log "warming up for ${WARMUP}s (GET, POST, GET)"
get $(( WARMUP * 5 / 12 )) > /dev/null
post $(( WARMUP / 4 )) > /dev/null
get $(( WARMUP / 3 )) > /dev/null
measure get 1
measure post 1
measure get 2
measure post 2
stop_service
