#!/usr/bin/env bash
# Audits an organization of N member accounts (default 10,000) on a fresh in-memory emulator and
# reports the audit's wall time, peak RSS and the largest heap left after a garbage collection (the
# live data: flat when results stream). Set-up uses boto3 (on the machine) to create the
# accounts; the audit itself is `billing-gate audit` at its default concurrency.
#   scripts/bench-audit.sh [N]        (AUDIT_JAVA_OPTS: JVM options of the audit, e.g. -Xmx192m)
source "$(dirname "$0")/bench-common.sh"

accounts=${1:-10000}
(cd "$ROOT" && mvn -q -B -o -DskipTests -pl server -am package >&2)
port=$(free_port)
java -XX:+UseSerialGC -jar "$ROOT/server/target/billing-gate.jar" serve --in-memory --port "$port" \
  --create-account-delay 0 --account-quota $((accounts + 1)) >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
wait_for_http "$port"

export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_ENDPOINT_URL="http://127.0.0.1:$port"
setup_started=$(date +%s)
python3 - "$accounts" <<'PY'
import sys, boto3
n = int(sys.argv[1])
session = boto3.Session()
org = session.client("organizations")
org.create_organization(FeatureSet="ALL")
org.enable_aws_service_access(ServicePrincipal="iam.amazonaws.com")
iam = session.client("iam")
iam.enable_organizations_root_credentials_management()
iam.enable_organizations_root_sessions()
for i in range(n):
    # At most 5 creations may be in progress; with no delay each completes on the next call.
    org.create_account(AccountName=f"member-{i}", Email=f"member-{i}@example.com")
org.list_roots()
PY
echo "set-up: $accounts accounts in $(( $(date +%s) - setup_started )) s" >&2

state=$(mktemp -d)
/usr/bin/time -f "audit: %e s wall, peak RSS %M KiB" \
  java ${AUDIT_JAVA_OPTS:-} -Xlog:gc:file="$state/gc.log" -jar "$ROOT/server/target/billing-gate.jar" \
  audit --state-dir "$state" --output json --no-color >"$state/out.json" || true
# Lines look like "... Pause Young (Allocation Failure) 20M->3M(30M) 1.2ms": the figure after "->".
grep -o -- '->[0-9]*M' "$state/gc.log" | tr -d '>M-' | sort -n | tail -1 |
  awk '{print "largest heap after a collection: " $1 " MiB"}'
python3 -c "import json,sys; d=json.load(open('$state/out.json')); print('accounts audited:', len(d.get('accounts', d if isinstance(d, list) else [])))" 2>/dev/null || true
