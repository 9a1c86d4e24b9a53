#!/usr/bin/env bash
# test_ingest.sh -- dyad ingest and dyad ties as a user meets them: an RSS
# feed, an Atom feed, a web page and a JSON Lines file (tests/data/feed/,
# written for these tests) into SQLite; boilerplate coded into nothing;
# re-ingesting adds nothing; the series and the partners as counted by
# hand (see the comments); an SVG that renders; a run killed with SIGKILL
# that a rerun completes without duplicates; clear errors for bad inputs.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
F=tests/data/feed
DB=$TMP/events.db
if ! command -v sqlite3 >/dev/null; then
    skip "sqlite3 command not installed (scripts/install-deps.sh installs it)"; summary; exit
fi
q() { sqlite3 "$1" "$2"; }

$D ingest --no-progress --db $DB $F/world.rss $F/world.atom $F/article.html $F/wire.jsonl 2>$TMP/err
check "ingest exits 0" test $? = 0
# 8 documents read: dtw-001, dtw-002, atom-1, article.html, wire-1 (a near
# copy of dtw-001), wire-2, wire-3 (wire-2's text in other case and
# spacing), wire-1 again (a known id); dtw-003 has no text and is skipped.
check "summary" grep -q "8 documents read: 5 stored, 1 near copies, 1 duplicate ids, 1 duplicate texts, 0 not coded, 1 skipped; 11 events (9 counted)" $TMP/err
check "skipped item named" grep -q "world.rss:28: item without text skipped" $TMP/err
check "documents" test "$(q $DB 'select count(*) from documents')" = 6
check "near copy linked" test "$(q $DB "select o.id from documents d join documents o on o.doc = d.original where d.id = 'wire-1'")" = dtw-001
check "near copy in its table" test "$(q $DB "select o.id from near_copies n join documents d on d.doc = n.doc join documents o on o.doc = n.original where d.id = 'wire-1' and n.similarity >= 0.8")" = dtw-001
# dtw-001: the headline (RUS>IRN 051) and Putin met Pezeshkian (040, both
# ways: a meeting is each with the other); the WordPress footer repeats the
# headline but is gone, so no fourth event
check "feed footer not coded" test "$(q $DB "select count(*) from events e join documents d using(doc) where d.id = 'dtw-001'")" = 3
check "no footer text" test "$(q $DB "select count(*) from documents where text like '%appeared first%' or text like '%Continue reading%' or text like '%Read more%'")" = 0
# the page: only the article's sentence (042 and 043); the nav, share bar,
# aside, script and footer hold five more political sentences
check "page boilerplate not coded" test "$(q $DB "select group_concat(code) from (select code from events e join documents d using(doc) where d.url = 'https://news.example.org/araghchi-moscow' order by code)")" = "042,043"
# event dates: Friday before Sat 14 Mar 2026; March 27-28; yesterday; last week
check "date on Friday" test "$(q $DB "select distinct date from events where code = '040' and counted = 1")" = 20260313
check "date March 27-28" test "$(q $DB "select distinct date from events where code in ('042','043')")" = 20260327
check "date yesterday" test "$(q $DB "select date from events where code = '073'")" = 20260419
check "date last week" test "$(q $DB "select date from events where date_kind = 'last week'")" = 20260326

# again: nothing new
before=$(q $DB 'select (select count(*) from documents)||"/"||(select count(*) from events)||"/"||(select count(*) from sentences)')
$D ingest --db $DB $F/world.rss $F/world.atom $F/article.html $F/wire.jsonl 2>$TMP/err2
check "re-ingest exits 0" test $? = 0
check "no progress bar when stderr is not a terminal" test -z "$(grep -e 'docs/s' -e $'\r' $TMP/err2)"
check "re-ingest stores nothing" grep -q ": 0 stored, 0 near copies, 7 duplicate ids" $TMP/err2
after=$(q $DB 'select (select count(*) from documents)||"/"||(select count(*) from events)||"/"||(select count(*) from sentences)')
check "re-ingest adds no rows" test "$before" = "$after"

