# pg.sh -- sourced by CLI tests that need a real PostgreSQL server: starts
# a private one in a temporary directory (as the postgres user when run as
# root: the server refuses root), on a unix socket there and on 127.0.0.1
# at a free port, with fsync off; pg_stop stops it and removes it.
#   pg_start [initdb options]   sets PG_URL (postgresql://postgres@127.0.0.1:PORT/postgres),
#                               PG_PORT, PG_DIR, PG_SOCK_URL (over the socket); 1 (and a
#                               reason in PG_WHY) when no server can be started
#   pg_psql URL SQL             one statement, unaligned rows on stdout
#   pg_stop
#   store_rows DB               a store's events (SQLite file or postgresql:// URL) as sorted
#                               lines: document id|sentence|source|target|code|date|counted
PG_DIR=; PG_RUN=; PG_BIN=
pg_start() {
    local initdb
    initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -1)
    [ -x "$initdb" ] || { PG_WHY="initdb not found (Debian package postgresql)"; return 1; }
    command -v psql >/dev/null || { PG_WHY="psql not found"; return 1; }
    PG_BIN=$(dirname "$initdb")
    PG_DIR=$(mktemp -d /tmp/dyad-pg-XXXXXX)
    PG_RUN=""
    if [ "$(id -u)" = 0 ]; then
        if ! id postgres >/dev/null 2>&1 || ! command -v runuser >/dev/null; then
            PG_WHY="root without a postgres user to run the server"; rm -rf "$PG_DIR"; PG_DIR=; return 1
        fi
        chown postgres "$PG_DIR"; PG_RUN="runuser -u postgres --"
    fi
    if ! $PG_RUN "$PG_BIN/initdb" -D "$PG_DIR/data" --auth=trust -U postgres "$@" >"$PG_DIR/initdb.log" 2>&1; then
        PG_WHY="initdb failed (see $PG_DIR/initdb.log)"; return 1
    fi
    local try
    for try in 1 2 3; do
        PG_PORT=$((20000 + RANDOM % 20000))
        if $PG_RUN "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 30 \
            -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
            start >/dev/null 2>&1; then
            PG_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
            PG_SOCK_URL="postgresql://postgres@/postgres?host=$PG_DIR&port=$PG_PORT"
            return 0
        fi
    done
    PG_WHY="could not start a server (see $PG_DIR/log)"
    return 1
}
pg_psql() { psql -qAtX "$1" -c "$2"; }
pg_stop() {
    [ -n "$PG_DIR" ] || return 0
    $PG_RUN "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$PG_DIR"
    PG_DIR=
}
store_rows() {
    local q="select d.id||'|'||e.sentence||'|'||e.source||'|'||e.target||'|'||e.code||'|'||e.date||'|'||e.counted from events e join documents d using(doc)"
    if [ "${1#postgresql:}" != "$1" ]; then pg_psql "$1" "$q"; else sqlite3 "$1" "$q"; fi | sort
}
