/* event_date.c -- when an event happened, from the words of its sentence.
 *
 * News is written relative to its dateline: "yesterday", "on Saturday",
 * "said Friday", "last week", "two days ago", "on March 27-28". The first
 * such phrase in the sentence is resolved against the document date:
 * weekdays to the most recent such day on or before it ("last Monday":
 * strictly before; "next Monday": the next one after), "last week" to seven
 * days before ("next week" after), "N days/weeks ago" back N days/weeks, a month and day to that day in the document's year (the year
 * before when that would be more than a month after the dateline; a range
 * "27-28" takes its first day; month names count only capitalised, so the
 * verb "may" is not May). No phrase, or no document date: the
 * document date ("document"), or nothing ("none").
 *
 * Dates are years 1 to 9999 (YYYYMMDD, proleptic Gregorian): a phrase
 * whose arithmetic leaves that range ("tomorrow" on 9999-12-31, "last
 * week" in 0001-01-03) or that names a year of five digits or more
 * ("March 3, 99999") gives no date ("none"), as does a document date
 * outside it. */
#include "dyad.h"

#include <string.h>
#include <strings.h>
#include "util/civil.h"

/* Day numbers of 0001-01-01 and 9999-12-31: the dates that fit YYYYMMDD. */
#define FIRST_DAY (-719162L)
#define LAST_DAY 2932896L

/* Writes day z; 0 and an empty date when it is outside years 1-9999. */
static int put_date(long z, char out[9]) {
    int y, m, d;
    if (z < FIRST_DAY || z > LAST_DAY) {
        out[0] = 0;
        return 0;
    }
    civil_date(z, &y, &m, &d);
    snprintf(out, 9, "%04d%02d%02d", y, m, d);
    return 1;
}

/* The kind of a date that was resolved, or "none" when the arithmetic left
 * years 1-9999 ("tomorrow" on 9999-12-31). */
static const char *dated(long z, char out[9], const char *kind) {
    return put_date(z, out) ? kind : "none";
}

static const char *const weekdays[7] = {"thursday", "friday", "saturday", "sunday",
                                        "monday", "tuesday", "wednesday"}; /* 1970-01-01 was a Thursday */
static const char *const months[12] = {"january", "february", "march", "april", "may", "june",
                                       "july", "august", "september", "october", "november",
                                       "december"};

typedef struct word { const char *p; size_t n; } word;

static int is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int weq(word w, const char *s) { return strlen(s) == w.n && !strncasecmp(w.p, s, w.n); }

static int find_in(word w, const char *const *list, int n) {
    for (int i = 0; i < n; i++)
        if (weq(w, list[i])) return i;
    /* three-letter abbreviations of months: "Mar.", "Sept" */
    if (list == months && (w.n == 3 || w.n == 4))
        for (int i = 0; i < n; i++)
            if (!strncasecmp(w.p, list[i], w.n) && i != 4) return i;
    return -1;
}

static int day_number(word w) {
    if (w.n == 0 || w.n > 4) return 0;
    int v = 0;
    size_t i = 0;
    for (; i < w.n && w.p[i] >= '0' && w.p[i] <= '9'; i++) v = v * 10 + (w.p[i] - '0');
    if (i == 0) return 0;
    if (i < w.n && !(weq((word){w.p + i, w.n - i}, "st") || weq((word){w.p + i, w.n - i}, "nd") ||
                     weq((word){w.p + i, w.n - i}, "rd") || weq((word){w.p + i, w.n - i}, "th")))
        return 0;
    return v >= 1 && v <= 31 ? v : 0;
}

static int number_of(word w) {
    static const char *const nums[] = {"one", "two", "three", "four", "five", "six", "seven",
                                       "eight", "nine", "ten", "eleven", "twelve"};
    for (int i = 0; i < 12; i++)
        if (weq(w, nums[i])) return i + 1;
    if (w.n == 1 && w.p[0] == 'a') return 1;
    int v = 0;
    for (size_t i = 0; i < w.n; i++) {
        if (w.p[i] < '0' || w.p[i] > '9' || v > 1000) return 0;
        v = v * 10 + (w.p[i] - '0');
    }
    return v;
}

#define MAXW 160

