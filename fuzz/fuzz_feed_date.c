/* fuzz_feed_date.c -- libFuzzer target: feed dates (RFC 822, ISO 8601,
 * "March 14, 2026") on any bytes. A date read must be a real calendar
 * date, which the readers' own date check (rd_date_normalize) accepts and
 * gives back unchanged; a refused one leaves nothing behind. */
#include "dyad.h"
#include "input/input.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *s = malloc(size + 1);
    if (!s) return 0;
    memcpy(s, data, size);
    s[size] = 0; /* a C string: the parser's input stops at a NUL */
    char out[9] = "unset!!", again[9];
    int rc = dyad_feed_date(s, out);
    if (rc == 0) {
        if (strlen(out) != 8) __builtin_trap();
        if (rd_date_normalize(out, 8, again) != 0 || strcmp(out, again) != 0) __builtin_trap();
    } else if (rc != -1) {
        __builtin_trap();
    }
    free(s);
    return 0;
}
