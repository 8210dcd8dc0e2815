#!/usr/bin/env bash
# Pulls an organization of N member accounts (default 10,000) from a fresh in-memory emulator into a
# twin file, then loads it into a second emulator with `serve --from-twin`, and reports the pull's
# wall time, peak RSS and largest heap after a collection, the file's size, and the time until the twin's emulator answers with the
# organization built. Set-up uses boto3 (on the machine) to create the accounts, as bench-audit.sh.
#   scripts/bench-twin.sh [N]        (TWIN_JAVA_OPTS: JVM options of the pull, e.g. -Xmx192m)
source "$(dirname "$0")/bench-common.sh"

accounts=${1:-10000}
(cd "$ROOT" && mvn -q -B -o -DskipTests -pl server -am package >&2)
jar="$ROOT/server/target/billing-gate.jar"
port=$(free_port)
java -XX:+UseSerialGC -jar "$jar" serve --in-memory --port "$port" \
  --create-account-delay 0 --account-quota $((accounts + 1)) >/dev/null 2>&1 &
server=$!
twin_server=
trap 'kill $server $twin_server 2>/dev/null; wait $server $twin_server 2>/dev/null || true' EXIT
wait_for_http "$port"

export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
setup_started=$(date +%s)
AWS_ENDPOINT_URL="http://127.0.0.1:$port" python3 - "$accounts" <<'PY'
import sys, boto3
n = int(sys.argv[1])
session = boto3.Session()
org = session.client("organizations")
org.create_organization(FeatureSet="ALL")
org.enable_aws_service_access(ServicePrincipal="iam.amazonaws.com")
iam = session.client("iam")
iam.enable_organizations_root_credentials_management()
iam.enable_organizations_root_sessions()
root = org.list_roots()["Roots"][0]["Id"]
ou = org.create_organizational_unit(ParentId=root, Name="Workloads")["OrganizationalUnit"]["Id"]
for i in range(n):
    # At most 5 creations may be in progress; with no delay each completes on the next call.
    org.create_account(AccountName=f"member-{i}", Email=f"member-{i}@example.com")
org.list_roots()
PY
echo "set-up: $accounts accounts in $(( $(date +%s) - setup_started )) s" >&2

work=$(mktemp -d)
/usr/bin/time -f "pull: %e s wall, peak RSS %M KiB" \
  java ${TWIN_JAVA_OPTS:-} -Xlog:gc:file="$work/gc.log" -jar "$jar" twin pull "$work/twin.json" \
  --endpoint-url "http://127.0.0.1:$port" --probe-billing-access --state-dir "$work/state"
# Lines look like "... Pause Young (Allocation Failure) 20M->3M(30M) 1.2ms": the figure after "->".
grep -o -- '->[0-9]*M' "$work/gc.log" | tr -d '>M-' | sort -n | tail -1 |
  awk '{print "pull: largest heap after a collection: " $1 " MiB"}' >&2
echo "twin file: $(du -k "$work/twin.json" | cut -f1) KiB" >&2

twin_port=$(free_port)
load_started=$(date +%s%N)
java -XX:+UseSerialGC -jar "$jar" serve --in-memory --port "$twin_port" --from-twin "$work/twin.json" \
  >/dev/null 2>"$work/serve.err" &
twin_server=$!
# The organization answers once the twin is built (it is loaded before anything else is served).
AWS_ENDPOINT_URL="http://127.0.0.1:$twin_port" python3 - <<'PY'
import time, boto3, botocore
org = boto3.Session().client("organizations", config=botocore.config.Config(retries={"max_attempts": 1}))
for _ in range(6000):
    try:
        org.describe_organization()
        break
    except Exception:
        time.sleep(0.01)
PY
echo "serve --from-twin: organization answering after $(( ($(date +%s%N) - load_started) / 1000000 )) ms" >&2
grep "started from twin" "$work/serve.err" >&2 || cat "$work/serve.err" >&2
