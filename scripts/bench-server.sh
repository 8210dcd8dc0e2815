#!/usr/bin/env bash
# Load-tests NettyHttpServer in its own JVM with the bench handler (sigv4: verifies every request
# against a fixed key; trivial: answers at once), for 1, 8 and 64 connections.
#   scripts/bench-server.sh [sigv4|trivial] [LoadGenerator options, e.g. --operation iam-list-users]
# Environment: CONNECTIONS ("1 8 64"), WARMUP (3), DURATION (10), SERVER_OPTS (JVM options).
source "$(dirname "$0")/bench-common.sh"

mode=${1:-sigv4}; shift || true
classpath=$(bench_classpath)
port=$(free_port)
# shellcheck disable=SC2086
java ${SERVER_OPTS:-} -cp "$classpath" dev.billinggate.bench.BenchServer --mode "$mode" --port "$port" >/dev/null &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
wait_for_http "$port"
run_load "$classpath" "$port" "$@"
