# lib.sh -- helpers for CLI tests (sourced): ok/no counters and a summary.
# $DYAD is the dyad binary under test; $SHARED is ../shared or empty if absent.
pass=0; fail=0; skip=0
SHARED=${DYAD_SHARED:-../shared}; [ -d "$SHARED" ] || SHARED=
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
ok()   { pass=$((pass + 1)); }
no()   { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
check() { local what=$1; shift; if "$@"; then ok; else no "$what"; fi; }
skip() { skip=$((skip + 1)); echo "skipped: $*" >&2; }
summary() { echo "$pass passed, $fail failed, $skip skipped"; [ $fail = 0 ]; }
# The wire sentences of tests/data as JSON Lines documents (id w-N, their
# date), plus the first 300 stories of the shared corpus when it is there:
# an input every test can build, with or without /work/shared. Needs jq.
wire_jsonl() {
    grep -v '^#' tests/data/wire-2014-2025.tsv | cut -f1,2 | sort -u |
        jq -Rc 'split("\t") | {id: ("w-" + (input_line_number | tostring)), date: .[0], text: .[1]}' >"$1"
    if [ -n "$SHARED" ] && [ -f "$SHARED/corpus/synthetic-news.jsonl" ]; then
        head -n 300 "$SHARED/corpus/synthetic-news.jsonl" >>"$1"
    fi
}
# Codes each sentence of a TSV file (date, sentence, the events it must give
# as SRC>TGT:CODE separated by spaces, "-" for none; "#" lines are comments)
# alone with $D and its default dictionaries (or those of DICT, the second
# argument), and checks that it gives exactly those events, no more and no
# fewer. Needs jq.
check_sentences() {
    local date text want got
    while IFS=$'\t' read -r date text want; do
        case "$date" in \#*|"") continue;; esac
        got=$(printf '%s\n' "$text" | $D code ${2:+--dict "$2"} --date "$date" | jq -r '"\(.source)>\(.target):\(.code)"' | sort | tr '\n' ' ')
        want=$(printf '%s\n' $want | grep -vx -- - | sort | tr '\n' ' ')
        if [ "$got" = "$want" ]; then ok; else no "$text: want [$want] got [$got]"; fi
    done <"$1"
}
