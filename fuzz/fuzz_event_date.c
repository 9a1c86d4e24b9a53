/* fuzz_event_date.c -- libFuzzer target: event dates (src/date/sentence.c)
 * from any sentence against any document date.
 *
 * Input: byte 0 chooses how the document date is made -- even: from the
 * next 4 bytes as a day number spread over years 1-9999 and a little past
 * both ends (so the edges are reached: "tomorrow" on 9999-12-31); odd: the
 * next 8 bytes as they are, read as a record's date is (malformed dates
 * too: no date). The rest is the sentence. Checked: the kind has a name;
 * the date is 0 exactly when the kind is none, else a real calendar date
 * of years 1-9999; "document" gives the document date itself. */
#include "dyad.h"
#include "date/date.h"

#include <stdio.h>
#include <string.h>

static int valid_date(int32_t v) { return v > 0 && date_valid(v / 10000, v / 100 % 100, v % 100); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 9) return 0;
    int32_t doc;
    if (data[0] & 1) {
        doc = date_parse((const char *)data + 1, 8);
        if (doc < 0) doc = 0;
    } else {
        uint32_t v = (uint32_t)data[1] | (uint32_t)data[2] << 8 | (uint32_t)data[3] << 16 |
                     (uint32_t)data[4] << 24;
        long first = date_days(1, 1, 1), last = date_days(9999, 12, 31);
        long z = first - 40 + (long)(v % (uint32_t)(last - first + 81));
        if (data[0] & 2) z = (data[0] & 4) ? last - (long)(v % 40) : first + (long)(v % 40);
        doc = date_of_day(z); /* 0 past either end */
    }
    size_t off = (data[0] & 1) ? 9 : 5;
    int32_t out = -1;
    dyad_date_kind k = date_in_sentence(doc, (const char *)data + off, size - off, &out);
    if (!strcmp(dyad_date_kind_name(k), "none") && k != DYAD_DATE_NONE) __builtin_trap();
    if (k == DYAD_DATE_NONE) {
        if (out != 0) __builtin_trap();
    } else if (!valid_date(out)) {
        __builtin_trap();
    }
    if (k == DYAD_DATE_DOCUMENT && out != doc) __builtin_trap();
    if (k != DYAD_DATE_NONE && !valid_date(doc)) __builtin_trap(); /* dated from a bad date */
    return 0;
}
