#!/usr/bin/env bash
# nevers.sh -- checks the rules of the source tree that must never be broken
# and names file:line for each break; status 1 if any rule is broken.
# Run first by `make test`; `bash scripts/nevers.sh [ROOT]` checks another
# tree (tests/cli/test_nevers.sh plants breaks in a copy).
#
#   1. nothing in src/ includes cli/;
#   2. src/util/ includes no other module (only dyad.h and util/ headers);
#   3. the coder does no I/O and knows no input format: no stdio streams,
#      no file or socket calls, no reader, feed or validate header, and none
#      of the fields only PETRARCH XML records have (category, parse, gold,
#      config, evaluate);
#   4. src/dict/ knows no sentence and no tokenizer;
#   5. the readers (src/input/, src/feed/) know no dictionary;
#   6. the store sees only the public event record: src/store/ includes
#      only dyad.h and its own headers, util/ and date/;
#   7. the dictionary's layout stays in src/dict/: only src/dict/ includes
#      dict/dictInt.h (elsewhere a dyad_dict is opaque: dict/dict.h's
#      accessors and views);
#   8. the library never prints: no printf, puts, putchar or perror, and no
#      stdout or stderr, in src/. Writers (output/, ties/, validate's report)
#      write with fprintf to the stream their caller passes: that is output
#      the caller asked for, not printing, and stays allowed.
# src/*/gen/ are not part of the library: they are build-time programs that
# write generated C (the tagger's lexicon, the page's files) to their standard
# output, so rule 7 skips them.
set -u
root=${1:-.}
cd "$root" || exit 2
broken=0

# say RULE: reads "file:line:text" lines and reports each.
say() {
    local rule=$1 line
    while IFS= read -r line; do
        echo "${line%%:*}:$(echo "$line" | cut -d: -f2): never: $rule"
        broken=$((broken + 1))
    done
}

# hits PATTERN FILES...: "file:line:text" of the lines matching an extended
# regex, comments (// and lines inside or starting /* or *) left out.
hits() {
    local pat=$1; shift
    [ $# -gt 0 ] || return 0
    grep -nE "$pat" "$@" /dev/null 2>/dev/null |
        grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/\*|\*|//)'
}

files() { find "$@" -type f \( -name '*.c' -o -name '*.h' \) 2>/dev/null | sort; }

say "src/ includes cli/" < <(hits '#[[:space:]]*include[[:space:]]*"(cli/|cli\.h)' $(files src))
say "src/util/ includes another module" < <(hits '#[[:space:]]*include[[:space:]]*"' $(files src/util) |
    grep -vE '#[[:space:]]*include[[:space:]]*"(dyad\.h|util/[^"]*|[^/"]*)"')
say "the coder does I/O" < <(hits '\bFILE\b|\bf(open|close|read|write|gets|puts|flush|seek)\b|\b(getline|fdopen|popen|socket|opendir)\b|\b(open|read|write)[[:space:]]*\(' $(files src/coder))
say "the coder knows an input format" < <(hits '#[[:space:]]*include[[:space:]]*"(input|feed|validate)/|DYAD_FMT_|DYAD_FEED_|dyad_reader|dyad_feed|->(category|parse|gold|ngold|has_gold|gold_noevents|config|nconfig|evaluate)\b' $(files src/coder))
say "src/dict/ knows sentences or the tokenizer" < <(hits '#[[:space:]]*include[[:space:]]*"text/|\bdyad_(sentence|token|analyze[a-z_]*|tagger)\b|\btext_[a-z_]+\(' $(files src/dict))
say "a reader knows the dictionary" < <(hits '#[[:space:]]*include[[:space:]]*"dict/|\bdyad_dict\b|\bdict_[a-z_]+\(' $(files src/input src/feed))
say "the store sees more than the public event record" < <(hits '#[[:space:]]*include[[:space:]]*"' $(files src/store) |
    grep -vE '#[[:space:]]*include[[:space:]]*"(dyad\.h|store/[^"]*|util/[^"]*|date/[^"]*|[^/"]*)"')
say "the dictionary's layout is read outside src/dict/" < <(hits '#[[:space:]]*include[[:space:]]*"(dict/)?dictInt\.h"' $(files src | grep -v '^src/dict/'))
say "the library prints" < <(hits '(^|[^a-z_])(v?printf|puts|putchar|perror)[[:space:]]*\(|\b(stdout|stderr)\b' $(files src | grep -vE '^src/[a-z]+/gen/'))

if [ $broken -gt 0 ]; then
    echo "nevers: $broken broken" >&2
    exit 1
fi
echo "nevers: all kept"
