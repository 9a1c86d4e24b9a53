#!/usr/bin/env bash
# bench/serve.sh DYAD SERVE_LOAD -- figures of dyad serve (printed, not
# asserted), on a synthetic store of 1 million events (bench/make_store.sh;
# built once into build/bench-1m.db, kept for later runs):
#   1. the dyad view's API call (/api/ties RUS-IRN by month, the heaviest
#      dyad: its rows and counted events are printed): median and slowest
#      of 21 requests one at a time (target: 50 ms), and the server's CPU
#      time per request (from /proc: steadier than the clock on a busy
#      machine), with the load average;
#   2. the events behind one bar (/api/events of a month, one way) and the
#      partner view, medians;
#   3. load: 2,000 requests from 50 concurrent clients on loopback over
#      the dyad view, another dyad by week, the events of a month and the
#      page: p50/p99.
set -u
D=${1:-build/release/dyad}
LOAD=${2:-build/serve_load}
STORE=${BENCH_STORE:-build/bench-1m.db}
TMP=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
load() { cut -d' ' -f1 /proc/loadavg; }
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) * 1000 / hz}' /proc/$pid/stat; }
# times N URL: N requests one at a time, their times in ms to $TMP/t
times() { for _ in $(seq "$1"); do curl -s -o /dev/null -w '%{time_total}\n' "$U$2"; done |
          awk '{printf "%.1f\n", $1 * 1000}' >$TMP/t; }

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
DYAD="/api/ties?a=RUS&b=IRN&by=month"
n=$(curl -s "$U/api/info" | jq .counted)
rows=$(sqlite3 "$STORE" "select count(*) from events where counted = 1 and src_country in ('RUS','IRN') and tgt_country in ('RUS','IRN') and src_country <> tgt_country" 2>/dev/null)
dyad=$(curl -s "$U$DYAD" | jq '[.rows[].events] | add')
echo "== serve: $n counted events in the store; RUS-IRN: ${rows:-?} of them, $dyad counted by the series (once per document and (source, target, code))"
l0=$(load); c0=$(cpu_ms)
times 21 "$DYAD"
c1=$(cpu_ms)
echo "dyad view API ($DYAD): median $(median <$TMP/t) ms, slowest $(sort -g $TMP/t | tail -n 1) ms of 21; server CPU $(echo "($c1 - $c0) / 21" | bc -l | xargs printf '%.1f') ms a request; load average $l0   (target: 50 ms)"
times 9 "/api/events?a=RUS&b=IRN&from=2020-03&to=2020-03&one_way=1"
echo "events behind a bar (/api/events RUS->IRN, 2020-03): median $(median <$TMP/t) ms of 9"
times 9 "/api/partners?a=RUS"
echo "partner view API (/api/partners RUS, every partner): median $(median <$TMP/t) ms of 9"
echo "load: 2,000 requests, 50 concurrent clients, loopback, 4 server threads (load average $(load)):"
"$LOAD" "$port" 2000 50 "$DYAD" "/api/ties?a=USA&b=CHN&by=week" \
    "/api/events?a=RUS&b=IRN&from=2020-03&to=2020-03&one_way=1" "/" | sed 's/^/  /'
