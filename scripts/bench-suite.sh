#!/usr/bin/env bash
# The test-suite benchmark (issue 11): TESTS tests (200), each from a clean state: create an organization
# with 5 accounts, assume OrganizationAccountAccessRole into one, attach an SCP denying iam:ListUsers to
# it, call ListUsers as that role. One client program (dev.billinggate.bench.SuiteBenchmark, SDK v2)
# runs it three ways, in one run:
#   reset    billing-gate (`./billing-gate serve --in-memory --create-account-delay 0`), POST /_billing-gate/v1/reset
#   restart  the same command, the process stopped and started again before every test
#   moto     moto_server, POST /moto-api/reset (skipped when moto_server is not installed)
# Each mode prints the client program's own CPU per test (the same work whatever the server); reset and
# moto also print the server process's CPU per test. WARMUP=N runs N tests first, untimed, so the figures
# are those of a long suite's later tests (the client's and the server's code compiled).
#   scripts/bench-suite.sh                  # all three
#   TESTS=50 MODES="reset moto" scripts/bench-suite.sh
#   WARMUP=200 MODES="reset moto" scripts/bench-suite.sh
source "$(dirname "$0")/bench-common.sh"

tests=${TESTS:-200}
warmup=${WARMUP:-0}
modes=${MODES:-reset restart moto}
classpath=$(bench_classpath)
(cd "$ROOT" && mvn -q -B -o -DskipTests -pl server -am package >&2)
serve="$ROOT/billing-gate serve --in-memory --create-account-delay 0 --port"

suite() {
  java -XX:+UseSerialGC -cp "$classpath" dev.billinggate.bench.SuiteBenchmark "$@" --tests "$tests" --warm-up "$warmup"
}

started=()
trap 'for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done' EXIT

# The launcher records its CDS archive or AOT cache when the first server after a build exits: once,
# before anything is timed.
port=$(free_port)
$serve "$port" >/dev/null 2>&1 &
pid=$!
wait_for_http "$port"
kill "$pid"
wait "$pid" 2>/dev/null || true

for mode in $modes; do
  case $mode in
    reset)
      port=$(free_port)
      $serve "$port" >/dev/null 2>&1 &
      started+=($!)
      wait_for_http "$port"
      suite --server-pid "$!" --mode reset --url "http://127.0.0.1:$port"
      ;;
    restart)
      # A restart per test leaves no server to warm up.
      suite --warm-up 0 --mode restart --command "$serve %PORT%"
      ;;
    moto)
      if ! command -v moto_server >/dev/null; then
        echo "moto: skipped (moto_server is not installed)"
        continue
      fi
      port=$(free_port)
      moto_server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
      started+=($!)
      wait_for_http "$port"
      suite --server-pid "$!" --mode moto --url "http://127.0.0.1:$port"
      ;;
    *) echo "unknown mode $mode (reset, restart, moto)" >&2; exit 2 ;;
  esac
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores)"
