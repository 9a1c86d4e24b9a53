#!/usr/bin/env bash
# test_validate_plover.sh -- dyad validate on PLOVER gold JSON Lines.
#
# tests/data/plover/gold.jsonl (written for this test, with a blank line):
# six records, their gold and dyad's events worked out by hand:
#   g1 RUS>IRN 073 AID        gold RUS IRN AID           right
#   g2 IRN>RUS 051 SUPPORT    gold IRN RUS SUPPORT       right
#   g3 IRN>RUS 011 (no type)  gold IRN RUS REJECT        missed; 011 dropped
#   g4 RUSMIL>IRN 190 ASSAULT gold RUS IRN ASSAULT twice right (a set: once)
#   g5 RUSGOV>IRNGOV and IRNGOV>RUSGOV 041 CONSULT (a call, both ways)
#                             gold RUS>IRN and IRN>RUS CONSULT   right
#   g6 RUS>IRN, IRN>RUS 0311 AGREE  gold RUS>"" and IRN>"" AGREE, reciprocal
# Triples: tp 5 (g1 g2 g4 g5 x2), fp 2 (g6), fn 3 (g3, g6 x2): P 5/7,
# R 5/8, F1 0.667. Types: tp 5, fp 0, fn 1 (g3): P 1, R 5/6, F1 0.909. With
# --reciprocal g6's gold is RUS>IRN and IRN>RUS: tp 7 fp 0 fn 1. With
# --unmapped-fp g3's 011 is a false positive: triples fp 3, types fp 1.
# Against shared/validation/plover-gsr (skipped when absent): the same
# report as its scorer, score_plover.py, on the events of `dyad code`.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
G=tests/data/plover/gold.jsonl

$D validate $G > $TMP/v.txt 2>$TMP/err
check "exit 0" test $? = 0
check "counts" grep -qx 'gold records 6, gold triples 8; dyad events 8 (0 on records not in gold), 1 with no PLOVER category (011:1; dropped)' $TMP/v.txt
check "fully right" grep -qx 'records fully right (triple sets equal): 4/6 = 66.7%' $TMP/v.txt
check "(a)" grep -qx '(a) event found (gold PLOVER category among dyad events): 5/6 = 83.3%' $TMP/v.txt
check "(b)" grep -q '^(b) .*: tp 5 fp 2 fn 3  P 0.714 R 0.625 F1 0.667$' $TMP/v.txt
check "(c)" grep -q '^(c) .*:  *tp 5 fp 0 fn 1  P 1.000 R 0.833 F1 0.909$' $TMP/v.txt
check "AGREE found, no triple" grep -qx '  AGREE        1  found   1 (100.0%)  triple   0 (  0.0%)' $TMP/v.txt
check "REJECT missed" grep -qx '  REJECT       1  found   0 (  0.0%)  triple   0 (  0.0%)' $TMP/v.txt
check "six categories" test "$(grep -c '^  [A-Z]' $TMP/v.txt)" = 6

$D validate --reciprocal $G > $TMP/r.txt
check "reciprocal (b)" grep -q '^(b) .*: tp 7 fp 0 fn 1  P 1.000 R 0.875 F1 0.933$' $TMP/r.txt
check "reciprocal marked" grep -q 'F1 0.909  \[reciprocal\]$' $TMP/r.txt
$D validate --unmapped-fp $G > $TMP/u.txt
check "unmapped-fp (b)" grep -q '^(b) .*: tp 5 fp 3 fn 3  P 0.625 R 0.625 F1 0.625$' $TMP/u.txt
check "unmapped-fp (c)" grep -q '^(c) .*:  *tp 5 fp 1 fn 1  P 0.833 R 0.833 F1 0.833$' $TMP/u.txt
check "unmapped-fp said" grep -q '(011:1; counted as false positives)' $TMP/u.txt

# the events validate codes are the ones dyad code writes
$D validate --events $TMP/ev.jsonl $G > /dev/null
$D code $G > $TMP/code.jsonl
check "same events as dyad code" cmp -s $TMP/ev.jsonl $TMP/code.jsonl

# bad input: file and line named, status 1
printf '{"id": "x1", "date": "2019-12-02", "text": "Russia praised Iran.", "gold": []}\n{"id": "x2", "gold": [{"plover": }]}\n' > $TMP/bad.jsonl
$D validate $TMP/bad.jsonl > /dev/null 2>$TMP/err
check "bad line: exit 1" test $? = 1
check "bad line named" grep -q "bad.jsonl:2: " $TMP/err
: > $TMP/empty.jsonl
$D validate $TMP/empty.jsonl > /dev/null 2>$TMP/err
check "empty: exit 1" test $? = 1
check "empty: said" grep -q "no gold records" $TMP/err

# against the PLOVER scorer on the shared gold
S=${SHARED:+$SHARED/validation/plover-gsr}
if [ -z "$S" ] || [ ! -f "$S/score_plover.py" ]; then
    skip "PLOVER scorer comparison: ../shared/validation/plover-gsr absent"
elif ! command -v python3 >/dev/null || ! command -v jq >/dev/null; then
    skip "PLOVER scorer comparison: python3 or jq not installed"
else
    jq -c '{id, date, text}' $S/plover-gsr.dev.jsonl > $TMP/in.jsonl
    $D code $TMP/in.jsonl > $TMP/events.jsonl
    for flags in "" "--reciprocal" "--unmapped-fp" "--reciprocal --unmapped-fp"; do
        python3 $S/score_plover.py $S/plover-gsr.dev.jsonl $TMP/events.jsonl $flags > $TMP/py.txt
        $D validate $flags $S/plover-gsr.dev.jsonl > $TMP/dy.txt
        check "same report as score_plover.py $flags" cmp -s $TMP/py.txt $TMP/dy.txt
    done
    check "scorer figures present" grep -q '^SUMMARY plover-gsr: records 165 ' $TMP/dy.txt
fi
summary
