/* date.c -- normalizes the dates readers accept to "YYYYMMDD".
 *
 * Accepted: "YYYYMMDD", "YYYY-MM-DD", and an ISO timestamp that starts with
 * "YYYY-MM-DD" followed by 'T' or ' ' ("2017-05-23T10:00:00Z"; the time and
 * zone are ignored: the date is taken as written); blanks around the date
 * are ignored. Month and day are checked against the calendar, so
 * "20170231" is refused rather than passed on to the actor dictionary's
 * date restrictions. */
#include "input/input.h"

#include <string.h>
#include "util/civil.h"

static int all_digits(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static int num(const char *s, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

int rd_date_normalize(const char *s, size_t n, char out[9]) {
    char d[8];
    while (n > 0 && (*s == ' ' || *s == '\t')) s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    if (n == 8 && all_digits(s, 8)) {
        memcpy(d, s, 8);
    } else if (n >= 10 && s[4] == '-' && s[7] == '-' && all_digits(s, 4) &&
               all_digits(s + 5, 2) && all_digits(s + 8, 2) &&
               (n == 10 || s[10] == 'T' || s[10] == ' ')) {
        memcpy(d, s, 4);
        memcpy(d + 4, s + 5, 2);
        memcpy(d + 6, s + 8, 2);
    } else {
        return -1;
    }
    int y = num(d, 4), m = num(d + 4, 2), day = num(d + 6, 2);
    if (y < 1 || m < 1 || m > 12 || day < 1 || day > civil_month_days(y, m)) return -1;
    memcpy(out, d, 8);
    out[8] = '\0';
    return 0;
}
