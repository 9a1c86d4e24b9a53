/* rss.c -- RSS 2.0 (and RSS 1.0) and Atom feeds, with libxml2.
 *
 * One item per <item> or <entry>: the id is its guid/id (else its link,
 * else "FILE#N"), the date its pubDate/dc:date/published/updated (RFC 822
 * or ISO 8601), the text its content:encoded/content (else its
 * description/summary) with the HTML taken out. An item without text is
 * skipped with a warning naming file and line. A feed that is not
 * well-formed XML is an error naming the line libxml2 stopped at. The
 * parser never touches the network (XML_PARSE_NONET) and expands no
 * external entities. A feed whose DOCTYPE declares entities of its own is
 * refused, an error naming the line of the first <!ENTITY>: a few such
 * declarations can make a 60 KB feed hundreds of megabytes of text
 * ("billion laughs"), and real feeds never declare any (the five XML
 * entities and character references need no declaration). An item whose
 * text or title nests HTML deeper than FD_MAX_NESTING is skipped with a
 * warning. Lines are counted past 65535 (XML_PARSE_BIG_LINES). */
#include "feed/feed.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static int is(const xmlNode *n, const char *name) {
    return n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, (const xmlChar *)name);
}

static char *content_of(const xmlNode *n) {
    xmlChar *c = xmlNodeGetContent(n);
    if (!c) return NULL;
    char *s = strdup((const char *)c);
    xmlFree(c);
    return s;
}

static const xmlNode *child(const xmlNode *n, const char *name) {
    for (const xmlNode *k = n->children; k; k = k->next)
        if (is(k, name)) return k;
    return NULL;
}

/* Atom's <link rel="alternate" href=...> (or a link without rel). */
static char *atom_link(const xmlNode *e) {
    for (const xmlNode *k = e->children; k; k = k->next) {
        if (!is(k, "link")) continue;
        xmlChar *rel = xmlGetProp(k, (const xmlChar *)"rel");
        int ok = !rel || !xmlStrcmp(rel, (const xmlChar *)"alternate");
        xmlFree(rel);
        if (!ok) continue;
        xmlChar *href = xmlGetProp(k, (const xmlChar *)"href");
        if (!href) continue;
        char *s = strdup((const char *)href);
        xmlFree(href);
        return s;
    }
    return NULL;
}

/* The text of n's HTML: 0 (*out NULL when n is), 1 too deeply nested, -1 OOM. */
static int html_text_of(const xmlNode *n, char **out) {
    *out = NULL;
    if (!n) return 0;
    char *raw = content_of(n);
    if (!raw) return -1;
    int rc = fd_html_text(raw, strlen(raw), out);
    free(raw);
    return rc;
}

static int add_item(const char *name, const xmlNode *it, int atom, const char *source, size_t k,
                    fd_items *out) {
    const xmlNode *body = atom ? child(it, "content") : child(it, "encoded");
    const xmlNode *summary = atom ? child(it, "summary") : child(it, "description");
    char *text, *title;
    int rc = html_text_of(body, &text);
    if (!rc && (!text || !*text)) {
        free(text);
        rc = html_text_of(summary, &text);
    }
    if (!rc) rc = html_text_of(child(it, "title"), &title);
    else title = NULL;
    long line = xmlGetLineNo(it);
    if (rc < 0) {
        free(text);
        return -1;
    }
    if (rc > 0 || !text || !*text) {
        free(text), free(title);
        char msg[100];
        if (rc > 0)
            snprintf(msg, sizeof msg, "%s nested deeper than %d elements skipped",
                     atom ? "entry" : "item", FD_MAX_NESTING);
        else
            snprintf(msg, sizeof msg, "%s without text skipped", atom ? "entry" : "item");
        fd_warn(out, "%s:%ld: %s", name, line, msg);
        out->skipped++;
        return 0;
    }
    char *link = atom ? atom_link(it) : (child(it, "link") ? content_of(child(it, "link")) : NULL);
    const xmlNode *idn = atom ? child(it, "id") : child(it, "guid");
    char *id = idn ? content_of(idn) : NULL;
    if (!id || !*id) {
        free(id);
        if (link && *link) id = strdup(link);
        else {
            char buf[600];
            snprintf(buf, sizeof buf, "%s#%zu", name, k);
            id = strdup(buf);
        }
    }
    const char *const date_tags[] = {"pubDate", "date", "published", "updated", "issued"};
    char date[9] = "";
    for (int i = 0; i < 5 && !*date; i++) {
        const xmlNode *d = child(it, date_tags[i]);
        char *s = d ? content_of(d) : NULL;
        if (s && date_text(date_parse_written(s), date) < 0) {
            char msg[200];
            snprintf(msg, sizeof msg, "unreadable date \"%.60s\" (the item keeps the default)", s);
            fd_warn(out, "%s:%ld: %s", name, xmlGetLineNo(d), msg);
        }
        free(s);
    }
    if (link) { /* trim the white space feeds put around links */
        char *p = link;
        while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') p++;
        memmove(link, p, strlen(p) + 1);
        size_t n = strlen(link);
        while (n && (link[n - 1] == ' ' || link[n - 1] == '\n' || link[n - 1] == '\r')) link[--n] = 0;
    }
    return fd_items_add(out, id, strdup(date), title, text, link, source ? strdup(source) : NULL,
                        (uint64_t)(line > 0 ? line : 0));
}

