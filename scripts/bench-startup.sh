#!/usr/bin/env bash
# Measures the time from process start to the first HTTP answer, and the resident memory after
# five idle seconds.
#   scripts/bench-startup.sh            # NettyHttpServer + SigV4 bench handler (BenchServer)
#   scripts/bench-startup.sh moto       # moto_server, for comparison
#   BENCH_CMD='java -jar server/target/billing-gate.jar serve --port %PORT%' scripts/bench-startup.sh
# %PORT% in BENCH_CMD is replaced by a free loopback port.
source "$(dirname "$0")/bench-common.sh"

port=$(free_port)
if [ "${1:-}" = moto ]; then
  command="moto_server -H 127.0.0.1 -p $port"
elif [ -n "${BENCH_CMD:-}" ]; then
  command=${BENCH_CMD//%PORT%/$port}
else
  command="java -cp $(bench_classpath) dev.billinggate.bench.BenchServer --mode sigv4 --port $port"
fi

started=$(date +%s%N)
# shellcheck disable=SC2086
$command >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
wait_for_http "$port"
answered=$(date +%s%N)
sleep 5
rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
echo "first answer after $(( (answered - started) / 1000000 )) ms; idle RSS $(( rss_kib / 1024 )) MiB (pid $pid: ${command%% *})"
