/* fuzz_feed_html.c -- libFuzzer target: a web page (the nesting scan, then
 * gumbo and the article finder) and the same bytes as a feed item's HTML
 * fragment, on any bytes, checked by feed_fuzz.h. The scan must refuse
 * what would nest deeper than FD_MAX_NESTING before gumbo sees it: the
 * tree walks after it recurse that deep.
 * Build: make build/fuzz/fuzz_feed_html; run with -max_len=65536. */
#include "feed_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (fuzz_feed_parse(fd_parse_html, "fuzz.html", data, size) > 1)
        __builtin_trap(); /* one page, one item */
    char *text = NULL;
    int rc = fd_html_text((const char *)data, size, &text);
    if (rc == 0) fuzz_check_str(text);
    else if (text) __builtin_trap();
    free(text);
    return 0;
}
