#!/bin/sh
# Makes Debian's PostgreSQL server binaries (initdb, pg_ctl) available for the PostgreSQL store's
# tests. The tests start a throwaway cluster of their own (initdb into a temporary directory, a
# free loopback port, as the OS user postgres when run as root) and never use a system cluster.
# Installing needs root, or a sudo that asks for no password; without either we only say so, and
# the PostgreSQL tests skip themselves with a message (JUnit assumptions): this script never fails
# the build.
#
# Debian puts initdb and pg_ctl in /usr/lib/postgresql/VERSION/bin, which is not on the PATH (its
# pg_wrapper covers only the client programs); the tests look there as well as on the PATH.
# ENSURE_POSTGRES_LIB overrides that directory (for this script's own test).
lib=${ENSURE_POSTGRES_LIB:-/usr/lib/postgresql}

installed() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  for bin in "$lib"/*/bin; do
    [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] && return 0
  done
  return 1
}

installed && exit 0

if [ "$(id -u)" = "0" ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  as_root="sudo -n"
else
  echo "ensure-postgres: PostgreSQL is not installed and this user can neither install it (not root," \
       "no password-less sudo); PostgreSQL tests will be skipped (install with: apt-get install -y postgresql)" >&2
  exit 0
fi

echo "ensure-postgres: installing postgresql" >&2
# Waits for another apt or dpkg run to finish instead of failing at once on its lock. On a machine
# with an init system the package starts its own cluster, as any install of it does; the tests do
# not use it (systemctl disable --now postgresql stops it).
if ! { $as_root apt-get -o DPkg::Lock::Timeout=300 update &&
       $as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y \
         --no-install-recommends postgresql; }; then
  echo "ensure-postgres: installing postgresql failed; PostgreSQL tests will be skipped" >&2
  exit 0
fi
if ! installed; then
  echo "ensure-postgres: postgresql is installed but no initdb and pg_ctl were found on the PATH or in" \
       "$lib/*/bin; PostgreSQL tests will be skipped" >&2
fi
exit 0
