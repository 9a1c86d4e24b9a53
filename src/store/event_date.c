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
 * document date ("document"), or nothing ("none"). */
#include "dyad.h"

#include <string.h>
#include <strings.h>
#include "util/civil.h"

static void put_date(long z, char out[9]) {
    int y, m, d;
    civil_date(z, &y, &m, &d);
    snprintf(out, 9, "%04d%02d%02d", y % 10000, m, d);
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
    if (m < 1 || m > 12 || d < 1 || d > civil_month_days(y, m)) return "none";
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
        if (weq(w[i], "yesterday")) { put_date(today - 1, out); return "yesterday"; }
        if (weq(w[i], "today") || weq(w[i], "tonight")) return "today";
        if (weq(w[i], "tomorrow")) { put_date(today + 1, out); return "tomorrow"; }
        if (weq(prev, "last") && weq(w[i], "week")) { put_date(today - 7, out); return "last week"; }
        if (weq(prev, "last") && weq(w[i], "month")) {
            int pm = m == 1 ? 12 : m - 1, py = m == 1 ? y - 1 : y;
            int pd = d > civil_month_days(py, pm) ? civil_month_days(py, pm) : d;
            put_date(civil_days(py, pm, pd), out);
            return "last month";
        }
        if (weq(prev, "next") && weq(w[i], "week")) { put_date(today + 7, out); return "next week"; }
        /* "two days ago", "3 weeks ago" */
        if (i + 2 < n && weq(w[i + 2], "ago")) {
            int k = number_of(w[i]);
            int unit = weq(w[i + 1], "days") || weq(w[i + 1], "day") ? 1
                     : weq(w[i + 1], "weeks") || weq(w[i + 1], "week") ? 7 : 0;
            if (k > 0 && unit) {
                put_date(today - (long)k * unit, out);
                return "ago";
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
                put_date(today + (ahead ? ahead : 7), out);
                return "next weekday";
            }
            long back = (today_wd - wd + 7) % 7;
            if (back == 0 && weq(prev, "last")) back = 7;
            put_date(today - back, out);
            return "weekday";
        }
        /* months are capitalised: "may" is a modal verb, "March" a month */
        int mo = w[i].p[0] >= 'A' && w[i].p[0] <= 'Z' ? find_in(w[i], months, 12) : -1;
        if (mo >= 0) {
            int day = i + 1 < n ? day_number(w[i + 1]) : 0;      /* March 27 */
            if (!day && i > 0) day = day_number(prev);           /* 27 March */
            if (!day) continue;
            int yy = y;
            if (i + 2 < n && w[i + 2].n == 4 && day_number(w[i + 1])) { /* March 27, 2025 */
                int v = 0, ok = 1;
                for (int k = 0; k < 4; k++) {
                    if (w[i + 2].p[k] < '0' || w[i + 2].p[k] > '9') ok = 0;
                    else v = v * 10 + w[i + 2].p[k] - '0';
                }
                if (ok && v > 1900) yy = v;
                else if (civil_days(y, mo + 1, 1) - today > 31) yy = y - 1;
            } else if (civil_days(y, mo + 1, 1) - today > 31) {
                yy = y - 1;
            }
            if (day > civil_month_days(yy, mo + 1)) continue;
            put_date(civil_days(yy, mo + 1, day), out);
            return "month day";
        }
    }
    return "document";
}
