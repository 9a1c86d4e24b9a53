#!/usr/bin/env bash
# run.sh -- runs every test program in build/test/ and the CLI tests, then
# prints the totals as "N passed, N failed, N skipped".
set -u
bindir=${1:-build/asan}
pass=0; fail=0; skip=0; bad=0
for t in "$bindir"/tests/test_*; do
    [ -x "$t" ] || continue
    out=$("$t" 2>&1); rc=$?
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    if [ -z "$line" ]; then
        printf '%s\n' "$out"; echo "FAIL: $t (crashed or printed no summary, rc=$rc)"; bad=$((bad + 1)); continue
    fi
    p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/')
    s=$(echo "$line" | sed -nE 's/.*, ([0-9]+) skipped.*/\1/p'); s=${s:-0}
    pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
    if [ "$f" != 0 ] || [ $rc != 0 ]; then printf '%s\n' "$out"; echo "FAIL: $t"; [ "$f" = 0 ] && bad=$((bad + 1))
    else printf '%-40s %s\n' "$(basename "$t")" "$line"; printf '%s\n' "$out" | grep -i 'skipped:' || true; fi
done
for t in tests/cli/test_*.sh; do
    [ -f "$t" ] || continue
    out=$(DYAD="$bindir/dyad" bash "$t" 2>&1); rc=$?
    line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    p=$(echo "$line" | sed -nE 's/^([0-9]+) passed.*/\1/p'); p=${p:-0}
    f=$(echo "$line" | sed -nE 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/p'); f=${f:-1}
    s=$(echo "$line" | sed -nE 's/.*, ([0-9]+) skipped.*/\1/p'); s=${s:-0}
    pass=$((pass + p)); fail=$((fail + f)); skip=$((skip + s))
    if [ "$f" != 0 ] || [ $rc != 0 ]; then printf '%s\n' "$out"; echo "FAIL: $t"; [ "$f" = 0 ] && bad=$((bad + 1))
    else printf '%-40s %s\n' "$(basename "$t")" "$line"; printf '%s\n' "$out" | grep -i 'skipped:' || true; fi
done
fail=$((fail + bad))
echo "$pass passed, $fail failed, $skip skipped"
[ $fail = 0 ]
