/* boilerplate.c -- what syndication adds to a story, removed before coding
 * so the headline is not coded twice and "Read more" is not a sentence:
 * WordPress's "The post TITLE appeared first on SITE." (its own line or the
 * end of the last paragraph), lines that are only "Read more" or
 * "Continue reading ..." (short lines starting so), and a trailing "[...]". */
#include "feed/feed.h"

#include <string.h>
#include <strings.h>

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
    /* fast path (strstr is much faster than strcasestr): Read/read/READ;
     * the bracketed endings are looked for only in a text with a '['
     * (memchr reads a text several times faster than strstr) */
    int bracket = memchr(text, '[', len) != NULL;
    if (!strstr(text, "ead more") && !strstr(text, "EAD MORE") &&
        !strstr(text, "ontinue reading") && !strstr(text, "ONTINUE READING") &&
        !strstr(text, "appeared first on") &&
        !(bracket && (strstr(text, "[...]") || strstr(text, "[\xe2\x80\xa6]")))) {
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
