/* fuzz_feed_rss.c -- libFuzzer target: RSS and Atom feeds (libxml2, then
 * gumbo on each item's HTML) on any bytes, checked by feed_fuzz.h.
 * Build: make build/fuzz/fuzz_feed_rss; run with -max_len=65536. */
#include "feed_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_feed_parse(fd_parse_feed, "fuzz.rss", data, size);
    return 0;
}
