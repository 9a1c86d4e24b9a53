/* date.c -- normalizes the dates readers accept to "YYYYMMDD".
 *
 * Accepted: "YYYYMMDD", "YYYY-MM-DD", and an ISO timestamp that starts with
 * "YYYY-MM-DD" followed by 'T' or ' ' and a time of day ("2017-05-23T10:00:00Z";
 * the time and zone are checked -- HH:MM[:SS[.fff]] with HH 00-23, MM
 * 00-59, SS 00-60, then nothing, Z or +-HH[:]MM -- but not applied: the
 * date is taken as written); blanks around the date are ignored. Years
 * are 0001 to 9999. Month and day are checked against the calendar, so
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

/* "HH:MM[:SS[.fff]][Z|+HH:MM|-HHMM]", exactly n bytes: 1 if valid. */
static int time_ok(const char *s, size_t n) {
    if (n < 5 || !all_digits(s, 2) || s[2] != ':' || !all_digits(s + 3, 2)) return 0;
    if (num(s, 2) > 23 || num(s + 3, 2) > 59) return 0;
    size_t i = 5;
    if (i < n && s[i] == ':') {
        if (i + 3 > n || !all_digits(s + i + 1, 2) || num(s + i + 1, 2) > 60) return 0;
        i += 3;
        if (i < n && (s[i] == '.' || s[i] == ',')) {
            size_t k = ++i;
            while (i < n && s[i] >= '0' && s[i] <= '9') i++;
            if (i == k) return 0;
        }
    }
    if (i == n) return 1;
    if (s[i] == 'Z' || s[i] == 'z') return i + 1 == n;
    if (s[i] != '+' && s[i] != '-') return 0;
    i++;
    if (i + 2 > n || !all_digits(s + i, 2) || num(s + i, 2) > 23) return 0;
    i += 2;
    if (i == n) return 1;
    if (s[i] == ':') i++;
    return i + 2 == n && all_digits(s + i, 2) && num(s + i, 2) <= 59;
}

int rd_date_normalize(const char *s, size_t n, char out[9]) {
    char d[8];
    while (n > 0 && (*s == ' ' || *s == '\t')) s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    if (n == 8 && all_digits(s, 8)) {
        memcpy(d, s, 8);
    } else if (n >= 10 && s[4] == '-' && s[7] == '-' && all_digits(s, 4) &&
               all_digits(s + 5, 2) && all_digits(s + 8, 2) &&
               (n == 10 || ((s[10] == 'T' || s[10] == ' ') && time_ok(s + 11, n - 11)))) {
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
