#!/usr/bin/env bash
# test_hostile.sh -- issue 14 ("Hostile input and faults"), the store, ties,
# validate and output parts: a foreign or other-version file given as a
# store is refused and left as it was; ties reads without writing or
# locking; one SQLite ingest at a time; weeks before 1970; write errors on
# standard output; passwords never in messages; truncated validation XML.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
if ! command -v sqlite3 >/dev/null; then
    skip "sqlite3 command not installed (scripts/install-deps.sh installs it)"; summary; exit
fi
q() { sqlite3 "$1" "$2"; }

# ---- item 4: ties on a foreign SQLite file changes nothing
sqlite3 $TMP/f.db "create table documents(x)"
$D ties --db $TMP/f.db USA CHN >$TMP/out 2>$TMP/err; rc=$?
check "ties on a foreign file exits 1" test $rc = 1
check "foreign file named, said why" grep -q "f.db: not a dyad store" $TMP/err
check "foreign file: no dyad tables added" test "$(q $TMP/f.db 'select group_concat(name) from sqlite_master')" = documents
check "foreign file: journal not switched to WAL" test "$(q $TMP/f.db 'pragma journal_mode')" = delete
check "foreign file: no -wal left" test ! -e $TMP/f.db-wal
$D ingest --no-progress --db $TMP/f.db tests/data/feed/wire.jsonl 2>$TMP/err; rc=$?
check "ingest into a foreign file exits 1" test $rc = 1
check "ingest: foreign file unchanged" test "$(q $TMP/f.db 'select group_concat(name) from sqlite_master')" = documents
# a store of another schema version
printf '%s\n' '{"id":"a","date":"2026-03-02","text":"Russia praised Iran."}' >$TMP/a.jsonl
$D ingest --no-progress --quiet --db $TMP/v.db $TMP/a.jsonl
q $TMP/v.db "update meta set value = 'dyad-store 9' where key = 'schema'"
$D ties --db $TMP/v.db RUS IRN >/dev/null 2>$TMP/err; rc=$?
check "other schema version exits 1" test $rc = 1
check "other schema version named" grep -q "schema 'dyad-store 9'" $TMP/err
$D ingest --no-progress --db $TMP/v.db $TMP/a.jsonl 2>$TMP/err; rc=$?
check "ingest into another version exits 1" test $rc = 1
check "other version: nothing added" test "$(q $TMP/v.db 'select count(*) from documents')" = 1

# a damaged store: refused with the file named, whoever opens it
cp $TMP/v.db $TMP/d.db
q $TMP/d.db "update meta set value = 'dyad-store 1' where key = 'schema'"
dd if=/dev/zero of=$TMP/d.db bs=1 seek=100 count=3000 conv=notrunc 2>/dev/null
$D ties --db $TMP/d.db RUS IRN >/dev/null 2>$TMP/err; rc=$?
check "damaged store exits 1" test $rc = 1
check "damaged store named" grep -q "d.db: cannot read it as a store: .*damaged" $TMP/err

# ---- item 15: ties edge cases, :memory:, empty documents
$D ingest --no-progress --quiet --db $TMP/e.db $TMP/a.jsonl
$D ties --db $TMP/e.db USA USA >$TMP/out 2>$TMP/err; rc=$?
check "ties A A is a usage error" test $rc = 2
check "ties A A says why" grep -q "two different countries" $TMP/err
$D ties --db $TMP/e.db XYZ RUS --format csv >$TMP/out 2>$TMP/err; rc=$?
check "unknown country exits 0" test $rc = 0
check "unknown country: the header alone" test "$(cat $TMP/out)" = "period,source,target,events,quad1,quad2,quad3,quad4,goldstein_sum,goldstein_mean,top_codes"
check "unknown country: said on stderr" grep -q "no events between XYZ and RUS" $TMP/err
$D ties --db $TMP/e.db XYZ >$TMP/out 2>$TMP/err; rc=$?
check "partners of an unknown country exit 0" test $rc = 0
check "partners: said on stderr" grep -q "no events for XYZ" $TMP/err
$D ingest --no-progress --db :memory: $TMP/a.jsonl 2>$TMP/err; rc=$?
check "ingest --db :memory: is a usage error" test $rc = 2
$D ties --db :memory: RUS IRN 2>/dev/null; rc=$?
check "ties --db :memory: is a usage error" test $rc = 2
$D ingest --no-progress --db $TMP/n.db /dev/null 2>$TMP/err; rc=$?
check "ingest /dev/null exits 0" test $rc = 0
check "ingest /dev/null: no document stored" test "$(q $TMP/n.db 'select count(*) from documents')" = 0
check "ingest /dev/null: warned" grep -q "has no text, not stored" $TMP/err

