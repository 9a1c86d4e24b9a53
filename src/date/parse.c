/* parse.c -- the written forms of a date that dyad accepts: the command
 * line's and documents' "YYYY-MM-DD", "YYYYMMDD" and ISO timestamps, and
 * the dictionaries' "YYYYMMDD" and "YYMMDD". Month and day are checked
 * against the calendar, so "2017-02-31" is refused rather than passed on
 * to the actor dictionary's date restrictions. */
#include "date/date.h"

#include <stdio.h>

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

static int32_t checked(int y, int m, int d) {
    int32_t v = date_make(y, m, d);
    return v ? v : -1;
}

int32_t date_parse(const char *s, size_t n) {
    while (n > 0 && (*s == ' ' || *s == '\t')) s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    if (n == 8 && all_digits(s, 8)) return checked(num(s, 4), num(s + 4, 2), num(s + 6, 2));
    if (n >= 10 && s[4] == '-' && s[7] == '-' && all_digits(s, 4) && all_digits(s + 5, 2) &&
        all_digits(s + 8, 2) &&
        (n == 10 || ((s[10] == 'T' || s[10] == ' ') && time_ok(s + 11, n - 11))))
        return checked(num(s, 4), num(s + 5, 2), num(s + 8, 2));
    return -1;
}

int date_year2(int yy) { return yy < 30 ? 2000 + yy : 1900 + yy; }

int32_t date_parse_compact(const char *s, size_t n) {
    if (!all_digits(s, n)) return -1;
    if (n == 8) return checked(num(s, 4), num(s + 4, 2), num(s + 6, 2));
    if (n == 6) return checked(date_year2(num(s, 2)), num(s + 2, 2), num(s + 4, 2));
    return -1;
}

int32_t date_parse_compact_loose(const char *s, size_t n) {
    if (n > 7) return all_digits(s, 8) ? checked(num(s, 4), num(s + 4, 2), num(s + 6, 2)) : -1;
    if (n >= 6 && all_digits(s, 6))
        return checked(date_year2(num(s, 2)), num(s + 2, 2), num(s + 4, 2));
    return -1;
}

/* v's last n decimal digits at out (writers call these for every event:
 * snprintf cost more than the rest of a JSON line). */
static void put_digits(char *out, int32_t v, int n) {
    for (int i = n - 1; i >= 0; i--, v /= 10) out[i] = (char)('0' + v % 10);
}

void date_put(int32_t ymd, char out[9]) {
    if (ymd > 99999999) snprintf(out, 9, "%08d", (int)ymd);
    else if (ymd > 0) put_digits(out, ymd, 8), out[8] = 0;
    else out[0] = 0;
}

void date_put_iso(int32_t ymd, char out[11]) {
    if (ymd > 99999999) {
        snprintf(out, 11, "%04d-%02d-%02d", (int)(ymd / 10000), (int)(ymd / 100 % 100),
                 (int)(ymd % 100));
    } else if (ymd > 0) {
        put_digits(out, ymd / 10000, 4);
        out[4] = '-';
        put_digits(out + 5, ymd / 100 % 100, 2);
        out[7] = '-';
        put_digits(out + 8, ymd % 100, 2);
        out[10] = 0;
    } else {
        out[0] = 0;
    }
}

int date_text(int32_t ymd, char out[9]) {
    if (ymd < 0) return -1;
    date_put(ymd, out);
    return 0;
}

int32_t dyad_date_parse(const char *s) {
    size_t n = 0;
    while (s[n]) n++;
    int dashed = n == 10 && s[4] == '-' && s[7] == '-';
    if (!dashed && !(n == 8 && all_digits(s, 8))) return -1; /* no blanks, no time */
    return date_parse(s, n);
}
