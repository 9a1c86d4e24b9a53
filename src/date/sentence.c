/* sentence.c -- when an event happened, from the words of its sentence.
 *
 * News is written relative to its dateline: "yesterday", "on Saturday",
 * "said Friday", "last week", "two days ago", "on March 27-28". The first
 * such phrase in the sentence is resolved against the document date:
 * weekdays to the most recent such day on or before it ("last Monday":
 * strictly before; "next Monday": the next one after), "last week" to seven
 * days before ("next week" after), "N days/weeks ago" back N days/weeks, a month and day to that day in the document's year (the year
 * before when that would be more than a month after the dateline; a range
 * "27-28" takes its first day; month names count only capitalised, so the
 * verb "may" is not May). No phrase: the document date (DYAD_DATE_DOCUMENT);
 * no document date: no date (DYAD_DATE_NONE).
 *
 * Dates are years 1 to 9999 (YYYYMMDD, proleptic Gregorian): a phrase
 * whose arithmetic leaves that range ("tomorrow" on 9999-12-31, "last
 * week" in 0001-01-03) or that names a year of five digits or more
 * ("March 3, 99999") gives no date (DYAD_DATE_NONE), as does a document
 * date outside it. */
#include "date/date.h"

#include <string.h>
#include <strings.h>

/* The kind of a date that was resolved, or none when the arithmetic left
 * years 1-9999 ("tomorrow" on 9999-12-31). */
static dyad_date_kind dated(long z, int32_t *out, dyad_date_kind kind) {
    *out = date_of_day(z);
    return *out ? kind : DYAD_DATE_NONE;
}

static const char *const weekdays[7] = {"thursday", "friday", "saturday", "sunday",
                                        "monday", "tuesday", "wednesday"}; /* 1970-01-01 was a Thursday */
static const char *const months[12] = {"january", "february", "march", "april", "may", "june",
                                       "july", "august", "september", "october", "november",
                                       "december"};

typedef struct word { const char *p; size_t n; } word;

/* ASCII letters and digits: one load a byte (every byte of a dated
 * sentence is asked). */
#define DIGITS_AND_LETTERS(x)                                                                     \
    x('0') x('1') x('2') x('3') x('4') x('5') x('6') x('7') x('8') x('9') x('a') x('b') x('c')    \
    x('d') x('e') x('f') x('g') x('h') x('i') x('j') x('k') x('l') x('m') x('n') x('o') x('p')    \
    x('q') x('r') x('s') x('t') x('u') x('v') x('w') x('x') x('y') x('z') x('A') x('B') x('C')    \
    x('D') x('E') x('F') x('G') x('H') x('I') x('J') x('K') x('L') x('M') x('N') x('O') x('P')    \
    x('Q') x('R') x('S') x('T') x('U') x('V') x('W') x('X') x('Y') x('Z')
#define ALNUM_ENTRY(c) [c] = 1,
static const unsigned char alnum_byte[256] = {DIGITS_AND_LETTERS(ALNUM_ENTRY)};

static int is_alnum(char c) { return alnum_byte[(unsigned char)c]; }

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

/* Words that can make a date phrase: every phrase above holds one
 * ("yesterday", "week" of "last week", "ago", a weekday, a month or its
 * first three or four letters), so a sentence without one is dated by its
 * document. By first letter (lower case), each list ends with NULL. */
static const char *const trigger_a[] = {"ago", "april", "apr", "apri", "august", "aug", "augu", NULL};
static const char *const trigger_d[] = {"december", "dec", "dece", NULL};
static const char *const trigger_f[] = {"friday", "february", "feb", "febr", NULL};
static const char *const trigger_j[] = {"january", "jan", "janu", "june", "jun", "july", "jul", NULL};
static const char *const trigger_m[] = {"month", "monday", "march", "mar", "marc", "may", NULL};
static const char *const trigger_n[] = {"november", "nov", "nove", NULL};
static const char *const trigger_o[] = {"october", "oct", "octo", NULL};
static const char *const trigger_s[] = {"saturday", "sunday", "september", "sep", "sept", NULL};
static const char *const trigger_t[] = {"today", "tonight", "tomorrow", "tuesday", "thursday", NULL};
static const char *const trigger_w[] = {"week", "wednesday", NULL};
static const char *const trigger_y[] = {"yesterday", NULL};

