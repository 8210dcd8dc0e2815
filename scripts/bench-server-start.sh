#!/usr/bin/env bash
# Times what the JUnit 5 extension pays: BillingGateHandle.start() for the second and later servers
# in one JVM (ServerStartBenchmark) and the reset before each test (PerTestResetBenchmark), with
# JMH single-shot iterations.
#   scripts/bench-server-start.sh [JMH options]      default: -f 1 -wi 5 -i 20 (both benchmarks)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLASSPATH_FILE="$ROOT/junit5/target/bench.classpath"
cd "$ROOT"
# The test classpath also holds the server test-jar's benchmarks: name the two, or JMH runs them all.
if [ $# -eq 0 ]; then set -- "ServerStartBenchmark|PerTestResetBenchmark" -f 1 -wi 5 -i 20; fi
mvn -q -B -o -pl junit5 -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test >&2
java -cp "$ROOT/junit5/target/test-classes:$ROOT/junit5/target/classes:$(cat "$CLASSPATH_FILE")" \
    org.openjdk.jmh.Main -jvmArgs -XX:+UseSerialGC "$@"
