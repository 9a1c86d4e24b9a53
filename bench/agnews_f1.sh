#!/usr/bin/env bash
# agnews_f1.sh -- precision, recall and F1 of dyad against hand-coded real wire
# leads (the AG News "World" items; gold in tests/data/ag-news-world/codes.tsv).
#
#   bash bench/agnews_f1.sh DYAD [DICT]       DICT: --dict for dyad (default: its own)
#   AGNEWS_VERBOSE=1 bash bench/agnews_f1.sh ...   also lists every item that differs
#   AGNEWS_GOLD=tests/data/ag-news-world/codes-1401-1600.tsv bash bench/agnews_f1.sh ...
#       scores another gold file (only its ids are coded and scored)
#
# The text is third-party and stays in the shared data directory
# ($DYAD_SHARED, default ../shared): this script builds a JSON Lines input from
# it for the coded ids only (id, date 2004-09-01, title, text), codes it with
# one `dyad code --format jsonl` run and compares per item, as SETS (an event
# dyad finds twice, in the title and in the text, counts once, as in the gold):
#   root : (source country, target country, CAMEO root code)
#   full : (source code, target code, CAMEO code), exactly as written
# Country = the first three letters of an actor code, or six for codes
# starting IGO, NGO, IMG or MNC (IGOUNOIAE -> IGOUNO), as dyad's event store
# does; root = the first two digits of the code. Items with no gold event
# (`-` line) count only through dyad's predictions on them.
# Prints `root P R F1` and `full P R F1` (fractions, with counts). Skips, saying
# so, with exit status 0 when the shared data is absent. Needs python3.
set -u
D=${1:?usage: agnews_f1.sh DYAD [DICT]}
DICT=${2:-}
SHARED=${DYAD_SHARED:-../shared}
GOLD=${AGNEWS_GOLD:-$(dirname "$0")/../tests/data/ag-news-world/codes.tsv}
CORPUS=$SHARED/corpus/ag-news-world/ag-news-world.jsonl
[ -x "$D" ] || { echo "agnews_f1.sh: $D is not executable" >&2; exit 2; }
[ -r "$GOLD" ] || { echo "agnews_f1.sh: cannot read $GOLD" >&2; exit 2; }
if [ ! -r "$CORPUS" ]; then
    echo "agnews_f1.sh: $CORPUS absent (set DYAD_SHARED): skipped"; exit 0
fi
command -v python3 >/dev/null || { echo "agnews_f1.sh: needs python3" >&2; exit 2; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

python3 - "$GOLD" "$CORPUS" "$T/docs.jsonl" <<'PY' || exit 1
import json, sys
gold, corpus, out = sys.argv[1:4]
ids = set()
for n, line in enumerate(open(gold, encoding="utf-8"), 1):
    f = line.rstrip("\n").split("\t")
    if len(f) != 4:
        sys.exit(f"agnews_f1.sh: {gold}:{n}: expected 4 tab-separated fields")
    ids.add(f[0])
found = 0
with open(out, "w", encoding="utf-8") as w:
    for n, line in enumerate(open(corpus, encoding="utf-8"), 1):
        d = json.loads(line)
        if d["id"] in ids:
            found += 1
            w.write(json.dumps({"id": d["id"], "date": "2004-09-01",
                                "title": d["title"], "text": d["text"]}) + "\n")
if found != len(ids):
    sys.exit(f"agnews_f1.sh: {len(ids) - found} gold ids are not in {corpus}")
PY
"$D" code --format jsonl ${DICT:+--dict "$DICT"} "$T/docs.jsonl" > "$T/out.jsonl" 2> "$T/err" ||
    { echo "agnews_f1.sh: dyad failed:" >&2; cat "$T/err" >&2; exit 1; }

python3 - "$GOLD" "$T/out.jsonl" "${AGNEWS_VERBOSE:-0}" <<'PY'
import json, sys
from collections import defaultdict
gold_file, out_file, verbose = sys.argv[1], sys.argv[2], sys.argv[3] != "0"

def country(c):
    return c[:6] if c[:3] in ("IGO", "NGO", "IMG", "MNC") else c[:3]

def keys(s, t, c):
    return (country(s), country(t), c[:2]), (s, t, c)

want_root, want_full = defaultdict(set), defaultdict(set)
items = []
for line in open(gold_file, encoding="utf-8"):
    i, s, t, c = line.rstrip("\n").split("\t")
    if i not in want_root:
        items.append(i)
    want_root[i]; want_full[i]
    if c != "-":
        r, f = keys(s, t, c)
        want_root[i].add(r); want_full[i].add(f)
got_root, got_full = defaultdict(set), defaultdict(set)
for line in open(out_file, encoding="utf-8"):
    e = json.loads(line)
    if e["doc_id"] not in want_root:
        continue
    r, f = keys(e["source"], e["target"], e["code"])
    got_root[e["doc_id"]].add(r); got_full[e["doc_id"]].add(f)

def report(name, want, got):
    hit = sum(len(want[i] & got[i]) for i in items)
    npred = sum(len(got[i]) for i in items)
    nexp = sum(len(want[i]) for i in items)
    p = hit / npred if npred else 0.0
    r = hit / nexp if nexp else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{name}\tP {p:.2f} ({hit}/{npred})\tR {r:.2f} ({hit}/{nexp})\tF1 {f:.2f}")

report("root", want_root, got_root)
report("full", want_full, got_full)
if verbose:
    fmt = lambda s: " ".join("[" + " ".join(k) + "]" for k in sorted(s)) or "-"
    for i in items:
        if want_full[i] != got_full[i]:
            mark = "" if want_root[i] == got_root[i] else "  (root differs)"
            print(f"{i}{mark}\n\twant: {fmt(want_full[i])}\n\tgot:  {fmt(got_full[i])}")
PY
