#!/usr/bin/env bash
# How long one clinic's alert recomputation takes after a settings change, and what it costs: bench-001 (10,000
# filings) toggles receiptOverdueMonths between 3 and 4, alone on the machine. One recomputation warms the service
# up, then ROUNDS are measured, each printing its duration (as the job logs it, from its claim to its end), the CPU of the job's own thread (alert-recompute, from /proc), the rest of the service and PostgreSQL. A's
# settings are put back at the end. Needs the data set of an earlier run.sh (reused).
#
#   bash src/bench/recompute.sh [ROUNDS]
#
#   ROUNDS  measured recomputations (default 3)
#
# Environment: ASYLUM_REPORTS_RECOMPUTE_SHARE (as the service reads it; default 0.5), BENCH_JAVA_OPTS, BENCH_CDS as
# run.sh.
set -euo pipefail

ROUNDS=${1:-3}
REUSE=1
RESULTS_NAME=recompute
# shellcheck source=src/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ORGS=${BENCH_ORGS:-100}
command -v jq > /dev/null || { log "installing jq"; apt-get install -y -qq jq > /dev/null 2>&1 \
  || { apt-get update -qq > /dev/null && apt-get install -y -qq jq > /dev/null; } || die "could not install jq"; }

require_tools
prepare
ensure_data
start_service recompute
log "service ready after $STARTUP_S s (recompute share ${ASYLUM_REPORTS_RECOMPUTE_SHARE:-0.5})"

SUPERVISOR_TOKEN=$(token "$OTHER_SUPERVISOR")
SETTINGS_PATH="/api/v1/organizations/$OTHER_ORG/settings"
settings() {  # method [body]
  curl -sf -X "$1" -H "Authorization: Bearer $SUPERVISOR_TOKEN" -H "Content-Type: application/json" \
    ${2:+-d "$2"} "$SERVICE_URL$SETTINGS_PATH"
}
ORIGINAL=$(settings GET | jq -c 'del(.recomputation)')
trap 'settings PUT "$ORIGINAL" > /dev/null || true; cleanup' EXIT

job_ticks() {  # CPU ticks of the service's alert-recompute thread
  local task total=0
  for task in /proc/"$SERVICE_PID"/task/*; do
    [[ $(cat "$task/comm" 2>/dev/null) == alert-recompute* ]] || continue
    total=$(( total + $(awk '{ print $14 + $15 }' "$task/stat") ))
  done
  echo "$total"
}

recompute() {  # changes A's settings and waits until the alerts follow them; sets SECONDS_TAKEN
  local months answer began
  months=$(settings GET | jq '.receiptOverdueMonths')
  settings PUT "$(jq -c --argjson m "$(( months == 3 ? 4 : 3 ))" '.receiptOverdueMonths = $m' <<< "$ORIGINAL")" \
    > /dev/null
  began=$(now_ns)
  until answer=$(settings GET) && [[ $(jq -r '.recomputation.status' <<< "$answer") == DONE ]]; do
    (( $(now_ns) - began < 900 * 1000000000 )) || die "the recomputation did not finish within 15 minutes"
    sleep 0.2
  done
  # the job's own measure: the log line it writes when it finishes
  SECONDS_TAKEN=$(grep -o 'Recomputed the alert windows of organization [^ ]* after a settings change ([0-9]* batches, [0-9]* ms)' \
    "$RESULTS/service-recompute.log" | tail -1 | sed -E 's/.*, ([0-9]+) ms\)$/\1/' | awk '{ printf "%.1f", $1 / 1000 }')
}

recompute
log "warm-up recomputation done"
printf '%-6s %10s %12s %16s %14s\n' round "took (s)" "job CPU (s)" "other svc CPU (s)" "PG CPU (s)" | tee "$RESULTS/table.txt"
for (( round = 1; round <= ROUNDS; round++ )); do
  job0=$(job_ticks) service0=$(cpu_ticks "$SERVICE_PID") pg0=$(postgres_ticks)
  recompute
  job=$(( $(job_ticks) - job0 )) service=$(( $(cpu_ticks "$SERVICE_PID") - service0 )) pg=$(( $(postgres_ticks) - pg0 ))
  awk -v r="$round" -v s="$SECONDS_TAKEN" -v j="$job" -v o="$(( service - job ))" -v p="$pg" -v hz="$CLK_TCK" \
    'BEGIN { printf "%-6s %10s %12.1f %16.1f %14.1f\n", r, s, j / hz, o / hz, p / hz }' | tee -a "$RESULTS/table.txt"
done
log "results in $RESULTS (the service's log names each recomputation's duration in ms)"
