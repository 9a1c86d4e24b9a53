#!/usr/bin/env bash
# pgo-train.sh DYAD -- the training run of the profile-guided release build.
#
# An instrumented dyad (built with -fprofile-generate) codes the repository's
# own hand-written news sentences (tests/data/wire-2014-2025.tsv and
# verb-sentences.tsv) as JSON Lines with dyad's own dictionaries, read as
# text. The branch profile it leaves behind tells the compiler which way the
# tokenizer, tagger and coder usually go (see the Makefile). Nothing from
# ../shared is used, so a clean clone builds the same way everywhere.
set -eu
D=${1:?usage: pgo-train.sh DYAD}
cd "$(dirname "$0")/.."
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
# date<TAB>sentence<TAB>... -> {"id":..., "date":..., "text":...}
for f in tests/data/wire-2014-2025.tsv tests/data/verb-sentences.tsv; do
    awk -F'\t' '!/^#/ && NF >= 2 {
        gsub(/\\/, "\\\\", $2); gsub(/"/, "\\\"", $2)
        printf "{\"id\":\"%s-%d\",\"date\":\"%s\",\"text\":\"%s\"}\n", FILENAME, NR, $1, $2 }' "$f"
done > "$T/train.jsonl"
for i in 1 2 3; do "$D" code --dict data/dict "$T/train.jsonl" > /dev/null; done
