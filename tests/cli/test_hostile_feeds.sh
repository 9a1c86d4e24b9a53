#!/usr/bin/env bash
# test_hostile_feeds.sh -- dyad ingest on hostile or broken feeds, pages and
# folders (issue 14), each written here: a feed that declares an entity
# and repeats it (110 MB of text from 61 KB) is refused at once; a page and
# a feed larger than the 16 MiB limit of a document; a page of 100,000
# nested <div>s (half a minute in gumbo) skipped at once; a warning after
# line 65,535 of a feed names its real line; a folder with a malformed
# feed between two good files stores both and exits 1; two links to "."
# in a folder do not make the walk loop.
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
TIME=; [ -x /usr/bin/time ] && TIME=/usr/bin/time

# max RSS in KB of a command, or 0 when /usr/bin/time is missing
run_rss() {
    if [ -n "$TIME" ]; then
        $TIME -f '%M' -o $TMP/rss "$@"; local rc=$?; RSS=$(tail -n 1 $TMP/rss); return $rc
    fi
    RSS=0; "$@"
}

# ---- entity expansion: "Putin called Rouhani. " x2500 in one entity, used
# 2000 times; the feed is 61 KB, its text would be 110 MB
python3 - "$TMP/amp.rss" <<'PY'
import sys
ent = "Putin called Rouhani. " * 2500
open(sys.argv[1], "w").write('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "%s">]>\n'
    '<rss><channel><title>t</title><item><title>x</title><description>%s</description>'
    '</item></channel></rss>\n' % (ent, "&a;" * 2000))
PY
start=$SECONDS
run_rss timeout 60 $D ingest --no-progress --db $TMP/amp.db $TMP/amp.rss 2>$TMP/amp.err
check "entity feed exits 1" test $? = 1
check "entity feed refused, named with the line of the DOCTYPE" \
    grep -q "amp.rss:2: feed declares entities in its DOCTYPE: refused" $TMP/amp.err
check "entity feed: under 60 s" test $((SECONDS - start)) -lt 60
check "entity feed: under 1.5 GB (max RSS ${RSS} KB)" test "$RSS" -lt 1500000
check "entity feed: no event stored" test "$(grep -o '[0-9]* events' $TMP/amp.err)" = "0 events"

# ---- the one limit of a document (16 MiB): a page, a feed
{ printf '<html><body><article><p>'; head -c $((17 << 20)) /dev/zero | tr '\0' 'a'
  printf '</p></article></body></html>\n'; } >$TMP/big.html
{ printf '<rss><channel><item><description>'; head -c $((17 << 20)) /dev/zero | tr '\0' 'a'
  printf '</description></item></channel></rss>\n'; } >$TMP/big.rss
printf '{"id":"ok-1","date":"2026-03-14","text":"Putin called Rouhani on Monday."}\n' >$TMP/ok.jsonl
$D ingest --no-progress --db $TMP/big.db $TMP/big.html $TMP/ok.jsonl 2>$TMP/big.err
check "big page: run goes on, exit 0" test $? = 0
check "big page skipped and named" grep -q "big.html: page larger than 16777216 bytes skipped" $TMP/big.err
check "big page counted as skipped" grep -q "1 stored.* 1 skipped" $TMP/big.err
$D ingest --no-progress --db $TMP/big2.db $TMP/big.rss $TMP/ok.jsonl 2>$TMP/big2.err
check "big feed exits 1" test $? = 1
check "big feed named" grep -q "big.rss: feed larger than 16777216 bytes: not read" $TMP/big2.err
check "big feed: the next input is stored" grep -q "1 stored" $TMP/big2.err

# ---- 100,000 nested <div>s: gumbo takes ~35 s on them; refused at once
python3 -c "
import sys
sys.stdout.write('<html><body>\n' + '<div>' * 100000 + '<p>Putin called Rouhani.</p>' + '</div>' * 100000 + '\n</body></html>\n')" >$TMP/deep.html
start=$SECONDS
timeout 30 $D ingest --no-progress --db $TMP/deep.db $TMP/deep.html $TMP/ok.jsonl 2>$TMP/deep.err
check "deep page: exit 0" test $? = 0
check "deep page: fast" test $((SECONDS - start)) -lt 10
check "deep page skipped and named" grep -q "deep.html:2: page nested deeper than 512 elements skipped" $TMP/deep.err
check "deep page: next input stored" grep -q "1 stored.* 1 skipped" $TMP/deep.err
# a feed item nested as deep is skipped alone
python3 -c "
import sys
d = '&lt;div&gt;' * 600
sys.stdout.write('<rss><channel><title>t</title>\n<item><guid>deep</guid><description>' + d + 'x</description></item>\n'
 '<item><guid>fine</guid><description>Putin called Rouhani.</description></item>\n</channel></rss>\n')" >$TMP/deep.rss
