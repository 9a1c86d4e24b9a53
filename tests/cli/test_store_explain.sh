#!/usr/bin/env bash
# test_store_explain.sh -- the store keeps why each event was coded: ingest
# stores the text `dyad code --explain` writes (events.explain), ties
# --events and dyad serve show it; --no-explain leaves it out (NULL); a
# store written before the column is read as it is (read-only: no reasons)
# and gets the column at its next ingest, its old events untouched; a
# document of more than 256 KB of text is stored without reasons.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
F=tests/data/feed
command -v sqlite3 >/dev/null && command -v jq >/dev/null ||
    { skip "sqlite3 or jq not installed (scripts/install-deps.sh installs them)"; summary; exit; }
why() { $D ties --db "$1" RUS IRN --events --format json | jq -c '.events[] | [.doc_id, .sentence, .code, .explain]' | sort; }

# kept by default: the same text as dyad code --explain, for every event
$D ingest --no-progress --db $TMP/a.db $F/wire.jsonl 2>/dev/null
check "ingest exits 0" test $? = 0
$D code --explain $F/wire.jsonl | jq -c 'select(.target != "" and ((.source + .target) | test("^(RUS|IRN).*(RUS|IRN)")) and .source[0:3] != .target[0:3]) | [.doc_id, .sentence, .code, .explain]' | sort >$TMP/code.txt
why $TMP/a.db >$TMP/a.txt
check "explain: some events" test "$(wc -l <$TMP/a.txt)" -ge 3
check "explain: every event's, as dyad code --explain" test "$(grep -c ',"verb ' $TMP/a.txt)" = "$(wc -l <$TMP/a.txt)"
check "explain: the same text" test -z "$(comm -23 $TMP/a.txt $TMP/code.txt)"
check "explain: every stored event has it" test "$(sqlite3 $TMP/a.db "select count(*) from events where explain like 'verb %'")" = "$(sqlite3 $TMP/a.db "select count(*) from events")"

# --no-explain: NULL in the store, null in the listing
$D ingest --no-progress --no-explain --db $TMP/b.db $F/wire.jsonl 2>/dev/null
check "--no-explain: none stored" test "$(sqlite3 $TMP/b.db "select count(*) from events where explain is not null")" = 0
check "--no-explain: listed as null" test "$($D ties --db $TMP/b.db RUS IRN --events --format json | jq '[.events[].explain] | unique')" = "$(printf '[\n  null\n]')"
check "--no-explain: the same events" test "$(why $TMP/b.db | cut -d, -f1-3 | md5sum)" = "$(cut -d, -f1-3 $TMP/a.txt | md5sum)"

# a document of more than 256 KB of text: coded without reasons (memory)
{ printf '{"id":"long-1","date":"20200101","text":"'
  yes 'Putin hailed Rouhani.' | tr '\n' ' ' | head -c 300000
  printf '"}\n{"id":"short-1","date":"20200102","text":"Putin hailed Rouhani."}\n'; } >$TMP/long.jsonl
$D ingest --no-progress --db $TMP/l.db $TMP/long.jsonl 2>/dev/null
check "long document: events, no reasons" test "$(sqlite3 $TMP/l.db "select count(*), count(explain) from events e join documents d using (doc) where d.id = 'long-1'")" = "13636|0"
check "short one: its reason" test "$(sqlite3 $TMP/l.db "select count(explain) from events e join documents d using (doc) where d.id = 'short-1'")" = 1

# a store from before the column: read as it is, the column added by the next ingest
cp $TMP/b.db $TMP/old.db
sqlite3 $TMP/old.db "ALTER TABLE events DROP COLUMN explain"
sum=$(sha256sum $TMP/old.db | cut -d' ' -f1)
$D ties --db $TMP/old.db RUS IRN --events --format csv >$TMP/old.csv
check "old store: ties --events reads it" test $? = 0 -a "$(sed 1d $TMP/old.csv | wc -l)" = "$(wc -l <$TMP/a.txt)"
check "old store: left unchanged by reading" test "$(sha256sum $TMP/old.db | cut -d' ' -f1)" = "$sum"
printf '{"id":"new-1","date":"2026-05-11","text":"Russia sent humanitarian aid to Iran on Sunday."}\n' >$TMP/new.jsonl
$D ingest --no-progress --db $TMP/old.db $TMP/new.jsonl 2>/dev/null
check "old store: ingest adds the column" test $? = 0
check "old store: new event explained, old ones not" test "$(sqlite3 $TMP/old.db "select count(*) from events where explain like 'verb %'")" = 1
summary
