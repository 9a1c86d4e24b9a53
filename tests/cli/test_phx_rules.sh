#!/usr/bin/env bash
# test_phx_rules.sh -- how the coder reads and applies PETRARCH-2 dictionaries
# (the formats of the Phoenix set): each sentence of
# tests/data/phxrules/sentences.tsv, coded alone with the small dictionaries
# written for it in that folder, gives exactly the events listed.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}

check_sentences tests/data/phxrules/sentences.tsv tests/data/phxrules

summary
