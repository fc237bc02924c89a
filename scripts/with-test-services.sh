#!/usr/bin/env bash
# Start a private PostgreSQL cluster, run the given command with TEST_POSTGRES_URL set, stop it.
# PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.
set -uo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed (run: make system-test-deps)." >&2
  exit 1
fi
dir=$(mktemp -d /tmp/loket-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$dir"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$dir"
}
trap cleanup EXIT
"${as_pg[@]}" "$bindir/initdb" -D "$dir/data" -U loket --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
"${as_pg[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U loket loket_test
export TEST_POSTGRES_URL="postgresql+psycopg2://loket@127.0.0.1:$port/loket_test"
"$@"
