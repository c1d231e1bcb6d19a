# Shared by run.sh, soak.sh, sqlmap.sh and the other scripts here (sourced, not run): settings, cleanup, the
# build, PostgreSQL, tokens, the data set, the packaged service and reading wrk's results. Before sourcing, a script may set:
#   RESULTS_NAME  first part of its results folder under target/bench (default "results")
#   DATA_SET      a name for a data set of its own, kept apart from run.sh's (default: run.sh's, 1M filings)
# and, before calling the functions: QUICK (0/1) and REUSE (0/1, --reuse-data).
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
BENCH=src/bench
WORK=target/bench
RESULTS=$WORK/${RESULTS_NAME:-results}-$(date +%Y%m%d-%H%M%S)
# id files written by the loader and the marker of what is loaded, one folder per database they describe
DATA=$WORK/data${DATA_SET:+-$DATA_SET}
[[ -z "${BENCH_DB_URL:-}" ]] || DATA=$WORK/data-external${DATA_SET:+-$DATA_SET}
TOKENS=$WORK/tokens
mkdir -p "$RESULTS" "$DATA"

QUICK=${QUICK:-0}
REUSE=${REUSE:-0}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx200m -XX:+UseSerialGC}   # as docker/Dockerfile runs the service
# The rate limiter stays on, with budgets the load generator cannot reach (it is one caller sending thousands a second).
RATE_LIMIT_OPTS=${BENCH_RATE_LIMIT_OPTS:--Dasylum.rate-limit.token-per-second=10000000 -Dasylum.rate-limit.token-burst=10000000 -Dasylum.rate-limit.organization-per-second=10000000 -Dasylum.rate-limit.organization-burst=10000000}
CDS=${BENCH_CDS:-1}            # start with a class-data sharing archive made as docker/Dockerfile makes it
CDS_ARCHIVE=$WORK/app-cds.jsa
PG_SHARED_BUFFERS=${BENCH_PG_SHARED_BUFFERS:-1GB}
ORG=bench-000                  # the organization the scenarios use: 10,000 filings, New York time
ORG_ZONE=America/New_York
ISSUER=asylum-case-tracker-bench
CASEWORKER=caseworker-01
USERS=${BENCH_USERS:-100}      # case workers reading filings at once, each with a token of their own
SUPERVISOR=bench-supervisor
INTEGRATION=service-account-bench-integration
ADMIN=bench-admin
OTHER_ORG=bench-001            # a second clinic, for fairness.sh: two supervisors and a case worker
OTHER_SUPERVISOR=other-supervisor
OTHER_EXPORTER=other-exporter
OTHER_CASEWORKER=other-caseworker
CLK_TCK=$(getconf CLK_TCK)

SERVICE_PID=
POSTGRES_PID=
SAMPLER_PID=
PGDATA_DIR=

log() { printf '[%s] %s\n' "$(date +%T)" "$*"; }
die() { log "FAILED: $*" >&2; exit 1; }

# --- cleanup: everything the script started stops with it, also on Ctrl-C ---------------------------------
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

