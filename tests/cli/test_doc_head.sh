#!/usr/bin/env bash
# test_doc_head.sh -- the head of a plain-text article: its headline line,
# a byline, a time stamp and a photo caption are lines of their own, and
# the dateline that follows them gives its country to actors named only by
# their sector; a lead event the headline line told already is a repeat.
# The articles are written for this test; their events worked out by hand.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
if ! command -v jq >/dev/null; then skip "jq not installed"; summary; exit; fi
ev() { $D code --date 2024-05-01 | jq -r '"\(.sentence):\(.source)>\(.target):\(.code):\(.repeat_of)"' | tr '\n' ' '; }
got=$(printf 'Unrest in the capital\nLUSAKA, Zambia - Police detained protesters on Friday.\n' | ev)
check "dateline after a headline line" test "$got" = "1:ZMBCOP>ZMBOPP:173:null "
got=$(printf 'Unrest in the capital\nBy Tom Reyes, Correspondent\nUpdated: 2 May 2024\nPhoto: A crowd in a square (File)\nLUSAKA, Zambia - Police detained protesters on Friday.\n' | ev)
check "dateline after byline, time stamp and caption" test "$got" = "4:ZMBCOP>ZMBOPP:173:null "
got=$(printf 'Zambia expels Malawian envoy\n\nLUSAKA, Zambia - Zambia expelled a Malawian envoy on Friday.\n' | ev)
check "a lead event the headline line told" test "$got" = "0:ZMB>MWIGOV:161:null 1:ZMB>MWIGOV:161:0 "
# a dateline must start a line: in the middle of a wrapped sentence it is none
got=$(printf 'Officials said that in\nLUSAKA, Zambia - police detained protesters.\n' | ev)
check "no dateline inside a line" test "$got" = ""
summary