$D ingest --no-progress --db $TMP/deep2.db $TMP/deep.rss 2>$TMP/deep2.err
check "deep item: exit 0" test $? = 0
check "deep item skipped and named" grep -q "deep.rss:2: item nested deeper than 512 elements skipped" $TMP/deep2.err
check "deep item: the other stored" grep -q "1 stored.* 1 skipped" $TMP/deep2.err

# ---- feed lines past 65,535 (libxml2 without XML_PARSE_BIG_LINES said 65535)
{ printf '<?xml version="1.0"?>\n<rss><channel><title>t</title>'
  head -c 70000 /dev/zero | tr '\0' '\n'
  printf '<item><title>no text</title></item></channel></rss>\n'; } >$TMP/lines.rss
$D ingest --no-progress --db $TMP/lines.db $TMP/lines.rss 2>$TMP/lines.err
check "warning names line 70002" grep -q "lines.rss:70002: item without text skipped" $TMP/lines.err

# ---- bytes that are not EUC-JP in an EUC-JP feed: one error naming the
# feed, and nothing printed by libxml2 itself ("encoding error : ...")
printf '<?xml version="1.0" encoding="EUC-JP"?>\n<rss><channel><item><description>\xb4MMMM</description></item></channel></rss>' >$TMP/enc.rss
$D ingest --no-progress --db $TMP/enc.db $TMP/enc.rss 2>$TMP/enc.err
check "bad encoding exits 1" test $? = 1
check "bad encoding named" grep -q "enc.rss:2: malformed feed" $TMP/enc.err
check "libxml2 prints nothing" test -z "$(grep -v -e '^dyad: ' $TMP/enc.err)"

# ---- a folder: a good file, a malformed feed, a good file, two links to "."
mkdir -p $TMP/dir
printf '{"id":"a-1","date":"2026-03-14","text":"Putin called Rouhani on Monday."}\n' >$TMP/dir/a.jsonl
printf '<rss><channel><item>' >$TMP/dir/b.rss
printf '{"id":"c-1","date":"2026-03-14","text":"Rouhani met Erdogan in Ankara."}\n' >$TMP/dir/c.jsonl
ln -s . $TMP/dir/l1; ln -s . $TMP/dir/l2
start=$SECONDS
timeout 60 $D ingest --no-progress --db $TMP/dir.db $TMP/dir 2>$TMP/dir.err
check "folder with a bad file exits 1" test $? = 1
check "folder: no loop through the links" test $((SECONDS - start)) -lt 30
check "folder: bad file named" grep -q "dir/b.rss:1: malformed feed" $TMP/dir.err
check "folder: both good files stored" grep -q "2 documents read: 2 stored" $TMP/dir.err
check "folder: links named" grep -q "dir/l1: directory already read" $TMP/dir.err
if command -v sqlite3 >/dev/null; then
    check "folder: ids stored" test "$(sqlite3 $TMP/dir.db 'select group_concat(id) from (select id from documents order by id)')" = "a-1,c-1"
else
    skip "sqlite3 not installed: stored ids not checked"
fi
# again: the bad file is reported again, nothing new, the later file still read
$D ingest --no-progress --db $TMP/dir.db $TMP/dir 2>$TMP/dir2.err
check "folder rerun exits 1" test $? = 1
check "folder rerun reads past the bad file" grep -q "2 documents read: 0 stored.* 2 duplicate ids" $TMP/dir2.err
# links to "." and nothing bad: the walk ended only by the 40 links a path
# may hold took 2^40 steps; now each folder is read once
mkdir -p $TMP/loop
cp $TMP/dir/a.jsonl $TMP/loop/; ln -s . $TMP/loop/l1; ln -s . $TMP/loop/l2
start=$SECONDS
timeout 30 $D ingest --no-progress --db $TMP/loop.db $TMP/loop 2>$TMP/loop.err
check "links to '.': exit 0" test $? = 0
check "links to '.': fast" test $((SECONDS - start)) -lt 20
check "links to '.': the file stored once" grep -q "1 documents read: 1 stored" $TMP/loop.err
# a link to a folder outside is read (once)
mkdir -p $TMP/outer; ln -s $TMP/dir $TMP/outer/inner
$D ingest --no-progress --db $TMP/outer.db $TMP/outer 2>$TMP/outer.err
check "linked folder read" grep -q "2 documents read: 2 stored" $TMP/outer.err
# dyad code goes on past the bad file too
$D code $TMP/dir >$TMP/code.out 2>$TMP/code.err
check "dyad code: folder with a bad file exits 1" test $? = 1
check "dyad code: both good files coded" test "$(grep -c '"doc_id"' $TMP/code.out)" -ge 2
summary
