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
# BENCH_WARMUP (seconds); BENCH_CONNECTIONS (32); BENCH_JAVA_OPTS (-Xmx256m); BENCH_PG_SHARED_BUFFERS (1GB).
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

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
BENCH=src/bench
WORK=target/bench
RESULTS=$WORK/results-$(date +%Y%m%d-%H%M%S)
# id files written by the loader and the marker of what is loaded, one folder per database they describe
DATA=$WORK/data
[[ -z "${BENCH_DB_URL:-}" ]] || DATA=$WORK/data-external
TOKENS=$WORK/tokens
mkdir -p "$RESULTS" "$DATA"

ORGS=${BENCH_ORGS:-100}
PHASE1_ORGS=$(( ORGS < 10 ? ORGS : 10 ))   # 10 organizations = the first 100,000 filings
DURATION=${BENCH_DURATION:-30}
WARMUP=${BENCH_WARMUP:-10}
if (( QUICK )); then DURATION=${BENCH_DURATION:-5}; WARMUP=${BENCH_WARMUP:-2}; fi
CONNECTIONS=${BENCH_CONNECTIONS:-32}
SEQUENTIAL_CALLS=${BENCH_SEQUENTIAL_CALLS:-50}
CSV_RUNS=${BENCH_CSV_RUNS:-5}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx256m}
PG_SHARED_BUFFERS=${BENCH_PG_SHARED_BUFFERS:-1GB}
ORG=bench-000                  # the organization the scenarios use: 10,000 filings, New York time
ORG_ZONE=America/New_York
ISSUER=asylum-case-tracker-bench
CASEWORKER=caseworker-01
SUPERVISOR=bench-supervisor
INTEGRATION=service-account-bench-integration
CLK_TCK=$(getconf CLK_TCK)

SERVICE_PID=
POSTGRES_PID=
SAMPLER_PID=
PGDATA_DIR=

log() { printf '[%s] %s\n' "$(date +%T)" "$*"; }
die() { log "FAILED: $*" >&2; exit 1; }

# --- cleanup: everything this script started stops with it, also on Ctrl-C ---------------------------------
stop_pid() {  # pid, seconds to wait before SIGKILL
  local pid=$1 patience=${2:-20} i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for (( i = 0; i < patience * 10; i++ )); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$? i
  trap - EXIT INT TERM
  [[ -n "$SAMPLER_PID" ]] && stop_pid "$SAMPLER_PID" 2
  [[ -n "$SERVICE_PID" ]] && stop_pid "$SERVICE_PID" 20
  if [[ -n "$POSTGRES_PID" ]]; then
    stop_pid "$POSTGRES_PID" 30   # its shutdown hook stops the server
    # If the launcher had to be killed, the postmaster is still running: fast shutdown (SIGINT).
    if [[ -f "$PGDATA_DIR/postmaster.pid" ]]; then
      local postmaster
      postmaster=$(head -1 "$PGDATA_DIR/postmaster.pid")
      if kill -0 "$postmaster" 2>/dev/null; then
        kill -INT "$postmaster" 2>/dev/null || true
        for (( i = 0; i < 100; i++ )); do kill -0 "$postmaster" 2>/dev/null || break; sleep 0.1; done
      fi
    fi
  fi
  (( status == 0 )) || log "stopped after an error or interruption (exit $status); logs in $RESULTS"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- helpers -------------------------------------------------------------------------------------------------
free_port() {
  local port
  for (( port = 20000 + RANDOM % 20000; ; port++ )); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

now_ns() { date +%s%N; }
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }
hwm_mb() { awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }                        # utime + stime
host_ticks() { awk '/^cpu / { print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6 }' /proc/stat; }  # total, idle+iowait

psql_q() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# What a scenario costs, from /proc: the service's RSS (sampled every 0.5 s, the maximum is reported) and CPU
# time split four ways, each as a share of one core (this machine has 2 cores, so everything adds up to at most
# 200%): the service; PostgreSQL (postmaster and its backends, the ones that ended included); the load generator
# (wrk, pgbench or curl: the children of this script, from `times`); and "other", everything else that ran on
# the machine meanwhile (other people's builds and tests), which is what makes results on a shared machine move.
postgres_ticks() {  # postmaster + reaped children + live children
  [[ -n "$PGDATA_DIR" && -f "$PGDATA_DIR/postmaster.pid" ]] || { echo 0; return; }
  local postmaster
  postmaster=$(head -1 "$PGDATA_DIR/postmaster.pid")
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$postmaster/stat"
    for child in $(ps -o pid= --ppid "$postmaster"); do   # a backend may end meanwhile
      awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true
    done
  } | awk '{ s += $1 } END { print s + 0 }'
}
generator_ticks() {  # CPU of the finished children of this shell; sets GENERATOR_TICKS
  times > "$RESULTS/times.txt"   # not in $(...): a subshell would report its own children
  GENERATOR_TICKS=$(awk -v hz="$CLK_TCK" 'NR == 2 { gsub(/s/, ""); split($1, u, "m"); split($2, k, "m");
      printf "%.0f", (u[1] * 60 + u[2] + k[1] * 60 + k[2]) * hz }' "$RESULTS/times.txt")
}

