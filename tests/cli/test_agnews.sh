#!/usr/bin/env bash
# test_agnews.sh -- the hand-coded AG News world leads
# (tests/data/ag-news-world/codes.tsv, dev 0001-1000, and codes-1401-1600.tsv)
# and their scorer, bench/agnews_f1.sh.
# 1. Each gold file's format: four tab-separated fields; every id is an item of
#    the shared corpus; codes are CAMEO event codes of the shared codebook;
#    actor codes are upper-case letters in 3-letter blocks; an item with no
#    event has exactly one `-` line; no event is listed twice.
# 2. The scorer's arithmetic, with a stand-in for dyad that prints known events
#    (sets per item, IGO codes kept to six letters, root = two digits).
# 3. The scorer runs on the real dyad and prints two lines of fractions (no
#    accuracy figure is asserted: it is a measurement, printed).
# Skips, saying so, when the shared data or python3 is absent.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
GOLD=tests/data/ag-news-world/codes.tsv
GOLDS="$GOLD tests/data/ag-news-world/codes-1401-1600.tsv"
CORPUS=$SHARED/corpus/ag-news-world/ag-news-world.jsonl
CAMEO=$SHARED/cameo/cameo-eventcodes.tsv

if [ -z "$SHARED" ] || [ ! -r "$CORPUS" ] || [ ! -r "$CAMEO" ]; then
    skip "ag-news-world: shared corpus or CAMEO codebook absent"
    summary; exit
fi
if ! command -v python3 >/dev/null; then
    skip "ag-news-world: python3 is not installed"
    summary; exit
fi

# 1. format of the gold files
for G in $GOLDS; do
python3 - "$G" "$CORPUS" "$CAMEO" > "$TMP/fmt" 2>&1 <<'PY'
import json, re, sys
gold, corpus, cameo = sys.argv[1:4]
known = {json.loads(l)["id"] for l in open(corpus, encoding="utf-8")}
codes = {l.split("\t")[0] for l in open(cameo, encoding="utf-8") if l[:1].isdigit()}
actor = re.compile(r"^(?:[A-Z]{3})+$")
lines, bad = {}, 0
for n, line in enumerate(open(gold, encoding="utf-8"), 1):
    f = line.rstrip("\n").split("\t")
    where = f"{gold}:{n}"
    if len(f) != 4:
        print(f"{where}: {len(f)} fields, not 4"); bad += 1; continue
    i, s, t, c = f
    if i not in known:
        print(f"{where}: id {i} is not in the corpus"); bad += 1
    if (s, t, c) == ("-", "-", "-"):
        pass
    elif "-" in (s, t, c):
        print(f"{where}: '-' in some fields only"); bad += 1
    else:
        if not (actor.match(s) and actor.match(t)):
            print(f"{where}: bad actor code {s} or {t}"); bad += 1
        if not re.fullmatch(r"\d{3,4}", c) or c not in codes:
            print(f"{where}: {c} is not a CAMEO event code"); bad += 1
    lines.setdefault(i, []).append((s, t, c))
for i, evs in lines.items():
    if ("-", "-", "-") in evs and len(evs) > 1:
        print(f"{gold}: {i} has both '-' and events"); bad += 1
    if len(set(evs)) != len(evs):
        print(f"{gold}: {i} lists an event twice"); bad += 1
print(f"{len(lines)} items, {bad} problems")
sys.exit(1 if bad else 0)
PY
check "gold file format: $G" test $? = 0
cat "$TMP/fmt"
[ "$G" = "$GOLD" ] && check "at least 400 items coded" awk '{ exit !($1 >= 400) }' "$TMP/fmt"
done

# 2. scoring arithmetic, with a stand-in dyad. Gold: agw-0004 none; agw-0007
# IRNMIL>ISR 138 and IRNMIL>USA 138; agw-0016 IGOUNO>BGD 0333.
printf 'agw-0004\t-\t-\t-\nagw-0007\tIRNMIL\tISR\t138\nagw-0007\tIRNMIL\tUSA\t138\nagw-0016\tIGOUNO\tBGD\t0333\n' > "$TMP/gold.tsv"
cat > "$TMP/fake" <<'SH'
#!/bin/sh
ev() { printf '{"doc_id":"%s","source":"%s","target":"%s","code":"%s"}\n' "$@"; }
ev agw-0007 IRNMIL ISR 138; ev agw-0007 IRNMIL ISR 138   # same event twice: counts once
ev agw-0007 IRN ISR 1384; ev agw-0007 ISR IRN 190
ev agw-0004 IGOUNOIAE IRN 010; ev agw-0016 IGOUNOIAE BGD 0331
ev agw-9999 USA IRQ 190                                  # not a gold item: ignored
SH
chmod +x "$TMP/fake"
AGNEWS_GOLD=$TMP/gold.tsv DYAD_SHARED=$SHARED bash bench/agnews_f1.sh "$TMP/fake" > "$TMP/fake.out" 2>&1
check "scorer runs on the stand-in" test $? = 0
# root: gold {IRN ISR 13, IRN USA 13, IGOUNO BGD 03}; got {IRN ISR 13, ISR IRN 19,
# IGOUNO IRN 01, IGOUNO BGD 03}: 2 hits. full: got 5 distinct, 1 hit of 3.
check "root figures" grep -qx $'root\tP 0.50 (2/4)\tR 0.67 (2/3)\tF1 0.57' "$TMP/fake.out"
check "full figures" grep -qx $'full\tP 0.20 (1/5)\tR 0.33 (1/3)\tF1 0.25' "$TMP/fake.out"
printf 'agw-0004\t-\t-\n' > "$TMP/bad.tsv"
AGNEWS_GOLD=$TMP/bad.tsv DYAD_SHARED=$SHARED bash bench/agnews_f1.sh "$TMP/fake" > "$TMP/bad.out" 2>&1
check "a malformed gold file fails" test $? != 0
check "the error names file and line" grep -q "bad.tsv:1:" "$TMP/bad.out"

# 3. the real dyad
if [ -x "$D" ]; then
    DYAD_SHARED=$SHARED bash bench/agnews_f1.sh "$D" > "$TMP/f1" 2> "$TMP/err"
    check "agnews_f1.sh runs" test $? = 0
    cat "$TMP/f1" "$TMP/err"
    check "root and full lines printed" test "$(grep -cE $'^(root|full)\tP [01]\\.[0-9]{2} ' "$TMP/f1")" = 2
else
    skip "ag-news-world: $D not built"
fi
summary
