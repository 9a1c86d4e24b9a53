/* period.c -- calendar periods of the dyad series: day, month, year and ISO
 * 8601 week (weeks start on Monday; a week belongs to the year of its
 * Thursday, so 2026-01-01, a Thursday, is in 2026-W01 and 2027-01-01, a
 * Friday, in 2026-W53). Any date of years 1-9999 has a key (proleptic
 * Gregorian); keys before 1970 are negative, so "no period" is its own
 * value, TY_NO_PERIOD, not -1. dyad_ties_bound turns a period a person
 * writes (2019, 2019-12, 2019-W50, a day) into its first or last day. */
#include "ties/ties.h"

#include <stdio.h>
#include <string.h>
#include "date/date.h"

static long floor_div(long a, long b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

long ty_period_key(dyad_period by, const char *s) {
    if (!s || strlen(s) != 8) return TY_NO_PERIOD;
    for (int i = 0; i < 8; i++)
        if (s[i] < '0' || s[i] > '9') return TY_NO_PERIOD;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[4] - '0') * 10 + (s[5] - '0'), d = (s[6] - '0') * 10 + (s[7] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > date_month_days(y, m)) return TY_NO_PERIOD;
    switch (by) {
    case DYAD_BY_YEAR: return y;
    case DYAD_BY_MONTH: return (long)y * 12 + m - 1;
    case DYAD_BY_WEEK: return floor_div(date_days(y, m, d) + 3, 7); /* Monday-based */
    case DYAD_BY_DAY: return date_days(y, m, d);
    }
    return TY_NO_PERIOD;
}

void ty_period_label(dyad_period by, long key, char out[12]) {
    if (by == DYAD_BY_DAY) {
        int y, m, d;
        date_civil(key, &y, &m, &d);
        snprintf(out, 12, "%04d-%02d-%02d", y, m, d);
    } else if (by == DYAD_BY_YEAR) {
        snprintf(out, 12, "%04ld", key);
    } else if (by == DYAD_BY_MONTH) {
        snprintf(out, 12, "%04ld-%02ld", key / 12, key % 12 + 1);
    } else {
        long thursday = key * 7 - 3 + 3; /* Monday of the week is key*7-3 */
        int y, m, d;
        date_civil(thursday, &y, &m, &d);
        long week = (thursday - date_days(y, 1, 1)) / 7 + 1;
        snprintf(out, 12, "%04d-W%02ld", y, week);
    }
}

const char *ty_period_name(dyad_period by) {
    return by == DYAD_BY_YEAR ? "year" : by == DYAD_BY_MONTH ? "month" : by == DYAD_BY_DAY ? "day" : "week";
}

/* Reads n digits at s into *v; 0 if they are not all digits. */
static int digits(const char *s, int n, int *v) {
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        *v = *v * 10 + (s[i] - '0');
    }
    return 1;
}

static void ymd(long days, char out[9]) {
    int y, m, d;
    date_civil(days, &y, &m, &d);
    snprintf(out, 9, "%04d%02d%02d", y, m, d);
}

int dyad_ties_bound(const char *s, int end, char out[9]) {
    int y, m, d, w;
    size_t n = s ? strlen(s) : 0;
    if (n < 4 || !digits(s, 4, &y) || y < 1) return -1;
    if (n == 4) { /* a year */
        snprintf(out, 9, "%04d%s", y, end ? "1231" : "0101");
        return 0;
    }
    if (n == 8 && s[4] == '-' && s[5] == 'W' && digits(s + 6, 2, &w)) { /* an ISO week */
        long k1 = floor_div(date_days(y, 1, 4) + 3, 7);   /* Jan 4 is in week 1 */
        long kn = floor_div(date_days(y, 12, 28) + 3, 7); /* Dec 28 in the last */
        if (w < 1 || w > kn - k1 + 1) return -1;
        ymd((k1 + w - 1) * 7 - 3 + (end ? 6 : 0), out); /* key * 7 - 3: its Monday */
        return 0;
    }
    if (s[4] != '-' || (n != 7 && n != 10) || !digits(s + 5, 2, &m) || m < 1 || m > 12) return -1;
    if (n == 7) { /* a month */
        snprintf(out, 9, "%04d%02d%02d", y, m, end ? date_month_days(y, m) : 1);
        return 0;
    }
    if (s[7] != '-' || !digits(s + 8, 2, &d) || d < 1 || d > date_month_days(y, m)) return -1;
    snprintf(out, 9, "%04d%02d%02d", y, m, d);
    return 0;
}
