#!/usr/bin/env bash
# Fairness between clinics on the loaded data set. Clinic B (bench-000) reads filings and records events at a
# steady, moderate pace; its latency is measured alone, then while clinic A (bench-001, 10,000 filings) does what
# weighs most on a shared instance, one load at a time and then all together:
#   exports     4 connections of one of A's supervisors asking for A's whole overdue report as CSV, one export after
#               another, each connection waiting as long as a 429's Retry-After says (two exports stream at a
#               time); with BENCH_EXPORTS_FLOOD=1 without pause and without heeding 429 (the rest is refused, mostly
#               by that supervisor's request budget)
#   recompute   A changes its settings, which recomputes the alert windows of all its filings and clients in
#               the background
#   black-hole  20 webhook subscriptions of A to a loopback receiver that accepts and never answers, and a new
#               client of A every second (CLIENT_CHANGED), so each second brings 20 deliveries that hang
#   all         the three together
# Needs the data set of an earlier run.sh (reused, as ab.sh does). A's settings are put back at the end. Prints B's
# p99 in each phase against its first baseline and against B alone again at the end, and the service's collection
# pauses while B was measured in each phase (the service logs them to gc.log in the results folder).
#
#   bash src/bench/fairness.sh
#
# Environment: BENCH_PHASE_SECONDS (30), BENCH_THINK_MS (50: each of B's connections pauses 0..2x that between
# requests), BENCH_EXPORTS_FLOOD (0), BENCH_JAVA_OPTS, BENCH_CDS as run.sh.
set -euo pipefail

REUSE=1
RESULTS_NAME=fairness
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Production's request budgets (100/s per caller, 500/s per organization): they are part of what keeps clinic A's
# flood from clinic B, and B's steady load stays well within them. The other scripts lift them.
RATE_LIMIT_OPTS=

ORGS=${BENCH_ORGS:-100}
PHASE_S=${BENCH_PHASE_SECONDS:-30}
export BENCH_THINK_MS=${BENCH_THINK_MS:-50}
TODAY=$(TZ=$ORG_ZONE date +%F)
BLACK_HOLE_PID=
EXPORTS_PID=
A_LOAD_PIDS=()
A_SUBSCRIPTIONS=()

require_tools
command -v jq > /dev/null || { log "installing jq"; apt-get install -y -qq jq > /dev/null 2>&1 \
  || { apt-get update -qq > /dev/null && apt-get install -y -qq jq > /dev/null; } || die "could not install jq"; }
prepare
ensure_data
# Each collection is logged with its wall-clock time (ms since the epoch): a stop-the-world pause stops B's requests too,
# and the summary counts the pauses of each phase.
start_service fairness "-Xlog:gc:file=$RESULTS/gc.log:timemillis"
log "service ready after $STARTUP_S s"
A_SUPERVISOR=$(token "$OTHER_SUPERVISOR")
A_EXPORTER=$(token "$OTHER_EXPORTER")
A_CASEWORKER=$(token "$OTHER_CASEWORKER")