int date_word(const char *s, size_t n) {
    static const char *const *const by_letter[26] = {
        ['a' - 'a'] = trigger_a, ['d' - 'a'] = trigger_d, ['f' - 'a'] = trigger_f,
        ['j' - 'a'] = trigger_j, ['m' - 'a'] = trigger_m, ['n' - 'a'] = trigger_n,
        ['o' - 'a'] = trigger_o, ['s' - 'a'] = trigger_s, ['t' - 'a'] = trigger_t,
        ['w' - 'a'] = trigger_w, ['y' - 'a'] = trigger_y};
    /* bit n: some word of that list has n letters (a: ago, apri, april, august) */
    static const uint16_t lengths[26] = {
        ['a' - 'a'] = 1 << 3 | 1 << 4 | 1 << 5 | 1 << 6, ['d' - 'a'] = 1 << 3 | 1 << 4 | 1 << 8,
        ['f' - 'a'] = 1 << 3 | 1 << 4 | 1 << 6 | 1 << 8, ['j' - 'a'] = 1 << 3 | 1 << 4 | 1 << 7,
        ['m' - 'a'] = 1 << 3 | 1 << 4 | 1 << 5 | 1 << 6, ['n' - 'a'] = 1 << 3 | 1 << 4 | 1 << 8,
        ['o' - 'a'] = 1 << 3 | 1 << 4 | 1 << 7,
        ['s' - 'a'] = 1 << 3 | 1 << 4 | 1 << 6 | 1 << 8 | 1 << 9,
        ['t' - 'a'] = 1 << 5 | 1 << 7 | 1 << 8, ['w' - 'a'] = 1 << 4 | 1 << 9,
        ['y' - 'a'] = 1 << 9};
    if (n < 3 || n > 9) return 0;
    unsigned first = ((unsigned char)s[0] | 0x20) - 'a';
    if (first >= 26 || !(lengths[first] >> n & 1)) return 0;
    for (const char *const *w = by_letter[first]; *w; w++) {
        size_t k = 1; /* (c | 0x20) lower-cases a letter and makes no letter of anything else */
        while (k < n && ((unsigned char)s[k] | 0x20) == (unsigned char)(*w)[k]) k++;
        if (k == n && !(*w)[n]) return 1;
    }
    return 0;
}

int date_words_in(const char *lo, const char *p, const char *end) {
    if (p < end && is_alnum(*p))
        while (p > lo && is_alnum(p[-1])) p--; /* the word p is inside of ("Jan" of Ja|n't) */
    while (p < end) {
        while (p < end && !is_alnum(*p)) p++;
        const char *b = p;
        while (p < end && is_alnum(*p)) p++;
        if (p > b && date_word(b, (size_t)(p - b))) return 1;
    }
    return 0;
}

#define MAXW 160

/* A sentence's words, split as far as they are asked for: most dated
 * sentences are settled by a word near their start. */
typedef struct words {
    const char *s;
    size_t len, at; /* the text, and how far it is split */
    word *w;
    int n;
} words;

/* Splits words up to word k (0-based; at most MAXW in all); returns how
 * many there are. */
static int words_to(words *ws, int k) {
    while (ws->n <= k && ws->n < MAXW && ws->at < ws->len) {
        size_t i = ws->at;
        while (i < ws->len && !is_alnum(ws->s[i])) i++;
        size_t b = i;
        while (i < ws->len && is_alnum(ws->s[i])) i++;
        if (i > b) ws->w[ws->n++] = (word){ws->s + b, i - b};
        ws->at = i;
    }
    return ws->n;
}

