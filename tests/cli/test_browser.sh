#!/usr/bin/env bash
# test_browser.sh -- the page of dyad serve in a real browser: Debian's
# chromium, headless, driven over the DevTools protocol by
# tests/browser/page_check.py (see there for what it checks) against a store
# of the repository's sample feeds. The screenshot goes to build/serve.png.
# Server and browser are killed on exit. As root chromium runs with
# --no-sandbox (its sandbox refuses root).
. "$(dirname "$0")/lib.sh"
D=${DYAD:-build/release/dyad}
F=tests/data/feed
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ] || ! command -v python3 >/dev/null; then
    skip "chromium or python3 not installed (scripts/install-deps.sh installs them)"; summary; exit
fi
pid=; bpid=
trap '[ -n "$bpid" ] && kill $bpid 2>/dev/null; [ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"' EXIT

$D ingest --no-progress --db $TMP/events.db $F/world.rss $F/world.atom $F/article.html \
    $F/wire.jsonl data/sample/phone-call.txt 2>/dev/null
check "store built" test -s $TMP/events.db
$D serve --db $TMP/events.db --listen 127.0.0.1:0 2>$TMP/serve.err &
pid=$!
for _ in $(seq 100); do grep -q "serving" $TMP/serve.err 2>/dev/null && break; sleep 0.2; done
port=$(sed -nE 's|.*serving .* at http://127\.0\.0\.1:([0-9]+)/.*|\1|p' $TMP/serve.err)
check "server up" test -n "$port"

mkdir -p build $TMP/chrome
python3 tests/browser/page_check.py "http://127.0.0.1:$port/?a=RUS&b=IRN&by=month" \
    build/serve.png "$CHROMIUM" $TMP/chrome >$TMP/out 2>&1 &
bpid=$!
wait $bpid; bpid=
while read -r verdict what; do
    case $verdict in
        PASS) ok ;;
        FAIL) no "browser: $what" ;;
    esac
done <$TMP/out
grep -q '^PASS' $TMP/out || { no "browser check printed nothing"; cat $TMP/out >&2; }
[ -s $TMP/chrome/chromium.log ] && grep -q '^FAIL' $TMP/out && tail -n 20 $TMP/chrome/chromium.log >&2
summary
