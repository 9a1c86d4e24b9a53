#!/usr/bin/env bash
# test_load.sh -- a bounded load test of dyad serve on loopback: 2,000
# requests from 50 concurrent clients (bench/serve_load.c, each request a
# new connection) over the API and the page, against a store of the sample
# feeds. Every one must be answered 200 and the server must still answer
# afterwards; the latency figures are printed for the log, not asserted
# (`make bench` reports them on a 1-million-event store).
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
LOAD=${SERVE_LOAD:-build/serve_load}
F=tests/data/feed
if [ ! -x "$LOAD" ]; then
    no "$LOAD not built (make $LOAD)"; summary; exit
fi
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
$D ingest --no-progress --db $TMP/events.db $F/world.rss $F/world.atom $F/article.html \
    $F/wire.jsonl data/sample/phone-call.txt 2>/dev/null
$D serve --db $TMP/events.db --listen 127.0.0.1:0 2>$TMP/serve.err &
pid=$!
for _ in $(seq 100); do grep -q "serving" $TMP/serve.err 2>/dev/null && break; sleep 0.2; done
port=$(sed -nE 's|.*serving .* at http://127\.0\.0\.1:([0-9]+)/.*|\1|p' $TMP/serve.err)
check "server up" test -n "$port"
"$LOAD" "$port" 2000 50 "/api/ties?a=RUS&b=IRN&by=month" "/api/partners?a=RUS" \
    "/api/events?a=RUS&b=IRN&from=2026-03&to=2026-03" "/" "/app.js" >$TMP/load.txt
check "2000 requests from 50 clients all answered 200" test $? = 0
check "counts printed" grep -q "requests 2000  clients 50  ok 2000  failed 0  not-200 0" $TMP/load.txt
sed 's/^/  /' $TMP/load.txt
check "server still answers" test "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/api/info)" = 200
check "server still running" kill -0 $pid
summary
