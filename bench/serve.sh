#!/usr/bin/env bash
# bench/serve.sh DYAD SERVE_LOAD -- figures of dyad serve (printed, not
# asserted), on a synthetic store of 1 million events (bench/make_store.sh;
# built once into build/bench-1m.db, kept for later runs):
#   1. the dyad view's API call (/api/ties RUS-IRN by month, some 20,000
#      events of the million): median and slowest of 21 requests, one at a
#      time (target: 50 ms);
#   2. load: 2,000 requests from 50 concurrent clients on loopback over
#      the dyad view, partners, an events list and the page: p50/p99.
set -u
D=${1:-build/release/dyad}
LOAD=${2:-build/serve_load}
STORE=${BENCH_STORE:-build/bench-1m.db}
TMP=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

if [ ! -s "$STORE" ] || [ bench/make_store.sh -nt "$STORE" ]; then
    echo "== serve: building $STORE (1,000,000 events; once)"
    bash bench/make_store.sh "$D" "$STORE" 1000000 >/dev/null || { echo "serve bench: cannot build the store"; exit 0; }
fi
"$D" serve --db "$STORE" --listen 127.0.0.1:0 2>$TMP/err &
pid=$!
for _ in $(seq 100); do grep -q serving $TMP/err 2>/dev/null && break; sleep 0.1; done
port=$(sed -nE 's|.*serving .* at http://127\.0\.0\.1:([0-9]+)/.*|\1|p' $TMP/err)
[ -n "$port" ] || { echo "serve bench: the server did not start"; cat $TMP/err; exit 0; }
U=http://127.0.0.1:$port
n=$(curl -s "$U/api/info" | jq .counted)
dyad=$(curl -s "$U/api/ties?a=RUS&b=IRN&by=month" | jq '[.rows[].events] | add')
echo "== serve: $n counted events in the store; RUS-IRN: $dyad"
for i in $(seq 21); do
    curl -s -o /dev/null -w '%{time_total}\n' "$U/api/ties?a=RUS&b=IRN&by=month"
done | awk '{printf "%.1f\n", $1 * 1000}' >$TMP/t
echo "dyad view API (/api/ties RUS-IRN by month): median $(median <$TMP/t) ms, slowest $(sort -g $TMP/t | tail -n 1) ms of 21   (target: 50 ms)"
for i in $(seq 9); do
    curl -s -o /dev/null -w '%{time_total}\n' "$U/api/partners?a=RUS"
done | awk '{printf "%.1f\n", $1 * 1000}' | median >$TMP/p
echo "partner view API (/api/partners RUS, every partner): median $(cat $TMP/p) ms of 9"
echo "load: 2,000 requests, 50 concurrent clients, loopback, 4 server threads:"
"$LOAD" "$port" 2000 50 "/api/ties?a=RUS&b=IRN&by=month" "/api/ties?a=USA&b=CHN&by=week" \
    "/api/events?a=RUS&b=IRN&from=2020-03&to=2020-03" "/" | sed 's/^/  /'
