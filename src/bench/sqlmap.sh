#!/usr/bin/env bash
# sqlmap against every query parameter of the list and report endpoints of the packaged service, with a valid
# bearer token whose role the endpoint admits, then one table: endpoint, parameter, verdict. Also checks that
# the service answered no request with 500 during the run (access log and the error log of the exception mapper).
# See src/bench/README.md, section "SQL injection scan".
#
#   bash src/bench/sqlmap.sh [--reuse-data] [--level N] [--risk N] [--only REGEX]
#
#   --reuse-data  keep the small data set (target/bench/pgdata-small) an earlier soak.sh/sqlmap.sh run loaded
#   --level N     sqlmap --level (default 5)
#   --risk N      sqlmap --risk (default 3)
#   --only REGEX  scan only the targets whose "endpoint parameter" matches REGEX (e.g. 'clients q')
#
# Environment (all optional): BENCH_ORGS (10 organizations x 10,000 filings), BENCH_JAVA_OPTS (-Xmx256m),
# SQLMAP_JOBS (2: sqlmap processes at a time), and the BENCH_DB_* variables of run.sh.
# Exit status: 0 when no parameter is injectable, every scan finished and the service logged no 500; else 1.
set -euo pipefail

REUSE=0
LEVEL=5
RISK=3
ONLY=
while (( $# )); do
  case "$1" in
    --reuse-data) REUSE=1 ;;
    --level) LEVEL=$2; shift ;;
    --risk) RISK=$2; shift ;;
    --only) ONLY=$2; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

RESULTS_NAME=sqlmap
DATA_SET=small
# shellcheck source=src/bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ORGS=${BENCH_ORGS:-10}
JOBS=${SQLMAP_JOBS:-2}

if ! command -v sqlmap > /dev/null; then
  if (( EUID == 0 )); then
    log "installing sqlmap (apt-get)"
    { apt-get update -qq && apt-get install -y -qq sqlmap; } > "$RESULTS/apt.log" 2>&1 || die "could not install sqlmap, see $RESULTS/apt.log"
  else
    die "sqlmap is missing: sudo apt-get update && sudo apt-get install -y sqlmap"
  fi
fi
require_tools

log "results go to $RESULTS (sqlmap $(sqlmap --version 2>/dev/null | head -1), level $LEVEL, risk $RISK)"
prepare
ensure_data

# Production settings plus the HTTP access log, so that every status the scan provoked is in the log.
log "starting the packaged service ($(service_cds_option) $JAVA_OPTS, access log on)"
start_service scanned -Dquarkus.http.access-log.enabled=true
SERVICE_LOG=$RESULTS/service-scanned.log
log "  ready after $STARTUP_S s"

# --- valid values for every parameter and path ------------------------------------------------------------
SUPERVISOR_TOKEN=$(token "$SUPERVISOR")
INTEGRATION_TOKEN=$(token "$INTEGRATION")
ADMIN_TOKEN=$(token "$ADMIN")
TODAY=$(TZ=$ORG_ZONE date +%F)
FILING_ID=$(head -1 "$DATA/open-filing-ids.txt")
expect_status 200 "GET filing" -H "Authorization: Bearer $SUPERVISOR_TOKEN" "$SERVICE_URL/api/v1/filings/$FILING_ID"
CLIENT_ID=$(grep -o '"clientId":"[^"]*"' "$RESULTS/check.body" | head -1 | cut -d'"' -f4)
[[ -n "$CLIENT_ID" ]] || die "no clientId in the filing: $(head -c 400 "$RESULTS/check.body")"
# Two events, so that the change feed has rows and a cursor to continue from.
for (( i = 0; i < 2; i++ )); do
  expect_status 201 "POST CONTACT_LOGGED event" -H "Authorization: Bearer $INTEGRATION_TOKEN" \
    -H "Content-Type: application/json" -d "{\"type\":\"CONTACT_LOGGED\",\"occurredOn\":\"$TODAY\",\"channel\":\"USCIS_CONTACT_CENTER\"}" \
    "$SERVICE_URL/api/v1/filings/$FILING_ID/events"
