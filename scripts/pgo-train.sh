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
# date<TAB>sentence<TAB>... -> {"id":..., "date":..., "text":...}: every
# sentence as a document of its own, and stories of eight sentences in
# paragraphs of two, as news comes
for f in tests/data/wire-2014-2025.tsv tests/data/verb-sentences.tsv; do
    awk -F'\t' '!/^#/ && NF >= 2 {
        gsub(/\\/, "\\\\", $2); gsub(/"/, "\\\"", $2)
        printf "{\"id\":\"%s-%d\",\"date\":\"%s\",\"text\":\"%s\"}\n", FILENAME, NR, $1, $2
        story = story (n % 2 ? " " : n ? "\\n\\n" : "") $2
        if (++n == 8) {
            printf "{\"id\":\"%s-s%d\",\"date\":\"%s\",\"text\":\"%s\"}\n", FILENAME, NR, $1, story
            story = ""; n = 0
        } }' "$f"
done > "$T/train.jsonl"
# one thread: the counters (-fprofile-update=single) are exact and the profile the same each build
for i in 1 2 3; do "$D" code --threads 1 --dict data/dict "$T/train.jsonl" > /dev/null; done
