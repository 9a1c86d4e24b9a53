/* rss.c -- RSS 2.0 (and RSS 1.0) and Atom feeds, with libxml2.
 *
 * One item per <item> or <entry>: the id is its guid/id (else its link,
 * else "FILE#N"), the date its pubDate/dc:date/published/updated (RFC 822
 * or ISO 8601), the text its content:encoded/content (else its
 * description/summary) with the HTML taken out. An item without text is
 * skipped with a warning naming file and line. A feed that is not
 * well-formed XML is an error naming the line libxml2 stopped at. The
 * parser never touches the network (XML_PARSE_NONET) and expands no
 * external entities. */
#include "feed/feed.h"

#include <libxml/parser.h>
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

static char *html_text_of(const xmlNode *n) {
    if (!n) return NULL;
    char *raw = content_of(n);
    if (!raw) return NULL;
    char *t = fd_html_text(raw, strlen(raw));
    free(raw);
    return t;
}

static void warn(const char *name, long line, const char *what) {
    fprintf(stderr, "dyad: warning: %s:%ld: %s\n", name, line, what);
}

static int add_item(const char *name, const xmlNode *it, int atom, const char *source, size_t k,
                    fd_items *out) {
    const xmlNode *body = atom ? child(it, "content") : child(it, "encoded");
    const xmlNode *summary = atom ? child(it, "summary") : child(it, "description");
    char *text = html_text_of(body);
    if (!text || !*text) {
        free(text);
        text = html_text_of(summary);
    }
    long line = xmlGetLineNo(it);
    if (!text || !*text) {
        free(text);
        warn(name, line, atom ? "entry without text skipped" : "item without text skipped");
        out->skipped++;
        return 0;
    }
    const xmlNode *t = child(it, "title");
    char *title = t ? html_text_of(t) : NULL;
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
        if (s && dyad_feed_date(s, date) < 0) {
            char msg[200];
            snprintf(msg, sizeof msg, "unreadable date \"%.60s\" (the item keeps the default)", s);
            warn(name, xmlGetLineNo(d), msg);
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

int fd_parse_feed(const char *name, const char *buf, size_t len, fd_items *out, dyad_error *err) {
    /* libxml2 takes an int: 4 GiB + 100 bytes would be read as 100 bytes */
    if (len > (size_t)INT_MAX)
        return dyad_error_set(err, "%s: feed of %zu bytes: larger than 2 GiB, too large to parse "
                              "(split it)", name, len);
    xmlParserCtxtPtr ctx = xmlNewParserCtxt();
    if (!ctx) return dyad_error_set(err, "%s: out of memory", name);
    xmlDocPtr doc = xmlCtxtReadMemory(ctx, buf, (int)len, name, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
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
        return dyad_error_set(err, "%s:%d: malformed feed: %s", name, line, msg);
    }
    xmlFreeParserCtxt(ctx);
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
