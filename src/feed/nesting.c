/* nesting.c -- how deep the elements of an HTML text nest, found by a
 * cheap scan before gumbo sees the text.
 *
 * Why: gumbo's tree builder looks through the stack of open elements for
 * most tags, so a page of 100,000 nested <div>s takes it half a minute and
 * a million takes hours; our own walks of its tree recurse as deep. Pages
 * nested deeper than FD_MAX_NESTING are refused (as browsers do: Blink
 * flattens its tree at 512).
 *
 * The scan mirrors what the HTML5 tree builder keeps open: void elements
 * (<br>, <img>, ...) and elements whose next sibling closes them (<p>,
 * <li>, <td>, <a>, ...) do not nest; the content of <script>, <style>,
 * <textarea> and the like is not markup; "/>" closes an element only
 * inside <svg> or <math> (gumbo ignores it on HTML elements, as the
 * standard says); an end tag closes the innermost open element of its name
 * and all inside it, and one with no open element of its name is ignored.
 * Names are kept as small hashes with a count per hash, so each tag costs
 * O(1) amortized whatever the depth. */
#include "feed/feed.h"
#include "util/hash.h"

#include <string.h>
#include <strings.h>

#define NBUCKET 256

typedef struct scan {
    unsigned char stack[FD_MAX_NESTING + 1];
    size_t depth, count[NBUCKET];
} scan;

static int is_name(unsigned char c) {
    return (c | 32) >= 'a' && (c | 32) <= 'z' ? 1 : (c >= '0' && c <= '9') || c == '-' || c == ':';
}

static int name_in(const char *name, size_t n, const char *const *list) {
    for (; *list; list++)
        if (strlen(*list) == n && !strncasecmp(*list, name, n)) return 1;
    return 0;
}

/* Elements that never stay open around what follows them. */
static int does_not_nest(const char *name, size_t n) {
    static const char *const flat[] = {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image", "p", "li",
        "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
        "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body", "a", "nobr",
        "form", "button", NULL};
    return name_in(name, n, flat);
}

/* Elements whose content is text up to their end tag. */
static int is_raw(const char *name, size_t n) {
    static const char *const raw[] = {"script", "style", "textarea", "title", "xmp", "iframe",
                                      "noembed", "noframes", "noscript", "plaintext", NULL};
    return name_in(name, n, raw);
}

static unsigned bucket(const char *name, size_t n) {
    uint32_t h = HASH_FNV32_SEED;
    for (size_t i = 0; i < n; i++) h = hash_fnv32_step(h, (unsigned char)(name[i] | 32));
    return h % NBUCKET;
}

static void pop_to(scan *sc, unsigned b) {
    if (!sc->count[b]) return;
    for (;;) {
        unsigned top = sc->stack[--sc->depth];
        sc->count[top]--;
        if (top == b) return;
    }
}

/* p points after "<"; returns the offset after the tag's ">" (or e). */
static const char *tag_end(const char *p, const char *e) {
    char q = 0;
    for (; p < e; p++) {
        if (q) {
            if (*p == q) q = 0;
        } else if (*p == '"' || *p == '\'') {
            q = *p;
        } else if (*p == '>') {
            return p + 1;
        }
    }
    return e;
}

/* After a raw-text element's start tag: the offset of its end tag. */
static const char *raw_end(const char *p, const char *e, const char *name, size_t n) {
    for (; p + 2 + n <= e; p++)
        if (p[0] == '<' && p[1] == '/' && !strncasecmp(p + 2, name, n)) return p;
    return e;
}

static uint64_t lines_in(const char *p, const char *e) {
    uint64_t k = 0;
    while ((p = memchr(p, '\n', (size_t)(e - p)))) k++, p++;
    return k;
}

int fd_html_too_deep(const char *html, size_t len, uint64_t *line) {
    scan sc;
    memset(sc.count, 0, sizeof sc.count);
    sc.depth = 0;
    unsigned svg = bucket("svg", 3), math = bucket("math", 4);
    const char *p = html, *e = html + len;
    while ((p = memchr(p, '<', (size_t)(e - p)))) {
        const char *t = p + 1;
        if (t < e && *t == '!' && e - t >= 3 && t[1] == '-' && t[2] == '-') {
            const char *c = memmem(t + 3, (size_t)(e - t - 3), "-->", 3);
            p = c ? c + 3 : e;
            continue;
        }
        int end = t < e && *t == '/';
        if (end) t++;
        const char *name = t;
        while (t < e && is_name((unsigned char)*t)) t++;
        size_t n = (size_t)(t - name);
        if (!n || !((*name | 32) >= 'a' && (*name | 32) <= 'z')) { /* <!x>, <?x>, "a < b" */
            p = end || (t < e && (*t == '!' || *t == '?')) ? tag_end(t, e) : p + 1;
            continue;
        }
        const char *after = tag_end(t, e);
        int self_closed = after - t >= 2 && after[-1] == '>' && after[-2] == '/';
        p = after;
        if (end) {
            pop_to(&sc, bucket(name, n));
            continue;
        }
        if (is_raw(name, n)) {
            p = raw_end(p, e, name, n);
            continue;
        }
        if (does_not_nest(name, n) || (self_closed && (sc.count[svg] || sc.count[math])))
            continue;
        unsigned b = bucket(name, n);
        sc.stack[sc.depth++] = (unsigned char)b;
        sc.count[b]++;
        if (sc.depth > FD_MAX_NESTING) {
            if (line) *line = 1 + lines_in(html, name);
            return 1;
        }
    }
    return 0;
}