# ---- item 5: weeks before 1970 (counted by hand: one event in each week)
printf '%s\n' '{"id":"w1","date":"1965-03-15","text":"Russia praised Iran."}' \
    '{"id":"w2","date":"1975-06-01","text":"Russia praised Iran again."}' >$TMP/old.jsonl
$D ingest --no-progress --quiet --db $TMP/old.db $TMP/old.jsonl
$D ties --db $TMP/old.db RUS IRN --by week --format csv >$TMP/weeks.csv 2>$TMP/err
check "1965 week present" grep -q '^1965-W11,RUS,IRN,1,' $TMP/weeks.csv
check "1975 week present" grep -q '^1975-W22,RUS,IRN,1,' $TMP/weeks.csv
check "no event undated" test ! -s $TMP/err

# ---- item 6: two SQLite ingests at once: the second is refused; run one
# after the other, near copies are found across runs
story="The meeting lasted more than three hours and covered trade energy transport corridors and the price of grain according to people familiar with the discussions who asked not to be named because they were not authorised to speak about the talks in public"
# o1 is a long story, o2 a short one (too short to be compared), c1 is o1
# with a dateline: a near copy of o1
printf '{"id":"o1","date":"2026-03-02","text":"Russia praised Iran. %s."}\n' "$story" >$TMP/orig.jsonl
printf '{"id":"o2","date":"2026-03-02","text":"Iran accused Russia of spying."}\n' >>$TMP/orig.jsonl
printf '{"id":"c1","date":"2026-03-02","text":"Moscow. Russia praised Iran. %s."}\n' "$story" >$TMP/copies.jsonl
C=$TMP/c.db
# the first ingest reads a FIFO kept open until the second has run
mkfifo $TMP/fifo
$D ingest --no-progress --quiet --format jsonl --batch 1 --db $C $TMP/fifo 2>$TMP/err1 &
pid=$!
exec 3>$TMP/fifo
cat $TMP/orig.jsonl >&3
for i in $(seq 1 300); do
    [ "$(q $C 'select count(*) from documents' 2>/dev/null)" = 2 ] && break
    sleep 0.1
done
$D ingest --no-progress --batch 1 --db $C $TMP/copies.jsonl 2>$TMP/err2; rc=$?
check "second concurrent ingest exits 1" test $rc = 1
check "second ingest says why" grep -q "another dyad ingest is writing to this store" $TMP/err2
$D ties --db $C RUS IRN >/dev/null 2>&1; rc=$?
check "ties reads while an ingest writes" test $rc = 0
exec 3>&-
wait $pid
check "first ingest exits 0" test $? = 0
$D ingest --no-progress --quiet --batch 1 --db $C $TMP/copies.jsonl
check "the copy linked once the first is done" test "$(q $C "select o.id from documents d join documents o on o.doc = d.original where d.id = 'c1'")" = o1
check "the copy's events not counted" test "$(q $C "select count(*) from events e join documents d using(doc) where d.id = 'c1' and e.counted = 1")" = 0
check "the originals' events counted" test "$(q $C "select count(*) from events e join documents d using(doc) where d.id like 'o%' and e.counted = 0")" = 0

# a validation file of two records (items 9 and 11)
cat >$TMP/val.xml <<'XML'
<Validation>
<Sentences>
<Sentence date="20200101" id="v1" category="T" evaluate="true">
<EventCoding sourcecode="RUS" targetcode="IRN" eventcode="051"/>
<Text>Russia praised Iran.</Text>
</Sentence>
<Sentence date="20200101" id="v2" category="T" evaluate="true">
<EventCoding sourcecode="IRN" targetcode="RUS" eventcode="112"/>
<Text>Iran accused Russia of delays.</Text>
</Sentence>
</Sentences>
</Validation>
XML

