/* boilerplate.c -- what syndication adds to a story, removed before coding
 * so the headline is not coded twice and "Read more" is not a sentence:
 * WordPress's "The post TITLE appeared first on SITE." (its own line or the
 * end of the last paragraph), lines that are only "Read more" or
 * "Continue reading ..." (short lines starting so), and a trailing "[...]".
 * Most texts have none of it, which one read line by line tells. */
#include "feed/feed.h"

#include <string.h>
#include <strings.h>

static int starts_ci(const char *p, const char *e, const char *w) {
    size_t n = strlen(w);
    return (size_t)(e - p) >= n && !strncasecmp(p, w, n);
}

/* Does the line [p, e) end in "[...]" or "[…]"? */
static int bracketed_end(const char *p, const char *e) {
    return e - p >= 5 && (!strncmp(e - 5, "[...]", 5) || !strncmp(e - 5, "[\xe2\x80\xa6]", 5));
}

/* Is the line [s, e) (its leading blanks skipped) a "Read more" line? */
static int read_more_line(const char *s, const char *e) {
    return e - s < 120 && (starts_ci(s, e, "read more") || starts_ci(s, e, "continue reading") ||
                           starts_ci(s, e, "[read more"));
}

/* The line [p, e) without "The post ... appeared first on ..." and a
 * trailing "[...]"; returns the new end (NULL: drop the line). */
static const char *clean_line(const char *p, const char *e) {
    const char *s = p;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\r')) s++;
    size_t n = (size_t)(e - s);
    if (read_more_line(s, e)) return NULL;
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
    if (bracketed_end(p, e)) e -= 5;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t')) e--;
    return e == p && n ? NULL : e;
}

/* Would clean_line change the line [p, e)? Without "appeared first on" in
 * the text, only a "Read more" line, or one that ends in a blank or a
 * bracketed ending. */
static int line_changes(const char *p, const char *e) {
    if (e == p) return 0;
    if (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r') return 1;
    if (e[-1] == ']' && bracketed_end(p, e)) return 1;
    const char *s = p;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\r')) s++;
    /* (the first byte first: most lines open otherwise) */
    unsigned char c = s < e ? (unsigned char)(*s | 0x20) : 0;
    return (c == 'r' || c == 'c' || *s == '[') && read_more_line(s, e);
}

/* Would stripping leave the text as it is? So it is when no line changes,
 * the text does not end in a line break or a blank, and "The post ...
 * appeared first on" is not there: one read of the text, line by line,
 * and one substring scan, where the gate below makes five or more. */
static int nothing_to_strip(const char *text, size_t len) {
    if (len && (text[len - 1] == '\n' || text[len - 1] == ' ')) return 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if (line_changes(p, le)) return 0;
        p = nl ? nl + 1 : end;
    }
    /* (strstr reads fast, but only up to a NUL: with one inside, ask the gate) */
    return strlen(text) == len && !strstr(text, "appeared first on");
}

char *dyad_strip_boilerplate(dyad_arena *a, const char *text, size_t len, size_t *out_len) {
    if (nothing_to_strip(text, len)) {
        *out_len = len;
        return (char *)text;
    }
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
