/* fuzz_event_date.c -- libFuzzer target: event dates (src/store/event_date.c)
 * from any sentence against any document date.
 *
 * Input: byte 0 chooses how the document date is made -- even: from the
 * next 4 bytes as a day number spread over years 1-9999 and a little past
 * both ends (so the edges are reached: "tomorrow" on 9999-12-31); odd: the
 * next 8 bytes as they are (malformed dates too). The rest is the
 * sentence. Checked: the kind is one of the documented ones; the date is
 * "" exactly when the kind is "none", else a real calendar date of years
 * 1-9999; "document" gives the document date itself. */
#include "dyad.h"
#include "util/civil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kinds[] = {"none", "document", "yesterday", "today", "tomorrow",
                                    "last week", "last month", "next week", "ago",
                                    "next weekday", "weekday", "month day"};

static int valid_date(const char *s) {
    if (strlen(s) != 8) return 0;
    for (int i = 0; i < 8; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    int y, m, d;
    if (sscanf(s, "%4d%2d%2d", &y, &m, &d) != 3) return 0;
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= civil_month_days(y, m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 9) return 0;
    char doc[9];
    if (data[0] & 1) {
        memcpy(doc, data + 1, 8);
        doc[8] = 0;
    } else {
        uint32_t v = (uint32_t)data[1] | (uint32_t)data[2] << 8 | (uint32_t)data[3] << 16 |
                     (uint32_t)data[4] << 24;
        long first = civil_days(1, 1, 1), last = civil_days(9999, 12, 31);
        long z = first - 40 + (long)(v % (uint32_t)(last - first + 81));
        if (data[0] & 2) z = (data[0] & 4) ? last - (long)(v % 40) : first + (long)(v % 40);
        int y, m, d;
        civil_date(z, &y, &m, &d);
        if (y < 1 || y > 9999) { y = y < 1 ? 1 : 9999; } /* the year must fit 4 digits */
        snprintf(doc, sizeof doc, "%04d%02d%02d", y, m, d);
    }
    size_t off = (data[0] & 1) ? 9 : 5;
    char out[9];
    memset(out, 'x', sizeof out);
    const char *k = dyad_event_date(doc, (const char *)data + off, size - off, out);
    if (!k) __builtin_trap();
    size_t i = 0;
    while (i < sizeof kinds / sizeof kinds[0] && strcmp(k, kinds[i])) i++;
    if (i == sizeof kinds / sizeof kinds[0]) __builtin_trap();
    if (memchr(out, 0, sizeof out) == NULL) __builtin_trap();
    if (!strcmp(k, "none")) {
        if (out[0]) __builtin_trap();
    } else if (!valid_date(out)) {
        __builtin_trap();
    }
    if (!strcmp(k, "document") && strcmp(out, doc)) __builtin_trap();
    if (strcmp(k, "none") && !valid_date(doc)) __builtin_trap(); /* dated from a bad dateline */
    return 0;
}
