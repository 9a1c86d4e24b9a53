#!/usr/bin/env bash
# test_cli.sh -- the dyad command as a user meets it: exit codes, messages
# that name the file and line, JSON Lines on stdout, nothing lost on a bad
# record, the dict and validate commands.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}

# usage and unknown things: exit 2 with a message
$D >/dev/null 2>"$TMP/err"; check "no command exits 2" test $? = 2
$D frobnicate >/dev/null 2>"$TMP/err"; check "unknown command exits 2" test $? = 2
check "unknown command named" grep -q "unknown command 'frobnicate'" "$TMP/err"
$D code --bogus >/dev/null 2>&1; check "unknown option exits 2" test $? = 2
$D code --date 2017-13-45 </dev/null >/dev/null 2>"$TMP/err"; check "bad date exits 2" test $? = 2
$D --version | grep -q '^dyad '; check "version" test $? = 0

# a missing input file: exit 1, the file named
$D code --dict tests/data/dict no-such-file.txt >/dev/null 2>"$TMP/err"; rc=$?
check "missing file exits 1" test $rc = 1
check "missing file named" grep -q "no-such-file.txt" "$TMP/err"

# plain text on stdin -> JSON Lines with the documented fields
out=$(echo "Freedonia accused Sylvania on Monday." | $D code --dict tests/data/dict --date 2020-06-01)
check "one event" test "$(printf '%s\n' "$out" | grep -c '"code"')" = 1
for f in doc_id sentence date source target code root_code quad_class goldstein source_text target_text verb; do
    printf '%s' "$out" | grep -q "\"$f\":" || no "field $f missing"
done
ok
check "event values" grep -q '"source":"FRE","target":"SYL","code":"112","root_code":"11","quad_class":3,"goldstein":-2.0' <<<"$out"
check "date as ISO" grep -q '"date":"2020-06-01"' <<<"$out"

# JSON Lines: a malformed record is skipped with file:line, the rest coded
cat > "$TMP/in.jsonl" <<'J'
{"id": "a", "date": "2020-06-01", "text": "Freedonia accused Sylvania."}
{"id": "b", "date": "2020-06-01", "text": "Freedonia accused
{"id": "c", "date": "2020-06-01", "title": "Freedonia met with Sylvania", "text": "No verb here."}
J
$D code --dict tests/data/dict "$TMP/in.jsonl" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "bad record does not stop the run" test $rc = 0
check "bad record named by file:line" grep -q "in.jsonl:2" "$TMP/err"
check "records before and after coded" test "$(grep -c '"doc_id":"a"' "$TMP/out")$(grep -c '"doc_id":"c"' "$TMP/out")" = 12
check "the headline is coded" grep -q '"doc_id":"c".*"code":"040"' "$TMP/out"

# dict stats / lookup / compile
$D dict stats --dict tests/data/dict >"$TMP/out" 2>"$TMP/err"
check "stats runs" test $? = 0
check "stats counts patterns" grep -q "verb patterns: *6" "$TMP/out"
$D dict stats --dict tests/data/baddict >"$TMP/out" 2>"$TMP/err"
check "stats lists problems" test "$(grep -c ':[0-9]*: ' "$TMP/err")" = 19
check "stats counts problems" grep -q "problems: *19" "$TMP/out"
check "lookup with a date" test "$($D dict lookup --dict tests/data/dict --date 1933-06-01 'Rufus Firefly')" = FREGOV
check "lookup another date" test "$($D dict lookup --dict tests/data/dict --date 1950-06-01 'Firefly')" = FREELI
$D dict lookup --dict tests/data/dict 'Nobody Known' >/dev/null 2>&1; check "unknown name exits 1" test $? = 1
$D dict compile --dict tests/data/dict -o "$TMP/mini.dyc" 2>/dev/null
check "compile" test -s "$TMP/mini.dyc"
check "compiled lookup" test "$($D dict lookup --dict "$TMP/mini.dyc" --date 1933-06-01 'Rufus Firefly')" = FREGOV
check "compiled coding" test "$(echo 'Freedonia accused Sylvania.' | $D code --dict "$TMP/mini.dyc" --date 2020-06-01 | grep -c '"code":"112"')" = 1
head -c 100 "$TMP/mini.dyc" > "$TMP/trunc.dyc"
$D dict stats --dict "$TMP/trunc.dyc" >/dev/null 2>"$TMP/err"; check "truncated cache refused" test $? = 1
check "truncated cache named" grep -q "trunc.dyc" "$TMP/err"

# the default dictionaries: promised lookups
check "Rouhani 2017" test "$($D dict lookup --date 2017-05-23 'Hassan Rouhani')" = IRNGOV
check "Rouhani 2023" test "$($D dict lookup --date 2023-01-01 'Hassan Rouhani')" = IRNELI
check "Trump 2022" test "$($D dict lookup --date 2022-01-01 'Donald Trump')" = USAELI
check "Erdogan accented" test "$($D dict lookup --date 2020-01-01 'Recep Tayyip Erdoğan')" = TURGOV

# validate: runs to the end and ends with the summary line
if [ -n "$SHARED" ] && [ -f "$SHARED/validation/petr2/PETR_Validate_records_2_02.dev.xml" ]; then
    $D validate --quiet --events "$TMP/ev.jsonl" "$SHARED/validation/petr2/PETR_Validate_records_2_02.dev.xml" >"$TMP/out" 2>/dev/null
    check "validate exits 0" test $? = 0
    check "validate summary" grep -qE '^[0-9]+ passed, [0-9]+ failed$' "$TMP/out"
    check "validate table" grep -q '^DEMO ' "$TMP/out"
    check "validate events" grep -q '"record_id":"DEMO-01","source":"ARN","target":"GON","code":"050"' "$TMP/ev.jsonl"
else
    skip "../shared/validation absent: validate not run"
fi
# validate codes as PETRARCH-2 does: no act told in a relative clause
cat > "$TMP/rel.xml" <<'XML'
<Sentences>
<Sentence date="20200601" id="REL-1" category="DEMO" evaluate="true">
<EventCoding sourcecode="FRE" targetcode="SYLELI" eventcode="111" />
<Text>
Freedonia, which attacked Sylvania, condemned Trentino.
</Text>
</Sentence>
</Sentences>
XML
$D validate --dict tests/data/dict "$TMP/rel.xml" >"$TMP/out" 2>&1
check "validate: no act in a relative clause" grep -q '^1 passed, 0 failed$' "$TMP/out"
printf '<Sentences>\n<Sentence date="20200101" id="x">\n<Text>unclosed\n' > "$TMP/bad.xml"
$D validate --dict tests/data/dict "$TMP/bad.xml" >"$TMP/out" 2>"$TMP/err"; rc=$?
check "malformed xml does not crash" test $rc -le 1

summary
