#!/usr/bin/env bash
# test_dates.sh -- dates given on the command line, and the date of a
# document that has none: --date must be a real calendar date (else a usage
# error, status 2); an undated document is coded as of --date, else today
# (UTC), and its events carry that date, the date its actors were looked up
# on; relative dates in a sentence are settled once, by the coder, and
# every output and the store use them.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}

for bad in 2017-02-31 2017-0523 2017-13-01 0000-01-01 2017-02-29 17-05-23 2017-05-2x; do
    $D code --date "$bad" </dev/null >/dev/null 2>"$TMP/err"
    check "--date $bad is a usage error" test $? = 2
    check "--date $bad is named" grep -q "$bad" "$TMP/err"
done
for good in 2016-02-29 20170523 2017-05-23; do
    echo "Russia expelled Belgian diplomats." | $D code --date "$good" >/dev/null
    check "--date $good accepted" test $? = 0
done
$D dict lookup --date 2017-02-31 "Hassan Rouhani" >/dev/null 2>&1
check "dict lookup: a false date is a usage error" test $? = 2
echo "Russia expelled Belgian diplomats." >"$TMP/in.txt"
$D ingest --db "$TMP/bad.db" --date 2017-02-31 --quiet --no-progress "$TMP/in.txt" 2>/dev/null
check "ingest: --date 2017-02-31 is a usage error" test $? = 2

today=$(date -u +%Y-%m-%d)
got=$(echo "Russia expelled Belgian diplomats." | $D code | jq -r .date)
check "an undated document is dated today" test "$got" = "$today"
got=$(echo '{"id":"x","text":"Russia expelled Belgian diplomats."}' | $D code --format jsonl | jq -r .date)
check "an undated JSON Lines record is dated today" test "$got" = "$today"
got=$(echo '{"id":"x","date":"2015-03-01","text":"Russia expelled Belgian diplomats."}' | $D code --format jsonl --date 2020-01-01 | jq -r .date)
check "a record's own date wins over --date" test "$got" = "2015-03-01"
got=$(echo '{"id":"x","text":"Russia expelled Belgian diplomats."}' | $D code --format jsonl --date 2020-01-01 | jq -r .date)
check "--date dates an undated JSON Lines record" test "$got" = "2020-01-01"

# An event's date is settled once, by the coder: "yesterday" in a story of
# 2017-05-23 is 2017-05-22 in every output and in the store. (2017-05-23 was
# a Tuesday: "on Friday" is 2017-05-19, "last week" 2017-05-16.)
cat >"$TMP/rel.jsonl" <<'J'
{"id":"r1","date":"2017-05-23","text":"Putin praised Rouhani yesterday."}
{"id":"r2","date":"2017-05-23","text":"Putin praised Rouhani on Friday."}
{"id":"r3","date":"2017-05-23","text":"Putin praised Rouhani last week."}
{"id":"r4","date":"2017-05-23","text":"Putin praised Rouhani."}
J
got=$($D code "$TMP/rel.jsonl" | jq -r '.doc_id + " " + .date' | tr '\n' ' ')
check "code: yesterday, on Friday, last week (got: $got)" \
    test "$got" = "r1 2017-05-22 r2 2017-05-19 r3 2017-05-16 r4 2017-05-23 "
got=$($D code --output plover "$TMP/rel.jsonl" | jq -r .event_date | tr '\n' ' ')
check "plover output: the same dates" test "$got" = "2017-05-22 2017-05-19 2017-05-16 2017-05-23 "
got=$($D code --output phoenix "$TMP/rel.jsonl" | cut -f2 | tr '\n' ' ')
check "phoenix output: the same dates" test "$got" = "20170522 20170519 20170516 20170523 "
got=$($D code --output gdelt "$TMP/rel.jsonl" | cut -f2 | tr '\n' ' ')
check "gdelt output: the same dates" test "$got" = "20170522 20170519 20170516 20170523 "
got=$($D code --table "$TMP/rel.jsonl" | awk 'NR > 1 {print $2}' | tr '\n' ' ')
check "table: the same dates" test "$got" = "20170522 20170519 20170516 20170523 "
if command -v sqlite3 >/dev/null; then
    $D ingest --db "$TMP/rel.db" --quiet --no-progress "$TMP/rel.jsonl" 2>/dev/null
    got=$(sqlite3 "$TMP/rel.db" "select d.id || ' ' || substr(e.date,1,4) || '-' || substr(e.date,5,2) || '-' || substr(e.date,7,2) from events e join documents d using(doc) where e.source like 'RUS%' order by e.event" | tr '\n' ' ')
    check "ingest stores what code prints (got: $got)" \
        test "$got" = "r1 2017-05-22 r2 2017-05-19 r3 2017-05-16 r4 2017-05-23 "
else
    skip "sqlite3 absent: the store's dates are not compared"
fi
# an undated story with "yesterday": code dates it the day before today;
# ingest stores it undated (a series must not count it on the day of the
# run), with --date the day before that date, as code does
yesterday=$(date -u -d yesterday +%Y-%m-%d)
echo "Putin praised Rouhani yesterday." >"$TMP/y.txt"
got=$($D code "$TMP/y.txt" | jq -r .date)
check "undated: yesterday is the day before today" test "$got" = "$yesterday"
got=$($D code --date 2017-05-23 "$TMP/y.txt" | jq -r .date)
check "undated, --date: yesterday is the day before it" test "$got" = "2017-05-22"
if command -v sqlite3 >/dev/null; then
    $D ingest --db "$TMP/y.db" --quiet --no-progress "$TMP/y.txt" 2>/dev/null
    got=$(sqlite3 "$TMP/y.db" "select coalesce(date, '') || '|' || date_kind from events limit 1")
    check "undated: ingest stores the event undated (got: $got)" test "$got" = "|none"
    $D ingest --db "$TMP/y2.db" --date 2017-05-23 --quiet --no-progress "$TMP/y.txt" 2>/dev/null
    got=$(sqlite3 "$TMP/y2.db" "select date || '|' || date_kind from events limit 1")
    check "undated, --date: ingest stores what code prints" test "$got" = "20170522|yesterday"
fi

# --table names the document of each event
echo '{"id":"story-7","date":"2024-03-01","text":"Russia expelled Belgian diplomats."}' | $D code --format jsonl --table >"$TMP/t"
check "table has a doc column" grep -q '^doc ' "$TMP/t"
check "table names the document" grep -q '^story-7 ' "$TMP/t"
summary
