#!/usr/bin/env bash
# paired.sh RUNS DYAD1 DYAD2 [...] [-- dyad code options...] -- paired
# wall-clock speed of two or more builds: each round codes the whole
# synthetic corpus once with every build in turn (one thread, --stats), so
# load from elsewhere falls on all of them alike; prints each build's median
# sentences/s and its runs. A build without --threads (older than the
# pipeline module) is run without it. Examples:
#   bash bench/paired.sh 9 /tmp/old/dyad build/release/dyad
#   bash bench/paired.sh 9 /tmp/old/dyad build/release/dyad -- --dict ../shared/dictionaries/phoenix
# Run it on an idle machine, and more than once: medians minutes apart still
# differ by several percent on a shared VM (chrt -f 50 in front lowers the
# noise where allowed).
set -u
RUNS=${1:?usage: paired.sh RUNS DYAD1 DYAD2 [...] [-- options]}; shift
BINS=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do BINS+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
SHARED=${DYAD_SHARED:-../shared}
CORPUS=$SHARED/corpus/synthetic-news.jsonl
[ -f "$CORPUS" ] || { echo "paired.sh: $CORPUS absent (set DYAD_SHARED): skipped"; exit 0; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
for i in "${!BINS[@]}"; do
    if "${BINS[$i]}" code --help 2>&1 | grep -q -- --threads; then echo "--threads 1" > "$T/opt$i"; else : > "$T/opt$i"; fi
    : > "$T/rates$i"
done
for r in $(seq "$RUNS"); do
    for i in "${!BINS[@]}"; do
        # shellcheck disable=SC2046
        "${BINS[$i]}" code --stats $(cat "$T/opt$i") "$@" "$CORPUS" 2>&1 >/dev/null |
            awk '/^documents/ {printf "%.0f\n", $4 / $10}' >> "$T/rates$i"
    done
done
for i in "${!BINS[@]}"; do
    med=$(sort -n "$T/rates$i" | awk '{a[NR] = $1} END {if (NR) print a[int((NR + 1) / 2)]}')
    echo "${BINS[$i]}: median ${med:-?} sentences/s   (runs: $(tr '\n' ' ' < "$T/rates$i"))"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
