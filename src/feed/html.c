/* html.c -- the article in a web page, with gumbo (a complete HTML5 parser:
 * every byte sequence parses, as browsers do).
 *
 * The body is the largest <article> or, failing that, the element with the
 * most text in its own <p> children. Inside it, navigation, scripts,
 * styles, asides, footers, forms, buttons, figures and anything whose class
 * or id says share/social/related/newsletter/comment/advert is dropped.
 * The headline comes from og:title, <h1> or <title>; the date from
 * article:published_time, a date meta tag, schema.org's datePublished
 * (JSON-LD) or <time datetime>; the link from
 * the canonical link or og:url, and the id is that link (else the path).
 * fd_html_text serves feeds: the text of an HTML fragment with the same
 * rules. Text nested deeper than FD_MAX_NESTING never reaches gumbo
 * (nesting.c): a page so nested is skipped with a warning. */
#include "feed/feed.h"
#include "input/input.h"
#include "util/buf.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Appends text with runs of white space made one space. */
static void sb_text(byte_buf *b, const char *s) {
    for (; *s; s++) {
        int sp = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f';
        if (sp) {
            if (b->len && b->p[b->len - 1] != ' ' && b->p[b->len - 1] != '\n') byte_buf_put(b, " ", 1);
        } else {
            byte_buf_put(b, s, 1);
        }
    }
}

static void sb_break(byte_buf *b) {
    while (b->len && b->p[b->len - 1] == ' ') b->p[--b->len] = 0;
    if (b->len && b->p[b->len - 1] != '\n') byte_buf_put(b, "\n\n", 2);
}

static const char *attr(const GumboNode *n, const char *name) {
    if (n->type != GUMBO_NODE_ELEMENT) return NULL;
    GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

static int is_junk(const GumboNode *n) {
    switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_HEADER: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD:
        return 1;
    default: break;
    }
    static const char *const words[] = {"share", "social", "related", "newsletter", "comment",
                                        "advert", "promo", "subscribe", "cookie", "sidebar",
                                        "breadcrumb", "byline-share", "menu"};
    const char *keys[2] = {attr(n, "class"), attr(n, "id")};
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; keys[k] && i < sizeof words / sizeof *words; i++)
            if (strcasestr(keys[k], words[i])) return 1;
    return 0;
}

static int is_block(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_TR:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_PRE:
        return 1;
    default: return 0;
    }
}

static void text_of(const GumboNode *n, byte_buf *b) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
        sb_text(b, n->v.text.text);
        return;
    }
    if (n->type == GUMBO_NODE_WHITESPACE) {
        sb_text(b, " ");
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT &&
        n->type != GUMBO_NODE_TEMPLATE)
        return;
    const GumboVector *kids = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children
                                                             : &n->v.element.children;
    if (n->type == GUMBO_NODE_ELEMENT) {
        if (is_junk(n)) return;
        if (is_block(n->v.element.tag)) sb_break(b);
    }
    for (unsigned i = 0; i < kids->length; i++) text_of(kids->data[i], b);
    if (n->type == GUMBO_NODE_ELEMENT && is_block(n->v.element.tag)) sb_break(b);
}

/* s (malloc'd, taken) with every byte that is not valid UTF-8 made U+FFFD:
 * gumbo 0.10 wraps numeric references that overflow ("&#3155...546;")
 * into stray bytes, which a PostgreSQL store would refuse. NULL on OOM. */
static char *valid_utf8(char *s) {
    if (!s) return NULL;
    size_t n = strlen(s), i = 0, bad = rd_utf8_check(s, n);
    if (bad == (size_t)-1) return s;
    byte_buf b = {0};
    while (bad != (size_t)-1) {
        byte_buf_put(&b, s + i, bad);
        byte_buf_put(&b, "\xEF\xBF\xBD", 3);
        i += bad + 1;
        bad = rd_utf8_check(s + i, n - i);
    }
    byte_buf_put(&b, s + i, n - i);
    free(s);
    if (b.oom) { free(b.p); return NULL; }
    return b.p;
}

static char *finish(byte_buf *b) {
    if (b->oom) { free(b->p); return NULL; }
    while (b->len && (b->p[b->len - 1] == '\n' || b->p[b->len - 1] == ' ')) b->p[--b->len] = 0;
    size_t i = 0;
    while (i < b->len && (b->p[i] == '\n' || b->p[i] == ' ')) i++;
    if (!b->p) return strdup("");
    memmove(b->p, b->p + i, b->len - i + 1);
    return valid_utf8(b->p);
}

int fd_html_text(const char *html, size_t len, char **out) {
    *out = NULL;
    if (fd_html_too_deep(html, len, NULL)) return 1;
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
    if (!g) return -1;
    byte_buf b = {0};
    text_of(g->root, &b);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    return (*out = finish(&b)) ? 0 : -1;
}

/* ---- the page */

typedef struct page {
    const GumboNode *article, *best_p;
    size_t article_len, best_p_len;
    const char *title, *og_title, *h1_text_node, *date, *url;
    const GumboNode *h1;
    char ld_date[40];
} page;

static size_t text_len(const GumboNode *n) {
    if (n->type == GUMBO_NODE_TEXT) return strlen(n->v.text.text);
    if (n->type != GUMBO_NODE_ELEMENT || is_junk(n)) return 0;
    size_t t = 0;
    for (unsigned i = 0; i < n->v.element.children.length; i++)
        t += text_len(n->v.element.children.data[i]);
    return t;
}

