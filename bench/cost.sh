#!/usr/bin/env bash
# cost.sh DYAD [dyad code options...] -- callgrind's cost model of the timed
# part of `dyad code` (dyad_pipeline_run: reading, coding, writing; not the
# dictionary's loading) on the first 1,000 stories of the synthetic corpus.
#
# The wall clock of a shared 2-core VM varies by 10-30% between runs, so
# changes made for speed are compared with this deterministic figure, and
# paired wall-clock runs (bench/paired.sh) only at the end:
#   cost = Ir + 10 x (I1 + D1 misses) + 100 x (last-level misses) + 15 x mispredicted branches
# Prints Ir, instruction-cache misses, data-cache misses, mispredicts, the
# cost, and the first 12 hex digits of the output's sha256 (a change made
# only for speed must leave it as it was). Examples:
#   bash bench/cost.sh build/release/dyad
#   bash bench/cost.sh build/release/dyad --dict ../shared/dictionaries/phoenix
# TOGGLE=name times another function (an old build's own loop); KEEP=FILE
# keeps callgrind's output for callgrind_annotate. Needs valgrind.
set -u
D=${1:?usage: cost.sh DYAD [dyad code options]}; shift
SHARED=${DYAD_SHARED:-../shared}
CORPUS=$SHARED/corpus/synthetic-news.jsonl
command -v valgrind >/dev/null || { echo "cost.sh: valgrind not installed" >&2; exit 2; }
[ -f "$CORPUS" ] || { echo "cost.sh: $CORPUS absent (set DYAD_SHARED): skipped"; exit 0; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
head -n 1000 "$CORPUS" > "$T/c1000.jsonl"
valgrind --tool=callgrind --cache-sim=yes --branch-sim=yes --toggle-collect="${TOGGLE:-dyad_pipeline_run}" \
    --callgrind-out-file="$T/out" "$D" code --threads 1 "$@" "$T/c1000.jsonl" 2>"$T/err" | sha256sum | cut -c1-12 > "$T/sha" ||
    { echo "cost.sh: dyad failed:" >&2; tail -n 5 "$T/err" >&2; exit 1; }
# callgrind's totals line: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw Bc Bcm Bi Bim
awk -v sha="$(cat "$T/sha")" '/^(summary|totals):/ {
    ir = $2; i1 = $5; d1 = $6 + $7; ll = $8 + $9 + $10; bcm = $12
    printf "Ir %.1fM  I1 misses %.2fM  D1 misses %.2fM  mispredicts %.2fM  cost %.1fM  output %s\n",
           ir / 1e6, i1 / 1e6, d1 / 1e6, bcm / 1e6, (ir + 10 * (i1 + d1) + 100 * ll + 15 * bcm) / 1e6, sha
    exit }' "$T/out"
[ -n "${KEEP:-}" ] && cp "$T/out" "$KEEP"
exit 0
