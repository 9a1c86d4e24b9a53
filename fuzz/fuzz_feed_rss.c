/* fuzz_feed_rss.c -- libFuzzer target: RSS and Atom feeds (libxml2, then
 * gumbo on each item's HTML) on any bytes, checked by feed_fuzz.h.
 * Build: make build/fuzz/fuzz_feed_rss; run with -max_len=65536. */
#include "feed_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fd_items it = {0};
    dyad_error err = {{0}};
    int rc = fd_parse_feed("fuzz.rss", (const char *)data, size, &it, &err);
    fuzz_feed_items(&it, rc, &err);
    fd_items_free(&it);
    return 0;
}