static void survey(const GumboNode *n, page *pg) {
    if (n->type != GUMBO_NODE_ELEMENT) return;
    GumboTag tag = n->v.element.tag;
    const char *prop = attr(n, "property"), *name = attr(n, "name"), *content = attr(n, "content");
    if (tag == GUMBO_TAG_META && content) {
        const char *k = prop ? prop : name ? name : "";
        if (!strcasecmp(k, "og:title")) pg->og_title = content;
        else if (!strcasecmp(k, "og:url") && !pg->url) pg->url = content;
        else if (!strcasecmp(k, "article:published_time") || !strcasecmp(k, "date") ||
                 !strcasecmp(k, "pubdate") || !strcasecmp(k, "dc.date"))
            pg->date = content;
    } else if (tag == GUMBO_TAG_LINK && attr(n, "rel") && !strcasecmp(attr(n, "rel"), "canonical")) {
        pg->url = attr(n, "href");
    } else if (tag == GUMBO_TAG_TIME && attr(n, "datetime") && !pg->date) {
        pg->date = attr(n, "datetime");
    } else if (tag == GUMBO_TAG_TITLE && n->v.element.children.length &&
               ((GumboNode *)n->v.element.children.data[0])->type == GUMBO_NODE_TEXT) {
        pg->title = ((GumboNode *)n->v.element.children.data[0])->v.text.text;
    } else if (tag == GUMBO_TAG_H1 && !pg->h1) {
        pg->h1 = n;
    } else if (tag == GUMBO_TAG_SCRIPT && attr(n, "type") &&
               strstr(attr(n, "type"), "ld+json") && n->v.element.children.length &&
               ((GumboNode *)n->v.element.children.data[0])->type == GUMBO_NODE_TEXT &&
               !pg->date) {
        /* schema.org metadata: "datePublished": "2026-04-02T10:00:00Z" */
        const char *js = ((GumboNode *)n->v.element.children.data[0])->v.text.text;
        const char *k = strstr(js, "\"datePublished\"");
        if (k && (k = strchr(k + 15, '"'))) {
            size_t len = strcspn(k + 1, "\"");
            if (len < sizeof pg->ld_date) {
                memcpy(pg->ld_date, k + 1, len);
                pg->ld_date[len] = 0;
                pg->date = pg->ld_date;
            }
        }
    }
    if (is_junk(n) && tag != GUMBO_TAG_HEAD && tag != GUMBO_TAG_HEADER) return;
    if (tag == GUMBO_TAG_ARTICLE) {
        size_t t = text_len(n);
        if (t > pg->article_len) pg->article = n, pg->article_len = t;
    }
    size_t ptext = 0;
    for (unsigned i = 0; i < n->v.element.children.length; i++) {
        const GumboNode *k = n->v.element.children.data[i];
        if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_P && !is_junk(k))
            ptext += text_len(k);
    }
    if (ptext > pg->best_p_len) pg->best_p = n, pg->best_p_len = ptext;
    for (unsigned i = 0; i < n->v.element.children.length; i++)
        survey(n->v.element.children.data[i], pg);
}

static char *dup_clean(const char *s) {
    byte_buf b = {0};
    sb_text(&b, s ? s : "");
    return finish(&b);
}

int fd_parse_html(const char *name, const char *buf, size_t len, fd_items *out, dyad_error *err) {
    uint64_t deep;
    if (fd_html_too_deep(buf, len, &deep)) {
        fd_warn(out, "%s:%llu: page nested deeper than %d elements skipped", name,
                (unsigned long long)deep, FD_MAX_NESTING);
        out->skipped++;
        return 0;
    }
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, buf, len);
    if (!g) return dyad_error_set(err, "%s: out of memory parsing HTML", name);
    page pg = {0};
    survey(g->root, &pg);
    byte_buf body = {0};
    const GumboNode *from = pg.article ? pg.article : pg.best_p;
    if (from == pg.best_p && from) { /* only the <p> children of the best block */
        for (unsigned i = 0; i < from->v.element.children.length; i++) {
            const GumboNode *k = from->v.element.children.data[i];
            if (k->type == GUMBO_NODE_ELEMENT && k->v.element.tag == GUMBO_TAG_P) text_of(k, &body);
        }
    } else if (from) {
        text_of(from, &body);
    }
    char *text = finish(&body);
    byte_buf h = {0};
    if (!pg.og_title && pg.h1) text_of(pg.h1, &h);
    char *title = pg.og_title ? dup_clean(pg.og_title) : pg.h1 ? finish(&h) : dup_clean(pg.title);
    if (pg.og_title || !pg.h1) free(h.p);
    char date[9] = "";
    if (pg.date && date_text(date_parse_written(pg.date), date) < 0)
        fd_warn(out, "%s: unreadable page date \"%.60s\" (the default is used)", name, pg.date);
    char *url = pg.url ? valid_utf8(strdup(pg.url)) : NULL;
    uint64_t line = from ? from->v.element.start_pos.line : 1;
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    if (!text || !title) {
        free(text), free(title), free(url);
        return dyad_error_set(err, "%s: out of memory", name);
    }
    if (!*text) {
        free(text), free(title), free(url);
        return dyad_error_set(err, "%s:1: no article text found in the page", name);
    }
    /* the id: the canonical link, else the path (pages are often all index.html) */
    if (fd_items_add(out, strdup(url ? url : name), strdup(date), title, text, url, NULL, line) < 0)
        return dyad_error_set(err, "%s: out of memory", name);
    return 0;
}
