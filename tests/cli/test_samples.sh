#!/usr/bin/env bash
# test_samples.sh -- dyad's own dictionaries on our own text: the demo
# article gives exactly the hand-checked events of tests/data/phone-call.expected,
# and the hand-written acceptance sentences of tests/data/verb-sentences.tsv
# code to their expected events at least as often as the floor below (a
# regression guard; the figure is printed).
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}

# the demo article: every expected event, and nothing else
$D code --date 2026-03-14 data/sample/phone-call.txt > "$TMP/out.jsonl"
check "demo codes" test $? = 0
sed -E 's/.*"sentence":([0-9]+),.*"source":"([^"]*)","target":"([^"]*)","code":"([^"]*)".*/\1\t\2\t\3\t\4/' \
    "$TMP/out.jsonl" | sort > "$TMP/got"
grep -v '^#' tests/data/phone-call.expected | grep . | sort > "$TMP/want"
if diff "$TMP/want" "$TMP/got" >"$TMP/diff"; then ok; else no "demo events differ:"; cat "$TMP/diff" >&2; fi

# acceptance sentences: one document per line, its expected event among those coded
total=0; hit=0
while IFS=$'\t' read -r date text src tgt code; do
    case "$date" in \#*|"") continue;; esac
    total=$((total + 1))
    if printf '%s\n' "$text" | $D code --date "$date" | grep -q "\"source\":\"$src\",\"target\":\"$tgt\",\"code\":\"$code\""; then
        hit=$((hit + 1))
    fi
done < tests/data/verb-sentences.tsv
echo "acceptance sentences: $hit of $total expected events coded"
check "acceptance floor (85%)" test $((hit * 100)) -ge $((total * 85))
summary
