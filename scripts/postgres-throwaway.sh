#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster (trust auth, loopback only) for tests and prints
# its URL. Usage: eval "$(scripts/postgres-throwaway.sh start [port])"; ... stop [port].
# `halt [port]` stops the server and keeps its data; `resume [port]` starts it again
# (outage tests: tests/api/db-outage.test.ts).
# deadlock_timeout=100ms: the database guard test races 50 raw inserts of one slot
# (tests/api/booking-guard.test.ts). Concurrent conflicting inserts under an exclusion
# constraint can deadlock with each other, and PostgreSQL finds each cycle only after
# deadlock_timeout (1 s by default), one after another: the 49 losers once took over 30 s
# under load. The app's own path takes advisory locks first (decision 013) and does not
# deadlock; this setting shortens detection only, the guard is the same.
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PORT=${2:-55432}
DIR=/tmp/motesplats-pg-$PORT
case "${1:-start}" in
  start)
    if ! "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
      rm -rf "$DIR" && mkdir -p "$DIR" && chown postgres "$DIR"
      su postgres -s /bin/sh -c "'$PGBIN/initdb' -D '$DIR/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
      su postgres -s /bin/sh -c "'$PGBIN/pg_ctl' -D '$DIR/data' -l '$DIR/log' -w -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c deadlock_timeout=100ms -c fsync=off -c synchronous_commit=off -c full_page_writes=off' start" >/dev/null
    fi
    echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  halt)
    su postgres -s /bin/sh -c "'$PGBIN/pg_ctl' -D '$DIR/data' -m fast -w stop" >/dev/null
    ;;
  resume)
    su postgres -s /bin/sh -c "'$PGBIN/pg_ctl' -D '$DIR/data' -l '$DIR/log' -w -o '-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c deadlock_timeout=100ms -c fsync=off -c synchronous_commit=off -c full_page_writes=off' start" >/dev/null
    ;;
  stop)
    su postgres -s /bin/sh -c "'$PGBIN/pg_ctl' -D '$DIR/data' -m fast stop" >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
esac
