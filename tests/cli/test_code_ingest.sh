#!/usr/bin/env bash
# test_code_ingest.sh -- one way in: `dyad code F` and `dyad ingest F` read
# every input through the one reader and its one format guesser, so they
# give the same events (document, sentence index, source, target, code) for
# plain text, JSON Lines, PETRARCH XML, RSS, Atom, HTML, a directory and
# standard input.
# A PETRARCH record is one sentence in both (it was split by ingest).
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
if ! command -v sqlite3 >/dev/null; then
    skip "sqlite3 command not installed (scripts/install-deps.sh installs it)"; summary; exit
fi
mkdir -p "$TMP/in/sub"
cat > "$TMP/in/story.txt" <<'T'
Russian President Vladimir Putin met Iranian President Masoud Pezeshkian in Moscow.

Iran accused Israel of an attack. Putin called Pezeshkian on Tuesday.
T
cat > "$TMP/in/news.jsonl" <<'J'
{"id": "n1", "date": "2026-03-10", "title": "Talks in Moscow", "text": "Putin met Pezeshkian in Moscow. Iran accused Israel of an attack."}
{"id": "n2", "text": "Israel accused Iran of spying.\n\nThe United States criticized Israel."}
J
cp tests/data/feed/world.rss tests/data/feed/world.atom \
   tests/data/feed/article.html "$TMP/in/"
printf 'Israel accused Iran of an attack.\n\nPezeshkian met Putin in Tehran on Monday.\n' > "$TMP/in/sub/other.txt"
# PETRARCH XML: each record one sentence, even with two sentences in its text
cat > "$TMP/in/records.xml" <<'X'
<Sentences>
<Sentence date="20150101" id="r1" source="t" sentence="True">
<Text>Iran accused Israel of an attack. Putin called Pezeshkian.</Text>
</Sentence>
<Sentence date="20150102" id="r2" source="t" sentence="True">
<Text>Putin met Pezeshkian in Moscow.</Text>
</Sentence>
</Sentences>
X
# the events of `code` and of the store as "doc sentence source target code"
from_code() {
    $D code --date 2026-03-14 "$1" 2>/dev/null |
        jq -r '[.doc_id, .sentence, .source, .target, .code] | @tsv' | sort
}
from_store() {
    rm -f "$TMP/s.db"
    $D ingest --db "$TMP/s.db" --date 2026-03-14 --no-near-dups --quiet "$1" 2>/dev/null
    sqlite3 -separator $'\t' "$TMP/s.db" \
        'select d.id, e.sentence, e.source, e.target, e.code from events e join documents d using(doc)' |
        sort
}
for f in story.txt news.jsonl records.xml world.rss world.atom article.html . ; do
    from_store "$TMP/in/$f" > "$TMP/store.tsv"
    # the store keeps one of a syndicated story's copies: compare those it kept
    sqlite3 "$TMP/s.db" 'select id from documents' | sort > "$TMP/kept"
    from_code "$TMP/in/$f" | awk -F'\t' 'NR==FNR { kept[$1]; next } $1 in kept' "$TMP/kept" - > "$TMP/code.tsv"
    check "$f: events coded" test -s "$TMP/code.tsv"
    if cmp -s "$TMP/code.tsv" "$TMP/store.tsv"; then ok
    else no "$f: code and ingest differ"; diff "$TMP/code.tsv" "$TMP/store.tsv" | head -5 >&2; fi
done
# standard input ('-'): as a text, or by --format
for f in story.txt news.jsonl records.xml; do
    case $f in *.jsonl) fmt=jsonl ;; *.xml) fmt=xml ;; *) fmt=text ;; esac
    $D code --date 2026-03-14 --format $fmt - < "$TMP/in/$f" 2>/dev/null |
        jq -r '[.doc_id, .sentence, .source, .target, .code] | @tsv' | sort > "$TMP/code.tsv"
    rm -f "$TMP/s.db"
    $D ingest --db "$TMP/s.db" --date 2026-03-14 --format $fmt --no-near-dups --quiet - < "$TMP/in/$f" 2>/dev/null
    sqlite3 -separator $'\t' "$TMP/s.db" \
        'select d.id, e.sentence, e.source, e.target, e.code from events e join documents d using(doc)' |
        sort > "$TMP/store.tsv"
    check "stdin $f: events coded" test -s "$TMP/code.tsv"
    if cmp -s "$TMP/code.tsv" "$TMP/store.tsv"; then ok
    else no "stdin $f: code and ingest differ"; diff "$TMP/code.tsv" "$TMP/store.tsv" | head -5 >&2; fi
done
# a record is one sentence: both events of r1 are in sentence 0
check "xml record is one sentence" test "$(from_code "$TMP/in/records.xml" | awk '$1=="r1"' | cut -f2 | sort -u)" = 0
# a text file is known by its path, named alone or in a directory
check "a text file's id" grep -q "^$TMP/in/story.txt	" <(from_code "$TMP/in/story.txt")
check "a directory's files by path" grep -q "/sub/other.txt	" <(from_code "$TMP/in")
summary
