/* fuzz_feed_date.c -- libFuzzer target: feed dates (RFC 822, ISO 8601,
 * "March 14, 2026") on any bytes. A date read must be a real calendar
 * date, which the records' date reader (date_parse) accepts and gives back
 * unchanged; a refused one is -1. */
#include "dyad.h"
#include "date/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *s = malloc(size + 1);
    if (!s) return 0;
    memcpy(s, data, size);
    s[size] = 0; /* a C string: the parser's input stops at a NUL */
    int32_t v = date_parse_written(s);
    if (v >= 0) {
        char out[9];
        date_put(v, out);
        if (strlen(out) != 8 || date_parse(out, 8) != v) __builtin_trap();
    } else if (v != -1) {
        __builtin_trap();
    }
    free(s);
    return 0;
}
