#!/usr/bin/env bash
# test_dict_damage.sh -- issue 14: a damaged compiled cache is refused with
# a message naming it (never a crash, never "loaded"); a dictionary file
# that never ends a line (/dev/zero) or runs the reader out of memory is an
# error naming the file and line, not an empty dictionary.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}

$D dict compile --dict tests/data/dict -o "$TMP/mini.dyc" 2>/dev/null
check "compile" test -s "$TMP/mini.dyc"

# one byte changed in the middle: stats and code refuse it, naming the file
size=$(stat -c %s "$TMP/mini.dyc")
cp "$TMP/mini.dyc" "$TMP/bad.dyc"
printf '\x55' | dd of="$TMP/bad.dyc" bs=1 seek=$((size / 2)) conv=notrunc status=none
$D dict stats --dict "$TMP/bad.dyc" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "damaged cache: stats exits 1" test $rc = 1
check "damaged cache: named and called damaged" grep -q "bad.dyc: damaged: checksum mismatch" "$TMP/err"
check "damaged cache: no counts printed" test ! -s "$TMP/out"
echo 'Freedonia accused Sylvania.' | $D code --dict "$TMP/bad.dyc" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "damaged cache: code exits non-zero" test $rc != 0 -a $rc -lt 128
check "damaged cache: code names it" grep -q "bad.dyc: damaged" "$TMP/err"

# a cache of the previous format: the hint to compile again
cp "$TMP/mini.dyc" "$TMP/old.dyc"
printf '7' | dd of="$TMP/old.dyc" bs=1 seek=7 conv=notrunc status=none
$D dict stats --dict "$TMP/old.dyc" >/dev/null 2>"$TMP/err"; rc=$?
check "old cache refused" test $rc = 1
check "old cache: hint" grep -q "old.dyc: compiled by another version of dyad (compile it again with 'dyad dict compile')" "$TMP/err"

# a verbs file of /dev/zero: one endless line. Once the reader grew its
# buffer until memory ran out and took that for the end of the file ("0
# problems"); the allocation cap below (honoured by the sanitizer build)
# stands in for `ulimit -v`, which AddressSanitizer cannot run under.
mkdir -p "$TMP/zero"
ln -s /dev/zero "$TMP/zero/zero.verbs.txt"
cp tests/data/dict/*actors* "$TMP/zero/"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}allocator_may_return_null=1:max_allocation_size_mb=64" \
    timeout 60 $D dict stats --dict "$TMP/zero" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "/dev/zero verbs: exits 1" test $rc = 1
check "/dev/zero verbs: file and line named" grep -q "zero.verbs.txt:1: line longer than 65536 bytes" "$TMP/err"

# a line over the cap in a real file: refused at its line
mkdir -p "$TMP/long"
cp tests/data/dict/*verbs* tests/data/dict/*actors* "$TMP/long/"
{ echo "# a comment"; head -c 70000 /dev/zero | tr '\0' 'A'; echo; } > "$TMP/long/long.agents.txt"
$D dict stats --dict "$TMP/long" >/dev/null 2>"$TMP/err"; rc=$?
check "over-long line: exits 1" test $rc = 1
check "over-long line: file and line named" grep -q "long.agents.txt:2: line longer than 65536 bytes" "$TMP/err"

summary