done
expect_status 200 "GET changes" -H "Authorization: Bearer $INTEGRATION_TOKEN" "$SERVICE_URL/api/v1/changes?limit=1"
CURSOR=$(grep -o '"next":"[^"]*"' "$RESULTS/check.body" | cut -d'"' -f4)
[[ -n "$CURSOR" ]] || die "no cursor in the change feed: $(head -c 400 "$RESULTS/check.body")"
# A subscription (nothing listens at port 9; deliveries fail and are retried, which is fine here).
expect_status 201 "POST webhook" -H "Authorization: Bearer $SUPERVISOR_TOKEN" -H "Content-Type: application/json" \
  -d '{"url":"http://127.0.0.1:9/hook","events":["FILING_STAGE_CHANGED","ALERT_DUE"]}' \
  "$SERVICE_URL/api/v1/webhooks"
WEBHOOK_ID=$(grep -o '"id":"[^"]*"' "$RESULTS/check.body" | head -1 | cut -d'"' -f4)
expect_status 200 "GET organizations (admin token)" -H "Authorization: Bearer $ADMIN_TOKEN" "$SERVICE_URL/api/v1/organizations"

# --- the targets: endpoint (as printed), token, path with one valid value per parameter, extra header ----------
# Each parameter is scanned on a URL that carries only that parameter, with a value that selects rows, so that
# a true and a false condition would give different pages if the value reached SQL unescaped.
TARGETS=()
target() { TARGETS+=("$1|$2|$3|$4|${5:-}"); }   # endpoint param token path-and-query [header]
target "GET /api/v1/clients" q "$SUPERVISOR_TOKEN" "/api/v1/clients?q=ka"
target "GET /api/v1/clients" caseworker "$SUPERVISOR_TOKEN" "/api/v1/clients?caseworker=caseworker-01"
target "GET /api/v1/clients" page "$SUPERVISOR_TOKEN" "/api/v1/clients?page=1"
target "GET /api/v1/clients" size "$SUPERVISOR_TOKEN" "/api/v1/clients?size=20"
target "GET /api/v1/filings" stage "$SUPERVISOR_TOKEN" "/api/v1/filings?stage=BIOMETRICS_SCHEDULED"
target "GET /api/v1/filings" venue "$SUPERVISOR_TOKEN" "/api/v1/filings?venue=USCIS"
target "GET /api/v1/filings" clientId "$SUPERVISOR_TOKEN" "/api/v1/filings?clientId=$CLIENT_ID"
target "GET /api/v1/filings" caseworker "$SUPERVISOR_TOKEN" "/api/v1/filings?caseworker=caseworker-01"
target "GET /api/v1/filings" page "$SUPERVISOR_TOKEN" "/api/v1/filings?page=1"
target "GET /api/v1/filings" size "$SUPERVISOR_TOKEN" "/api/v1/filings?size=20"
for accept in json csv; do
  header=
  label="GET /api/v1/reports/overdue"
  if [[ $accept == csv ]]; then header="Accept: text/csv"; label="GET /api/v1/reports/overdue (text/csv)"; fi
  target "$label" asOf "$SUPERVISOR_TOKEN" "/api/v1/reports/overdue?asOf=$TODAY" "$header"
  target "$label" code "$SUPERVISOR_TOKEN" "/api/v1/reports/overdue?code=RECEIPT_OVERDUE" "$header"
  target "$label" severity "$SUPERVISOR_TOKEN" "/api/v1/reports/overdue?severity=HIGH" "$header"
  target "$label" caseworker "$SUPERVISOR_TOKEN" "/api/v1/reports/overdue?caseworker=caseworker-01" "$header"
  target "$label" venue "$SUPERVISOR_TOKEN" "/api/v1/reports/overdue?venue=USCIS" "$header"
  target "$label" page "$SUPERVISOR_TOKEN" "/api/v1/reports/overdue?page=1" "$header"
  target "$label" size "$SUPERVISOR_TOKEN" "/api/v1/reports/overdue?size=20" "$header"
done
target "GET /api/v1/reports/overdue/summary" asOf "$SUPERVISOR_TOKEN" "/api/v1/reports/overdue/summary?asOf=$TODAY"
for param in "from=$TODAY" "to=$TODAY" venue=USCIS channel=MAIL caseworker=caseworker-01; do
  target "GET /api/v1/reports/processing-times" "${param%%=*}" "$SUPERVISOR_TOKEN" "/api/v1/reports/processing-times?$param"
