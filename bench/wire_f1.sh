#!/usr/bin/env bash
# wire_f1.sh -- precision, recall and F1 of dyad against hand-coded sentences.
#
#   bash bench/wire_f1.sh DYAD [FILE.tsv]      (default tests/data/wire-2014-2025.tsv)
#   WIRE_VERBOSE=1 bash bench/wire_f1.sh ...   also lists every miss and extra event
#   WIRE_DICT=DIR|FILE.dyc bash bench/wire_f1.sh ...   codes with other dictionaries
#
# FILE.tsv: one expected event a line, `date<TAB>sentence<TAB>SOURCE<TAB>TARGET<TAB>CODE`
# (date YYYY-MM-DD); `#` lines are comments. A sentence with several events is
# listed once per event; a sentence that must code nothing has `-` in the last
# three columns. Each distinct (date, sentence) is coded once, as its own
# document with its own date, in one `dyad code --format jsonl` run.
#
# Scoring, per sentence, counting multisets (each expected line counts once,
# every event dyad codes for the sentence is a prediction; a prediction can
# match one expected line only):
#   root  : (source country, target country, CAMEO root code)
#   full  : (source code, target code, full CAMEO code), exactly as written
# The country of an actor code is its first three letters (RUSGOV -> RUS,
# PSEREBHMS -> PSE), except for codes starting with IGO, NGO or IMG, where the
# whole code counts (IGOUNO stays IGOUNO, NGOHRW stays NGOHRW). Root code = the
# first two digits of the event code.
# Precision = matched / predicted, recall = matched / expected, F1 their
# harmonic mean. Prints two lines: `root P R F1` and `full P R F1`, as
# percentages with counts. Needs awk and jq.
set -u
D=${1:?usage: wire_f1.sh DYAD [FILE.tsv]}
F=${2:-tests/data/wire-2014-2025.tsv}
[ -x "$D" ] || { echo "wire_f1.sh: $D is not executable" >&2; exit 2; }
[ -r "$F" ] || { echo "wire_f1.sh: cannot read $F" >&2; exit 2; }
command -v jq >/dev/null || { echo "wire_f1.sh: needs jq" >&2; exit 2; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT

# expected: id <TAB> src <TAB> tgt <TAB> code, and the documents to code
awk -F'\t' -v expf="$T/expected" -v docs="$T/docs.tsv" '
    /^#/ || NF < 5 { next }
    { key = $1 "\t" $2
      if (!(key in id)) { id[key] = ++n; print n "\t" $1 "\t" $2 > docs }
      print id[key] "\t" $3 "\t" $4 "\t" $5 > expf }' "$F"
jq -Rc 'split("\t") | {id: .[0], date: .[1], text: .[2]}' "$T/docs.tsv" > "$T/docs.jsonl"
"$D" code --format jsonl ${WIRE_DICT:+--dict "$WIRE_DICT"} "$T/docs.jsonl" > "$T/out.jsonl" 2> "$T/err" ||
    { echo "wire_f1.sh: dyad failed:" >&2; cat "$T/err" >&2; exit 1; }
jq -r '[.doc_id, .source, .target, .code] | @tsv' "$T/out.jsonl" > "$T/predicted"

awk -F'\t' -v verbose="${WIRE_VERBOSE:-0}" -v docs="$T/docs.tsv" '
    function country(c) { return (c ~ /^(IGO|NGO|IMG)/) ? c : substr(c, 1, 3) }
    function rootkey(s, t, c) { return country(s) " " country(t) " " substr(c, 1, 2) }
    function fullkey(s, t, c) { return s " " t " " c }
    FILENAME == docs { text[$1] = $3; next }
    FILENAME ~ /expected$/ {
        if ($4 == "-") next
        er[$1 SUBSEP rootkey($2, $3, $4)]++; ef[$1 SUBSEP fullkey($2, $3, $4)]++
        nexp++; expl[$1] = expl[$1] " [" fullkey($2, $3, $4) "]"; next }
    { pr[$1 SUBSEP rootkey($2, $3, $4)]++; pf[$1 SUBSEP fullkey($2, $3, $4)]++
      npred++; predl[$1] = predl[$1] " [" fullkey($2, $3, $4) "]" }
    END {
        for (k in er) { m = (k in pr) ? pr[k] : 0; hr += (m < er[k]) ? m : er[k] }
        for (k in ef) { m = (k in pf) ? pf[k] : 0; hf += (m < ef[k]) ? m : ef[k] }
        report("root", hr); report("full", hf)
        if (verbose) for (i = 1; (i in text); i++) {
            bad = 0
            for (k in er) { split(k, p, SUBSEP); if (p[1] == i && !((k in pr) && pr[k] >= er[k])) bad = 1 }
            for (k in pr) { split(k, p, SUBSEP); if (p[1] == i && !((k in er) && er[k] >= pr[k])) bad = 1 }
            if (bad) printf "%d\t%s\n\twant:%s\n\tgot: %s\n", i, text[i], expl[i], predl[i]
        }
    }
    function report(what, hit,   p, r, f) {
        p = npred ? 100 * hit / npred : 0; r = nexp ? 100 * hit / nexp : 0
        f = (p + r) ? 2 * p * r / (p + r) : 0
        printf "%s\tP %.1f%% (%d/%d)\tR %.1f%% (%d/%d)\tF1 %.1f%%\n", what, p, hit, npred, r, hit, nexp, f
    }' "$T/docs.tsv" "$T/expected" "$T/predicted"
