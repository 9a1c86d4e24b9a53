#!/usr/bin/env bash
# test_serve.sh -- dyad serve over a store of the repository's sample feeds
# (tests/data/feed/, data/sample/): the JSON API's answers, counted by hand
# from the events listed in the comments; the page and its files; the
# refusals (path traversal, over-long target, a body, other methods); the
# store opened read-only and left unchanged; a store ingested while served
# shows its new events on the next request; the events behind a count are
# the ones it counts, each with why it was coded. The server is killed on exit.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
F=tests/data/feed
DB=$TMP/events.db
for c in curl sha256sum; do
    command -v $c >/dev/null || { skip "$c not installed (scripts/install-deps.sh installs it)"; summary; exit; }
done
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT

$D ingest --no-progress --db $DB $F/world.rss $F/world.atom $F/article.html $F/wire.jsonl \
    data/sample/phone-call.txt 2>/dev/null
check "store built" test -s $DB
sum_before=$(sha256sum $DB | cut -d' ' -f1)

# usage and startup errors
$D serve 2>/dev/null; check "no --db exits 2" test $? = 2
$D serve --db $TMP/none.db 2>$TMP/e1; check "missing store exits 1" test $? = 1
check "missing store named" grep -q "none.db: no such store" $TMP/e1
$D serve --db $DB --listen localhost:x 2>$TMP/e2; check "bad --listen exits 1" test $? = 1
check "bad --listen said" grep -q "expected HOST:PORT" $TMP/e2
echo "not a store" > $TMP/junk.db
$D serve --db $TMP/junk.db --listen 127.0.0.1:0 2>$TMP/e3; check "foreign file exits 1" test $? = 1

$D serve --db $DB --listen 127.0.0.1:0 --threads 3 2>$TMP/serve.err &
pid=$!
for _ in $(seq 100); do grep -q "serving" $TMP/serve.err 2>/dev/null && break; sleep 0.2; done
port=$(sed -nE 's|.*serving .* at http://127\.0\.0\.1:([0-9]+)/.*|\1|p' $TMP/serve.err)
check "serving line names 127.0.0.1 and a port" test -n "$port"
U=http://127.0.0.1:$port
get() { curl -s --max-time 20 "$U$1"; }
code() { curl -s --max-time 20 -o /dev/null -w '%{http_code}' "$@"; }
jqe() { jq -e "$@" >/dev/null; }

# the page and its files, built into dyad
get / >$TMP/index.html
check "page served" grep -q '<html' $TMP/index.html
check "page type" test "$(curl -s -o /dev/null -w '%{content_type}' $U/)" = "text/html; charset=utf-8"
curl -s -D $TMP/h -o /dev/null $U/
check "CSP header" grep -qi "^Content-Security-Policy: default-src 'self'" $TMP/h
check "nosniff" grep -qi "^X-Content-Type-Options: nosniff" $TMP/h
check "no-store" grep -qi "^Cache-Control: no-store" $TMP/h
check "unknown file 404" test "$(code $U/nothing.js)" = 404
check "HEAD 200" test "$(code -I $U/)" = 200

