#!/usr/bin/env bash
# test_doc_dates.sh -- documents that carry no date in their metadata: a
# folder of plain-text articles ingested takes each one's date from its
# dateline or first lines, else from its file name; one with none is
# stored undated with a warning naming it and a count at the end; `ties`
# and its plot say how many undated events they left out; --date fills in
# only what the documents do not say. The articles are written for this test.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
if ! command -v sqlite3 >/dev/null; then
    skip "sqlite3 command not installed (scripts/install-deps.sh installs it)"; summary; exit
fi
q() { sqlite3 "$1" "$2"; }
IN=$TMP/articles
mkdir -p $IN
# dated by the dateline (the file name's date comes second)
printf 'VILNIUS, Lithuania, April 11, 2023 - Lithuania expelled two Russian diplomats.\n' \
    > $IN/lt-2020-01-01.txt
# dated by an "Updated" line under the headline
printf 'Ankara hosts Baku envoy\n\nUpdated: 19 September 2024\n\nTurkey hosted the foreign minister of Azerbaijan in Ankara.\n' \
    > $IN/visit.txt
# dated by the file name only (both forms)
printf 'Egypt condemned Israel over the raid.\n' > $IN/wire-2021-06-02.txt
printf 'Japan accused China of harassing its fishing boats.\n' > $IN/wire_20220815.txt
DB=$TMP/dated.db
$D ingest --no-progress --db $DB $IN 2>$TMP/err
check "ingest of dated files exits 0" test $? = 0
check "every event dated" test "$(q $DB "select count(*) from events where date = '' or date is null")" = 0
check "no undated warning" test "$(grep -c 'no date' $TMP/err)" = 0
check "dateline date" test "$(q $DB "select date from documents where id like '%lt-2020-01-01.txt'")" = 20230411
check "first-lines date" test "$(q $DB "select date from documents where id like '%visit.txt'")" = 20240919
check "file-name date" test "$(q $DB "select date from documents where id like '%wire-2021-06-02.txt'")" = 20210602
check "file-name date, no dashes" test "$(q $DB "select date from documents where id like '%wire_20220815.txt'")" = 20220815
check "events carry the dateline date" test "$(q $DB "select distinct e.date from events e join documents d using(doc) where d.id like '%lt-2020%'")" = 20230411
$D ties --db $DB LTU RUS --by year >$TMP/ties 2>$TMP/terr
check "ties lists the year" grep -q '^2023 ' $TMP/ties
check "ties says nothing of undated" test "$(grep -c undated $TMP/terr)" = 0

# one article with no date anywhere: stored undated, named, counted
printf 'Lithuania summoned the Russian ambassador.\n' > $IN/plain.txt
$D ingest --no-progress --db $DB $IN 2>$TMP/err
check "undated warning names the document" grep -q "document $IN/plain.txt has no date" $TMP/err
check "undated count at the end" grep -q "1 document(s) stored undated" $TMP/err
check "stored undated" test "$(q $DB "select date from documents where id like '%plain.txt'")" = ""
$D ties --db $DB LTU RUS --by year --plot $TMP/p.svg >$TMP/ties 2>$TMP/terr
# (the summons is two events: the meeting called, 040, and the complaint, 114)
check "ties says how many undated events it left out" grep -q "2 counted events between LTU and RUS have no date" $TMP/terr
check "the plot says so too" grep -q "2 undated events left out" $TMP/p.svg

# only undated events: the plot says there are no dated ones
DB2=$TMP/undated.db
printf 'Kenya accused Somalia of meddling.\n' > $TMP/kenya.txt
$D ingest --no-progress --db $DB2 $TMP/kenya.txt 2>/dev/null
$D ties --db $DB2 KEN SOM --plot $TMP/p2.svg >/dev/null 2>&1
check "plot of undated events only" grep -q "no dated events between KEN and SOM" $TMP/p2.svg
check "and their number" grep -q "1 undated event left out" $TMP/p2.svg

# --date fills in only what the document does not say
DB3=$TMP/default.db
$D ingest --no-progress --db $DB3 --date 2010-10-10 $IN 2>$TMP/err
check "--date: no undated warning" test "$(grep -c 'no date' $TMP/err)" = 0
check "--date for the undated one" test "$(q $DB3 "select date from documents where id like '%plain.txt'")" = 20101010
check "--date does not override the dateline" test "$(q $DB3 "select date from documents where id like '%lt-2020-01-01.txt'")" = 20230411

# dyad code reads the same dates
got=$($D code --format text $IN/wire_20220815.txt | jq -r .date)
check "code: date from the file name" test "$got" = 2022-08-15
got=$(printf 'CAIRO, Jan. 5, 2019 - Egypt condemned Israel.\n' | $D code --date 2030-01-01 | jq -r .date)
check "code: the dateline wins over --date" test "$got" = 2019-01-05

# JSON Lines: "date", else a publication date under another common name
got=$(echo '{"id":"j1","published_at":"2020-02-03T10:00:00Z","text":"Egypt condemned Israel."}' | $D code --format jsonl | jq -r .date)
check "JSON published_at" test "$got" = 2020-02-03
got=$(echo '{"id":"j2","date":"2020-02-04","datePublished":"2019-01-01","text":"Egypt condemned Israel."}' | $D code --format jsonl | jq -r .date)
check "JSON date wins over datePublished" test "$got" = 2020-02-04
got=$(echo '{"id":"j3","pubDate":"last Tuesday","text":"Egypt condemned Israel."}' | $D code --format jsonl --date 2011-11-11 2>$TMP/err | jq -r .date)
check "JSON unreadable pubDate: record kept, --date used" test "$got" = 2011-11-11
check "JSON unreadable pubDate warned" grep -q 'unreadable publication date "last Tuesday"' $TMP/err
summary
