#!/usr/bin/env bash
# Runs the same load against moto_server (which accepts any credentials) on a free loopback port,
# for comparison with bench-server.sh, then stops it.
#   scripts/bench-moto.sh [LoadGenerator options, e.g. --operation iam-list-users]
# Environment: CONNECTIONS ("1 8 64"), WARMUP (3), DURATION (10).
source "$(dirname "$0")/bench-common.sh"

classpath=$(bench_classpath)
port=$(free_port)
moto_server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null; wait $moto 2>/dev/null || true' EXIT
wait_for_http "$port"
run_load "$classpath" "$port" "$@"
