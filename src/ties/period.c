/* period.c -- calendar periods of the dyad series: month, year and ISO
 * 8601 week (weeks start on Monday; a week belongs to the year of its
 * Thursday, so 2026-01-01, a Thursday, is in 2026-W01 and 2027-01-01, a
 * Friday, in 2026-W53). */
#include "ties/ties.h"

#include <stdio.h>
#include <string.h>

static long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static long floor_div(long a, long b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

long ty_period_key(dyad_period by, const char *s) {
    int y, m, d;
    if (!s || strlen(s) != 8 || sscanf(s, "%4d%2d%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        return -1;
    switch (by) {
    case DYAD_BY_YEAR: return y;
    case DYAD_BY_MONTH: return (long)y * 12 + m - 1;
    case DYAD_BY_WEEK: return floor_div(days_from_civil(y, m, d) + 3, 7); /* Monday-based */
    }
    return -1;
}

void ty_period_label(dyad_period by, long key, char out[12]) {
    if (by == DYAD_BY_YEAR) {
        snprintf(out, 12, "%04ld", key);
    } else if (by == DYAD_BY_MONTH) {
        snprintf(out, 12, "%04ld-%02ld", key / 12, key % 12 + 1);
    } else {
        long thursday = key * 7 - 3 + 3; /* Monday of the week is key*7-3 */
        int y, m, d;
        civil_from_days(thursday, &y, &m, &d);
        long week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
        snprintf(out, 12, "%04d-W%02ld", y, week);
    }
}

const char *ty_period_name(dyad_period by) {
    return by == DYAD_BY_YEAR ? "year" : by == DYAD_BY_MONTH ? "month" : "week";
}
