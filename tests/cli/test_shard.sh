#!/usr/bin/env bash
# test_shard.sh -- --shard K/N: N runs of dyad code (and dyad ingest) each
# taking one shard cover an input exactly once. Compared as sorted event
# sets: the union of the shards' events equals one run's, for N = 1, 3 and
# 7, on a JSON Lines input (documents by id) and on a directory of files
# (files by their path below it); shards are disjoint (no event twice) and
# every shard of 3 gets some documents. An out-of-range or malformed spec
# is a usage error (status 2). The input: the wire sentences of
# tests/data as one document each, plus the first 300 corpus stories when
# the shared corpus is there (the test runs without it).
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
command -v jq >/dev/null || { skip "jq not installed (scripts/install-deps.sh installs it)"; summary; exit; }

IN=$TMP/in.jsonl
wire_jsonl $IN
ndocs=$(wc -l <$IN)

# a directory: the JSON Lines split into files of 20 documents, some in
# subdirectories, and one plain-text story
DIR=$TMP/dir
mkdir -p $DIR/a/b $DIR/c
split -l 20 -d -a 3 --additional-suffix=.jsonl $IN $DIR/part-
for f in $(ls $DIR/part-* | sed -n '1~3p'); do mv $f $DIR/a/; done
for f in $(ls $DIR/part-* | sed -n '1~4p'); do mv $f $DIR/a/b/; done
echo "Russia's foreign minister met his Iranian counterpart in Moscow on Tuesday." >$DIR/c/story.txt

# events as a sorted set; doc, sentence, actors and code identify each
events() { jq -c '[.doc_id, .sentence, .source, .target, .code, .date] | tostring' | sort; }

$D code --date 2024-01-01 $IN | events >$TMP/all
check "the whole input codes events" test "$(wc -l <$TMP/all)" -gt 100
$D code --date 2024-01-01 $DIR | events >$TMP/dall
check "the whole directory codes events" test "$(wc -l <$TMP/dall)" -gt 100

for n in 1 3 7; do
    : >$TMP/union; : >$TMP/dunion; : >$TMP/docs
    bad=0
    for k in $(seq 1 $n); do
        $D code --date 2024-01-01 --shard $k/$n $IN >$TMP/s.jsonl || bad=1
        events <$TMP/s.jsonl >>$TMP/union
        jq -r .doc_id $TMP/s.jsonl | sort -u >$TMP/docs.$k
        cat $TMP/docs.$k >>$TMP/docs
        $D code --date 2024-01-01 $DIR --shard $k/$n >$TMP/d.jsonl || bad=1
        events <$TMP/d.jsonl >>$TMP/dunion
    done
    check "N=$n: every shard exits 0" test $bad = 0
    sort -o $TMP/union $TMP/union
    sort -o $TMP/dunion $TMP/dunion
    check "N=$n: union of shards = one run (JSON Lines)" cmp -s $TMP/all $TMP/union
    check "N=$n: union of shards = one run (directory)" cmp -s $TMP/dall $TMP/dunion
    check "N=$n: no document in two shards" test -z "$(sort $TMP/docs | uniq -d)"
    if [ $n = 3 ]; then
        for k in 1 2 3; do
            check "N=3: shard $k has documents" test "$(wc -l <$TMP/docs.$k)" -gt 10
        done
    fi
done

# a directory's file goes whole to one shard: its documents stay together
for k in 1 2 3; do
    $D code --date 2024-01-01 --shard $k/3 --stats $DIR >/dev/null 2>$TMP/st.$k
done
got=$(cat $TMP/st.* | sed -E 's/^documents ([0-9]+) .*/\1/' | paste -sd+ | bc)
check "directory: shards read every document once" test "$got" = $((ndocs + 1))

# ingest --shard into one SQLite store = one ingest of everything
if command -v sqlite3 >/dev/null; then
    $D ingest --no-progress --quiet --date 2024-01-01 --db $TMP/one.db $IN
    for k in 1 2 3; do
        $D ingest --no-progress --quiet --date 2024-01-01 --shard $k/3 --db $TMP/sh.db $IN
    done
    sq() { sqlite3 "$1" "select d.id, e.sentence, e.source, e.target, e.code, e.date, e.counted from events e join documents d using(doc) order by 1, 2, 3, 4, 5"; }
    check "ingest: shards into one store = one ingest" test "$(sq $TMP/one.db)" = "$(sq $TMP/sh.db)"
    check "ingest: every document stored" test "$(sqlite3 $TMP/sh.db 'select count(*) from documents')" = "$(sqlite3 $TMP/one.db 'select count(*) from documents')"
else
    skip "ingest --shard: sqlite3 not installed"
fi

# usage errors
for spec in 5/4 0/4 1/0 4 a/b 1/4x -1/3 2/1000001 ''; do
    $D code --shard "$spec" $IN >/dev/null 2>$TMP/err
    check "--shard '$spec' is a usage error" test $? = 2
done
check "usage error says what K/N must be" grep -q "1 <= K <= N" $TMP/err
$D ingest --db $TMP/x.db --shard 5/4 $IN 2>/dev/null
check "ingest --shard 5/4 is a usage error" test $? = 2
check "no store made by a usage error" test ! -e $TMP/x.db
summary
