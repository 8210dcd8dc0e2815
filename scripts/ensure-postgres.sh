#!/bin/sh
# Makes Debian's PostgreSQL server binaries (initdb, pg_ctl) available for the PostgreSQL store's
# tests. The tests start a throwaway cluster of their own (initdb into a temporary directory, a
# free loopback port, as the OS user postgres when run as root) and never touch a system cluster,
# so the package's own cluster is not needed. Installing needs root; without it we only say so,
# and the PostgreSQL tests skip themselves (JUnit assumptions), so the build never fails for lack
# of PostgreSQL.
found=""
command -v initdb >/dev/null 2>&1 && found=yes
for bin in /usr/lib/postgresql/*/bin; do
  [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && found=yes
done
[ -n "$found" ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "ensure-postgres: PostgreSQL is not installed and this user is not root;" \
       "PostgreSQL tests will be skipped (install with: apt-get install -y postgresql)" >&2
  exit 0
fi
echo "ensure-postgres: installing postgresql" >&2
# RUNLEVEL=1 keeps invoke-rc.d from starting the package's own cluster: the tests start theirs.
(apt-get update && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql) \
  || echo "ensure-postgres: install failed; PostgreSQL tests may be skipped" >&2
exit 0