# ties by month, counted by hand from the events above (near copy left out):
# March RUS>IRN: 051 (3.4) 040 (1.0) 043 (2.8) = 3 events, sum 7.2
# March IRN>RUS: 042 (1.9) 051 last week (3.4) 040 (1.0) = 3 events, sum 6.3
# April RUS>IRN: 051 (3.4) 073 (7.4, QuadClass 2) = 2, sum 10.8
# April IRN>RUS: 112 (-2.0, QuadClass 3) = 1
$D ties --db $DB RUS IRN --format csv >$TMP/ties.csv
check "ties exits 0" test $? = 0
cat >$TMP/want.csv <<'CSV'
period,source,target,events,quad1,quad2,quad3,quad4,goldstein_sum,goldstein_mean,top_codes
2026-03,RUS,IRN,3,3,0,0,0,7.2,2.40,"040 (1) 043 (1) 051 (1)"
2026-03,IRN,RUS,3,3,0,0,0,6.3,2.10,"040 (1) 042 (1) 051 (1)"
2026-04,RUS,IRN,2,1,1,0,0,10.8,5.40,"051 (1) 073 (1)"
2026-04,IRN,RUS,1,0,0,1,0,-2.0,-2.00,"112 (1)"
CSV
check "ties by month" diff $TMP/want.csv $TMP/ties.csv
$D ties --db $DB RUS IRN --by year >$TMP/year.txt
check "ties by year" grep -Eq '^2026 +RUS->IRN +5 +4 +1 +0 +0 +18.0 +3.60  051 \(2\), 040 \(1\), 043 \(1\)$' $TMP/year.txt
$D ties --db $DB IRN RUS --format json | grep -q '"rows":\[' ; check "json" test $? = 0
$D ties --db $DB RUS --format csv >$TMP/partners.csv
check "partners" grep -q '^1,RUS,IRN,9,5,4,7,1,1,0,22.3,2.48$' $TMP/partners.csv
$D ties --db $DB RUS IRN --by week --plot $TMP/ties.svg >/dev/null
check "svg written" grep -q '<svg' $TMP/ties.svg
check "svg legend" grep -q 'RUS → IRN' $TMP/ties.svg
if command -v rsvg-convert >/dev/null; then
    rsvg-convert $TMP/ties.svg -o $TMP/ties.png; check "svg renders" test -s $TMP/ties.png
else
    skip "rsvg-convert not installed: the SVG was not rendered"
fi

# --one-a-day: one IRN>RUS 1125 counted per day
printf '%s\n' '{"id":"x1","date":"2026-05-01","text":"Iran accused Russia of spying."}' \
    '{"id":"x2","date":"2026-05-01","text":"Iran accused Russia of spying on its scientists."}' \
    '{"id":"x3","date":"2026-05-02","text":"Iran again accused Russia of spying."}' >$TMP/oad.jsonl
$D ingest --one-a-day --no-progress --db $TMP/oad.db $TMP/oad.jsonl 2>/dev/null
check "one a day" test "$(q $TMP/oad.db "select group_concat(k, ' ') from (select d.id||':'||e.code||':'||e.counted as k from events e join documents d using(doc) order by d.id)")" = "x1:1125:1 x2:1125:0 x3:1125:1"

# on a terminal (script(1) gives one), a progress bar on stderr
if command -v script >/dev/null; then
    script -qec "$D ingest --db $TMP/tty.db $F/wire.jsonl" /dev/null >$TMP/tty.out 2>&1
    check "progress bar on a terminal" grep -q 'docs/s.*events/s' $TMP/tty.out
    check "progress bar with percent" grep -q '100%\|\[########################\]' $TMP/tty.out
else
    skip "script(1) not installed: the progress bar was not tested on a terminal"
fi