a_curl() {  # token method path [body]: prints the body; fails on a status other than 2xx, after 20 tries on 429
  local token=$1 method=$2 path=$3 body=${4:-} status try out
  out=$(mktemp -p "$RESULTS" a-curl.XXXXXX)
  for (( try = 0; try < 20; try++ )); do
    status=$(curl -s -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token" \
      ${body:+-H "Content-Type: application/json" -d "$body"} "$SERVICE_URL/api/v1$path") || return 1
    [[ $status == 429 ]] || break
    sleep 1
  done
  [[ $status == 2?? ]] || { log "$method $path answered $status: $(head -c 300 "$out")"; rm -f "$out"; return 1; }
  cat "$out"
  rm -f "$out"
}

stop_a_load() {
  local pid
  [[ -z "$EXPORTS_PID" ]] || stop_pid "$EXPORTS_PID" 5
  EXPORTS_PID=
  for pid in "${A_LOAD_PIDS[@]}"; do stop_pid "$pid" 5; done
  A_LOAD_PIDS=()
}

finish() {
  local status=$? id
  set +e
  stop_a_load
  for id in "${A_SUBSCRIPTIONS[@]}"; do a_curl "$A_SUPERVISOR" DELETE "/webhooks/$id" > /dev/null || true; done
  [[ -z "$BLACK_HOLE_PID" ]] || { stop_pid "$BLACK_HOLE_PID" 5; cat "$RESULTS/black-hole.txt" 2>/dev/null || true; }
  if [[ -s $RESULTS/settings-a.json ]]; then
    a_curl "$A_SUPERVISOR" PUT "/organizations/$OTHER_ORG/settings" "$(cat "$RESULTS/settings-a.json")" > /dev/null \
      && wait_recomputed "put back" || log "could not put A's settings back: $RESULTS/settings-a.json"
  fi
  ( exit "$status" )
  cleanup   # lib.sh's: stops the service and PostgreSQL, exits with the status
}
trap finish EXIT

# Polled every 2 s: each poll is a curl, a jq and a temporary file, and at 2 polls a second they took 10-15 % of a
# core from the machine B is measured on. The time is the job's own, from the line it logs when it finishes.
wait_recomputed() {  # label: waits until A's recomputation is done; prints how long it took
  local began status logged
  began=$(now_ns)
  until status=$(a_curl "$A_SUPERVISOR" GET "/organizations/$OTHER_ORG/settings" | jq -r '.recomputation.status // "DONE"') \
      && [[ $status == DONE ]]; do
    (( $(now_ns) - began < 600 * 1000000000 )) || die "A's recomputation ($1) did not finish within 10 minutes"
    sleep 2
  done
  RECOMPUTE_S=$(seconds_since "$began")
  logged=$(grep -o 'Recomputed the alert windows of organization [^ ]* after a settings change ([0-9]* batches, [0-9]* ms)' \
    "$RESULTS/service-fairness.log" | tail -1 | sed -E 's/.*, ([0-9]+) ms\)$/\1/' | awk '{ printf "%.2f", $1 / 1000 }' \
    || true)  # no line before the first recomputation
  log "  A's recomputation ($1) done ${logged:-$RECOMPUTE_S} s after asked"
}

# --- A's loads ---------------------------------------------------------------------------------------------------
start_exports() {  # lasts as long as the phase: started 3 s before B's load, ends with it
  local client=heed.lua
  [[ ${BENCH_EXPORTS_FLOOD:-0} == 0 ]] || client=fixed.lua
  wrk -t1 -c4 --timeout 60s -d"$(( PHASE_S + 3 ))s" -s "$BENCH/wrk/$client" -H "Accept: text/csv" \
    -H "Authorization: Bearer $A_EXPORTER" "$SERVICE_URL/api/v1/reports/overdue" > "$RESULTS/a-exports-$1.txt" &
  EXPORTS_PID=$!
}

start_recompute() {
  local months
  months=$(a_curl "$A_SUPERVISOR" GET "/organizations/$OTHER_ORG/settings" | jq '.receiptOverdueMonths')
  a_curl "$A_SUPERVISOR" PUT "/organizations/$OTHER_ORG/settings" \
    "$(jq -c --argjson m "$(( months == 3 ? 4 : 3 ))" '.receiptOverdueMonths = $m' "$RESULTS/settings-a.json")" > /dev/null
  ( wait_recomputed "$1" > "$RESULTS/a-recompute-$1.txt" ) &
  A_LOAD_PIDS+=($!)
}

start_black_hole_clients() {
  ( while :; do
      a_curl "$A_CASEWORKER" POST /clients '{"firstName":"Fairness","lastName":"Load"}' > /dev/null
      sleep 1
    done ) &
  A_LOAD_PIDS+=($!)
}

# --- B's steady load ------------------------------------------------------------------------------------------------
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" "$2"; }

measure_b() {  # label: B's GET (4 connections) and event POST (2) for PHASE_S seconds; prints one table row
  local label=$1 get_pid
  BENCH_TOKENS_FILE=$TOKENS/caseworkers.txt BENCH_IDS_FILE=$DATA/filing-ids.txt \
    wrk -t1 -c4 --timeout 10s -d"${PHASE_S}s" --latency -s "$BENCH/wrk/get-filing.lua" "$SERVICE_URL/" \
    > "$RESULTS/b-get-$label.txt" &
  get_pid=$!
  BENCH_TOKEN=$(token "$INTEGRATION") BENCH_IDS_FILE=$DATA/open-filing-ids.txt BENCH_TODAY=$TODAY \
    wrk -t1 -c2 --timeout 10s -d"${PHASE_S}s" --latency -s "$BENCH/wrk/post-event.lua" "$SERVICE_URL/" \
    > "$RESULTS/b-post-$label.txt"
  wait "$get_pid"
  local f errors=0
  for f in "$RESULTS/b-get-$label.txt" "$RESULTS/b-post-$label.txt"; do
    grep -q '^WRK_RESULT' "$f" || die "no result from wrk, see $f"
    errors=$(( errors + $(field non2xx "$f") + $(field socket_errors "$f") ))
  done
  (( errors == 0 )) || die "$label: clinic B got $errors errors, see $RESULTS/b-*-$label.txt"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" \
    "$(field rps "$RESULTS/b-get-$label.txt")" "$(field p50_ms "$RESULTS/b-get-$label.txt")" \
    "$(field p99_ms "$RESULTS/b-get-$label.txt")" "$(field rps "$RESULTS/b-post-$label.txt")" \
    "$(field p50_ms "$RESULTS/b-post-$label.txt")" "$(field p99_ms "$RESULTS/b-post-$label.txt")" >> "$RESULTS/phases.tsv"
}

a_notes() {  # label: what A's loads did in the phase
  local label=$1 notes=()
  [[ ! -f $RESULTS/a-exports-$label.txt ]] || notes+=("exports: $(field requests "$RESULTS/a-exports-$label.txt") answers, $(field non2xx "$RESULTS/a-exports-$label.txt") of them 429")
  [[ ! -f $RESULTS/a-recompute-$label.txt ]] || notes+=("recomputation: $(sed -n 's/.*done \([0-9.]*\) s.*/\1/p' "$RESULTS/a-recompute-$label.txt") s")
  local IFS=';'
  echo "${notes[*]:-}"
}

# --- the phases ------------------------------------------------------------------------------------------------------
a_curl "$A_SUPERVISOR" GET "/organizations/$OTHER_ORG/settings" | jq -c 'del(.recomputation)' > "$RESULTS/settings-a.json"
( exec java -cp "$BENCH_CP" org.asylumcasetracker.bench.BlackHole "$RESULTS/black-hole.port" ) > "$RESULTS/black-hole.txt" 2>&1 &
BLACK_HOLE_PID=$!
for (( i = 0; i < 100; i++ )); do [[ -s $RESULTS/black-hole.port ]] && break; sleep 0.1; done
[[ -s $RESULTS/black-hole.port ]] || die "the black hole did not start, see $RESULTS/black-hole.txt"

log "warming up: B's GET and POST for 25 s each without pauses"
BENCH_THINK_MS= BENCH_TOKENS_FILE=$TOKENS/caseworkers.txt BENCH_IDS_FILE=$DATA/filing-ids.txt \
  wrk -t2 -c16 --timeout 10s -d25s -s "$BENCH/wrk/get-filing.lua" "$SERVICE_URL/" > /dev/null
BENCH_THINK_MS= BENCH_TOKEN=$(token "$INTEGRATION") BENCH_IDS_FILE=$DATA/open-filing-ids.txt BENCH_TODAY=$TODAY \
  wrk -t2 -c16 --timeout 10s -d25s -s "$BENCH/wrk/post-event.lua" "$SERVICE_URL/" > /dev/null
: > "$RESULTS/phases.tsv"
: > "$RESULTS/notes.tsv"
: > "$RESULTS/phase-times.tsv"

run_phase() {  # label loads...
  local label=$1 load
  shift
  log "phase $label"
  measure_begin
  for load in "$@"; do
    case $load in
      exports) start_exports "$label" ;;
      recompute) start_recompute "$label" ;;
      black-hole) start_black_hole_clients ;;
    esac
  done
  sleep 3
  local measured_from
  measured_from=$(date +%s%3N)
  measure_b "$label"
  printf '%s\t%s\t%s\n' "$label" "$measured_from" "$(date +%s%3N)" >> "$RESULTS/phase-times.tsv"
  if [[ -n "$EXPORTS_PID" ]]; then wait "$EXPORTS_PID" || true; EXPORTS_PID=; fi
  local answered
  answered=$(( $(field requests "$RESULTS/b-get-$label.txt") + $(field requests "$RESULTS/b-post-$label.txt") ))
  [[ ! -f $RESULTS/a-exports-$label.txt ]] || answered=$(( answered + $(field requests "$RESULTS/a-exports-$label.txt") ))
  measure_end "$answered"
  local cpu="service CPU $M_CPU of a core, $M_MS_PER_REQUEST ms per answer ($answered answers); PostgreSQL $M_PG, load generators $M_GEN"
  # the recomputation is waited for (its time is the note), the other loads end with the phase
  local pid
  for pid in "${A_LOAD_PIDS[@]}"; do
    if [[ -f $RESULTS/a-recompute-$label.txt ]] && ! grep -q done "$RESULTS/a-recompute-$label.txt"; then wait "$pid" || true; fi
  done
  stop_a_load
  wait_recomputed "after $label" > /dev/null
  printf '%s\t%s\t%s\n' "$label" "$(a_notes "$label")" "$cpu" >> "$RESULTS/notes.tsv"
  sleep 5
}

