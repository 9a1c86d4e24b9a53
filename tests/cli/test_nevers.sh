#!/usr/bin/env bash
# test_nevers.sh -- scripts/nevers.sh passes on the tree as it is, and on a
# copy of src/ with one rule broken at a time it fails, naming the file and
# line of the break.
. "$(dirname "$0")/lib.sh"
N=scripts/nevers.sh

bash $N . >"$TMP/out" 2>&1
check "the tree keeps every never" test $? = 0

# plant FILE LINE-TEXT RULE-WORDS: a fresh copy of src/, LINE-TEXT appended
# to FILE (the copy's line count + 1 is where), and nevers must name it.
plant() {
    local file=$1 text=$2 words=$3
    rm -rf "$TMP/t"; mkdir -p "$TMP/t"; cp -r src "$TMP/t/src"
    mkdir -p "$(dirname "$TMP/t/$file")"; touch "$TMP/t/$file"
    local line=$(( $(wc -l < "$TMP/t/$file") + 1 ))
    printf '%s\n' "$text" >> "$TMP/t/$file"
    bash $N "$TMP/t" >"$TMP/out" 2>&1
    local rc=$?
    check "$words: fails" test $rc = 1
    check "$words: names $file:$line" grep -q "^$file:$line: never: $words" "$TMP/out"
}
plant src/coder/coder.c '#include "cli/cli.h"' "src/ includes cli/"
plant src/util/arena.c '#include "text/text.h"' "src/util/ includes another module"
plant src/coder/units.c 'static void f(void) { FILE *fp = fopen("x", "r"); (void)fp; }' "the coder does I/O"
plant src/coder/events.c 'static int g(const dyad_doc *d) { return d->category[0]; }' "the coder knows an input format"
plant src/coder/events.c '#include "input/input.h"' "the coder knows an input format"
plant src/dict/lookup.c '#include "text/text.h"' "src/dict/ knows sentences or the tokenizer"
plant src/dict/load.c 'static void h(dyad_sentence *s) { (void)s; }' "src/dict/ knows sentences or the tokenizer"
plant src/input/jsonl.c '#include "dict/dict.h"' "a reader knows the dictionary"
plant src/feed/rss.c 'static void k(const dyad_dict *d) { (void)d; }' "a reader knows the dictionary"
plant src/store/store.c '#include "coder/coder.h"' "the store sees more than the public event record"
plant src/coder/match.c '#include "dict/dictInt.h"' "the dictionary's layout is read outside src/dict/"
plant src/feed/feed.c 'static void w(void) { fprintf(stderr, "x\n"); }' "the library prints"
plant src/output/jsonl.c 'static void p(void) { printf("x\n"); }' "the library prints"
plant src/ties/ties.c 'static void q(void) { puts("x"); }' "the library prints"

# what is allowed stays allowed: a writer's fprintf to its caller's stream,
# snprintf, and a comment that names printf
rm -rf "$TMP/t"; mkdir -p "$TMP/t"; cp -r src "$TMP/t/src"
printf '%s\n' 'static void ok(FILE *out) { char b[8]; snprintf(b, 8, "x"); fprintf(out, "%s", b); }' \
    '/* printf( and stderr in a comment */' >> "$TMP/t/src/output/jsonl.c"
bash $N "$TMP/t" >"$TMP/out" 2>&1
check "writing to the caller's stream is no printing" test $? = 0
summary
