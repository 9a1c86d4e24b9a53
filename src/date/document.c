/* document.c -- the date of a document whose metadata gives none.
 *
 * A document's own metadata (a JSON "date", a feed item's pubDate, a web
 * page's <meta>/<time>) is read by its reader. When there is none, the
 * document may still say when it was written:
 *   1. in its dateline or first lines: "MOSCOW, March 3, 2024 (Reuters) -",
 *      "Updated: 3 March 2024", "Published 2024-03-03 10:00";
 *   2. in its file name: "2024-03-03-talks.txt", "wire_20240303.txt".
 * Only full dates count (a day, a month and a year): "May 20" alone, with
 * no year, says too little. Month names count only capitalised, so the
 * verb "may" is no month. The first lines are the first DD_LINES lines
 * that hold text, and at most DD_BYTES bytes: a date further down is what
 * the story is about, not when it was written.
 *
 * date_scan_text and date_scan_name are the two readers of dates in a
 * document's words and in a file name. */
#include "date/date.h"
#include "util/bytes8.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define DD_LINES 6
#define DD_BYTES 600

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alnum(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* n digits at s (and no more: the next byte is no digit), as a number; -1 if not. */
static int digits(const char *s, const char *end, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s + i >= end || !is_digit(s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return s + n < end && is_digit(s[n]) ? -1 : v;
}

static int put(int y, int m, int d, char out[9]) {
    if (!date_valid(y, m, d)) return -1;
    snprintf(out, 9, "%04d%02d%02d", y, m, d);
    return 0;
}

/* "YYYY-MM-DD" (or with '/') at s, not inside a longer number. */
static int iso_at(const char *s, const char *end, char out[9]) {
    if (end - s < 10) return -1;
    char sep = s[4];
    if ((sep != '-' && sep != '/') || s[7] != sep) return -1;
    int y = digits(s, s + 4, 4), m = digits(s + 5, s + 7, 2), d = digits(s + 8, end, 2);
    if (y < 0 || m < 0 || d < 0) return -1;
    return put(y, m, d, out);
}

typedef struct dd_word {
    const char *p;
    size_t n;
    int month; /* month_of the word, read once */
} dd_word;

static const char *const dd_months[12] = {"january", "february", "march", "april", "may",
                                          "june", "july", "august", "september", "october",
                                          "november", "december"};

/* 1-12 for a capitalised month name or its abbreviation ("Mar", "Sept"), else 0.
 * Every capitalised word of a story's first lines is asked (twice): a
 * month whose first letter or length differs is passed over unread. */
static int month_of(dd_word w) {
    static const unsigned char lens[12] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};
    if (w.n < 3 || w.p[0] < 'A' || w.p[0] > 'Z') return 0;
    for (int i = 0; i < 12; i++) {
        size_t full = lens[i];
        if ((w.p[0] | 0x20) != dd_months[i][0] || (w.n != full && w.n != 3 && w.n != 4)) continue;
        if (w.n == full && !strncasecmp(w.p, dd_months[i], w.n)) return i + 1;
        if ((w.n == 3 || (w.n == 4 && i == 8)) && !strncasecmp(w.p, dd_months[i], w.n))
            return i + 1;
    }
    return 0;
}

/* A day of the month: "3", "03", "3rd", "21st"; else 0. */
static int day_of(dd_word w) {
    size_t i = 0;
    int v = 0;
    while (i < w.n && i < 2 && is_digit(w.p[i])) v = v * 10 + (w.p[i++] - '0');
    if (i == 0) return 0;
    if (i < w.n) {
        const char *sfx = w.p + i;
        size_t k = w.n - i;
        if (k != 2 || !(!strncasecmp(sfx, "st", 2) || !strncasecmp(sfx, "nd", 2) ||
                        !strncasecmp(sfx, "rd", 2) || !strncasecmp(sfx, "th", 2)))
            return 0;
    }
    return v >= 1 && v <= 31 ? v : 0;
}

static int year_of(dd_word w) {
    if (w.n != 4) return 0;
    int v = 0;
    for (size_t i = 0; i < 4; i++) {
        if (!is_digit(w.p[i])) return 0;
        v = v * 10 + (w.p[i] - '0');
    }
    return v >= 1 ? v : 0;
}

/* "March 3, 2024", "Mar. 3rd 2024", "3 March 2024", "3rd of March, 2024". */
static int words_date(const dd_word *w, int n, int i, char out[9]) {
    int m = w[i].month;
    if (!m) return -1;
    int d, y;
    if (i + 2 < n && (d = day_of(w[i + 1])) && (y = year_of(w[i + 2])))
        return put(y, m, d, out);
    if (i + 1 < n && (y = year_of(w[i + 1]))) {
        if (i >= 1 && (d = day_of(w[i - 1]))) return put(y, m, d, out);
        if (i >= 2 && w[i - 1].n == 2 && !strncasecmp(w[i - 1].p, "of", 2) &&
            (d = day_of(w[i - 2])))
            return put(y, m, d, out);
    }
    return -1;
}

#define DD_MAXW 160

/* The next year to read in [p, end) (s: where the text starts): four
 * digits starting a word. Every date the scan below accepts has one
 * ("2024-03-03", "March 3, 2024"), and most stories' first lines have
 * none: digits are looked for 16 bytes at a time. */
static const char *next_year(const char *s, const char *p, const char *end) {
    while ((p = bytes8_digit(p, end)) < end) {
        const char *q = p;
        while (q < end && is_digit(*q)) q++;
        if (q - p >= 4 && (p == s || !is_alnum(p[-1]))) return p;
        p = q;
    }
    return NULL;
}

/* The word before p (after s), NULL when none; p: a word's start. */
static const char *word_before(const char *s, const char *p, dd_word *w) {
    while (p > s && !is_alnum(p[-1])) p--;
    if (p == s) return NULL;
    const char *e = p;
    while (p > s && is_alnum(p[-1])) p--;
    *w = (dd_word){p, (size_t)(e - p), 0};
    w->month = month_of(*w);
    return p;
}

/* A date whose year is the word at y: "2024-03-03" there, or its last
 * word (words_date: "March 3, 2024", "3 March 2024", "3rd of March,
 * 2024"). The words are those the scan would have read: the year's cut at
 * end, the three before it read back from y. */
static int date_at(const char *s, const char *y, const char *end, char out[9]) {
    if (iso_at(y, end, out) == 0) return 0;
    dd_word w[4];
    int k = 0;
    const char *p = y, *e = y;
    while (e < end && is_alnum(*e)) e++;
    dd_word year = {y, (size_t)(e - y), 0};
    if (!year_of(year)) return -1;
    while (k < 3 && (p = word_before(s, p, &w[2 - k]))) k++;
    w[3] = year;
    const dd_word *v = w + 3 - k; /* v[0..k]: the words, the year last */
    if (k >= 1 && v[k - 1].month && words_date(v, k + 1, k - 1, out) == 0) return 0;
    if (k >= 2 && v[k - 2].month && words_date(v, k + 1, k - 2, out) == 0) return 0;
    return -1;
}

/* Would the scan of the first lines have reached y: fewer than DD_LINES
 * lines with text and DD_MAXW words before it? */
static int in_first_lines(const char *s, const char *y) {
    int words = 0, lines = 0, line_has_text = 0;
    for (const char *p = s; p < y; p++) {
        if (*p == '\n') {
            if (line_has_text && ++lines >= DD_LINES) return 0;
            line_has_text = 0;
        } else if (is_alnum(*p)) {
            line_has_text = 1;
            words += p == s || !is_alnum(p[-1]);
        }
    }
    return words < DD_MAXW;
}

/* The first date of the first lines: read at each year (a date ends with
 * its year or starts with it), the first that makes one if the first
 * lines reach it. */
int date_scan_text(const char *text, size_t len, char out[9]) {
    const char *s = text, *end = text + (len < DD_BYTES ? len : DD_BYTES);
    for (const char *y = s; (y = next_year(s, y, end)); y++) {
        if (date_at(s, y, end, out) == 0) {
            if (in_first_lines(s, y)) return 0;
            break;
        }
    }
    out[0] = 0;
    return -1;
}

int date_scan_name(const char *path, char out[9]) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *end = base + strlen(base);
    for (const char *p = base; p < end; p++) {
        if (!is_digit(*p) || (p > base && is_digit(p[-1]))) continue;
        if (iso_at(p, end, out) == 0 && p[4] == '-') return 0;
        int y = digits(p, end, 4);
        if (y >= 0) continue; /* four digits alone: a year, not a date */
        if (end - p >= 8 && digits(p, end, 8) >= 0) {
            int v = digits(p, end, 8);
            if (put(v / 10000, v / 100 % 100, v % 100, out) == 0) return 0;
        }
    }
    out[0] = 0;
    return -1;
}

dyad_date_from dyad_doc_find_date(dyad_doc *doc, const char *name, dyad_arena *a) {
    if (doc->date && *doc->date) return DYAD_DATE_FROM_META;
    char d[9];
    dyad_date_from from = DYAD_DATE_FROM_NONE;
    if (doc->text && date_scan_text(doc->text, doc->text_len, d) == 0) from = DYAD_DATE_FROM_TEXT;
    else if (name && date_scan_name(name, d) == 0) from = DYAD_DATE_FROM_NAME;
    if (from == DYAD_DATE_FROM_NONE) return from;
    const char *copy = dyad_arena_strdup(a, d);
    if (!copy) return DYAD_DATE_FROM_NONE;
    doc->date = copy;
    return from;
}
