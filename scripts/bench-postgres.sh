#!/usr/bin/env bash
# The PostgreSQL store against SQLite, in one run: signed GetCallerIdentity (LoadGenerator) and a
# write mix (CreateUser + AttachUserPolicy through the SDK, WriteMixBenchmark) on
#   1. one server on SQLite (--data),
#   2. one server on PostgreSQL,
#   3. two servers on the same PostgreSQL database (reads: one generator per server at once;
#      writes: the writer threads spread over both).
# PostgreSQL is a throwaway cluster (initdb in a temporary directory, a free port, fsync on as in
# production; as the OS user postgres when run as root), deleted at the end.
# Each read phase prints its rate as a share of the SQLite server's in the same run.
#   scripts/bench-postgres.sh
# Environment: CONNECTIONS (8), THREADS (4 writers), WARMUP (3), DURATION (10), SERVER_OPTS,
#   READS_ONLY=1 (skip the write mix), BASELINE_JAR=FILE (one more phase: one server of another
#   build, e.g. an older commit's server/target/billing-gate.jar, for a before/after in one run).
source "$(dirname "$0")/bench-common.sh"

classpath=$(bench_classpath)
(cd "$ROOT" && mvn -q -B -o -DskipTests -pl server -am package >&2)
jar="$ROOT/server/target/billing-gate.jar"
work=$(mktemp -d /tmp/bg-bench-postgres-XXXXXX)
pids=()

as_postgres() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
find_initdb() {
  command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1
}
initdb=$(find_initdb || true)
if [ -z "$initdb" ]; then
  sh "$ROOT/scripts/ensure-postgres.sh"
  initdb=$(find_initdb || true)
  [ -n "$initdb" ] || { echo "bench-postgres: no PostgreSQL server binaries (initdb)" >&2; exit 1; }
fi
bin=$(dirname "$(readlink -f "$initdb")")
pg_port=$(free_port)
echo "bench-pw" > "$work/pwfile"
[ "$(id -u)" = "0" ] && chown -R postgres "$work"
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
  as_postgres "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
as_postgres "$bin/initdb" -D "$work/data" -U bench --pwfile="$work/pwfile" -A scram-sha-256 -E UTF8 --locale=C >/dev/null
as_postgres "$bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w \
  -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start >/dev/null
PGPASSWORD=bench-pw "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U bench -d postgres -qc "CREATE DATABASE billing_gate"
store="postgresql://bench@127.0.0.1:$pg_port/billing_gate"

# Starts a server with the given store options; sets $port. (Not run in $(...): the server's pid
# must reach this shell's pids, or stop_servers and the exit trap could not stop it.)
serve() {
  port=$(free_port)
  # shellcheck disable=SC2086
  PGPASSWORD=bench-pw java ${SERVER_OPTS:--XX:+UseSerialGC} -jar "${serve_jar:-$jar}" serve --port "$port" "$@" \
    >"$work/serve-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 3000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/_billing-gate/v1/ready")" = "200" ] && break
    sleep 0.02
  done
}
stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
  pids=()
}
sqlite_rate=""
reads() { # ports...
  local gens=() outs=()
  for port in "$@"; do
    java -cp "$classpath" dev.billinggate.bench.LoadGenerator --url "http://127.0.0.1:$port" \
      --connections "${CONNECTIONS:-8}" --warmup "${WARMUP:-3}" --duration "${DURATION:-10}" \
      --access-key AKIAIOSFODNN7EXAMPLE --secret-key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY \
      >"$work/reads-$port.txt" &
    gens+=($!); outs+=("$work/reads-$port.txt")
  done
  for g in "${gens[@]}"; do wait "$g"; done
  cat "${outs[@]}"
  local rate
  rate=$(cat "${outs[@]}" | sed -n 's/.* \([0-9]*\) req\/s.*/\1/p' | awk '{ s += $1 } END { print s / NR }')
  if [ -z "$sqlite_rate" ]; then
    sqlite_rate=$rate
  else
    awk -v r="$rate" -v s="$sqlite_rate" 'BEGIN { printf "# reads per server: %d req/s, %.0f%% of the SQLite server'"'"'s\n", r, 100 * r / s }'
  fi
}
writes() { # label ports...
  local label=$1; shift
  local urls; urls=$(printf 'http://127.0.0.1:%s,' "$@"); urls=${urls%,}
  java -cp "$classpath" dev.billinggate.bench.WriteMixBenchmark --urls "$urls" --threads "${THREADS:-4}" \
    --warmup "${WARMUP:-3}" --duration "${DURATION:-10}" --label "$label"
}

echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## SQLite, one server"
serve --data "$work/sqlite"; p=$port
reads "$p"; [ -n "${READS_ONLY:-}" ] || writes sqlite "$p"
stop_servers

if [ -n "${BASELINE_JAR:-}" ]; then
  echo "## PostgreSQL, one server of $BASELINE_JAR"
  serve_jar=$BASELINE_JAR serve --store "$store"; p=$port
  reads "$p"
  stop_servers
fi

echo "## PostgreSQL, one server"
serve --store "$store"; p=$port
reads "$p"; [ -n "${READS_ONLY:-}" ] || writes postgres-1 "$p"

echo "## PostgreSQL, two servers on one database"
serve --store "$store"; q=$port
reads "$p" "$q"; [ -n "${READS_ONLY:-}" ] || writes postgres-2 "$p" "$q"
stop_servers
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
