#!/usr/bin/env bash
# test_plover.sh -- PLOVER output, and the drill-down of dyad ties: the
# events behind a count, filters by date, root and QuadClass, counts by
# PLOVER type, empty weeks left out of tables, gaps in the plot.
#
# tests/data/plover/rus-irn.jsonl (written for this test) holds six
# stories, one event each but d1, a call, which is coded both ways (a
# consultation is), worked out by hand from the CAMEO codebook, the
# Goldstein table and the PLOVER 2021 table:
#   d1 2019-12-02 (2019-W49) RUSGOV>IRNGOV 041 CONSULT/phone  q1  +1.0
#                            IRNGOV>RUSGOV 041 CONSULT/phone  q1  +1.0
#   d2 2019-12-04 (2019-W49) RUS>IRN       073 AID humanitarian q2 +7.4
#   d3 2019-12-18 (2019-W51) IRNGOV>RUS    112 ACCUSE         q3  -2.0
#   d4 2020-02-12 (2020-W07) RUSMIL>IRN    190 ASSAULT military q4 -10.0
#   d5 2020-02-13 (2020-W07) IRN>RUS       011 (no PLOVER type) q1 -0.1
#   d6 2020-02-14 (2020-W07) IRN>RUS       051 SUPPORT        q1  +3.4
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
F=tests/data/plover/rus-irn.jsonl
DB=$TMP/p.db
if ! command -v jq >/dev/null || ! command -v sqlite3 >/dev/null; then
    skip "jq or sqlite3 not installed (scripts/install-deps.sh installs them)"; summary; exit
fi

# ---- dyad code --output plover
$D code --output plover $F > $TMP/pl.jsonl 2>$TMP/err
check "plover: exit 0" test $? = 0
check "plover: seven events" test "$(wc -l < $TMP/pl.jsonl)" = 7
check "plover: every line JSON" jq -e . $TMP/pl.jsonl >/dev/null
first() { jq -r "select(.story_id == \"$1\") | $2" $TMP/pl.jsonl | head -n 1; }
check "d1 the other way" test "$(jq -r 'select(.story_id == "d1") | "\(.source.code)>\(.target.code)"' $TMP/pl.jsonl | tr '\n' ' ')" = "RUSGOV>IRNGOV IRNGOV>RUSGOV "
check "d1 type" test "$(first d1 .event_type)" = CONSULT
check "d1 mode" test "$(first d1 .event_mode)" = phone
check "d1 context empty" test "$(first d1 '.event_context | length')" = 0
check "d1 source" test "$(first d1 '.source | "\(.code) \(.country) \(.sector) \(.text)"')" = "RUSGOV RUS GOV RUSSIAN PRESIDENT VLADIMIR PUTIN"
check "d1 target" test "$(first d1 '.target | "\(.code) \(.country) \(.sector)"')" = "IRNGOV IRN GOV"
check "d1 ids" test "$(first d1 '"\(.event_id) \(.sentence) \(.cameo_code)"')" = "d1-1-0 1 041" # sentence 0 is the title
check "d1 date" test "$(first d1 .event_date)" = 2019-12-02
check "d1 headline" test "$(first d1 .headline)" = "A call between Moscow and Tehran"
check "d1 text" test "$(first d1 .event_text)" = "Russian President Vladimir Putin spoke by telephone with Iranian President Hassan Rouhani."
check "d2 aid humanitarian" test "$(first d2 '"\(.event_type) \(.event_mode) \(.event_context | join(";"))"')" = "AID null humanitarian"
check "d2 no headline" test "$(first d2 .headline)" = null
check "d4 assault military" test "$(first d4 '"\(.event_type) \(.event_context[0]) \(.source.sector) \(.goldstein)"')" = "ASSAULT military MIL -10"
check "d5 statement: no type" test "$(first d5 '"\(.event_type) \(.event_mode) \(.cameo_code)"')" = "null null 011"
check "d3 accuse" test "$(first d3 '"\(.event_type) \(.source.country) \(.target.country)"')" = "ACCUSE IRN RUS"
$D code --output nonsense $F >/dev/null 2>$TMP/err
check "bad --output: exit 2" test $? = 2
check "bad --output names plover" grep -q "jsonl, plover, phoenix or gdelt" $TMP/err

