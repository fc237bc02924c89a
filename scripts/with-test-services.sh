#!/usr/bin/env bash
# Start a private PostgreSQL cluster and a private Redis server, run the given command with
# TEST_POSTGRES_URL and TEST_REDIS_URL set, stop both.
# PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.
set -uo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed (run: make system-test-deps)." >&2
  exit 1
fi
if ! command -v redis-server >/dev/null 2>&1; then
  echo "Redis is not installed (run: make system-test-deps)." >&2
  exit 1
fi
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
dir=$(mktemp -d /tmp/loket-pg.XXXXXX)
port=$(free_port)
redis_port=$(free_port)
redis_pid=""
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$dir"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null
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
redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no \
  --dir "$dir" --logfile "$dir/redis.log" &
redis_pid=$!
for _ in $(seq 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $redis_port), 0.2)" \
    2>/dev/null && break
  sleep 0.1
done
export TEST_REDIS_URL="redis://127.0.0.1:$redis_port/0"
"$@"