# the API. Events between RUS and IRN in this store (dyad ties --events):
#   03-13 RUSGOV>IRNGOV 040 (1.0)  03-14 RUS>IRN 051 (3.4)  03-27 RUS>IRNGOV 043 (2.8)
#   03-13 IRNGOV>RUSGOV 040 (1.0: the meeting, both ways)  03-26 IRN>RUS 051 (3.4)  03-27 IRNGOV>RUS 042 (1.9)
#   04-02 RUSGOV>IRN 051 (3.4)  04-19 RUS>IRN 073 (7.4)  04-02 IRN>RUS 112 (-2.0)
get /api/info >$TMP/info.json
check "info counts" jqe '.documents == 7 and .counted > 0 and (.plover_types | index("CONSULT"))' $TMP/info.json
get "/api/ties?a=RUS&b=IRN" >$TMP/ties.json
check "ties March RUS>IRN" jqe '.rows[0] | .period == "2026-03" and .source == "RUS" and .events == 3 and .goldstein_sum == 7.2' $TMP/ties.json
check "ties March IRN>RUS" jqe '.rows[1] | .source == "IRN" and .events == 3 and .goldstein_mean == 2.1' $TMP/ties.json
check "ties April quads" jqe '.rows[2].quad == [1,1,0,0] and .rows[3].quad == [0,0,1,0]' $TMP/ties.json
get "/api/ties?a=RUS&b=IRN&format=csv" >$TMP/ties.csv
check "ties csv" grep -q '^2026-04,RUS,IRN,2,1,1,0,0,10.8,5.40,' $TMP/ties.csv
# an actor code: RUSGOV>IRN is 040 in March, 051 in April; IRN>RUSGOV the 040 in March
get "/api/ties?a=RUSGOV&b=IRN" >$TMP/gov.json
check "actor code series" jqe '[.rows[] | [.source, .target, .events, .goldstein_sum]] == [["RUSGOV","IRN",1,1.0],["IRN","RUSGOV",1,1.0],["RUSGOV","IRN",1,3.4],["IRN","RUSGOV",0,0.0]]' $TMP/gov.json
# by day: 03-13 to 04-19 is 38 days, both directions; 03-27 has 043 one way, 042 the other
get "/api/ties?a=RUS&b=IRN&by=day" >$TMP/day.json
check "by day: every day" jqe '(.rows | length) == 76 and .by == "day"' $TMP/day.json
check "by day: 03-27" jqe '[.rows[] | select(.period == "2026-03-27") | .events] == [1,1]' $TMP/day.json
check "empty day mean is null" jqe '[.rows[] | select(.period == "2026-03-20")][0].goldstein_mean == null' $TMP/day.json
# dyad ties --by day: the same days, less the empty ones (unless --fill)
$D ties --db $DB RUS IRN --by day --format json >$TMP/cli-day.json
check "ties --by day: the days with events" jqe --slurpfile api $TMP/day.json '.rows == [$api[0].rows | _nwise(2) | select(.[0].events + .[1].events > 0) | .[]]' $TMP/cli-day.json
check "ties --by day --fill: every day" test "$($D ties --db $DB RUS IRN --by day --fill --format json | jq '.rows | length')" = 76
# filters: roots 04 and 05 leave out 073 and 112; CONSULT is 040, 042, 043
get "/api/ties?a=RUS&b=IRN&root=04,05" >$TMP/root.json
check "root list" jqe '[.rows[].events] == [3,3,1,0]' $TMP/root.json
get "/api/events?a=RUS&b=IRN&plover=CONSULT" >$TMP/consult.json
check "plover filter" jqe '[.events[].code] == ["040","040","042","043"]' $TMP/consult.json
get "/api/events?a=RUS&b=IRN&quad=3" >$TMP/q3.json
check "quad filter" jqe '[.events[].code] == ["112"]' $TMP/q3.json
get "/api/events?a=RUS&b=IRN&from=2026-04&to=2026-04" >$TMP/apr.json
check "date filter" jqe '(.events | length) == 3 and all(.events[]; .date >= "2026-04-01")' $TMP/apr.json
check "event has sentence and document" jqe '.events[] | select(.code == "112") | .sentence_text == "Iran accused Russia of delaying the delivery of air defence systems." and .doc_id == "dtw-002" and .event_name != "" and .source_text == "IRAN"' $TMP/apr.json
check "limit" test "$(get "/api/events?a=RUS&b=IRN&limit=2" | jq '.events | length')" = 2
# one way: the events behind one bar (IRN>RUS in March: 03-13 040, 03-26 051, 03-27 042)
get "/api/events?a=IRN&b=RUS&from=2026-03&to=2026-03&one_way=1" >$TMP/one.json
check "one_way: IRN>RUS only" jqe '[.events[] | [.source, .code]] == [["IRNGOV","040"],["IRN","051"],["IRNGOV","042"]]' $TMP/one.json
check "both ways without it" test "$(get "/api/events?a=IRN&b=RUS&from=2026-03&to=2026-03" | jq '.events | length')" = 6
# why each event was coded: the text of dyad code --explain, kept by ingest
$D code --explain $F/wire.jsonl | jq -c 'select(.doc_id == "wire-2") | [.sentence, .code, .explain]' | sort >$TMP/why-code
get "/api/events?a=RUS&b=IRN" | jq -c '.events[] | select(.doc_id == "wire-2") | [.sentence, .code, .explain]' | sort >$TMP/why-serve
check "explain: wire-2's two events" test "$(wc -l <$TMP/why-code)" = 2
check "explain: as dyad code --explain writes it" cmp -s $TMP/why-code $TMP/why-serve
check "explain: names the verb entry" jqe '.events[] | select(.code == "112") | .explain | startswith("verb \"ACCUSED\" (active) form ACCUSE (dyad.verbs.txt:")' $TMP/apr.json
get "/api/events?a=RUS&b=IRN&plover=CONSULT&format=csv" >$TMP/consult.csv
check "events csv: header" test "$(head -n 1 $TMP/consult.csv)" = "date,source,target,code,plover,quad_class,goldstein,doc_id,sentence,source_text,target_text,sentence_text,event_name,title,url,explain"
check "events csv: name, title, url, why" grep -q '^2026-03-13,RUSGOV,IRNGOV,040,CONSULT,1,1.0,"dtw-001",1,.*,"Consult, not specified below","Russia praises Iran","https://wire.example.org/2026/03/14/moscow-talks/","verb ""MET"" (active) form MEET ' $TMP/consult.csv
get "/api/partners?a=RUS&format=csv" >$TMP/p.csv
check "partners csv" grep -q '^1,RUS,IRN,9,5,4,7,1,1,0,22.3,2.48$' $TMP/p.csv
curl -s -D $TMP/dh -o /dev/null "$U/api/events?a=RUS&b=IRN&format=csv&download=1"
check "download header" grep -qi '^Content-Disposition: attachment; filename="dyad-events-RUS-IRN.csv"' $TMP/dh