# ---- the store
$D ingest --no-progress --db $DB $F 2>$TMP/err
check "ingest" test "$(sqlite3 $DB 'select count(*) from events where counted = 1')" = 7

# month table (empty months kept): 2019-12 RUS->IRN 2 events (q1, q2), 8.4;
# IRN->RUS 1 (q3) -2.0; 2020-01 empty; 2020-02 RUS->IRN 1 (q4) -10.0,
# IRN->RUS 2 (q1 q1) 3.3
$D ties --db $DB RUS IRN --format csv > $TMP/m.csv
check "month rows" test "$(wc -l < $TMP/m.csv)" = 7
check "month 2019-12" grep -qx '2019-12,RUS,IRN,2,1,1,0,0,8.4,4.20,"041 (1) 073 (1)"' $TMP/m.csv
check "month 2020-01 empty kept" grep -qx '2020-01,IRN,RUS,0,0,0,0,0,0.0,,""' $TMP/m.csv
check "month 2020-02" grep -qx '2020-02,IRN,RUS,2,2,0,0,0,3.3,1.65,"011 (1) 051 (1)"' $TMP/m.csv

# week table: only W49, W51 and 2020-W07 (3 periods x 2 directions);
# --fill: every week 2019-W49 .. 2020-W07 = 4 + 7 = 11 periods
$D ties --db $DB RUS IRN --by week --format csv > $TMP/w.csv
check "weeks: empty ones left out" test "$(cut -d, -f1 $TMP/w.csv | sed 1d | uniq | tr '\n' ' ')" = "2019-W49 2019-W51 2020-W07 "
$D ties --db $DB RUS IRN --by week --fill --format csv > $TMP/wf.csv
check "weeks --fill" test "$(sed 1d $TMP/wf.csv | wc -l)" = 22
check "weeks --fill has W50 empty" grep -qx '2019-W50,RUS,IRN,0,0,0,0,0,0.0,,""' $TMP/wf.csv
$D ties --db $DB RUS IRN --by week --format json | jq -e '.rows | length == 6' >/dev/null
check "weeks json: 6 rows" test $? = 0

# --quad and --root filter the counts
$D ties --db $DB RUS IRN --quad 1 --format csv > $TMP/q.csv
check "quad 1: RUS->IRN 2019-12 only 041" grep -qx '2019-12,RUS,IRN,1,1,0,0,0,1.0,1.00,"041 (1)"' $TMP/q.csv
check "quad 1: IRN->RUS 2020-02 both" grep -qx '2020-02,IRN,RUS,2,2,0,0,0,3.3,1.65,"011 (1) 051 (1)"' $TMP/q.csv
check "quad 1: no q4 event" test "$(awk -F, 'NR > 1 { s += $8 } END { print s }' $TMP/q.csv)" = 0
$D ties --db $DB RUS IRN --root 07 --format csv > $TMP/r.csv
check "root 07: one period, one event" test "$(sed 1d $TMP/r.csv | tr '\n' '|')" = '2019-12,RUS,IRN,1,0,1,0,0,7.4,7.40,"073 (1)"|2019-12,IRN,RUS,0,0,0,0,0,0.0,,""|'
$D ties --db $DB IRN --quad 3 --format csv > $TMP/pq.csv
check "partners with --quad 3: RUS, 1 event" grep -q '^1,IRN,RUS,1,1,0,0,0,1,0,-2.0,-2.00$' $TMP/pq.csv

