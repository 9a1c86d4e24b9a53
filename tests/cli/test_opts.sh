#!/usr/bin/env bash
# test_opts.sh -- one option parser (cli/opts.c) for every command: options
# before or after the files, "--opt=value" as "--opt value", and the same
# usage error (status 2, the option named) in every command.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
DICT=tests/data/dict
echo "Freedonia accused Sylvania on Monday." > "$TMP/a.txt"

# code: options after the file, and in --opt=value form, give the same events
$D code --dict $DICT --date 2020-06-01 "$TMP/a.txt" > "$TMP/before" 2>/dev/null
$D code "$TMP/a.txt" --dict=$DICT --date=2020-06-01 > "$TMP/after" 2>/dev/null
check "code: one event" test "$(grep -c '"code":"112"' "$TMP/before")" = 1
check "code: options after the file and --opt=value" cmp -s "$TMP/before" "$TMP/after"

# ingest: --quiet after the file is an option, not a file
$D ingest --db "$TMP/s.db" --dict $DICT --date 2020-06-01 "$TMP/a.txt" --quiet 2>"$TMP/err"; rc=$?
check "ingest FILE --quiet: exit 0" test $rc = 0
check "ingest FILE --quiet: quiet" test ! -s "$TMP/err"
$D ingest "$TMP/a.txt" --db="$TMP/s2.db" --dict=$DICT --no-progress 2>"$TMP/err"; rc=$?
check "ingest --db=D after the file" test $rc = 0
check "ingest summary names one document" grep -q "1 documents read: 1 stored" "$TMP/err"
$D ingest --db "$TMP/s3.db" --batch zero "$TMP/a.txt" 2>"$TMP/err"; rc=$?
check "ingest --batch zero: usage error" test $rc = 2

# every command: an unknown option and a missing value are usage errors
for cmd in code validate ingest ties serve "dict stats"; do
    $D $cmd --bogus </dev/null >/dev/null 2>"$TMP/err"; rc=$?
    check "$cmd --bogus exits 2" test $rc = 2
    check "$cmd --bogus named" grep -q "unknown option '--bogus'" "$TMP/err"
done
for cmd in "code --dict" "validate --dict" "ingest --db" "ties --db" "serve --db" "dict lookup --date"; do
    $D $cmd </dev/null >/dev/null 2>"$TMP/err"; rc=$?
    check "$cmd without its value exits 2" test $rc = 2
    check "$cmd: value asked for" grep -q "needs a value" "$TMP/err"
done
for cmd in code validate ingest ties serve "dict stats"; do
    $D $cmd --help >/dev/null 2>&1; rc=$?
    check "$cmd --help exits 0" test $rc = 0
done

# serve: --threads is a whole number from 1 to 64, and serve takes no files
$D serve --db "$TMP/s.db" --threads 0 >/dev/null 2>"$TMP/err"; rc=$?
check "serve --threads 0: usage error" test $rc = 2
check "serve --threads 0: the range said" grep -q "from 1 to 64" "$TMP/err"
$D serve --db "$TMP/s.db" extra.txt >/dev/null 2>"$TMP/err"; rc=$?
check "serve FILE: usage error" test $rc = 2

# dict: -o and --output=; the name after its options or before them
$D dict compile --dict $DICT --output="$TMP/d.dyc" && check "dict compile --output=" test -s "$TMP/d.dyc"
a=$($D dict lookup --dict $DICT Freedonia); b=$($D dict lookup Freedonia --dict=$DICT)
check "dict lookup: name before or after the options" test -n "$a" -a "$a" = "$b"
summary