# ---- item 9: write errors on standard output
if [ -w /dev/full ]; then
    printf 'Russia praised Iran.\n' >$TMP/small.txt
    wfull() { # what, then the command
        local what=$1; shift
        "$@" >/dev/full 2>$TMP/werr; local rc=$?
        check "$what > /dev/full exits 1" test $rc = 1
        check "$what: write error said" grep -q "dyad: write error: No space left on device" $TMP/werr
    }
    wfull "code" $D code --dict data/dict --date 2026-03-02 $TMP/small.txt
    wfull "code --table" $D code --dict data/dict --table --date 2026-03-02 $TMP/small.txt
    wfull "ties A B" $D ties --db $TMP/e.db RUS IRN
    wfull "ties A" $D ties --db $TMP/e.db RUS
    wfull "dict stats" $D dict stats --dict tests/data/dict
    wfull "dict lookup" $D dict lookup --dict data/dict --date 2017-05-23 "Hassan Rouhani"
    wfull "validate" $D validate --dict data/dict $TMP/val.xml
    wfull "help" $D --help
else
    skip "/dev/full not writable: write errors not tested"
fi

# ---- item 11: validation XML that is truncated, empty, or has an open comment
$D validate --dict data/dict $TMP/val.xml >$TMP/out 2>$TMP/err; rc=$?
check "whole validation file exits 0" test $rc = 0
check "whole validation file: 2 records" grep -Eq '^[0-9] passed, [0-9] failed$' $TMP/out
check "whole validation file: 2 records counted" test "$(sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1+\2/p' $TMP/out | bc)" = 2
# dyad's exit status and what it says on stderr: what, the status, a grep
# pattern, then dyad's arguments
says() {
    local what=$1 want=$2 said=$3; shift 3
    $D "$@" >$TMP/out 2>$TMP/err; local rc=$?
    check "$what exits $want" test $rc = $want
    check "$what: said" grep -q "$said" $TMP/err
}
head -c 300 $TMP/val.xml >$TMP/cut.xml
says "truncated validation file" 1 "cut.xml:[0-9]*: .*not closed at end of input" \
    validate --dict data/dict $TMP/cut.xml
head -n 6 $TMP/val.xml >$TMP/cut2.xml  # cut right after the first record
says "file cut between records (root named)" 1 "cut2.xml:1: <Validation> not closed at end of input" \
    validate --dict data/dict $TMP/cut2.xml
: >$TMP/empty.xml
says "empty validation file" 1 "empty.xml: no <Sentence> records" validate --dict data/dict $TMP/empty.xml
says "code on an empty XML file (warns)" 0 "warning: .*empty.xml: no <Sentence> records" \
    code --dict data/dict $TMP/empty.xml
sed '3a <!-- an unclosed comment' $TMP/val.xml >$TMP/comment.xml
says "unclosed comment in a record (file and line named)" 1 "comment.xml:4: comment not closed" \
    validate --dict data/dict $TMP/comment.xml
says "code: unclosed comment (named)" 1 "comment.xml:4: comment not closed" code --dict data/dict $TMP/comment.xml
DEV=${SHARED:+$SHARED/validation/petr2/PETR_Validate_records_2_02.dev.xml}
if [ -n "$DEV" ] && [ -f "$DEV" ]; then
    head -c 1000 "$DEV" >$TMP/t.xml
    $D validate --dict data/dict $TMP/t.xml >/dev/null 2>$TMP/err; rc=$?
    check "dev file cut at 1000 bytes exits 1" test $rc = 1
else
    skip "../shared/validation absent: the cut dev file was not validated"
fi

# ---- item 10: passwords never in messages (no server needed)
$D ingest --no-progress --db 'postgresql://u:s3cr3tpw@[::1/x' $TMP/a.jsonl 2>$TMP/err; rc=$?
check "malformed pg URL exits 1" test $rc = 1
check "malformed pg URL: password masked" test -z "$(grep s3cr3tpw $TMP/err)"
check "malformed pg URL: libpq's reason kept" grep -q 'u:\*\*\*@\[::1/x' $TMP/err
$D ties --db 'postgresql://u@127.0.0.1:1/x?password=hunter22&connect_timeout=2' RUS IRN 2>$TMP/err; rc=$?
check "?password= URL exits 1" test $rc = 1
check "?password= masked" test -z "$(grep hunter22 $TMP/err)"
check "?password= named masked" grep -q 'password=\*\*\*' $TMP/err

summary