# bad parameters: 400 with a message; unknown calls 404
check "bad country 400" test "$(code "$U/api/ties?a=Russia&b=IRN")" = 400
check "missing b 400" test "$(code "$U/api/ties?a=RUS")" = 400
check "same side 400" test "$(code "$U/api/ties?a=RUS&b=RUS")" = 400
check "bad by 400" test "$(code "$U/api/ties?a=RUS&b=IRN&by=hour")" = 400
check "bad date 400" test "$(code "$U/api/ties?a=RUS&b=IRN&from=2026-13")" = 400
check "bad root 400" test "$(code "$U/api/ties?a=RUS&b=IRN&root=0%27%20OR%201")" = 400
check "bad plover 400" test "$(code "$U/api/events?a=RUS&plover=HUG")" = 400
check "bad limit 400" test "$(code "$U/api/events?a=RUS&limit=99999")" = 400
check "error is JSON" jqe '.error | test("by")' <(get "/api/ties?a=RUS&b=IRN&by=hour")
check "unknown call 404" test "$(code $U/api/drop)" = 404

# refusals
check "traversal 400" test "$(code --path-as-is "$U/../../etc/passwd")" = 400
check "encoded traversal 400" test "$(code --path-as-is "$U/%2e%2e/%2e%2e/etc/passwd")" = 400
check "double slash 400" test "$(code "$U//etc/passwd")" = 400
long=$(head -c 5000 /dev/zero | tr '\0' a)
check "long path 414" test "$(code "$U/$long")" = 414
check "long query 414" test "$(code "$U/api/info?x=$long")" = 414
huge=$(head -c 40000 /dev/zero | tr '\0' a)
check "huge head refused" test "$(code "$U/api/info?x=$huge")" -ge 400
check "POST 405" test "$(code -X POST -d 'a=1' $U/api/info)" = 405
check "PUT 405" test "$(code -X PUT -d 'a=1' $U/)" = 405
check "DELETE 405" test "$(code -X DELETE $U/)" = 405
check "unknown method 405" test "$(code -X BREW $U/)" = 405
curl -s -D $TMP/mh -o /dev/null -X DELETE $U/
check "405 says Allow" grep -qi "^Allow: GET, HEAD" $TMP/mh
check "GET with a body 413" test "$(code -X GET --data-binary 'xyz' $U/api/info)" = 413

