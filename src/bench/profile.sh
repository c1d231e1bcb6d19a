#!/usr/bin/env bash
# Where the CPU of one request goes: starts the service on the loaded data set with Java Flight Recorder, loads it
# with GET /filings/{id} or the event POST as run.sh does (32 connections), records 30 s after a 25 s warm-up, and
# prints the CPU samples by library per 1,000 requests (ProfileBreakdown). Two builds compare line by line: the
# recording costs each about as much, so the lines that differ are where one build spends more. The recording
# stays in the results folder for `jfr print` or JDK Mission Control. Needs the data set of an earlier run.sh.
#
#   bash src/bench/profile.sh get|post [QUARKUS_APP_DIR]
#
#   QUARKUS_APP_DIR  a quarkus-app directory of another build (default: this clone's, built if stale)
# Environment as run.sh: BENCH_JAVA_OPTS. Throughput under the recording is lower than without it; use ab.sh
# (or run.sh) for throughput, this for where the time goes.
set -euo pipefail

SCENARIO=${1:-}
[[ $SCENARIO == get || $SCENARIO == post ]] || { sed -n '2,12p' "$0"; exit 2; }
APP=
if [[ -n "${2:-}" ]]; then
  APP=$(cd "$2" && pwd)
  [[ -f $APP/quarkus-run.jar ]] || { echo "no quarkus-run.jar in $APP" >&2; exit 2; }
fi

REUSE=1
BENCH_CDS=0   # alike for any build
RESULTS_NAME=profile-$SCENARIO
# shellcheck source=src/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ORGS=${BENCH_ORGS:-100}
TODAY=$(TZ=$ORG_ZONE date +%F)
require_tools
prepare
ensure_data

if [[ $SCENARIO == get ]]; then
  SCRIPT=get-filing.lua
  export BENCH_TOKENS_FILE=$TOKENS/caseworkers.txt BENCH_IDS_FILE=$DATA/filing-ids.txt
else
  SCRIPT=post-event.lua
  BENCH_TOKEN=$(token "$INTEGRATION")
  export BENCH_TOKEN BENCH_IDS_FILE=$DATA/open-filing-ids.txt BENCH_TODAY=$TODAY
fi

RECORDING=$(pwd)/$RESULTS/$SCENARIO.jfr
SERVICE_JAR=${APP:+$APP/quarkus-run.jar} start_service profiled -XX:FlightRecorderOptions:stackdepth=256
log "service ready after $STARTUP_S s${APP:+ ($APP)}; warming up for 25 s"
wrk -t2 -c32 --timeout 10s -d25s -s "$BENCH/wrk/$SCRIPT" "$SERVICE_URL/" > /dev/null
jcmd "$SERVICE_PID" JFR.start name=profile settings=profile filename="$RECORDING" > /dev/null
measure_begin
wrk -t2 -c32 --timeout 10s -d30s --latency -s "$BENCH/wrk/$SCRIPT" "$SERVICE_URL/" > "$RESULTS/wrk.txt"
wrk_result "$RESULTS/wrk.txt"
measure_end "$requests"
jcmd "$SERVICE_PID" JFR.stop name=profile > /dev/null
stop_service
(( non2xx + socket_errors == 0 )) || die "$(( non2xx + socket_errors )) errors, see $RESULTS/wrk.txt"
log "$SCENARIO under the recording: $(printf '%.0f' "$rps") req/s, service $M_MS_PER_REQUEST ms/request," \
  "PostgreSQL $M_PG_MS_PER_REQUEST ms/request"
bench_java ProfileBreakdown "$RECORDING" "$requests" | tee "$RESULTS/breakdown.txt"
log "recording: $RECORDING"