dyad_date_kind date_in_sentence(int32_t doc, const char *s, size_t len, int32_t *out) {
    *out = 0;
    int y = doc / 10000, m = doc / 100 % 100, d = doc % 100;
    if (doc <= 0 || !date_valid(y, m, d)) return DYAD_DATE_NONE;
    *out = doc;
    if (!len) return DYAD_DATE_DOCUMENT; /* no words (most sentences: no date word) */
    long today = date_days(y, m, d);

    word w[MAXW];
    words ws = {s, len, 0, w, 0};
    for (int i = 0; words_to(&ws, i + 2) > i; i++) {
        int n = ws.n;
        /* every phrase below needs a date word here, or "ago" two words on */
        if (!date_word(w[i].p, w[i].n) && !(i + 2 < n && weq(w[i + 2], "ago"))) continue;
        word prev = i > 0 ? w[i - 1] : (word){"", 0};
        if (weq(w[i], "yesterday")) return dated(today - 1, out, DYAD_DATE_YESTERDAY);
        if (weq(w[i], "today") || weq(w[i], "tonight")) return DYAD_DATE_TODAY;
        if (weq(w[i], "tomorrow")) return dated(today + 1, out, DYAD_DATE_TOMORROW);
        if (weq(prev, "last") && weq(w[i], "week")) return dated(today - 7, out, DYAD_DATE_LAST_WEEK);
        if (weq(prev, "last") && weq(w[i], "month")) {
            int pm = m == 1 ? 12 : m - 1, py = m == 1 ? y - 1 : y;
            int pd = d > date_month_days(py, pm) ? date_month_days(py, pm) : d;
            return dated(date_days(py, pm, pd), out, DYAD_DATE_LAST_MONTH);
        }
        if (weq(prev, "next") && weq(w[i], "week")) return dated(today + 7, out, DYAD_DATE_NEXT_WEEK);
        /* "two days ago", "3 weeks ago" */
        if (i + 2 < n && weq(w[i + 2], "ago")) {
            int k = number_of(w[i]);
            int unit = weq(w[i + 1], "days") || weq(w[i + 1], "day") ? 1
                     : weq(w[i + 1], "weeks") || weq(w[i + 1], "week") ? 7 : 0;
            if (k > 0 && unit) {
                return dated(today - (long)k * unit, out, DYAD_DATE_AGO);
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
                return dated(today + (ahead ? ahead : 7), out, DYAD_DATE_NEXT_WEEKDAY);
            }
            long back = (today_wd - wd + 7) % 7;
            if (back == 0 && weq(prev, "last")) back = 7;
            return dated(today - back, out, DYAD_DATE_WEEKDAY);
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
                *out = 0;
                return DYAD_DATE_NONE;
            }
            if (digits == 4 && v > 1900) yy = (int)v;
            else if (date_days(y, mo + 1, 1) - today > 31) yy = y - 1;
            if (yy < 1) { /* "December 30" on a dateline of 0001-01-05 */
                *out = 0;
                return DYAD_DATE_NONE;
            }
            if (day > date_month_days(yy, mo + 1)) continue;
            return dated(date_days(yy, mo + 1, day), out, DYAD_DATE_MONTH_DAY);
        }
    }
    return DYAD_DATE_DOCUMENT;
}

const char *dyad_date_kind_name(dyad_date_kind k) {
    static const char *const names[] = {
        [DYAD_DATE_NONE] = "none",         [DYAD_DATE_DOCUMENT] = "document",
        [DYAD_DATE_TODAY] = "today",       [DYAD_DATE_YESTERDAY] = "yesterday",
        [DYAD_DATE_TOMORROW] = "tomorrow", [DYAD_DATE_LAST_WEEK] = "last week",
        [DYAD_DATE_NEXT_WEEK] = "next week", [DYAD_DATE_LAST_MONTH] = "last month",
        [DYAD_DATE_AGO] = "ago",           [DYAD_DATE_WEEKDAY] = "weekday",
        [DYAD_DATE_NEXT_WEEKDAY] = "next weekday", [DYAD_DATE_MONTH_DAY] = "month day"};
    return (unsigned)k < sizeof names / sizeof *names ? names[k] : "none";
}