done
target "GET /api/v1/changes" after "$INTEGRATION_TOKEN" "/api/v1/changes?after=$CURSOR"
target "GET /api/v1/changes" limit "$INTEGRATION_TOKEN" "/api/v1/changes?limit=5"
target "GET /api/v1/organizations" page "$ADMIN_TOKEN" "/api/v1/organizations?page=1&size=3"
target "GET /api/v1/organizations" size "$ADMIN_TOKEN" "/api/v1/organizations?size=5"
target "GET /api/v1/webhooks" page "$SUPERVISOR_TOKEN" "/api/v1/webhooks?page=0"
target "GET /api/v1/webhooks" size "$SUPERVISOR_TOKEN" "/api/v1/webhooks?size=5"
target "GET /api/v1/filings/{id}/events" page "$SUPERVISOR_TOKEN" "/api/v1/filings/$FILING_ID/events?page=0&size=1"
target "GET /api/v1/filings/{id}/events" size "$SUPERVISOR_TOKEN" "/api/v1/filings/$FILING_ID/events?size=2"
# not in the brief's list, but list endpoints with query parameters too (openapi/openapi.yaml)
target "GET /api/v1/filings/{id}/alerts" asOf "$SUPERVISOR_TOKEN" "/api/v1/filings/$FILING_ID/alerts?asOf=$TODAY"
target "GET /api/v1/webhooks/{id}/deliveries" page "$SUPERVISOR_TOKEN" "/api/v1/webhooks/$WEBHOOK_ID/deliveries?page=0"
target "GET /api/v1/webhooks/{id}/deliveries" size "$SUPERVISOR_TOKEN" "/api/v1/webhooks/$WEBHOOK_ID/deliveries?size=5"

# Every URL answers 200 with its token before anything is scanned.
SELECTED=()
for t in "${TARGETS[@]}"; do
  IFS='|' read -r endpoint param tok path header <<< "$t"
  [[ -z "$ONLY" ]] || [[ "$endpoint $param" =~ $ONLY ]] || continue
  expect_status 200 "$endpoint ($param)" -H "Authorization: Bearer $tok" ${header:+-H "$header"} "$SERVICE_URL$path"
  SELECTED+=("$t")