run_phase baseline
run_phase exports exports
run_phase recompute recompute
port=$(cat "$RESULTS/black-hole.port")
for (( i = 0; i < 20; i++ )); do
  A_SUBSCRIPTIONS+=("$(a_curl "$A_SUPERVISOR" POST /webhooks \
    "{\"url\":\"http://127.0.0.1:$port/hook-$i\",\"events\":[\"CLIENT_CHANGED\"]}" | jq -r .id)")
done
run_phase black-hole black-hole
run_phase all exports recompute black-hole
run_phase baseline-again

{
  printf '%-16s %10s %18s %10s %18s  %s\n' phase "GET req/s" "GET p50 / p99 ms" "POST req/s" "POST p50 / p99 ms" "clinic A"
  while IFS=$'\t' read -r label grps gp50 gp99 prps pp50 pp99; do
    printf '%-16s %10.0f %18s %10.0f %18s  %s\n' "$label" "$grps" "$(printf '%.1f / %.1f' "$gp50" "$gp99")" "$prps" \
      "$(printf '%.1f / %.1f' "$pp50" "$pp99")" "$(awk -F'\t' -v l="$label" '$1 == l { print $2 }' "$RESULTS/notes.tsv")"
  done < "$RESULTS/phases.tsv"
  awk -F'\t' '{ printf "%-16s %s\n", $1, $3 }' "$RESULTS/notes.tsv"
  awk -F'\t' 'NR == 1 { g = $4; p = $7 } NR > 1 { printf "%-16s GET p99 %.1f x, POST p99 %.1f x the first baseline\n", $1, $4 / g, $7 / p }' \
    "$RESULTS/phases.tsv"
  # B alone again is the other reference: the first baseline can still carry the warm-up's compilation
  awk -F'\t' '{ l[NR] = $1; g[NR] = $4; p[NR] = $7 } END { for (i = 2; i < NR; i++)
      printf "%-16s GET p99 %.1f x, POST p99 %.1f x B alone again\n", l[i], g[i] / g[NR], p[i] / p[NR] }' "$RESULTS/phases.tsv"
  # the service's collection pauses while B was measured, per phase
  awk -F'\t' 'NR == FNR { n++; name[n] = $1; from[n] = $2; to[n] = $3; next }
      /Pause/ { t = $0; sub(/^\[/, "", t); sub(/ms\].*/, "", t); ms = $NF; sub(/ms$/, "", ms)
        for (i = 1; i <= n; i++) if (t + 0 >= from[i] && t + 0 < to[i]) {
          c[i]++; sum[i] += ms; if (ms + 0 > max[i]) max[i] = ms + 0; if (ms + 0 > 5) over[i]++ } }
      END { for (i = 1; i <= n; i++) printf "%-16s GC: %d pauses, %.0f ms in all, longest %.1f ms, %d over 5 ms\n",
        name[i], c[i], sum[i], max[i], over[i] }' "$RESULTS/phase-times.tsv" FS=' ' "$RESULTS/gc.log"
} | tee "$RESULTS/summary.txt"
log "done; results in $RESULTS"