# bad inputs: named, the run goes on, status 1, the store consistent
printf '<?xml version="1.0"?>\n<rss><channel>\n<item><description>a & b</description></item>\n</channel></rss>\n' >$TMP/bad.rss
$D ingest --no-progress --db $DB $TMP/bad.rss $F/world.atom 2>$TMP/err3
check "malformed feed exits 1" test $? = 1
check "malformed feed named with line" grep -q "bad.rss:3: malformed feed" $TMP/err3
check "the next input still read" grep -q "1 documents read" $TMP/err3
check "store consistent" test "$(q $DB 'pragma integrity_check')" = ok
$D ingest --db $TMP/no/such/dir/x.db $F/world.atom 2>$TMP/err4
check "unwritable db exits 1" test $? = 1
check "unwritable db named" grep -q "no/such/dir/x.db" $TMP/err4
$D ingest --db $DB 2>/dev/null; check "no input exits 2" test $? = 2
$D ties --db $DB Russia IRN 2>/dev/null; check "bad country exits 2" test $? = 2
$D ties --db $TMP/typo.db RUS 2>$TMP/err6; check "missing store exits 1" test $? = 1
check "missing store named, not created" test ! -e $TMP/typo.db -a -n "$(grep typo.db $TMP/err6)"

# dyad code reads feeds, pages and directories too, and writes Phoenix and
# GDELT layouts: dtw-001's headline RUS>IRN 051 (PentaClass 1, Goldstein
# 3.4) and Putin met Pezeshkian (040 both ways); dtw-002: IRN>RUS 112 (QuadClass 3)
$D code --output phoenix $F/world.rss >$TMP/phx.tsv 2>/dev/null
check "phoenix lines" test "$(wc -l <$TMP/phx.tsv)" = 4
check "phoenix columns" test "$(awk -F'\t' '{print NF}' $TMP/phx.tsv | sort -u)" = 26
check "phoenix first event" test "$(head -1 $TMP/phx.tsv | cut -f1,2,6,7,10,14,15,16,17,24)" = "$(printf 'dtw-001-0-0\t20260314\tRUS\tRUS\tIRN\t051\t05\t1\t3.4\tdtw-001_0')"
check "phoenix roles" test "$(sed -n 2p $TMP/phx.tsv | cut -f6-9)" = "$(printf 'RUSGOV\tRUS\tGOV\t')"
$D code --output gdelt $F/world.rss >$TMP/gdelt.tsv 2>/dev/null
check "gdelt columns" test "$(awk -F'\t' '{print NF}' $TMP/gdelt.tsv | sort -u)" = 61
check "gdelt fourth event" test "$(sed -n 4p $TMP/gdelt.tsv | cut -f1,2,3,4,6,8,16,18,27,28,29,30,31,60,61)" = "$(printf '4\t20260402\t202604\t2026\tIRN\tIRN\tRUS\tRUS\t112\t112\t11\t3\t-2.0\t20260402000000\thttps://wire.example.org/2026/04/02/delays/')"
check "gdelt actor type" test "$(sed -n 2p $TMP/gdelt.tsv | cut -f6,8,13)" = "$(printf 'RUSGOV\tRUS\tGOV')"
check "code a page" test "$($D code $F/article.html | grep -c '"code"')" = 2
# the directory: page 2, atom 1, rss 4, jsonl 7 (dyad code does not dedupe;
# the meeting of dtw-001 and of its copy wire-1 both ways)
check "code a directory" test "$($D code $F 2>/dev/null | wc -l)" = 14
$D code --output csv $F/world.rss >/dev/null 2>&1; check "bad output exits 2" test $? = 2