# --plover: counts by type; CSV columns AGREE .. ASSAULT, none
$D ties --db $DB RUS IRN --plover --format csv > $TMP/p.csv
check "plover header" grep -q '^period,source,target,events,quad1,quad2,quad3,quad4,goldstein_sum,goldstein_mean,AGREE,CONSULT,SUPPORT,CONCEDE,COOPERATE,AID,RETREAT,REQUEST,ACCUSE,REJECT,THREATEN,PROTEST,SANCTION,MOBILIZE,COERCE,ASSAULT,none$' $TMP/p.csv
check "plover 2019-12 RUS->IRN: CONSULT 1, AID 1" grep -qx '2019-12,RUS,IRN,2,1,1,0,0,8.4,4.20,0,1,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0' $TMP/p.csv
check "plover 2020-02 IRN->RUS: SUPPORT 1, none 1" grep -qx '2020-02,IRN,RUS,2,2,0,0,0,3.3,1.65,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,1' $TMP/p.csv
$D ties --db $DB RUS IRN --plover > $TMP/p.txt
check "plover table" grep -q '2020-02   IRN->RUS .* SUPPORT 1, none 1$' $TMP/p.txt
$D ties --db $DB RUS IRN --plover --format json | jq -e '.rows[0].plover == {"CONSULT":1,"AID":1}' >/dev/null
check "plover json" test $? = 0

# --events: the events behind the count of December 2019 (d1 both ways, d2, d3)
$D ties --db $DB RUS IRN --events --from 2019-12 --to 2019-12 > $TMP/e.txt
check "events 2019-12: four" test "$(grep -c '^2019-12-' $TMP/e.txt)" = 4
check "events: sentence shown" grep -q '"Russia sent humanitarian aid to Iran."  \[doc d2, sentence 0\]' $TMP/e.txt
check "events: code and type" grep -q '^2019-12-18  IRNGOV -> RUS  *112  ACCUSE' $TMP/e.txt
$D ties --db $DB RUS IRN --events --root 04 --format json > $TMP/e.json
check "events root 04: d1 only" test "$(jq -r '.events | map(.doc_id) | join(",")' $TMP/e.json)" = d1,d1
check "events json fields" test "$(jq -r '.events[0] | "\(.date) \(.plover) \(.sentence) \(.title)"' $TMP/e.json)" = "2019-12-02 CONSULT 1 A call between Moscow and Tehran"
$D ties --db $DB RUS IRN --events --quad 1 --format csv > $TMP/e.csv
check "events quad 1: d1 d5 d6" test "$(cut -d, -f8 $TMP/e.csv | sed 1d | tr -d '"' | tr '\n' ' ')" = "d1 d1 d5 d6 "
$D ties --db $DB RUS IRN --events --from 2019-W51 --to 2020-02-12 --format csv > $TMP/e2.csv
check "events week to day: d3 d4" test "$(cut -d, -f8 $TMP/e2.csv | sed 1d | tr -d '"' | tr '\n' ' ')" = "d3 d4 "
$D ties --db $DB RUS IRN --events --from 2021 > $TMP/e3.txt 2>$TMP/err
check "no events: empty, exit 0" test $? = 0 -a ! -s $TMP/e3.txt
check "no events: said" grep -q "no events for RUS-IRN" $TMP/err

# usage errors
for bad in "--quad 5" "--root 4" "--root 04x" "--from 2019-13" "--to 2019-W54" "--from 2020 --to 2019"; do
    $D ties --db $DB RUS IRN $bad >/dev/null 2>&1
    check "usage error: $bad" test $? = 2
done
$D ties --db $DB RUS --plover >/dev/null 2>&1
check "--plover needs two countries" test $? = 2

# gaps in the plot: by month each direction has events in 2019-12 and
# 2020-02, none in 2020-01: no line is drawn through January, so no
# polyline, a dot for each of the 4 points; by year both years have events
# in both directions: two lines of two points
$D ties --db $DB RUS IRN --plot $TMP/m.svg >/dev/null
check "month plot: no line across the gap" test "$(grep -c '<polyline' $TMP/m.svg)" = 0
check "month plot: 4 dots" test "$(grep -c '<circle' $TMP/m.svg)" = 4
$D ties --db $DB RUS IRN --by year --plot $TMP/y.svg >/dev/null
check "year plot: 2 lines" test "$(grep -c '<polyline' $TMP/y.svg)" = 2
check "year plot: lines of 2 points" test "$(grep -o 'points="[^"]*"' $TMP/y.svg | awk '{ print NF }' | tr '\n' ' ')" = "2 2 "
summary
