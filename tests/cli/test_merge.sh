#!/usr/bin/env bash
# test_merge.sh -- coding and storing apart: N tasks each code a shard into
# a file of coded documents (`dyad ingest --shard K/N --db shard-K.jsonl`,
# no database) and `dyad merge` adds the files to one SQLite store, which
# must equal the store of one ingest of the whole input: the same events,
# documents, sentences and near-copy signatures, compared as sorted sets
# keyed by document id, and the same counts. Also: a file is named only
# once it is whole (a killed task leaves FILE.part), merging again adds
# nothing, a texts repeated under another id in another shard is stored
# once, a damaged line is reported with its file and line (status 1) and
# the others are stored, and a .jsonl is refused where a store is read.
# The input: the wire sentences of tests/data (plus 300 corpus stories when
# the shared corpus is there), a repeated id and a repeated text.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
command -v jq >/dev/null || { skip "jq not installed (scripts/install-deps.sh installs it)"; summary; exit; }
command -v sqlite3 >/dev/null || { skip "sqlite3 not installed"; summary; exit; }

IN=$TMP/in.jsonl
wire_jsonl $IN
# the same id twice (one shard gets both; the first is kept) and the
# first text again under a new id (another shard may get it: stored once)
head -n 1 $IN | jq -c '.text = "Another text under the same id."' >>$IN
head -n 1 $IN | jq -c '.id = "copy-of-first"' >>$IN
ndocs=$(wc -l <$IN)

ing() { $D ingest --no-progress --quiet --date 2024-01-01 "$@"; }
ing --db $TMP/one.db $IN
check "one ingest exits 0" test $? = 0
for k in 1 2 3; do
    ing --shard $k/3 --db $TMP/shard-$k.jsonl $IN || no "shard $k exits 0"
done
check "every shard file is named when whole" test -s $TMP/shard-1.jsonl -a -s $TMP/shard-2.jsonl -a -s $TMP/shard-3.jsonl
check "no .part is left" test -z "$(ls $TMP/*.part 2>/dev/null)"
check "each line is a coded document" test "$(jq -r .dyad_coded $TMP/shard-*.jsonl | sort -u)" = 1
check "the shards hold every document read once" test "$(cat $TMP/shard-*.jsonl | wc -l)" = $ndocs

$D merge --db $TMP/merged.db $TMP/shard-*.jsonl 2>$TMP/merge.err
check "merge exits 0" test $? = 0
check "merge prints its summary" grep -q "dyad: merge: $ndocs documents read" $TMP/merge.err

q() { sqlite3 -separator '|' "$1" "$2" | sort; }
events="SELECT d.id, e.sentence, e.date, e.date_kind, e.source, e.target, e.src_country,
  e.tgt_country, e.code, e.root_code, e.quad_class, e.goldstein, e.source_text, e.target_text,
  e.verb, e.issues, e.explain, e.counted FROM events e JOIN documents d ON d.doc = e.doc"
docs="SELECT id, text_hash, date, title, source, url, input, text, original IS NULL FROM documents
  WHERE id <> 'copy-of-first' AND id <> 'w-1'"
sents="SELECT d.id, s.idx, s.start, s.end, s.text FROM sentences s JOIN documents d ON d.doc = s.doc"
sigs="SELECT d.id, hex(m.sig) FROM doc_minhash m JOIN documents d ON d.doc = m.doc"
counts="SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),
  (SELECT count(*) FROM events), (SELECT count(*) FROM events WHERE counted = 1),
  (SELECT count(*) FROM near_copies)"
check "one ingest stored events" test "$(q $TMP/one.db "$events" | wc -l)" -gt 100
check "with their reasons" test "$(q $TMP/one.db "SELECT count(*) FROM events WHERE explain <> ''")" -gt 100
for what in events docs sents sigs counts; do
    q $TMP/one.db "${!what}" >$TMP/a; q $TMP/merged.db "${!what}" >$TMP/b
    check "merged store = one ingest: $what" cmp -s $TMP/a $TMP/b
done
check "the repeated id is stored once, with its first text" \
    test "$(q $TMP/merged.db "SELECT text FROM documents WHERE id = 'w-1'")" = "$(head -n 1 $IN | jq -r .text)"
check "the repeated text is stored once" \
    test "$(q $TMP/merged.db "SELECT count(*) FROM documents WHERE id IN ('w-1', 'copy-of-first')")" = 1

# merging again adds nothing
$D merge --db $TMP/merged.db $TMP/shard-*.jsonl 2>$TMP/again.err
check "merging again exits 0" test $? = 0
check "merging again stores nothing" grep -q ": 0 stored," $TMP/again.err
q $TMP/merged.db "$counts" >$TMP/b; q $TMP/one.db "$counts" >$TMP/a
check "merging again changes no count" cmp -s $TMP/a $TMP/b

# a damaged line: reported with file and line, the rest stored, status 1
{ head -n 2 $TMP/shard-1.jsonl; echo '{"dyad_coded":1,"id":"x","text":"a b","sentences":[[0,9]]}';
  echo '{"dyad_coded":1,"id":"y",'; sed -n 3p $TMP/shard-1.jsonl; } >$TMP/bad.jsonl
$D merge --db $TMP/bad.db $TMP/bad.jsonl 2>$TMP/bad.err
check "a damaged line: status 1" test $? = 1
check "a sentence past the text is named with file and line" grep -q "bad.jsonl:3: skipped: sentence 0 ends at byte 9" $TMP/bad.err
check "a truncated line is named with file and line" grep -q "bad.jsonl:4: skipped: truncated" $TMP/bad.err
check "the good lines are stored" test "$(sqlite3 $TMP/bad.db 'SELECT count(*) FROM documents')" = 3
$D merge --db $TMP/bad.db $TMP/no-such.jsonl 2>$TMP/missing.err
check "a missing file: status 1, named" test $? = 1 -a -n "$(grep no-such.jsonl $TMP/missing.err)"

# a killed task leaves FILE.part, never FILE
mkfifo $TMP/fifo
ing --format jsonl --batch 1 --db $TMP/killed.jsonl $TMP/fifo &
pid=$!
exec 3>$TMP/fifo
head -n 20 $IN >&3
sleep 1
kill -9 $pid; wait $pid 2>/dev/null
exec 3>&-
check "a killed task leaves no finished file" test ! -e $TMP/killed.jsonl
check "a killed task leaves its .part" test -e $TMP/killed.jsonl.part

# where a store is read, a .jsonl is refused with a word on merge
$D ties --db $TMP/shard-1.jsonl RUS 2>$TMP/ties.err >/dev/null
check "ties refuses a .jsonl (status 1)" test $? = 1
check "and says to merge it" grep -q "dyad merge" $TMP/ties.err
$D merge --db $TMP/x.db 2>/dev/null
check "merge without a file is a usage error" test $? = 2
summary