# SIGKILL partway through a large input, then a rerun: nothing lost, nothing twice
CORPUS=${SHARED:+$SHARED/corpus/synthetic-news.jsonl}
if [ -n "$CORPUS" ] && [ -f "$CORPUS" ]; then
    # a copy of the binary and of the dictionaries: other work in the tree
    # may rebuild or edit them while this runs, and the counts must match
    cp "$D" $TMP/dyad && cp -r data/dict $TMP/dict
    for k in 1 2 3; do sed "s/\"id\": \"syn-/\"id\": \"c$k-/" "$CORPUS"; done >$TMP/big.jsonl
    K=$TMP/kill.db
    $TMP/dyad ingest --dict $TMP/dict --no-progress --batch 40 --date 2017-05-23 --db $K $TMP/big.jsonl 2>/dev/null &
    pid=$!
    for i in $(seq 1 400); do
        n=$(sqlite3 $K 'select count(*) from documents' 2>/dev/null || echo 0)
        [ "${n:-0}" -ge 200 ] && break
        sleep 0.05
    done
    kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; rc=$?
    check "the run was killed" test $rc = 137
    n1=$(q $K 'select count(*) from documents')
    check "killed store consistent" test "$(q $K 'pragma integrity_check')" = ok
    check "killed run kept its commits" test "$n1" -ge 200
    check "whole documents only" test "$(q $K 'select count(*) from events where doc not in (select doc from documents)')" = 0
    $TMP/dyad ingest --dict $TMP/dict --no-progress --date 2017-05-23 --db $K $TMP/big.jsonl 2>$TMP/err5
    check "rerun exits 0" test $? = 0
    # every text three times: 4500 stored in all, the copies are duplicates
    check "rerun completes" test "$(q $K 'select count(*) from documents')" = "$(wc -l <"$CORPUS")"
    check "no duplicate ids" test "$(q $K 'select count(*) - count(distinct id) from documents')" = 0
    check "no duplicate texts" test "$(q $K 'select count(*) - count(distinct text_hash) from documents')" = 0
    # the same date on both sides: ingest stores an undated story undated, code dates it today
    want=$($TMP/dyad code --dict $TMP/dict --date 2017-05-23 "$CORPUS" 2>/dev/null | wc -l)
    check "every event once" test "$(q $K 'select count(*) from events')" = "$want"
else
    skip "shared corpus absent: the SIGKILL test needs ../shared/corpus/synthetic-news.jsonl"
fi

# a full disk: a 2 MB tmpfs (needs root and mount; skipped otherwise)
full_test() {
    local m=$TMP/full
    mkdir -p $m
    if [ -z "$CORPUS" ] || [ ! -f "$CORPUS" ] || [ "$(id -u)" != 0 ] ||
       ! mount -t tmpfs -o size=2m tmpfs $m 2>/dev/null; then
        skip "full-disk test: needs root, mount and the shared corpus"; return
    fi
    $D ingest --no-progress --batch 100 --db $m/e.db "$CORPUS" 2>$TMP/full.err
    check "full disk exits 1" test $? = 1
    check "full disk named" grep -q "$m/e.db: .*disk is full" $TMP/full.err
    check "full disk: rollback reported" grep -q "rolled back" $TMP/full.err
    check "full disk: store consistent" test "$(q $m/e.db 'pragma integrity_check')" = ok
    n=$(q $m/e.db 'select count(*) from documents')
    check "full disk: whole batches kept" test $((n % 100)) = 0 -a "$n" -gt 0
    umount $m
}
full_test

