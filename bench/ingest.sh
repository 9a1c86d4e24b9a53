#!/usr/bin/env bash
# bench/ingest.sh DYAD -- what the event store costs: ingesting the
# synthetic news corpus into a fresh SQLite file against coding it to
# /dev/null (both read, analyse and code every document with the same
# dictionaries). Medians of RUNS runs, wall-clock seconds; the issue's
# target is at most 25% more time for ingest. Prints; asserts nothing (the
# machine is shared and noisy). Also a rerun on the full store (every
# document known: the idempotence check costs).
set -u
D=${1:-build/release/dyad}
SHARED=${DYAD_SHARED:-../shared}
RUNS=${RUNS:-5}
CORPUS=$SHARED/corpus/synthetic-news.jsonl
[ -f "$CORPUS" ] || { echo "bench/ingest: $CORPUS absent: nothing to measure"; exit 0; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }

docs=$(wc -l <"$CORPUS")
for i in $(seq "$RUNS"); do
    secs "$D" code "$CORPUS" >>"$TMP/code"
    rm -f "$TMP"/e.db*
    secs "$D" ingest --no-progress --quiet --db "$TMP/e.db" "$CORPUS" >>"$TMP/ingest"
    secs "$D" ingest --no-progress --quiet --db "$TMP/e.db" "$CORPUS" >>"$TMP/again"
done
c=$(median <"$TMP/code"); g=$(median <"$TMP/ingest"); a=$(median <"$TMP/again")
echo "== ingest vs code ($docs documents, $RUNS runs, median wall-clock)"
printf 'code to /dev/null:        %.3f s  (%.0f docs/s)\n' "$c" "$(echo "$docs / $c" | bc -l)"
printf 'ingest into SQLite:       %.3f s  (%.0f docs/s)  %+.1f%% (target: at most +25%%)\n' "$g" \
    "$(echo "$docs / $g" | bc -l)" "$(echo "($g / $c - 1) * 100" | bc -l)"
printf 'ingest again (all known): %.3f s\n' "$a"
printf 'store size:               %s KB\n' "$(du -k "$TMP/e.db" | cut -f1)"
