/* boilerplate.c -- what syndication adds to a story, removed before coding
 * so the headline is not coded twice and "Read more" is not a sentence:
 * WordPress's "The post TITLE appeared first on SITE." (its own line or the
 * end of the last paragraph), lines that are only "Read more" or
 * "Continue reading ..." (short lines starting so), and a trailing "[...]".
 * Also the date formats feeds use (RFC 822 and ISO 8601). */
#include "feed/feed.h"

#include <string.h>
#include <strings.h>
#include "util/civil.h"

static int starts_ci(const char *p, const char *e, const char *w) {
    size_t n = strlen(w);
    return (size_t)(e - p) >= n && !strncasecmp(p, w, n);
}

/* The line [p, e) without "The post ... appeared first on ..." and a
 * trailing "[...]"; returns the new end (NULL: drop the line). */
static const char *clean_line(const char *p, const char *e) {
    const char *s = p;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\r')) s++;
    size_t n = (size_t)(e - s);
    if (n < 120 && (starts_ci(s, e, "read more") || starts_ci(s, e, "continue reading") ||
                    starts_ci(s, e, "[read more")))
        return NULL;
    for (const char *q = p; q + 9 < e; q++) {
        if (*q != 'T' || strncmp(q, "The post ", 9)) continue;
        for (const char *r = q + 9; r + 19 <= e; r++)
            if (!strncmp(r, " appeared first on ", 19)) {
                e = q;
                goto trimmed;
            }
    }
trimmed:
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    if (e - p >= 5 && (!strncmp(e - 5, "[...]", 5))) e -= 5;
    else if (e - p >= 5 && !strncmp(e - 5, "[\xe2\x80\xa6]", 5)) e -= 5;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t')) e--;
    return e == p && n ? NULL : e;
}

char *dyad_strip_boilerplate(dyad_arena *a, const char *text, size_t len, size_t *out_len) {
    /* fast path (strstr is much faster than strcasestr): Read/read/READ */
    if (!strstr(text, "ead more") && !strstr(text, "EAD MORE") &&
        !strstr(text, "ontinue reading") && !strstr(text, "ONTINUE READING") &&
        !strstr(text, "appeared first on") && !strstr(text, "[...]") &&
        !strstr(text, "[\xe2\x80\xa6]")) {
        *out_len = len;
        return (char *)text;
    }
    char *out = dyad_arena_alloc_uninit(a, len + 1);
    if (!out) return NULL;
    size_t n = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *ce = clean_line(p, le);
        if (ce) {
            memcpy(out + n, p, (size_t)(ce - p));
            n += (size_t)(ce - p);
            if (nl) out[n++] = '\n';
        }
        p = nl ? nl + 1 : end;
    }
    while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == ' ')) n--;
    out[n] = 0;
    *out_len = n;
    return out;
}

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

static int valid(int y, int m, int d) {
    return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= civil_month_days(y, m);
}

int dyad_feed_date(const char *s, char out[9]) {
    int y, m, d, k;
    char mon[16];
    while (*s == ' ' || *s == '\t' || *s == '\n') s++;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &k) == 3 && k == 10) { /* ISO 8601 */
        if (!valid(y, m, d)) return -1;
        snprintf(out, 9, "%04d%02d%02d", y, m, d);
        return 0;
    }
    /* "March 14, 2026" (pages write dates so) */
    if (sscanf(s, "%15[A-Za-z] %2d, %4d%n", mon, &d, &y, &k) == 3 && (m = month_of(mon)) &&
        strlen(mon) >= 3) {
        if (!valid(y, m, d)) return -1;
        snprintf(out, 9, "%04d%02d%02d", y, m, d);
        return 0;
    }
    const char *comma = strchr(s, ',');
    if (comma && comma - s <= 10) s = comma + 1; /* "Sat," */
    if (sscanf(s, " %2d %15[A-Za-z] %4d%n", &d, mon, &y, &k) == 3 && strlen(mon) >= 3) {
        int digits = 0;
        for (const char *q = s + k - 1; q >= s && *q >= '0' && *q <= '9'; q--) digits++;
        if (digits == 2) y += y < 70 ? 2000 : 1900; /* RFC 822's two-digit years */
        m = month_of(mon);
        if (!valid(y, m, d)) return -1;
        snprintf(out, 9, "%04d%02d%02d", y, m, d);
        return 0;
    }
    return -1;
}
