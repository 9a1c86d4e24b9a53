#!/usr/bin/env bash
# test_doc_counts.sh -- one event per document: a lead event the headline
# told already carries "repeat_of" (the headline's sentence index); `dyad
# ties` and its partner list count an event once per document and
# (source, target, code), and --per-sentence counts every sentence's. The
# stories are written for this test; their events were worked out by hand.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
if ! command -v jq >/dev/null; then skip "jq not installed"; summary; exit; fi
S=$TMP/stories.jsonl
# g1: headline, lead and body tell one expulsion (GHA -> TGOGOV 161);
# g2: another story of the same act; g3: the lead tells another event
cat > $S <<'J'
{"id":"g1","date":"2024-03-01","title":"Ghana expels Togolese diplomats","text":"ACCRA, Ghana - Ghana expelled two Togolese diplomats on Monday. The Ghanaian government said Ghana had expelled the Togolese diplomats for spying."}
{"id":"g2","date":"2024-03-02","title":"Ghana expels Togolese diplomats over spying row","text":"Ghana has expelled two Togolese diplomats it accused of spying."}
{"id":"g3","date":"2024-03-03","title":"Ghana expels Togolese diplomats","text":"Togo condemned Ghana."}
J
ev() { $D code --format jsonl $S | jq -r "select(.doc_id == \"$1\") | \"\(.sentence):\(.source)>\(.target):\(.code):\(.repeat_of)\"" | tr '\n' ' '; }
check "lead repeats the headline; the body is not the lead" test "$(ev g1)" = "0:GHA>TGOGOV:161:null 1:GHA>TGOGOV:161:0 2:GHA>TGOGOV:161:null "
check "a lead of another event is no repeat" test "$(ev g3)" = "0:GHA>TGOGOV:161:null 1:TGO>GHA:111:null "
# no headline: nothing is a repeat
got=$(printf 'Ghana expelled two Togolese diplomats.\nGhana expelled two Togolese diplomats.\n' | $D code | jq -r '.repeat_of' | sort -u)
check "no headline, no repeat" test "$got" = "null"

if ! command -v sqlite3 >/dev/null; then skip "sqlite3 not installed: ties counts not checked"; summary; exit; fi
DB=$TMP/counts.db
$D ingest --no-progress --quiet --db $DB $S
# g1 three sentences, g2 two, g3 one: 6 events GHA -> TGO, in 3 documents
check "six events stored" test "$(sqlite3 $DB "select count(*) from events where src_country = 'GHA' and tgt_country = 'TGO'")" = 6
n=$($D ties --db $DB GHA TGO --by year --format csv | awk -F, '$1 == "2024" && $2 == "GHA" && $3 == "TGO" {print $4}')
check "ties: one event per document" test "$n" = 3
n=$($D ties --db $DB GHA TGO --by year --format csv --per-sentence | awk -F, '$1 == "2024" && $2 == "GHA" && $3 == "TGO" {print $4}')
check "ties --per-sentence: every sentence" test "$n" = 6
n=$($D ties --db $DB GHA --format csv | awk -F, '$3 == "TGO" {print $4}')
check "partners: one event per document" test "$n" = 4
n=$($D ties --db $DB GHA --format csv --per-sentence | awk -F, '$3 == "TGO" {print $4}')
check "partners --per-sentence" test "$n" = 7
summary
