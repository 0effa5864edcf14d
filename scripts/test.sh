#!/usr/bin/env bash
# Runs every test of the solution against real engines: DuckDB, Parquet and SQLite in-process, and a
# PostgreSQL server started here (installed from Debian's packages when missing), on loopback, as a
# non-root user, in a throw-away data directory. The server is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

if [[ -z "$(pg_bin)" ]]; then
  echo "PostgreSQL server binaries not found; installing Debian's postgresql package." >&2
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(pg_bin)
[[ -n "$PGBIN" ]] || { echo "PostgreSQL could not be installed." >&2; exit 1; }

# The server refuses to run as root: run it as the 'postgres' user (or as ourselves when not root).
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
fi

PGPORT=${ANOMALYHUNTER_TEST_PG_PORT:-55432}
PGDATA=$(mktemp -d /tmp/anomalyhunter-pg.XXXXXX)
[[ $(id -u) -eq 0 ]] && chown postgres "$PGDATA"
stop_pg() {
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDATA"
}
trap stop_pg EXIT

as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off -c max_connections=200" start >/dev/null
export ANOMALYHUNTER_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') running on 127.0.0.1:$PGPORT" >&2

dotnet test AnomalyHunter.Batch.sln -c Release --logger "console;verbosity=normal" "$@"