# nearest-rank percentile of the numbers in a file
percentile() { sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { i = int((p / 100) * NR + 0.999999); if (i < 1) i = 1; print v[i] }'; }

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

# The WRK_RESULT line common.lua prints ("WRK_RESULT requests=1 seconds=2 ...") into the caller's variables
# requests, seconds, rps, p50_ms, p99_ms, max_ms, non2xx and socket_errors (declared local there, they stay there).
wrk_result() {  # wrk-output-file
  local line
  line=$(grep '^WRK_RESULT' "$1") || die "no result from wrk, see $1"
  eval "$(echo "${line#WRK_RESULT }" | tr ' ' '\n')"
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

# wrk (installed with apt-get when missing) and the PostgreSQL client
require_tools() {
  command -v wrk > /dev/null || { log "installing wrk"; apt-get install -y -qq wrk > /dev/null 2>&1 \
    || { apt-get update -qq > /dev/null && apt-get install -y -qq wrk > /dev/null; } || die "could not install wrk"; }
  command -v psql > /dev/null || die "psql is missing (Debian: postgresql-client)"
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
  if (( CDS )) && [[ ! -s $CDS_ARCHIVE || -n "$(find target/quarkus-app -newer "$CDS_ARCHIVE" -print -quit)" ]]; then
    log "class-data sharing archive of the packaged service (docker/app-cds.sh, as the image makes it)"
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
    ( for name in "${!QUARKUS_@}"; do unset "$name"; done
      sh docker/app-cds.sh "$CDS_ARCHIVE" "$jar" $JAVA_OPTS ) || die "docker/app-cds.sh failed"
  fi
  BENCH_CP="$WORK/classes:target/classes:$(cat "$WORK/classpath.txt")"
  rm -rf "$WORK/classes"
  javac -nowarn -d "$WORK/classes" -cp "$BENCH_CP" "$BENCH"/java/org/asylumcasetracker/bench/*.java
}

bench_java() { java -cp "$BENCH_CP" "org.asylumcasetracker.bench.$1" "${@:2}"; }

# What every script does first: note the machine, build, start PostgreSQL, sign the tokens.
prepare() {
  machine_snapshot "before"
  build_if_needed
  start_postgres
  log_postgres_settings
  sign_tokens
}

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
  PGDATA_DIR=$WORK/pgdata${DATA_SET:+-$DATA_SET}
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

log_postgres_settings() {
  log "PostgreSQL: $(psql_q -c "select current_setting('server_version')") on port $PGPORT;" \
    "synchronous_commit=$(psql_q -c 'show synchronous_commit'), fsync=$(psql_q -c 'show fsync')," \
    "shared_buffers=$(psql_q -c 'show shared_buffers')"
}

# --- tokens --------------------------------------------------------------------------------------------------
# Bench-only signing key; the service trusts it through QUARKUS_OIDC_PUBLIC_KEY. Tokens of the organization the
# scenarios use: a case worker (GET), a clinic system's service account (event POSTs, change feed), a supervisor
# (reports, lists, webhooks) and an administrator (the organization list).
sign_tokens() {  # the named users, plus USERS case workers whose tokens are listed in $TOKENS/caseworkers.txt
  local pool=() i
  rm -rf "$TOKENS"
  for ((i = 1; i <= USERS; i++)); do pool+=("$(printf 'caseworker-%03d' "$i"):caseworker"); done
  bench_java BenchTokens "$TOKENS" "$ISSUER" "$ORG" "$CASEWORKER:caseworker" "$SUPERVISOR:supervisor" \
    "$INTEGRATION:integration" "$ADMIN:admin" "$OTHER_SUPERVISOR:supervisor:$OTHER_ORG" \
    "$OTHER_EXPORTER:supervisor:$OTHER_ORG" "$OTHER_CASEWORKER:caseworker:$OTHER_ORG" "${pool[@]}"
  for ((i = 1; i <= USERS; i++)); do
    cat "$TOKENS/$(printf 'caseworker-%03d' "$i").jwt"
    echo
  done > "$TOKENS/caseworkers.txt"
}

token() { cat "$TOKENS/$1.jwt"; }

# --- the service ---------------------------------------------------------------------------------------------
service_cds_option() { if (( CDS )); then echo "-XX:SharedArchiveFile=$CDS_ARCHIVE"; fi; }

start_service() {  # label [extra JVM options...]; env SERVICE_JAR (default the packaged build); sets SERVICE_PID, SERVICE_URL, MANAGEMENT_URL, STARTUP_S
  local READY_TIMEOUT_S=${READY_TIMEOUT_S:-120}
  local label=$1
  shift
  local port management_port began
  port=$(free_port)
  management_port=$(free_port)
  SERVICE_URL=http://127.0.0.1:$port
  # health and metrics are served on the management interface only
  MANAGEMENT_URL=http://127.0.0.1:$management_port
  began=$(now_ns)
  (
    # Only what production would be given: no QUARKUS_* settings inherited from this shell.
    for name in "${!QUARKUS_@}"; do unset "$name"; done
    export QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$management_port QUARKUS_DATASOURCE_JDBC_URL=$JDBC_URL
    export QUARKUS_DATASOURCE_USERNAME=${SERVICE_DB_USER:-$DB_USER} QUARKUS_DATASOURCE_PASSWORD=${SERVICE_DB_PASSWORD:-$DB_PASSWORD}
    if [[ -n "${SERVICE_DB_USER:-}" ]]; then
      # the README's two-role setup: migrations run as the role that owns the tables
      export QUARKUS_FLYWAY_USERNAME=$DB_USER QUARKUS_FLYWAY_PASSWORD=$DB_PASSWORD
    fi
    # Tokens are verified with the bench key. The prod profile names a Keycloak URL; an empty
    # QUARKUS_OIDC_AUTH_SERVER_URL removes it (with a server URL, quarkus-oidc would ignore the public key).
    export QUARKUS_OIDC_AUTH_SERVER_URL= QUARKUS_OIDC_TOKEN_ISSUER=$ISSUER
    QUARKUS_OIDC_PUBLIC_KEY=$(cat "$TOKENS/public-key.b64")
    export QUARKUS_OIDC_PUBLIC_KEY
    # Webhook subscriptions need a key to seal their secrets (this one is public, for the bench only), and
    # the bench's receivers listen on loopback, which deployments refuse unless listed.
    export ASYLUM_WEBHOOKS_SECRETS_KEY=${BENCH_WEBHOOK_SECRETS_KEY:-bench-not-secret:YmVuY2gta2V5LW5vdC1hLXNlY3JldC0wMTIzNDU2Nzg=}
    export ASYLUM_WEBHOOKS_ALLOWED_TARGETS=${BENCH_WEBHOOK_ALLOWED_TARGETS:-127.0.0.1/32}
    # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
    exec java $(service_cds_option) $JAVA_OPTS $RATE_LIMIT_OPTS "$@" -jar "${SERVICE_JAR:-target/quarkus-app/quarkus-run.jar}"
  ) > "$RESULTS/service-$label.log" 2>&1 &
  SERVICE_PID=$!
  until curl -sf -o /dev/null "$MANAGEMENT_URL/q/health/ready"; do
    kill -0 "$SERVICE_PID" 2>/dev/null || die "the service exited during startup, see $RESULTS/service-$label.log"
    (( $(now_ns) - began < READY_TIMEOUT_S * 1000000000 )) || die "the service was not ready within $READY_TIMEOUT_S s"
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

# ORGS organizations (10,000 filings each), or with --reuse-data the ones an earlier run loaded. The first start
# of the service creates the schema (Flyway, FIRST_START_S); the first PHASE1_ORGS organizations are loaded while
# it runs, then the optional function named by $1 runs against it (run.sh measures the RSS there), then it stops
# and the rest is loaded. Sets FILINGS.
ensure_data() {
  local after_phase1=${1:-}
  local marker="orgs=$ORGS filings-per-org=10000"
  PHASE1_ORGS=$(( ORGS < 10 ? ORGS : 10 ))   # 10 organizations = the first 100,000 filings
  FIRST_START_S="n/a (--reuse-data)"
  if (( REUSE )) && [[ -f $DATA/loaded.txt ]] && [[ $(cat "$DATA/loaded.txt") == "$marker" ]]; then
    log "reusing the loaded data set ($marker)"
    # A schema change since the load is migrated here (Flyway at start), not during the measured start.
    # a migration that fills a new column over a million filings takes minutes
    READY_TIMEOUT_S=900 start_service migrate
    FIRST_START_S="$STARTUP_S s (--reuse-data: pending migrations only)"
    log "  service ready after $STARTUP_S s (pending migrations applied)"
    stop_service
  else
    (( ! REUSE )) || die "--reuse-data: no data set of this size ($marker) was loaded before; run without it"
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
    [[ -z "$after_phase1" ]] || "$after_phase1"
    stop_service
    if (( ORGS > PHASE1_ORGS )); then load_orgs "$PHASE1_ORGS" "$ORGS"; fi
    echo "$marker" > "$DATA/loaded.txt"
  fi
  use_service_role
  FILINGS=$(psql_q -c "select count(*) from filing")
  log "data set: $(psql_q -c "select count(*) from organization") organizations, $FILINGS filings," \
    "$(psql_q -c "select count(*) from client") clients, $(psql_q -c "select count(*) from filing_event") events," \
    "$(psql_q -c "select count(*) from alert_window") alert windows; $ORG has $(wc -l < "$DATA/filing-ids.txt") filings"
}

# From here on the service connects as a role that row-level security holds for, as in production: not the superuser
# that loaded the data (a superuser passes every policy, so the policies' cost would not be measured). The role is
# made by the project's own script, docker/postgres/service-role.sql; migrations still run as the owner of the tables.
# An external database (BENCH_DB_URL) is used with the user given. Sets SERVICE_DB_USER, SERVICE_DB_PASSWORD.
use_service_role() {
  [[ -z "${BENCH_DB_URL:-}" ]] || return 0
  if [[ -z "$(psql_q -c "select 1 from pg_roles where rolname = 'bench_service'")" ]]; then
    psql_q -v service_role=bench_service -v service_password=bench_service -v migration_role="$DB_USER" \
      -f docker/postgres/service-role.sql > /dev/null
  fi
  SERVICE_DB_USER=bench_service
  SERVICE_DB_PASSWORD=bench_service
  log "the service connects as $SERVICE_DB_USER (no superuser: row-level security applies); migrations run as $DB_USER"
}