measure_begin() {
  MEASURE_T0=$(now_ns)
  MEASURE_HOST0=$(host_ticks)
  MEASURE_PG0=$(postgres_ticks)
  generator_ticks
  MEASURE_GEN0=$GENERATOR_TICKS
  MEASURE_CPU0=0
  : > "$RESULTS/rss.samples"
  if [[ -n "$SERVICE_PID" ]]; then
    MEASURE_CPU0=$(cpu_ticks "$SERVICE_PID")
    ( while kill -0 "$SERVICE_PID" 2>/dev/null; do rss_mb "$SERVICE_PID"; echo; sleep 0.5; done ) \
      >> "$RESULTS/rss.samples" 2>/dev/null &
    SAMPLER_PID=$!
  fi
}

measure_end() {  # count-of-requests; sets M_RSS, M_CPU, M_MS_PER_REQUEST, M_PG, M_PG_MS_PER_REQUEST, M_GEN, M_OTHER
  local requests=$1 elapsed host1 service_ticks=0
  elapsed=$(seconds_since "$MEASURE_T0")
  host1=$(host_ticks)
  if [[ -n "$SERVICE_PID" ]]; then
    service_ticks=$(( $(cpu_ticks "$SERVICE_PID") - MEASURE_CPU0 ))
    stop_pid "$SAMPLER_PID" 2
    SAMPLER_PID=
    M_RSS="$(sort -n "$RESULTS/rss.samples" | grep -v '^$' | tail -1) MB"
  else
    M_RSS=-
  fi
  generator_ticks
  local pg_ticks=$(( $(postgres_ticks) - MEASURE_PG0 )) gen_ticks=$(( GENERATOR_TICKS - MEASURE_GEN0 ))
  read -r M_CPU M_PG M_GEN M_OTHER M_MS_PER_REQUEST M_PG_MS_PER_REQUEST < <(awk -v a="$MEASURE_HOST0" -v b="$host1" \
      -v svc="$service_ticks" -v pg="$pg_ticks" -v gen="$gen_ticks" -v hz="$CLK_TCK" -v s="$elapsed" -v n="$requests" '
    function per_request(ticks) { return (n > 0 && ticks > 0) ? sprintf("%.2f", ticks * 1000 / hz / n) : "-" }
    BEGIN {
      split(a, x, " "); split(b, y, " "); busy = (y[1] - x[1]) - (y[2] - x[2]);
      other = busy - svc - pg - gen; if (other < 0) other = 0;
      f = 100 / hz / s;
      printf "%.0f%% %.0f%% %.0f%% %.0f%% %s %s\n", svc * f, pg * f, gen * f, other * f, per_request(svc), per_request(pg)
    }')
  [[ -n "$SERVICE_PID" ]] || { M_CPU=-; M_MS_PER_REQUEST=-; }
  [[ -n "$PGDATA_DIR" ]] || { M_PG=-; M_PG_MS_PER_REQUEST=-; }
}

TABLE=$RESULTS/table.tsv
: > "$TABLE"
# scenario, throughput, p50, p99, errors, then the measure_end figures
add_row() {
  local IFS=$'\t'
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$*" "$M_RSS" "$M_CPU" "$M_MS_PER_REQUEST" "$M_PG" "$M_PG_MS_PER_REQUEST" \
    "$M_GEN" "$M_OTHER" >> "$TABLE"
}

# nearest-rank percentile of the numbers in a file
percentile() { sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { i = int((p / 100) * NR + 0.999999); if (i < 1) i = 1; print v[i] }'; }

# --- build ---------------------------------------------------------------------------------------------------
build_if_needed() {
  local jar=target/quarkus-app/quarkus-run.jar
  if [[ ! -f $jar ]] || [[ -n "$(find src/main pom.xml -newer "$jar" -print -quit)" ]]; then
    log "building the packaged service (./mvnw -B -ntp package -DskipTests)"
    ./mvnw -B -ntp package -DskipTests > "$RESULTS/build.log" 2>&1 || die "build failed, see $RESULTS/build.log"
  else
    log "packaged service is up to date ($jar)"
  fi
  # The bench helpers compile against the service's own classes (alert rules, filing state machine) and the
  # jars Maven resolved for it (PostgreSQL driver, zonky embedded PostgreSQL, Jackson).
  if [[ ! -s $WORK/classpath.txt || pom.xml -nt $WORK/classpath.txt ]]; then
    ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=compile \
      -Dmdep.outputFile="$WORK/classpath.txt" > "$RESULTS/classpath.log" 2>&1 \
      || die "could not resolve the classpath, see $RESULTS/classpath.log"
  fi
  BENCH_CP="$WORK/classes:target/classes:$(cat "$WORK/classpath.txt")"
  rm -rf "$WORK/classes"
  javac -nowarn -d "$WORK/classes" -cp "$BENCH_CP" "$BENCH"/java/org/asylumcasetracker/bench/*.java
}

bench_java() { java -cp "$BENCH_CP" "org.asylumcasetracker.bench.$1" "${@:2}"; }

# --- PostgreSQL ----------------------------------------------------------------------------------------------
start_postgres() {
  if [[ -n "${BENCH_DB_URL:-}" ]]; then
    JDBC_URL=$BENCH_DB_URL
    DB_USER=${BENCH_DB_USER:-postgres}
    DB_PASSWORD=${BENCH_DB_PASSWORD:-}
    [[ $JDBC_URL =~ ^jdbc:postgresql://([^:/]+)(:([0-9]+))?/([^?]+) ]] || die "BENCH_DB_URL must look like jdbc:postgresql://host:port/db"
    export PGHOST=${BASH_REMATCH[1]} PGPORT=${BASH_REMATCH[3]:-5432} PGDATABASE=${BASH_REMATCH[4]}
    export PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD
    log "using the PostgreSQL at $JDBC_URL"
    return
  fi
  PGDATA_DIR=$WORK/pgdata
  if (( ! REUSE )); then rm -rf "$PGDATA_DIR" "$DATA"; mkdir -p "$DATA"; fi
  rm -f "$WORK/postgres.port"
  log "starting embedded PostgreSQL 17 (shared_buffers=$PG_SHARED_BUFFERS, synchronous_commit=on)"
  # exec: $! must be the JVM itself, whose shutdown hook stops the server when cleanup sends SIGTERM
  ( exec java -cp "$BENCH_CP" org.asylumcasetracker.bench.BenchPostgres "$PGDATA_DIR" "$WORK/postgres.port" \
      "$RESULTS/postgres.log" "$PG_SHARED_BUFFERS" ) > "$RESULTS/postgres-launcher.log" 2>&1 &
  POSTGRES_PID=$!
  for (( i = 0; i < 900; i++ )); do
    [[ -s $WORK/postgres.port ]] && break
    kill -0 "$POSTGRES_PID" 2>/dev/null || die "PostgreSQL did not start, see $RESULTS/postgres-launcher.log"
    sleep 0.1
  done
  [[ -s $WORK/postgres.port ]] || die "PostgreSQL did not start within 90 s"
  export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGDATABASE=postgres PGPASSWORD=postgres
  PGPORT=$(cat "$WORK/postgres.port")
  JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/postgres
  DB_USER=postgres
  DB_PASSWORD=postgres
}

# --- the service ---------------------------------------------------------------------------------------------
start_service() {  # label [extra JVM options...]; sets SERVICE_PID, SERVICE_URL, STARTUP_S
  local label=$1
  shift
  local port began
  port=$(free_port)
  SERVICE_URL=http://127.0.0.1:$port
  began=$(now_ns)
  (
    # Only what production would be given: no QUARKUS_* settings inherited from this shell.
    for name in "${!QUARKUS_@}"; do unset "$name"; done
    export QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL=$JDBC_URL
    export QUARKUS_DATASOURCE_USERNAME=$DB_USER QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD
    # Tokens are verified with the bench key. The prod profile names a Keycloak URL; an empty
    # QUARKUS_OIDC_AUTH_SERVER_URL removes it (with a server URL, quarkus-oidc would ignore the public key).
    export QUARKUS_OIDC_AUTH_SERVER_URL= QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER
    QUARKUS_OIDC_PUBLIC_KEY=$(cat "$TOKENS/public-key.b64")
    export QUARKUS_OIDC_PUBLIC_KEY
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
    exec java $JAVA_OPTS "$@" -jar target/quarkus-app/quarkus-run.jar
  ) > "$RESULTS/service-$label.log" 2>&1 &
  SERVICE_PID=$!
  until curl -sf -o /dev/null "$SERVICE_URL/q/health/ready"; do
    kill -0 "$SERVICE_PID" 2>/dev/null || die "the service exited during startup, see $RESULTS/service-$label.log"
    (( $(now_ns) - began < 120000000000 )) || die "the service was not ready within 120 s"
    sleep 0.05
  done
  STARTUP_S=$(seconds_since "$began")
}

stop_service() {
  stop_pid "$SERVICE_PID" 20
  SERVICE_PID=
}

expect_status() {  # expected-status description curl-args...
  local expected=$1 what=$2 status
  shift 2
  status=$(curl -s -o "$RESULTS/check.body" -w '%{http_code}' "$@")
  [[ $status == "$expected" ]] || die "$what answered $status, expected $expected: $(head -c 400 "$RESULTS/check.body")"
}

# --- data ----------------------------------------------------------------------------------------------------
load_orgs() {  # first end
  log "loading organizations $1..$(( $2 - 1 )) ($(( ($2 - $1) * 10000 )) filings with clients, events and alert windows)"
  local began
  began=$(now_ns)
  bench_java BenchData "$JDBC_URL" "$DB_USER" "$DB_PASSWORD" "$1" "$2" "$DATA" | tee -a "$RESULTS/load.log"
  log "vacuum + analyze"
  psql_q -c "vacuum (analyze) organization, client, filing, filing_event, alert_window"
  psql_q -c "checkpoint" 2> /dev/null || true   # needs a superuser; only keeps the next minutes quieter
  log "loaded in $(seconds_since "$began") s; database size $(psql_q -c "select pg_size_pretty(pg_database_size(current_database()))")"
}

# A short, fixed mix of every kind of request, so that RSS is compared at the same point: after the JIT and
# the pools have seen all the code paths the scenarios use.
warmup_mix() {
  local seconds=$(( QUICK ? 2 : 10 ))
  BENCH_IDS_FILE=$DATA/filing-ids.txt BENCH_TOKEN=$(cat "$TOKENS/$CASEWORKER.jwt") \
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
  local result requests seconds rps p50_ms p99_ms max_ms non2xx socket_errors
  result=$(grep '^WRK_RESULT' "$RESULTS/wrk-$label.txt") || die "no result from wrk, see $RESULTS/wrk-$label.txt"
  # "WRK_RESULT requests=1 seconds=2 ..." (common.lua) -> the local variables above
  eval "$(echo "${result#WRK_RESULT }" | tr ' ' '\n')"
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

csv_export() {
  local token out=$RESULTS/csv-runs.txt
  token=$(cat "$TOKENS/$SUPERVISOR.jwt")
  log "CSV export of $ORG's overdue list: $CSV_RUNS runs"
  curl -s -o /dev/null -H "Accept: text/csv" -H "Authorization: Bearer $token" "$SERVICE_URL/api/v1/reports/overdue"
  : > "$out"
  measure_begin
  for (( i = 0; i < CSV_RUNS; i++ )); do
    curl -s -o "$RESULTS/overdue.csv" -w '%{http_code} %{time_total} %{size_download}\n' \
      -H "Accept: text/csv" -H "Authorization: Bearer $token" "$SERVICE_URL/api/v1/reports/overdue" >> "$out"
  done
  measure_end "$CSV_RUNS"
  local rows errors median max
  rows=$(( $(wc -l < "$RESULTS/overdue.csv") - 1 ))
  errors=$(awk '$1 !~ /^2/' "$out" | wc -l)
  awk '{ print $2 * 1000 }' "$out" > "$out.ms"
  median=$(percentile 50 "$out.ms")
  max=$(sort -n "$out.ms" | tail -1)
  add_row "CSV export ($rows rows, $CSV_RUNS runs)" "$(awk -v r="$rows" -v m="$median" 'BEGIN { printf "%.0f rows/s", r / (m / 1000) }')" \
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
  add_row "pgbench: SQL of GET /filings/{id} (3 statements)" "$(printf '%.0f tx/s' "$tps")" "$(printf '%.1f ms' "$p50")" \
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

machine_snapshot() {  # what else runs on the machine
  {
    echo "== $1: $(date -Is)"
    echo "cores: $(nproc), memory: $(free -g | awk '/^Mem/ { print $2 " GiB total, " $7 " GiB available" }')"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    # the second of two top samples: CPU use right now, not averaged over each process's lifetime
    top -c -b -n 2 -d 2 -w 200 | awk '/^top -/ { n++ } n == 2' | sed -n '7,18p' | cut -c1-160
  } >> "$RESULTS/machine.txt"
}

# =============================================================================================================
command -v wrk > /dev/null || { log "installing wrk"; apt-get install -y -qq wrk > /dev/null 2>&1 \
  || { apt-get update -qq > /dev/null && apt-get install -y -qq wrk > /dev/null; } || die "could not install wrk"; }
command -v pgbench > /dev/null || die "pgbench is missing (Debian: postgresql-client)"
command -v psql > /dev/null || die "psql is missing (Debian: postgresql-client)"

log "results go to $RESULTS ($([[ $QUICK == 1 ]] && echo quick || echo full) run: ${DURATION}s per scenario)"
machine_snapshot "before"
build_if_needed
start_postgres
log "PostgreSQL: $(psql_q -c "select current_setting('server_version')") on port $PGPORT;" \
  "synchronous_commit=$(psql_q -c 'show synchronous_commit'), fsync=$(psql_q -c 'show fsync')," \
  "shared_buffers=$(psql_q -c 'show shared_buffers')"

# Bench-only signing key; the service trusts it through QUARKUS_OIDC_PUBLIC_KEY. Tokens of the organization the
# scenarios use: a case worker (GET), a clinic system's service account (event POSTs), a supervisor (reports).
rm -rf "$TOKENS"
bench_java BenchTokens "$TOKENS" "$ISSUER" "$ORG" "$CASEWORKER:caseworker" "$SUPERVISOR:supervisor" \
  "$INTEGRATION:integration"

MARKER="orgs=$ORGS filings-per-org=10000"
RSS_100K="n/a (--reuse-data)"
FIRST_START_S="n/a (--reuse-data)"
if (( REUSE )) && [[ -f $DATA/loaded.txt ]] && [[ $(cat "$DATA/loaded.txt") == "$MARKER" ]]; then
  log "reusing the loaded data set ($MARKER)"
else
  (( ! REUSE )) || die "--reuse-data: no data set of this size ($MARKER) was loaded before; run without it"
  if [[ -n "${BENCH_DB_URL:-}" ]] && [[ -n "$(psql_q -c "select 1 from information_schema.tables where table_name = 'filing'" )" ]] \
      && [[ -n "$(psql_q -c "select 1 from organization where id = '$ORG'")" ]]; then
    die "the database at BENCH_DB_URL already holds bench data: give an empty database, or --reuse-data"
  fi
  rm -f "$DATA/loaded.txt"
  log "first start of the service: Flyway creates the schema"
  start_service first
  FIRST_START_S="$STARTUP_S s"
  log "  ready after $STARTUP_S s (empty database, migrations included)"
  load_orgs 0 "$PHASE1_ORGS"
  log "warm-up mix at $(( PHASE1_ORGS * 10000 )) filings"
  warmup_mix
  RSS_100K="$(rss_mb "$SERVICE_PID") MB"
  log "service RSS at $(( PHASE1_ORGS * 10000 )) filings (after the warm-up mix): $RSS_100K"
  stop_service
  if (( ORGS > PHASE1_ORGS )); then load_orgs "$PHASE1_ORGS" "$ORGS"; fi
  echo "$MARKER" > "$DATA/loaded.txt"
fi
FILINGS=$(psql_q -c "select count(*) from filing")
log "data set: $(psql_q -c "select count(*) from organization") organizations, $FILINGS filings," \
  "$(psql_q -c "select count(*) from client") clients, $(psql_q -c "select count(*) from filing_event") events," \
  "$(psql_q -c "select count(*) from alert_window") alert windows; $ORG has $(wc -l < "$DATA/filing-ids.txt") filings"

# --- the measured service ----------------------------------------------------------------------------------
JFR_OPTS=()
(( JFR )) && JFR_OPTS=(-XX:StartFlightRecording=filename="$RESULTS/service.jfr",settings=profile,dumponexit=true)
log "starting the packaged service ($JAVA_OPTS ${JFR_OPTS[*]})"
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

export BENCH_TOKEN BENCH_IDS_FILE BENCH_TODAY
SUPERVISOR_TOKEN=$(cat "$TOKENS/$SUPERVISOR.jwt")

run_wrk "GET /q/health/live (no token)" health fixed.lua /q/health/live

BENCH_TOKEN=$(cat "$TOKENS/$CASEWORKER.jwt") BENCH_IDS_FILE=$DATA/filing-ids.txt \
  run_wrk "GET /api/v1/filings/{id} (random of 10k)" get get-filing.lua /

pgbench_baseline

run_wrk "GET /reports/overdue (first page of 50)" report fixed.lua /api/v1/reports/overdue \
  -H "Authorization: Bearer $SUPERVISOR_TOKEN"
run_wrk "GET /reports/overdue/summary" summary fixed.lua /api/v1/reports/overdue/summary \
  -H "Authorization: Bearer $SUPERVISOR_TOKEN"
sequential "GET /reports/overdue, sequential" report-seq /api/v1/reports/overdue "$SUPERVISOR_TOKEN"
sequential "GET /reports/overdue/summary, sequential" summary-seq /api/v1/reports/overdue/summary "$SUPERVISOR_TOKEN"
csv_export

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
  echo "JVM: $JAVA_OPTS ${JFR_OPTS[*]}; $CONNECTIONS connections, wrk -t2, ${DURATION}s per scenario after ${WARMUP}s warm-up;" \
    "$ORG: 10,000 filings, $REPORT_TOTAL overdue rows on $TODAY"
  echo "CPU columns: share of one core over the scenario ($(nproc) cores = $(( $(nproc) * 100 ))% in all) used by the service," \
    "PostgreSQL, the load generator (wrk/pgbench/curl) and other processes on the machine; ms/req: CPU per request."
  echo "errors: non-2xx responses + socket errors. machine: $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GiB;" \
    "load average and busiest processes before/after: $RESULTS/machine.txt"
} | tee "$RESULTS/table.txt"
log "done; everything is in $RESULTS"
