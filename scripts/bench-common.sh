# Shared by the bench-*.sh scripts; source it, don't run it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLASSPATH_FILE="$ROOT/server/target/bench.classpath"

# Compiles main and test classes and writes the test classpath once, so the benchmark JVMs start
# without Maven in between.
bench_classpath() {
  (cd "$ROOT/server" && mvn -q -B -o test-compile dependency:build-classpath \
      -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test >&2)
  echo "$ROOT/server/target/classes:$ROOT/server/target/test-classes:$(cat "$CLASSPATH_FILE")"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits until something answers HTTP on the port; prints nothing, fails after ~30 s.
wait_for_http() {
  local port=$1
  for _ in $(seq 1 3000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" != "000" ]; then
      return 0
    fi
    sleep 0.01
  done
  echo "nothing answered on port $port" >&2
  return 1
}

# Runs the load generator against a loopback port for each connection count in $CONNECTIONS.
run_load() {
  local classpath=$1 port=$2; shift 2
  for connections in ${CONNECTIONS:-1 8 64}; do
    java -cp "$classpath" dev.billinggate.bench.LoadGenerator --url "http://127.0.0.1:$port" \
      --connections "$connections" --warmup "${WARMUP:-3}" --duration "${DURATION:-10}" "$@"
  done
}