const char *dyad_event_date(const char *doc_date, const char *s, size_t len, char out[9]) {
    out[0] = 0;
    if (!doc_date || strlen(doc_date) != 8) return "none";
    int y = 0, m = 0, d = 0;
    for (int i = 0; i < 8; i++)
        if (doc_date[i] < '0' || doc_date[i] > '9') return "none";
    sscanf(doc_date, "%4d%2d%2d", &y, &m, &d);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > civil_month_days(y, m)) return "none";
    long today = civil_days(y, m, d);
    memcpy(out, doc_date, 9);

    word w[MAXW];
    int n = 0;
    for (size_t i = 0; i < len && n < MAXW;) {
        while (i < len && !is_alnum(s[i])) i++;
        size_t b = i;
        while (i < len && is_alnum(s[i])) i++;
        if (i > b) w[n++] = (word){s + b, i - b};
    }
    for (int i = 0; i < n; i++) {
        word prev = i > 0 ? w[i - 1] : (word){"", 0};
        if (weq(w[i], "yesterday")) return dated(today - 1, out, "yesterday");
        if (weq(w[i], "today") || weq(w[i], "tonight")) return "today";
        if (weq(w[i], "tomorrow")) return dated(today + 1, out, "tomorrow");
        if (weq(prev, "last") && weq(w[i], "week")) return dated(today - 7, out, "last week");
        if (weq(prev, "last") && weq(w[i], "month")) {
            int pm = m == 1 ? 12 : m - 1, py = m == 1 ? y - 1 : y;
            int pd = d > civil_month_days(py, pm) ? civil_month_days(py, pm) : d;
            return dated(civil_days(py, pm, pd), out, "last month");
        }
        if (weq(prev, "next") && weq(w[i], "week")) return dated(today + 7, out, "next week");
        /* "two days ago", "3 weeks ago" */
        if (i + 2 < n && weq(w[i + 2], "ago")) {
            int k = number_of(w[i]);
            int unit = weq(w[i + 1], "days") || weq(w[i + 1], "day") ? 1
                     : weq(w[i + 1], "weeks") || weq(w[i + 1], "week") ? 7 : 0;
            if (k > 0 && unit) {
                return dated(today - (long)k * unit, out, "ago");
            }
        }
        /* weekdays: "on Friday", "last Friday", "Friday night", and the news
         * style "said Friday" (capitalised, not "Friday prayers");
         * "next Friday" is ahead, the others the latest such day */
        int wd = find_in(w[i], weekdays, 7);
        int next_is = i + 1 < n && (weq(w[i + 1], "morning") || weq(w[i + 1], "night") ||
                                    weq(w[i + 1], "evening") || weq(w[i + 1], "afternoon"));
        int prayers = i + 1 < n && (weq(w[i + 1], "prayers") || weq(w[i + 1], "prayer"));
        if (wd >= 0 && !prayers &&
            (weq(prev, "on") || weq(prev, "last") || weq(prev, "since") || weq(prev, "next") ||
             next_is || (w[i].p[0] >= 'A' && w[i].p[0] <= 'Z'))) {
            long today_wd = ((today % 7) + 7) % 7;
            if (weq(prev, "next")) {
                long ahead = (wd - today_wd + 7) % 7;
                return dated(today + (ahead ? ahead : 7), out, "next weekday");
            }
            long back = (today_wd - wd + 7) % 7;
            if (back == 0 && weq(prev, "last")) back = 7;
            return dated(today - back, out, "weekday");
        }
        /* months are capitalised: "may" is a modal verb, "March" a month */
        int mo = w[i].p[0] >= 'A' && w[i].p[0] <= 'Z' ? find_in(w[i], months, 12) : -1;
        if (mo >= 0) {
            int day = i + 1 < n ? day_number(w[i + 1]) : 0;      /* March 27 */
            if (!day && i > 0) day = day_number(prev);           /* 27 March */
            if (!day) continue;
            int yy = y, digits = 0;
            long v = 0;
            if (i + 2 < n && day_number(w[i + 1])) { /* March 27, 2025 */
                while (digits < (int)w[i + 2].n && w[i + 2].p[digits] >= '0' &&
                       w[i + 2].p[digits] <= '9') {
                    if (v < 100000) v = v * 10 + w[i + 2].p[digits] - '0';
                    digits++;
                }
                if (digits != (int)w[i + 2].n) digits = 0;
            }
            if (digits >= 5) { /* "March 3, 99999": a year dates cannot hold */
                out[0] = 0;
                return "none";
            }
            if (digits == 4 && v > 1900) yy = (int)v;
            else if (civil_days(y, mo + 1, 1) - today > 31) yy = y - 1;
            if (yy < 1) { /* "December 30" on a dateline of 0001-01-05 */
                out[0] = 0;
                return "none";
            }
            if (day > civil_month_days(yy, mo + 1)) continue;
            return dated(civil_days(yy, mo + 1, day), out, "month day");
        }
    }
    return "document";
}
