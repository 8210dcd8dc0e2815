#!/usr/bin/env bash
# Load-tests the real server (`billing-gate serve --in-memory`, the bootstrap admin's key signing every
# request) in its own JVM, for 1, 8 and 64 connections.
#   scripts/bench-billing-gate.sh [LoadGenerator options, e.g. --operation iam-list-users]
# Environment: CONNECTIONS ("1 8 64"), WARMUP (3), DURATION (10), SERVER_OPTS (JVM options).
source "$(dirname "$0")/bench-common.sh"

classpath=$(bench_classpath)
(cd "$ROOT" && mvn -q -B -o -DskipTests -pl server -am package >&2)
port=$(free_port)
# shellcheck disable=SC2086
java ${SERVER_OPTS:--XX:+UseSerialGC} -jar "$ROOT/server/target/billing-gate.jar" serve --in-memory --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
wait_for_http "$port"
run_load "$classpath" "$port" --access-key AKIAIOSFODNN7EXAMPLE --secret-key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY "$@"
