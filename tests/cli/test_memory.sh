#!/usr/bin/env bash
# test_memory.sh -- the peak memory (RSS, as /usr/bin/time reports it) of
# coding and ingesting one 15 MB JSON Lines record (issue 14, defect 12):
# a short sentence repeated (a one-way act: one event each), the worst case
# for tokens and events per byte.
# It took 544 MB to code and 580 MB to ingest, 36 times the record, and
# now 177 and 179 MB: the record and its normalized copy (15 MB each), its
# tokens' offsets (34 MB), its sentences' offsets (17 MB) and 715,000
# events (51 MB). It must stay under 11 times the record plus 30 MB for
# the dictionaries and the program. Measured on the release build (the sanitizers' own memory
# would swamp the figure); skipped when that or /usr/bin/time is absent.
. "$(dirname "$0")/lib.sh"
R=${DYAD_RELEASE:-build/release/dyad}
if [ ! -x /usr/bin/time ]; then
    skip "memory test: /usr/bin/time is absent"
elif [ ! -x "$R" ]; then
    skip "memory test: no release build at $R (make first)"
else
    big=$TMP/big.jsonl
    { printf '{"id":"big","date":"20200101","text":"'
      yes 'Putin hailed Rouhani.' | tr '\n' ' ' | head -c 15728640
      printf '"}\n'; } >"$big"
    size=$(wc -c <"$big")
    limit=$((11 * size / 1024 + 30 * 1024)) # KB
    /usr/bin/time -f '%M' -o $TMP/rss "$R" code "$big" >$TMP/out 2>$TMP/err
    check "code exits 0" test $? = 0
    n=$(wc -l <$TMP/out)
    check "code: an event per sentence ($n)" test "$n" = $((15728640 / 22)) # the last "Puti" is none
    rss=$(tail -n 1 $TMP/rss)
    echo "code: $((rss / 1024)) MB peak for a $((size / 1048576)) MB record" >&2
    check "code: peak $rss KB under $limit KB" test "$rss" -lt "$limit"
    /usr/bin/time -f '%M' -o $TMP/rss "$R" ingest --no-progress --db $TMP/m.db "$big" >/dev/null 2>$TMP/err
    check "ingest exits 0" test $? = 0
    rss=$(tail -n 1 $TMP/rss)
    echo "ingest: $((rss / 1024)) MB peak" >&2
    check "ingest: peak $rss KB under $limit KB" test "$rss" -lt "$limit"
fi
summary
