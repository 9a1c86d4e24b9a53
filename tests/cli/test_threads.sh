#!/usr/bin/env bash
# test_threads.sh -- --threads N (code, ingest, validate): the output has
# the same bytes in the same order for every N. On the shared corpus, N = 1,
# 2, 3 and 8: `dyad code` output compared with cmp, the store `dyad ingest`
# makes compared as a full SQL dump; the PETRARCH validation report for N = 1
# and 3. Warnings (stderr) come in input order too. DYAD_THREADS sets the
# default; a bad value is a usage error (status 2).
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}

# usage errors, and the forms the option takes (no shared data needed)
echo "Iran accused Israel of an attack." > "$TMP/one.txt"
for bad in 0 -1 x 2x 1025 ''; do
    $D code --threads "$bad" "$TMP/one.txt" >/dev/null 2>"$TMP/err"
    check "--threads '$bad': status 2" test $? = 2
done
check "says which option" grep -q -- "--threads" "$TMP/err"
DYAD_THREADS=zero $D code "$TMP/one.txt" >/dev/null 2>"$TMP/err"
check "DYAD_THREADS=zero: status 2" test $? = 2
check "names DYAD_THREADS" grep -q "DYAD_THREADS" "$TMP/err"
$D ingest --db "$TMP/u.db" --threads 0 "$TMP/one.txt" 2>/dev/null
check "ingest --threads 0: status 2" test $? = 2
$D validate --threads x "$TMP/one.txt" >/dev/null 2>&1
check "validate --threads x: status 2" test $? = 2
$D code --date 2026-03-14 --threads=2 "$TMP/one.txt" > "$TMP/a" 2>/dev/null
DYAD_THREADS=3 $D code --date 2026-03-14 "$TMP/one.txt" > "$TMP/b" 2>/dev/null
check "--threads=2 and DYAD_THREADS=3 code alike" cmp -s "$TMP/a" "$TMP/b"
check "and code something" test -s "$TMP/a"

# warnings in input order: a bad line between documents, for every N
printf '{"id":"a","text":"Iran accused Israel of an attack."}\n{"id": broken\n{"id":"b","text":"Russia criticized Turkey."}\nnot json\n' > "$TMP/bad.jsonl"
for n in 1 4; do
    $D code --threads $n --date 2026-03-14 "$TMP/bad.jsonl" "$TMP/one.txt" "$TMP/bad.jsonl" >"$TMP/w$n.out" 2>"$TMP/w$n.err"
done
check "stderr in input order for every N" cmp -s "$TMP/w1.err" "$TMP/w4.err"
check "stdout too" cmp -s "$TMP/w1.out" "$TMP/w4.out"
check "the warnings are there" test "$(grep -c 'warning' "$TMP/w1.err")" = 4
# --trace lines come from the coding thread: --trace codes in one, in order
$D code --trace --threads 4 --date 2026-03-14 "$TMP/bad.jsonl" "$TMP/one.txt" >/dev/null 2>"$TMP/t4"
$D code --trace --threads 1 --date 2026-03-14 "$TMP/bad.jsonl" "$TMP/one.txt" >/dev/null 2>"$TMP/t1"
check "--trace: the same lines in the same order" cmp -s "$TMP/t1" "$TMP/t4"
check "--trace: lines" test "$(grep -c '^trace:' "$TMP/t1")" -ge 3

CORPUS=${SHARED:+$SHARED/corpus/synthetic-news.jsonl}
if [ -z "$CORPUS" ] || [ ! -f "$CORPUS" ]; then
    skip "the shared corpus is absent: code and ingest not compared across --threads"
    summary; exit
fi
$D code --threads 1 --date 2026-03-14 "$CORPUS" > "$TMP/code1" 2>"$TMP/code1.err"
check "corpus coded" test "$(wc -l < "$TMP/code1")" -gt 1000
for n in 2 3 8; do
    $D code --threads $n --date 2026-03-14 "$CORPUS" > "$TMP/code$n" 2>"$TMP/code$n.err"
    check "code --threads $n: the same bytes as one thread" cmp -s "$TMP/code1" "$TMP/code$n"
    check "code --threads $n: the same warnings" cmp -s "$TMP/code1.err" "$TMP/code$n.err"
done
if command -v sqlite3 >/dev/null; then
    for n in 1 2 3 8; do
        $D ingest --threads $n --db "$TMP/s$n.db" --date 2026-03-14 --no-progress --quiet "$CORPUS"
        sqlite3 "$TMP/s$n.db" .dump > "$TMP/s$n.sql"
    done
    check "the store holds the corpus" test "$(sqlite3 "$TMP/s1.db" 'select count(*) from events')" -gt 1000
    for n in 2 3 8; do
        check "ingest --threads $n: the same store as one thread" cmp -s "$TMP/s1.sql" "$TMP/s$n.sql"
    done
else
    skip "sqlite3 command not installed: stores not compared"
fi
VAL=$SHARED/validation/petr2/PETR_Validate_records_2_02.dev.xml
if [ -f "$VAL" ]; then
    $D validate --threads 1 --events "$TMP/v1.jsonl" "$VAL" > "$TMP/v1" 2>&1
    $D validate --threads 3 --events "$TMP/v3.jsonl" "$VAL" > "$TMP/v3" 2>&1
    check "validate: a report" grep -q "passed, .* failed" "$TMP/v1"
    check "validate --threads 3: the same report" cmp -s "$TMP/v1" "$TMP/v3"
    check "validate --threads 3: the same events" cmp -s "$TMP/v1.jsonl" "$TMP/v3.jsonl"
else
    skip "the PETRARCH validation file is absent: validate not compared"
fi
summary
