#!/usr/bin/env bash
# test_store_pg.sh -- the event store on a real PostgreSQL server (started
# here, private, in a temporary directory), written by many processes at
# once:
#   - the store suite of tests/test_store.c, which runs every store case on
#     SQLite, run again against this server (DYAD_TEST_PG): the same
#     identity by id, duplicate, near-copy and one-a-day rules on both;
#   - six `dyad ingest --shard K/6` at once into one database give the
#     events one SQLite ingest gives; run again, they add nothing;
#   - an ingest killed (SIGKILL) partway leaves whole documents only (each
#     with all its events), and its rerun completes the store exactly;
#   - an unreachable server, a server that never answers and a wrong
#     password stop the run with status 1 and a message naming the host,
#     in seconds (connect timeouts), never a hang.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/pg.sh"
D=${DYAD:-build/release/dyad}
SUITE=$(dirname "$D")/tests/test_store
command -v jq >/dev/null && command -v sqlite3 >/dev/null ||
    { skip "PostgreSQL store test: jq and sqlite3 needed (scripts/install-deps.sh)"; summary; exit; }
if ! pg_start --auth-host=scram-sha-256; then
    skip "PostgreSQL store test: $PG_WHY"; summary; exit
fi
trap 'pg_stop; [ -n "$KEEP" ] || rm -rf "$TMP"' EXIT
pg_psql "$PG_SOCK_URL" "ALTER USER postgres PASSWORD 'right'"
base="postgresql://postgres:right@127.0.0.1:$PG_PORT"
db() { pg_psql "$PG_SOCK_URL" "CREATE DATABASE $1" && echo "$base/$1"; }

# the store suite, on PostgreSQL
if [ -x "$SUITE" ]; then
    DYAD_TEST_PG="$base" DYAD_TEST_PG_ADMIN="$PG_SOCK_URL" "$SUITE" >$TMP/suite 2>&1
    check "store suite on PostgreSQL passes" test $? = 0
    check "store suite ran its PostgreSQL cases" grep -q "store cases on PostgreSQL: [1-9]" $TMP/suite
    grep -E "FAIL|failed" $TMP/suite | grep -v " 0 failed" >&2
else
    skip "store suite: $SUITE not built (make test builds it)"
fi

wire_jsonl $TMP/in.jsonl
ndocs=$(wc -l <$TMP/in.jsonl)
$D ingest --no-progress --quiet --date 2024-01-01 --db $TMP/one.db $TMP/in.jsonl
store_rows $TMP/one.db >$TMP/want
check "the single ingest stored events" test "$(wc -l <$TMP/want)" -gt 100

# six writers at once
u=$(db many)
pids=
for k in 1 2 3 4 5 6; do
    $D ingest --no-progress --date 2024-01-01 --batch 25 --shard $k/6 --db "$u" $TMP/in.jsonl 2>$TMP/w$k &
    pids="$pids $!"
done
bad=0; for p in $pids; do wait $p || bad=1; done
check "six writers at once exit 0" test $bad = 0
store_rows "$u" >$TMP/got
check "six writers = one SQLite ingest (events)" cmp -s $TMP/want $TMP/got
check "six writers: every document once" test "$(pg_psql "$u" 'select count(*), count(distinct id) from documents')" = "$ndocs|$ndocs"
check "six writers: sentences as SQLite's" test "$(pg_psql "$u" 'select count(*) from sentences')" = "$(sqlite3 $TMP/one.db 'select count(*) from sentences')"
for k in 1 2 3 4 5 6; do
    $D ingest --no-progress --date 2024-01-01 --shard $k/6 --db "$u" $TMP/in.jsonl 2>$TMP/r$k
done
check "rerun of every writer stores nothing" test "$(cat $TMP/r? | grep -c ': 0 stored, 0 near copies')" = 6
check "rerun: the events unchanged" test "$(store_rows "$u" | cmp -s - $TMP/want && echo same)" = same

# a writer killed partway; its rerun completes the store
u=$(db killed)
big=$TMP/big.jsonl
for i in 1 2 3 4 5 6 7 8; do jq -c ".id = .id + \"-$i\"" $TMP/in.jsonl; done >$big
$D ingest --no-progress --quiet --date 2024-01-01 --batch 10 --db "$u" $big 2>/dev/null &
pid=$!
for i in $(seq 1 100); do
    n=$(pg_psql "$u" "select count(*) from documents" 2>/dev/null); n=${n:-0}
    [ "$n" -ge 40 ] && break
    sleep 0.1
done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
n=$(pg_psql "$u" "select count(*) from documents")
check "killed partway: some documents stored" test "$n" -gt 0
check "killed partway: not all" test "$n" -lt $((ndocs * 8))
$D ingest --no-progress --quiet --date 2024-01-01 --db $TMP/big.db $big
# each stored document has every event it has in a whole run
partial=$(pg_psql "$u" "select d.id||' '||count(e.event) from documents d left join events e using(doc) group by d.id" | sort >$TMP/kdocs;
          sqlite3 $TMP/big.db "select d.id||' '||count(e.event) from documents d left join events e using(doc) group by d.id" | sort | join - $TMP/kdocs | awk '$2 != $3' | wc -l)
check "killed partway: no partial document" test "$partial" = 0
$D ingest --no-progress --date 2024-01-01 --db "$u" $big 2>$TMP/rerun
check "rerun after the kill exits 0" test $? = 0
check "rerun stores exactly the rest" grep -q "$((ndocs * 8)) documents read: $(($(sqlite3 $TMP/big.db 'select count(*) from documents') - n)) stored" $TMP/rerun
check "rerun: events = one whole run" test "$(store_rows "$u" | cmp -s - <(store_rows $TMP/big.db) && echo same)" = same

# unreachable, silent, refusing: status 1, the host named, no hang
$D ingest --no-progress --db "postgresql://postgres:secret@127.0.0.1:1/x" $TMP/in.jsonl 2>$TMP/e1
check "unreachable server: status 1" test $? = 1
check "unreachable server: host named, password hidden" grep -q "postgresql://postgres:\*\*\*@127.0.0.1:1/x: cannot connect" $TMP/e1
$D ingest --no-progress --db "postgresql://postgres:wrong@127.0.0.1:$PG_PORT/many" $TMP/in.jsonl 2>$TMP/e2
check "wrong password: status 1" test $? = 1
check "wrong password: host named, said why" grep -q "127.0.0.1:$PG_PORT/many: cannot connect: .*password authentication failed" $TMP/e2
check "wrong password: not echoed" test "$(grep -c wrong $TMP/e2)" = 0
# a port that accepts connections and never answers: the connect timeout (10 s) ends it
python3 -c 'import socket,sys,time; s=socket.socket(); s.bind(("127.0.0.1",0)); s.listen(5); print(s.getsockname()[1]); sys.stdout.flush(); time.sleep(60)' >$TMP/port &
silent=$!
for i in $(seq 1 50); do [ -s $TMP/port ] && break; sleep 0.1; done
t1=$(date +%s)
timeout 40 $D ingest --no-progress --db "postgresql://postgres@127.0.0.1:$(cat $TMP/port)/x" $TMP/in.jsonl 2>$TMP/e3
rc=$?
t2=$(date +%s)
kill $silent 2>/dev/null; wait $silent 2>/dev/null
check "silent server: status 1 (not killed by timeout)" test $rc = 1
check "silent server: given up within 20 s" test $((t2 - t1)) -le 20
check "silent server: host named" grep -q "127.0.0.1:$(cat $TMP/port)/x: cannot connect" $TMP/e3
summary
