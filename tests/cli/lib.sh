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
