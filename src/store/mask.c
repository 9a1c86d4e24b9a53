/* mask.c -- passwords out of messages.
 *
 * A PostgreSQL URL can carry a password twice: in its user info
 * (postgresql://user:secret@host/db) and as a parameter (?password=secret,
 * or password=secret in key=value form). Every message that names a store
 * goes through dyad_store_mask: the URL itself, and libpq's own error text,
 * which can echo a malformed URL whole. Each password found in the URL is
 * replaced by *** wherever it occurs in the text, as written and as
 * percent-decoded. */
#include "store/store.h"

#include <string.h>
#include <strings.h>

typedef struct span { const char *p; size_t n; } span;

/* The passwords written in url (at most max). */
static size_t secrets(const char *url, span *out, size_t max) {
    size_t k = 0;
    const char *scheme = strstr(url, "://");
    if (scheme) {
        const char *auth = scheme + 3;
        const char *end = auth + strcspn(auth, "?#");
        const char *at = NULL;
        for (const char *p = auth; p < end; p++) /* the last '@' of the authority */
            if (*p == '@') at = p;
        const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
        if (colon && at > colon + 1 && k < max) out[k++] = (span){colon + 1, (size_t)(at - colon - 1)};
    }
    for (const char *p = url; (p = strcasestr(p, "password")) && k < max; p += 8) {
        const char *v = p + 8;
        while (*v == ' ') v++;
        if (*v != '=') continue;
        v++;
        while (*v == ' ') v++;
        if (*v == '\'') v++;
        size_t n = strcspn(v, "& '");
        if (n) out[k++] = (span){v, n};
    }
    return k;
}

static int hexval(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* %XX decoded; 0 if nothing was decoded (the same text). */
static size_t decode(span s, char *out, size_t cap) {
    size_t n = 0, changed = 0;
    for (size_t i = 0; i < s.n && n + 1 < cap; i++) {
        if (s.p[i] == '%' && i + 2 < s.n + 0 && hexval(s.p[i + 1]) >= 0 && hexval(s.p[i + 2]) >= 0) {
            out[n++] = (char)(hexval(s.p[i + 1]) * 16 + hexval(s.p[i + 2]));
            i += 2;
            changed = 1;
        } else {
            out[n++] = s.p[i];
        }
    }
    out[n] = 0;
    return changed ? n : 0;
}

void dyad_store_mask(const char *text, const char *url, char *out, size_t cap) {
    if (!cap) return;
    span sec[16];
    char dec[8][256];
    size_t ns = url ? secrets(url, sec, 8) : 0, nd = ns;
    for (size_t i = 0; i < ns; i++) {
        size_t n = decode(sec[i], dec[i], sizeof dec[i]);
        if (n) sec[nd++] = (span){dec[i], n};
    }
    size_t o = 0;
    for (const char *p = text ? text : ""; *p && o + 1 < cap;) {
        size_t hit = 0;
        for (size_t i = 0; i < nd && !hit; i++)
            if (sec[i].n && !strncmp(p, sec[i].p, sec[i].n)) hit = sec[i].n;
        if (hit) {
            for (const char *m = "***"; *m && o + 1 < cap; m++) out[o++] = *m;
            p += hit;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = 0;
}
