/* written.c -- dates as feeds and pages write them: ISO 8601
 * ("2026-04-20T08:00:00Z"), RFC 822 ("Sat, 14 Mar 2026 09:30:00 +0000",
 * "2 Apr 2026", two-digit years by date_year2) and "March 14, 2026".
 * The time of day is not read: the date is taken as written. */
#include "date/date.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* A month name or its abbreviation ("Mar", "Sept", "March"); 0 if not. */
static int month_of(const char *p) {
    static const char *const m[12] = {"january", "february", "march", "april", "may", "june",
                                      "july", "august", "september", "october", "november",
                                      "december"};
    size_t n = strlen(p);
    for (int i = 0; i < 12 && n >= 3; i++)
        if (n <= strlen(m[i]) && !strncasecmp(p, m[i], n)) return i + 1;
    return 0;
}

/* Feeds' years have four digits (or two, RFC 822): years 1000-9999. */
static int32_t feed_date(int y, int m, int d) {
    return y >= 1000 && date_valid(y, m, d) ? date_make(y, m, d) : -1;
}

int32_t date_parse_written(const char *s) {
    int y, m, d, k;
    char mon[16];
    while (*s == ' ' || *s == '\t' || *s == '\n') s++;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &k) == 3 && k == 10) /* ISO 8601 */
        return feed_date(y, m, d);
    /* "March 14, 2026" (pages write dates so) */
    if (sscanf(s, "%15[A-Za-z] %2d, %4d%n", mon, &d, &y, &k) == 3 && (m = month_of(mon)) &&
        strlen(mon) >= 3)
        return feed_date(y, m, d);
    const char *comma = strchr(s, ',');
    if (comma && comma - s <= 10) s = comma + 1; /* "Sat," */
    if (sscanf(s, " %2d %15[A-Za-z] %4d%n", &d, mon, &y, &k) == 3 && strlen(mon) >= 3) {
        int digits = 0;
        for (const char *q = s + k - 1; q >= s && *q >= '0' && *q <= '9'; q--) digits++;
        if (digits == 2) y = date_year2(y); /* RFC 822's two-digit years */
        return feed_date(y, month_of(mon), d);
    }
    return -1;
}