/* The SAX handler of <!ENTITY ...>: notes the line and stops the parse
 * (ctx->_private is the line, set here only). */
static void refuse_entity(void *c, const xmlChar *ename, int type, const xmlChar *pub,
                          const xmlChar *sys, xmlChar *content) {
    (void)ename, (void)type, (void)pub, (void)sys, (void)content;
    xmlParserCtxtPtr ctx = c;
    long *line = ctx->_private;
    if (!*line) *line = ctx->input ? ctx->input->line : 1;
    xmlStopParser(ctx);
}

/* libxml2's tree of the feed, or NULL with err set. */
static xmlDocPtr parse_xml_quietly(const char *name, const char *buf, size_t len,
                                   dyad_error *err) {
    /* libxml2 takes an int: 4 GiB + 100 bytes would be read as 100 bytes
     * (feeds read by dyad are at most DYAD_MAX_TEXT; this guards callers) */
    if (len > (size_t)INT_MAX) {
        dyad_error_set(err, "%s: feed of %zu bytes: larger than 2 GiB, too large to parse (split it)",
                       name, len);
        return NULL;
    }
    xmlParserCtxtPtr ctx = xmlCreateMemoryParserCtxt(buf, (int)len);
    if (!ctx) {
        dyad_error_set(err, "%s: out of memory", name);
        return NULL;
    }
    long entity_line = 0;
    ctx->_private = &entity_line;
    ctx->sax->entityDecl = refuse_entity;
    xmlCtxtUseOptions(ctx, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                               XML_PARSE_BIG_LINES);
    xmlParseDocument(ctx);
    xmlDocPtr doc = ctx->myDoc;
    ctx->myDoc = NULL;
    if (doc && (!ctx->wellFormed || entity_line)) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    if (entity_line) {
        xmlFreeParserCtxt(ctx);
        dyad_error_set(err, "%s:%ld: feed declares entities in its DOCTYPE: refused (their "
                       "expansion can make a small feed any size)", name, entity_line);
        return NULL;
    }
    if (!doc) {
        const xmlError *e = xmlCtxtGetLastError(ctx);
        char msg[300] = "not XML";
        if (e && e->message) {
            snprintf(msg, sizeof msg, "%s", e->message);
            size_t n = strlen(msg);
            while (n && msg[n - 1] == '\n') msg[--n] = 0;
        }
        int line = e ? e->line : 0;
        xmlFreeParserCtxt(ctx);
        dyad_error_set(err, "%s:%d: malformed feed: %s", name, line, msg);
        return NULL;
    }
    xmlFreeParserCtxt(ctx);
    return doc;
}

/* libxml2 reports encoding errors through its generic handler, which
 * prints; the parse's own error says what went wrong. */
static void quiet(void *ctx, const char *msg, ...) {
    (void)ctx, (void)msg;
}

/* parse_xml_quietly, with libxml2's generic error handler silenced. */
static xmlDocPtr parse_xml(const char *name, const char *buf, size_t len, dyad_error *err) {
    /* the handler is libxml2's per-thread state: set for this parse only */
    xmlGenericErrorFunc old_fn = xmlGenericError;
    void *old_ctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet);
    xmlDocPtr doc = parse_xml_quietly(name, buf, len, err);
    xmlSetGenericErrorFunc(old_ctx, old_fn);
    return doc;
}

int fd_parse_feed(const char *name, const char *buf, size_t len, fd_items *out, dyad_error *err) {
    xmlDocPtr doc = parse_xml(name, buf, len, err);
    if (!doc) return -1;
    const xmlNode *root = xmlDocGetRootElement(doc);
    int atom = root && is(root, "feed");
    int rss = root && (is(root, "rss") || is(root, "RDF"));
    if (!atom && !rss) {
        long line = root ? xmlGetLineNo(root) : 1;
        dyad_error_set(err, "%s:%ld: not an RSS or Atom feed (root element <%.40s>)", name, line,
                       root ? (const char *)root->name : "none");
        xmlFreeDoc(doc);
        return -1;
    }
    const xmlNode *chan = atom ? root : child(root, "channel");
    char *source = NULL;
    if (chan && child(chan, "title")) source = content_of(child(chan, "title"));
    int rc = 0;
    size_t k = 0;
    /* RSS 2.0 items are in <channel>, RSS 1.0 items beside it */
    const xmlNode *parents[2] = {chan, atom ? NULL : root};
    for (int p = 0; p < 2 && rc == 0; p++)
        for (const xmlNode *n = parents[p] ? parents[p]->children : NULL; n && rc == 0; n = n->next)
            if (is(n, atom ? "entry" : "item")) rc = add_item(name, n, atom, source, ++k, out);
    free(source);
    xmlFreeDoc(doc);
    if (rc < 0) return dyad_error_set(err, "%s: out of memory", name);
    return 0;
}
