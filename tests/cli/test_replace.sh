#!/usr/bin/env bash
# test_replace.sh -- `dyad ingest --replace` recodes documents already
# stored (matched by id) instead of skipping them, and nothing else in the
# store changes; the store keeps every sentence of a document, those that
# coded nothing too (--event-sentences-only: only those events come from).
# The articles are written for this test.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
if ! command -v sqlite3 >/dev/null; then
    skip "sqlite3 command not installed (scripts/install-deps.sh installs it)"; summary; exit
fi
q() { sqlite3 "$DB" "$1"; }
IN=$TMP/in; mkdir -p $IN
printf 'Peru recalled its ambassador from Chile.\n' > $IN/a.txt
printf 'Bolivia thanked Brazil for the aid.\n' > $IN/b.txt
DB=$TMP/r.db
$D ingest --no-progress --db $DB $IN 2>/dev/null
check "stored undated" test "$(q "select count(*) from events where date = ''")" = 2
keys=$(q "select group_concat(doc) from (select doc from documents order by id)")
other=$(q "select doc || date || text from documents where id like '%b.txt'")

# the same files again, dated: skipped without --replace, with a hint
$D ingest --no-progress --db $DB --date 2019-04-01 $IN/a.txt 2>$TMP/err
check "without --replace: a duplicate id" grep -q "1 duplicate ids" $TMP/err
check "and the hint" grep -q -- "--replace recodes them" $TMP/err
check "still undated" test "$(q "select date from documents where id like '%a.txt'")" = ""

# with --replace: recoded in place, under the same key; b untouched
$D ingest --no-progress --db $DB --date 2019-04-01 --replace $IN/a.txt 2>$TMP/err
check "--replace exits 0" test $? = 0
check "--replace says so" grep -q "1 stored document(s) recoded" $TMP/err
check "document dated" test "$(q "select date from documents where id like '%a.txt'")" = 20190401
check "its events dated" test "$(q "select group_concat(e.date) from events e join documents d using(doc) where d.id like '%a.txt'")" = 20190401
check "same keys, no new document" test "$(q "select group_concat(doc) from (select doc from documents order by id)")" = "$keys"
check "no event twice" test "$(q "select count(*) from events")" = 2
check "the other document unchanged" test "$(q "select doc || date || text from documents where id like '%b.txt'")" = "$other"

# a changed text: the row and the events follow it
printf 'Peru recalled its ambassador from Chile. Chile expelled a Peruvian diplomat.\n' > $IN/a.txt
$D ingest --no-progress --db $DB --date 2019-04-02 --replace $IN/a.txt 2>/dev/null
check "new text stored" test "$(q "select count(*) from documents where text like '%Chile expelled%'")" = 1
check "new events" test "$(q "select group_concat(code, ' ') from (select e.code from events e join documents d using(doc) where d.id like '%a.txt' order by e.sentence)")" = "161 161"
check "new sentences" test "$(q "select count(*) from sentences s join documents d using(doc) where d.id like '%a.txt'")" = 2

# a text that is another document's: nothing changes
cp $IN/b.txt $TMP/b-copy.txt
printf '{"id":"%s","text":"Bolivia thanked Brazil for the aid."}\n' "$IN/a.txt" > $TMP/clash.jsonl
before=$(q "select count(*) || '/' || group_concat(text) from documents")
$D ingest --no-progress --db $DB --replace $TMP/clash.jsonl 2>$TMP/err
check "clash: a duplicate text" grep -q "1 duplicate texts" $TMP/err
check "clash: nothing changed" test "$(q "select count(*) || '/' || group_concat(text) from documents")" = "$before"

# every sentence is kept, those that coded nothing too
printf 'Heavy rain fell on Lima. Peru recalled its ambassador from Chile. Markets were calm.\n' > $TMP/s.txt
DB=$TMP/s.db
$D ingest --no-progress --quiet --date 2020-01-01 --db $DB $TMP/s.txt
check "every sentence stored" test "$(q "select group_concat(idx) from (select idx from sentences order by idx)")" = "0,1,2"
check "sentences as written" test "$(q "select text from sentences where idx = 2")" = "Markets were calm."
DB=$TMP/s2.db
$D ingest --no-progress --quiet --date 2020-01-01 --db $DB --event-sentences-only $TMP/s.txt
check "--event-sentences-only" test "$(q "select group_concat(idx) from sentences")" = "1"
summary
