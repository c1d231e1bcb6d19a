#!/usr/bin/env bash
# How long one clinic's CSV export takes at each export share (ASYLUM_RATE_LIMIT_EXPORT_SHARE), alone on the
# machine: the whole overdue report of bench-001 (10,000 filings), one export after another on one connection.
# The shares are run interleaved (each round in turn forwards and backwards: 1 0.25, 0.25 1, ...), each on a fresh
# start of the service after a warm-up export. Prints every export and the median per share. Needs the data set of
# an earlier run.sh (reused).
#
#   bash src/bench/export.sh [SHARES] [ROUNDS]
#
#   SHARES  export shares to compare, space-separated (default "1 0.25")
#   ROUNDS  rounds (default 2); each round measures BENCH_EXPORTS (3) exports per share
#
# Environment: BENCH_EXPORTS (3), BENCH_JAVA_OPTS, BENCH_CDS as run.sh.
set -euo pipefail

SHARES=(${1:-1 0.25})
ROUNDS=${2:-2}
PER_START=${BENCH_EXPORTS:-3}
REUSE=1
RESULTS_NAME=export
# shellcheck source=src/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ORGS=${BENCH_ORGS:-100}

require_tools
prepare
ensure_data

export_once() {  # label: one export; prints "seconds rows"
  local out=$RESULTS/export-$1.csv status began seconds
  began=$(now_ns)
  status=$(curl -s -o "$out" -w '%{http_code}' -H "Accept: text/csv" -H "Authorization: Bearer $(token "$OTHER_EXPORTER")" \
    "$SERVICE_URL/api/v1/reports/overdue")
  seconds=$(seconds_since "$began")
  [[ $status == 200 ]] || die "the export answered $status: $(head -c 300 "$out")"
  echo "$seconds $(( $(wc -l < "$out") - 1 ))"
}

: > "$RESULTS/exports.tsv"
for (( round = 0; round < ROUNDS; round++ )); do
  order=("${SHARES[@]}")
  if (( round % 2 )); then order=(); for (( i = ${#SHARES[@]} - 1; i >= 0; i-- )); do order+=("${SHARES[i]}"); done; fi
  for share in "${order[@]}"; do
    start_service "share-$share-$round" "-Dasylum.rate-limit.export-share=$share"
    export_once warm-up > /dev/null
    for (( n = 0; n < PER_START; n++ )); do
      read -r seconds rows < <(export_once "$share-$round-$n")
      log "share $share, round $round: $rows rows in $seconds s"
      printf '%s\t%s\t%s\n' "$share" "$seconds" "$rows" >> "$RESULTS/exports.tsv"
    done
    stop_service
  done
done

for share in "${SHARES[@]}"; do
  awk -F'\t' -v s="$share" '$1 == s { print $2 }' "$RESULTS/exports.tsv" > "$RESULTS/seconds-$share.txt"
  log "share $share: median $(percentile 50 "$RESULTS/seconds-$share.txt") s over $(wc -l < "$RESULTS/seconds-$share.txt") exports" \
    "($(sort -n "$RESULTS/seconds-$share.txt" | head -1)-$(sort -n "$RESULTS/seconds-$share.txt" | tail -1) s)," \
    "$(awk -F'\t' -v s="$share" '$1 == s { print $3; exit }' "$RESULTS/exports.tsv") rows"
done | tee "$RESULTS/summary.txt"
log "done; results in $RESULTS"