done
(( ${#SELECTED[@]} )) || die "no target matches --only '$ONLY'"
log "${#SELECTED[@]} parameters to scan, $JOBS at a time; every URL answered 200 with its token"

# --- the scans ---------------------------------------------------------------------------------------------
# No --ignore-code: sqlmap stops early only when the *original* request fails (here it answers 200, checked
# above); the 400s (validation) and 404s (a value that is not an int/enum/date/UUID) its payloads provoke are
# ordinary responses to compare, and sqlmap keeps testing. --ignore-code=400 would only be needed if the
# unmodified URL answered 400.
scan() {  # number endpoint param token path header
  local n=$1 endpoint=$2 param=$3 tok=$4 path=$5 header=$6 began
  local out=$RESULTS/sqlmap/$n
  mkdir -p "$out"
  began=$(now_ns)
  local args=(-u "$SERVICE_URL$path" -p "$param" --batch --dbms=PostgreSQL --technique=BEUSTQ
    --level="$LEVEL" --risk="$RISK" --flush-session --output-dir="$out" --disable-coloring
    -H "Authorization: Bearer $tok")
  [[ -z "$header" ]] || args+=(-H "$header")
  sqlmap "${args[@]}" > "$out/sqlmap.log" 2>&1 || true
  local verdict
  if grep -q "identified the following injection point" "$out/sqlmap.log"; then
    verdict="is vulnerable"
  elif grep -q "parameter '$param' does not seem to be injectable" "$out/sqlmap.log"; then
    verdict="does not seem to be injectable"
  else
    verdict="INCONCLUSIVE (see $out/sqlmap.log)"
  fi
  local codes
  # "[WARNING] HTTP error codes detected during run:" is followed by lines like "400 (Bad Request) - 517 times"
  codes=$(awk '/HTTP error codes detected during run/ { on = 1; next } on && /^[0-9][0-9][0-9] / { printf "%s%s", sep, $0; sep = ", "; next } { on = 0 }' \
    "$out/sqlmap.log")
  printf '%s\t%s\t%s\t%s\t%s\n' "$endpoint" "$param" "$verdict" "$(seconds_since "$began")" "${codes:--}" > "$out/row.tsv"
  log "  [$n] $endpoint $param: $verdict ($(seconds_since "$began") s)"
}

SCAN_BEGAN=$(now_ns)
mkdir -p "$RESULTS/sqlmap"
n=0
SCANS=()   # pids of the running scans (PostgreSQL and the service are background jobs of this shell too)
for t in "${SELECTED[@]}"; do
  IFS='|' read -r endpoint param tok path header <<< "$t"
  n=$(( n + 1 ))
  while :; do
    running=()
    for pid in "${SCANS[@]}"; do kill -0 "$pid" 2>/dev/null && running+=("$pid"); done
    SCANS=("${running[@]}")
    (( ${#SCANS[@]} < JOBS )) && break
    sleep 1
  done
  scan "$(printf '%02d' "$n")" "$endpoint" "$param" "$tok" "$path" "$header" &
  SCANS+=($!)
done
for pid in "${SCANS[@]}"; do wait "$pid" || true; done
SCAN_S=$(seconds_since "$SCAN_BEGAN")
machine_snapshot "after"

# --- the service's log: any 500? ---------------------------------------------------------------------------
# The access log lines ("... \"GET /api/... HTTP/1.1\" 500 123") are the "message" of JSON log records; the
# exception mapper logs "Unexpected failure, reference ..." for every 500 it answers (problem type internal-error).
FIVE_HUNDREDS=$(grep -cE '" 5[0-9][0-9] [0-9-]+' "$SERVICE_LOG" || true)
UNEXPECTED=$(grep -ciE 'Unexpected failure|internal-error' "$SERVICE_LOG" || true)
ACCESS_LINES=$(grep -c 'io.quarkus.http.access-log' "$SERVICE_LOG" || true)
STATUSES=$(grep 'io.quarkus.http.access-log' "$SERVICE_LOG" | grep -oE '" [0-9]{3} ' | awk '{ print $2 }' | sort | uniq -c \
  | awk '{ printf "%s%s x%s", sep, $2, $1; sep = ", " }')

{
  format='%-42s %-11s %-31s %9s  %s\n'
  # shellcheck disable=SC2059
  printf "\n$format" "endpoint" "parameter" "verdict" "time" "HTTP error codes sqlmap saw"
  printf '%s\n' "$(printf -- '-%.0s' {1..140})"
  for f in "$RESULTS"/sqlmap/*/row.tsv; do
    IFS=$'\t' read -r endpoint param verdict seconds codes < "$f"
    # shellcheck disable=SC2059
    printf "$format" "$endpoint" "$param" "$verdict" "${seconds} s" "$codes"
  done
  echo
  echo "sqlmap $(sqlmap --version 2>/dev/null | head -1): --level=$LEVEL --risk=$RISK --dbms=PostgreSQL --technique=BEUSTQ --batch" \
    "--flush-session, $JOBS at a time; ${#SELECTED[@]} parameters in $SCAN_S s; data set: $FILINGS filings"
  echo "service: $ACCESS_LINES requests in the access log ($STATUSES);" \
    "5xx in the access log: $FIVE_HUNDREDS; 'Unexpected failure'/'internal-error' lines: $UNEXPECTED"
} | tee "$RESULTS/table.txt"

VULNERABLE=$(cat "$RESULTS"/sqlmap/*/row.tsv | awk -F'\t' '$3 == "is vulnerable"' | wc -l)
INCONCLUSIVE=$(cat "$RESULTS"/sqlmap/*/row.tsv | awk -F'\t' '$3 ~ /^INCONCLUSIVE/' | wc -l)
status=0
(( VULNERABLE == 0 )) || { log "FAILED: $VULNERABLE injectable parameter(s)"; status=1; }
(( INCONCLUSIVE == 0 )) || { log "FAILED: $INCONCLUSIVE scan(s) without a verdict"; status=1; }
(( FIVE_HUNDREDS == 0 && UNEXPECTED == 0 )) || { log "FAILED: the service answered 500 (see $SERVICE_LOG)"; status=1; }
(( status )) || log "no injectable parameter, no 500; everything is in $RESULTS"
exit "$status"
