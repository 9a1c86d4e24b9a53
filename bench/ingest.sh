#!/usr/bin/env bash
# bench/ingest.sh DYAD -- what the event store costs: ingesting the
# synthetic news corpus into a fresh SQLite file against coding it to
# /dev/null (both read, analyse and code every document with the same
# dictionaries). Medians of RUNS runs, wall-clock seconds; the issue's
# target is at most 25% more time for ingest. Prints; asserts nothing (the
# machine is shared and noisy). Also a rerun on the full store (every
# document known: the idempotence check costs), and the CPU time of both,
# steadier than the wall clock on a loaded machine.
set -u
D=${1:-build/release/dyad}
SHARED=${DYAD_SHARED:-../shared}
RUNS=${RUNS:-5}
CORPUS=$SHARED/corpus/synthetic-news.jsonl
[ -f "$CORPUS" ] || { echo "bench/ingest: $CORPUS absent: nothing to measure"; exit 0; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
median() { sort -g | awk '{a[NR]=$1} END {if (NR) print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
# CPU seconds (user + system) of a command, when GNU time is there
cpu() { if [ -x /usr/bin/time ]; then /usr/bin/time -f '%U %S' "$@" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}'; else echo 0; fi; }

docs=$(wc -l <"$CORPUS")
for i in $(seq "$RUNS"); do
    secs "$D" code "$CORPUS" >>"$TMP/code"
    rm -f "$TMP"/e.db*
    secs "$D" ingest --no-progress --quiet --db "$TMP/e.db" "$CORPUS" >>"$TMP/ingest"
    secs "$D" ingest --no-progress --quiet --db "$TMP/e.db" "$CORPUS" >>"$TMP/again"
    cpu "$D" code "$CORPUS" >>"$TMP/code_cpu"
    rm -f "$TMP"/e.db*
    cpu "$D" ingest --no-progress --quiet --db "$TMP/e.db" "$CORPUS" >>"$TMP/ingest_cpu"
done
c=$(median <"$TMP/code"); g=$(median <"$TMP/ingest"); a=$(median <"$TMP/again")
echo "== ingest vs code ($docs documents, $RUNS runs, median wall-clock)"
printf 'code to /dev/null:        %.3f s  (%.0f docs/s)\n' "$c" "$(echo "$docs / $c" | bc -l)"
printf 'ingest into SQLite:       %.3f s  (%.0f docs/s)  %+.1f%% (target: at most +25%%)\n' "$g" \
    "$(echo "$docs / $g" | bc -l)" "$(echo "($g / $c - 1) * 100" | bc -l)"
printf 'ingest again (all known): %.3f s\n' "$a"
cc=$(median <"$TMP/code_cpu"); gc=$(median <"$TMP/ingest_cpu")
if [ "$(echo "$cc > 0" | bc)" = 1 ]; then
    printf 'CPU time (user+sys):      code %.2f s, ingest %.2f s  %+.1f%% (ingest runs the store in a second\n' "$cc" "$gc" "$(echo "($gc / $cc - 1) * 100" | bc -l)"
    printf '                          thread: on an idle multi-core machine the wall-clock cost is lower)\n'
fi
printf 'store size:               %s KB\n' "$(du -k "$TMP/e.db" | cut -f1)"
