#!/usr/bin/env bash
# test_dates.sh -- dates given on the command line, and the date of a
# document that has none: --date must be a real calendar date (else a usage
# error, status 2); an undated document is coded as of today (UTC), and its
# events carry that date, the date its actors were looked up on.
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
check "dict lookup refuses a false date" test $? != 0

today=$(date -u +%Y-%m-%d)
got=$(echo "Russia expelled Belgian diplomats." | $D code | jq -r .date)
check "an undated document is dated today" test "$got" = "$today"
got=$(echo '{"id":"x","text":"Russia expelled Belgian diplomats."}' | $D code --format jsonl | jq -r .date)
check "an undated JSON Lines record is dated today" test "$got" = "$today"
got=$(echo '{"id":"x","date":"2015-03-01","text":"Russia expelled Belgian diplomats."}' | $D code --format jsonl --date 2020-01-01 | jq -r .date)
check "a record's own date wins over --date" test "$got" = "2015-03-01"

# --table names the document of each event
echo '{"id":"story-7","date":"2024-03-01","text":"Russia expelled Belgian diplomats."}' | $D code --format jsonl --table >"$TMP/t"
check "table has a doc column" grep -q '^doc ' "$TMP/t"
check "table names the document" grep -q '^story-7 ' "$TMP/t"
summary
