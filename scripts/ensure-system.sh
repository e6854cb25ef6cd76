#!/usr/bin/env bash
# What the test suite needs from the machine: a PostgreSQL server with trust auth on 127.0.0.1:5432 and
# Debian's Chromium. Both come from Debian's packages; nothing is downloaded from elsewhere.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Perlu akses root untuk memasang paket / root is needed to install: $*" >&2; exit 1
  fi
}

apt_updated=no
apt_install() {
  if [ "$apt_updated" = no ]; then as_root apt-get update -qq; apt_updated=yes; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }

if [ -z "${TEST_DATABASE_URL:-}" ] && ! pg_ready; then
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "Memasang PostgreSQL / installing PostgreSQL from Debian…"
    apt_install postgresql
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! as_root grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    # The tests connect as postgres without a password, as on the development machines.
    as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
  pg_ready || { echo "PostgreSQL tidak menjawab di 127.0.0.1:5432 / PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 1; }
fi

if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  echo "Memasang Chromium / installing Debian's chromium…"
  apt_install chromium
fi
