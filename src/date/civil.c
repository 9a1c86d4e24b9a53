/* civil.c -- civil dates to day numbers and back, for any proleptic
 * Gregorian date (H. Hinnant's days_from_civil / civil_from_days), and
 * the YYYYMMDD integers the rest of dyad passes around. */
#include "date/date.h"

/* Day numbers of 0001-01-01 and 9999-12-31: the dates YYYYMMDD holds. */
#define FIRST_DAY (-719162L)
#define LAST_DAY 2932896L

long date_days(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void date_civil(long z, int *y, int *m, int *d) {
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

int date_month_days(int y, int m) {
    static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : n[m - 1];
}

int date_valid(int y, int m, int d) {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= date_month_days(y, m);
}

int32_t date_make(int y, int m, int d) {
    return date_valid(y, m, d) ? (int32_t)(y * 10000 + m * 100 + d) : 0;
}

int32_t date_of_day(long z) {
    int y, m, d;
    if (z < FIRST_DAY || z > LAST_DAY) return 0;
    date_civil(z, &y, &m, &d);
    return date_make(y, m, d);
}

long date_day_of(int32_t ymd) { return date_days(ymd / 10000, ymd / 100 % 100, ymd % 100); }