# PostgreSQL: a real server started here (pg.sh); skipped, saying so,
# when it cannot be started
. "$(dirname "$0")/pg.sh"
pg_test() {
    local port u
    pg_start || { skip "PostgreSQL test: $PG_WHY"; return; }
    trap 'pg_stop; rm -rf "$TMP"' EXIT
    port=$PG_PORT
    u=$PG_URL
    $D ingest --no-progress --db "$u" $F/world.rss $F/world.atom $F/article.html $F/wire.jsonl 2>$TMP/pg1
    check "pg ingest exits 0" test $? = 0
    check "pg summary" grep -q "8 documents read: 5 stored, 1 near copies, 1 duplicate ids, 1 duplicate texts, 0 not coded, 1 skipped; 11 events (9 counted)" $TMP/pg1
    $D ingest --no-progress --db "$u" $F/world.rss $F/world.atom $F/article.html $F/wire.jsonl 2>$TMP/pg2
    check "pg re-ingest stores nothing" grep -q ": 0 stored, 0 near copies, 7 duplicate ids" $TMP/pg2
    check "pg rows" test "$(psql -At "$u" -c 'select (select count(*) from documents)||'"'/'"'||(select count(*) from events)||'"'/'"'||(select count(*) from events where counted = 1)')" = "6/11/9"
    check "pg near copy" test "$(psql -At "$u" -c "select o.id from documents d join documents o on o.doc = d.original where d.id = 'wire-1'")" = dtw-001
    check "pg near copy table" test "$(psql -At "$u" -c "select o.id from near_copies n join documents o on o.doc = n.original")" = dtw-001
    $D ties --db "$u" RUS IRN --format csv >$TMP/pg.csv
    check "pg ties as SQLite's" diff $TMP/want.csv $TMP/pg.csv
    # the events behind the counts, with their sentences, as SQLite lists them
    $D ties --db $DB RUS IRN --events --format csv >$TMP/sq-events.csv
    $D ties --db "$u" RUS IRN --events --format csv >$TMP/pg-events.csv
    check "pg events as SQLite's" diff $TMP/sq-events.csv $TMP/pg-events.csv
    $D ties --db "$u" RUS IRN --events --format json >$TMP/pg-events.json
    check "pg events: the 9 counted, with sentences and reasons" test "$(jq '[.events[] | select(.sentence_text != "" and (.explain | startswith("verb ")))] | length' $TMP/pg-events.json)" = 9
    $D ties --db "$u" IRN --quad 1 --format csv >$TMP/pg-partners.csv
    $D ties --db $DB IRN --quad 1 --format csv >$TMP/sq-partners.csv
    check "pg partners --quad as SQLite's" diff $TMP/sq-partners.csv $TMP/pg-partners.csv
    # ties is a reader: it works while a writer holds the store's schema
    # lock, and creates nothing in a database that is not a store
    psql -q "$u" -c "select pg_advisory_lock(7310851), pg_sleep(4)" >/dev/null 2>&1 &
    local locker=$!
    sleep 1
    $D ties --db "$u" RUS IRN --format csv >$TMP/pg-locked.csv 2>$TMP/pg-locked.err
    check "pg ties while the ingest lock is held" diff $TMP/want.csv $TMP/pg-locked.csv
    wait $locker
    psql -q "postgresql://postgres@127.0.0.1:$port/postgres" -c "create database other" >/dev/null 2>&1
    $D ties --db "postgresql://postgres@127.0.0.1:$port/other" RUS IRN >/dev/null 2>$TMP/pg-other.err
    check "pg ties on a database without a store exits 1" test $? = 1
    check "pg: not a dyad store said" grep -q "not a dyad store" $TMP/pg-other.err
    check "pg ties created nothing" test "$(psql -At "postgresql://postgres@127.0.0.1:$port/other" -c "select count(*) from pg_tables where schemaname = 'public'")" = 0
    $D ingest --one-a-day --no-progress --db "$u" $TMP/oad.jsonl 2>/dev/null
    check "pg one a day" test "$(psql -At "$u" -c "select string_agg(d.id||':'||e.code||':'||e.counted, ' ' order by d.id) from events e join documents d using(doc) where d.id like 'x%'")" = "x1:1125:1 x2:1125:0 x3:1125:1"
    $D ingest --no-progress --db "postgresql://postgres:secret@127.0.0.1:1/x" $F/world.atom 2>$TMP/pg3
    check "unreachable pg exits 1" test $? = 1
    check "unreachable pg named, password hidden" grep -q "postgresql://postgres:\*\*\*@127.0.0.1:1/x: cannot connect" $TMP/pg3
    pg_stop
}
pg_test
summary