# many at once: every answer whole
for i in $(seq 30); do get "/api/ties?a=RUS&b=IRN" >$TMP/par.$i & done
for j in $(jobs -p); do [ "$j" = "$pid" ] || wait $j; done
bad=0; for i in $(seq 30); do cmp -s $TMP/par.$i $TMP/ties.json || bad=$((bad + 1)); done
check "30 parallel answers identical" test $bad = 0

# read-only: the store's file is open O_RDONLY and unchanged by serving
ro=1
for fd in /proc/$pid/fd/*; do
    [ "$(readlink $fd)" = "$(readlink -f $DB)" ] || continue
    flags=$(sed -nE 's/^flags:\s+([0-7]+)/\1/p' /proc/$pid/fdinfo/${fd##*/})
    [ $((8#$flags & 3)) = 0 ] || ro=0
done
check "store opened read-only" test $ro = 1
check "store unchanged" test "$(sha256sum $DB | cut -d' ' -f1)" = "$sum_before"

# an ingest while serving (WAL): the next request sees it
printf '{"id":"may-1","date":"2026-05-11","source":"Test Wire","text":"Russia sent humanitarian aid to Iran on Sunday."}\n' >$TMP/may.jsonl
$D ingest --no-progress --db $DB $TMP/may.jsonl 2>/dev/null
check "ingest while serving" test $? = 0
check "new month shows" jqe '[.rows[] | select(.period == "2026-05" and .source == "RUS") | .events] == [1]' <(get "/api/ties?a=RUS&b=IRN")

# one event told twice in a story: its headline (dated 06-02, the story's
# day) and its body ("on Saturday": 05-30) is counted once, on its first
# day, whether or not dates are asked; the events behind a bar are the
# ones it counts
printf '{"id":"twice-1","date":"2026-06-02","source":"Test Wire","title":"Russia praises Iran","text":"Russia praised Iran on Saturday for its help."}\n' >$TMP/twice.jsonl
$D ingest --no-progress --db $DB $TMP/twice.jsonl 2>/dev/null
get "/api/ties?a=RUS&b=IRN" >$TMP/t2.json
check "told twice: once, in May" jqe '[.rows[] | select(.source == "RUS") | [.period, .events]] == [["2026-03",3],["2026-04",2],["2026-05",2]]' $TMP/t2.json
check "told twice: June counts nothing, from=2026-06" jqe '.rows == []' <(get "/api/ties?a=RUS&b=IRN&from=2026-06")
check "told twice: May bar as unfiltered" jqe '[.rows[] | select(.source == "RUS") | .events] == [2]' <(get "/api/ties?a=RUS&b=IRN&from=2026-05")
get "/api/events?a=RUS&b=IRN&from=2026-05&to=2026-05&one_way=1" >$TMP/may.json
check "told twice: May's events are the bar's two" jqe '[.events[] | [.date, .code]] == [["2026-05-10","073"],["2026-05-30","051"]]' $TMP/may.json
check "told twice: none behind June" jqe '.events == []' <(get "/api/events?a=RUS&b=IRN&from=2026-06&to=2026-06")

kill $pid; wait $pid; rc=$?
check "stops on SIGTERM with status 0" test $rc = 0
pid=
check "stop said" grep -q "serve stopped" $TMP/serve.err
summary
