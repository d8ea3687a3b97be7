#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server (Debian's `postgresql` package) on 127.0.0.1,
# exported as TEST_DATABASE_URL; the server and its data are removed afterwards.
# Usage: scripts/with-postgres.sh npx vitest run --project unit
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "PostgreSQL is not installed: apt-get install postgresql (the database tests run on it too)" >&2
  exit 1
fi

data=$(mktemp -d /tmp/lookout-pg-XXXXXX)
# A free port unless one is given: parallel runs (and other local servers) must not collide.
port=${TEST_POSTGRES_PORT:-$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close() })")}
# initdb refuses to run as root: run the server as the `postgres` user when we are root.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$data"
  as_owner=(runuser -u postgres --)
fi

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap stop EXIT

"${as_owner[@]}" "$bin/initdb" -D "$data" -U lookout --auth=trust >/dev/null
if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
  cat "$data/server.log" >&2
  exit 1
fi

export TEST_DATABASE_URL="postgres://lookout@127.0.0.1:$port/postgres"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
