#!/usr/bin/env bash
# Start-up: the time from launching `./billing-gate serve --in-memory` to its first answered, SigV4-signed
# GetCallerIdentity (the bootstrap admin's key), the CPU time the server used until then, and its RSS
# after five idle seconds. For each JDK: the launcher records its start-up cache first (untimed), then
# RUNS measured runs, reported as median and range.
#   scripts/bench-startup.sh [RUNS]                 # every JDK 17 and >= 25 under /usr/lib/jvm, plus `java`'s
#   JDKS=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/bench-startup.sh 20
#   scripts/bench-startup.sh moto [RUNS]            # moto_server, for comparison (any key is accepted)
#   scripts/bench-startup.sh warmup                 # per JDK: signed GetCallerIdentity/s at 8 connections in
#                                                   # the first 3 s after the first answer, and after 20 s of load
# Needs curl >= 7.75 (--aws-sigv4).
source "$(dirname "$0")/bench-common.sh"

readonly ACCESS_KEY=AKIAIOSFODNN7EXAMPLE SECRET_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
readonly CALLER_IDENTITY='Action=GetCallerIdentity&Version=2011-06-15'

# HTTP status of one signed GetCallerIdentity ("000" when nothing answers); with a count, sends that
# many on one keep-alive connection.
signed_call() {
  local port=$1 count=${2:-1} urls=()
  for _ in $(seq 1 "$count"); do urls+=("http://127.0.0.1:$port/"); done
  curl -s -o /dev/null -w '%{http_code}' --aws-sigv4 "aws:amz:us-east-1:sts" --user "$ACCESS_KEY:$SECRET_KEY" \
    -d "$CALLER_IDENTITY" "${urls[@]}" || true
}

# Starts the command ("%PORT%" replaced), polls until a signed GetCallerIdentity answers 200 and prints
# "wall_ms cpu_ms pid port". The server keeps running.
start_and_wait() {
  local port command started pid
  port=$(free_port)
  command=${1//%PORT%/$port}
  started=$(date +%s%N)
  # shellcheck disable=SC2086
  $command >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 6000); do
    if [ "$(signed_call "$port")" = 200 ]; then
      local answered cpu
      answered=$(date +%s%N)
      cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' "/proc/$pid/stat")
      echo "$(( (answered - started) / 1000000 )) $cpu $pid $port"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "the server exited before answering: $command" >&2; return 1; }
    sleep 0.005
  done
  echo "no answer within 30 s: $command" >&2
  kill "$pid"
  return 1
}

stop() {
  kill "$1" 2>/dev/null || true
  while kill -0 "$1" 2>/dev/null; do sleep 0.05; done
}

# "median (min–max)" of the numbers on stdin.
summary() {
  sort -n | awk '{ v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d (%d–%d)", m, v[1], v[NR] }'
}

# Runs the command RUNS times; prints one result line.
measure() {
  local label=$1 command=$2 runs=$3 results pid port rss
  results=$(mktemp)
  for _ in $(seq 1 "$runs"); do
    read -r wall cpu pid port < <(start_and_wait "$command")
    echo "$wall $cpu" >>"$results"
    if [ "$(wc -l <"$results")" -lt "$runs" ]; then stop "$pid"; fi
  done
  sleep 5
  rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")
  stop "$pid"
  echo "$label: first signed GetCallerIdentity after $(cut -d' ' -f1 "$results" | summary) ms," \
    "server CPU until then $(cut -d' ' -f2 "$results" | summary) ms, idle RSS $rss MiB ($runs runs, median (min–max); load average $(cut -d' ' -f1-3 /proc/loadavg))"
  rm -f "$results"
}

feature_release() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true
}

if [ "${1:-}" = moto ]; then
  measure "moto_server $(python3 -c 'import moto; print(moto.__version__)')" "moto_server -H 127.0.0.1 -p %PORT%" "${2:-10}"
  exit 0
fi

# Warm-up: the LoadGenerator (8 connections) from the first answer on for 3 s, then again after 20 s of load.
warmup() {
  local label=$1 command=$2 classpath=$3 pid port
  read -r _ _ pid port < <(start_and_wait "$command")
  local load=(java -XX:+UseSerialGC -cp "$classpath" dev.billinggate.bench.LoadGenerator --url "http://127.0.0.1:$port"
    --connections 8 --access-key "$ACCESS_KEY" --secret-key "$SECRET_KEY")
  echo "$label, first 3 s: $("${load[@]}" --warmup 0 --duration 3 | head -1)"
  echo "$label, after 20 s: $("${load[@]}" --warmup 17 --duration 8 | head -1)"
  stop "$pid"
}

mode=measure
if [ "${1:-}" = warmup ]; then
  mode=warmup
  shift
  classpath=$(bench_classpath)
fi
runs=${1:-15}
(cd "$ROOT" && mvn -q -B -o -DskipTests -pl server -am package >&2)
if [ -z "${JDKS:-}" ]; then
  JDKS=$(for home in "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")" /usr/lib/jvm/*; do
    release=$(feature_release "$home")
    if [ "${release:-0}" = 17 ] || [ "${release:-0}" -ge 25 ]; then readlink -f "$home"; fi
  done | sort -u)
fi
for home in $JDKS; do
  label="$(basename "$home") (JDK $(feature_release "$home"))"
  command="env BILLING_GATE_JAVA_HOME=$home $ROOT/billing-gate serve --in-memory --port %PORT%"
  # The launcher's first call after a build records the start-up cache (its `train` run): not timed.
  env BILLING_GATE_JAVA_HOME="$home" "$ROOT/billing-gate" --version >/dev/null
  if [ "$mode" = warmup ]; then
    warmup "$label" "$command" "$classpath"
  else
    measure "$label" "$command" "$runs"
  fi
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
