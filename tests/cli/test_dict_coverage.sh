#!/usr/bin/env bash
# test_dict_coverage.sh -- the coverage entries of dyad's own dictionaries:
# every name of tests/data/dict-coverage.tsv resolves on its date to its code
# (`dyad dict lookup`), and every sentence of tests/data/dict-sentences.tsv,
# coded alone, gives exactly the events listed, no more and no fewer.
# Needs jq; skips the sentences without it.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}

while IFS=$'\t' read -r date name want; do
    case "$date" in \#*|"") continue;; esac
    got=$($D dict lookup --date "$date" "$name" 2>&1)
    if [ "$got" = "$want" ]; then ok; else no "$name on $date: want $want got $got"; fi
done < tests/data/dict-coverage.tsv

if ! command -v jq >/dev/null; then
    skip "dict sentences: jq is not installed"
    summary; exit
fi
check_sentences tests/data/dict-sentences.tsv
summary
