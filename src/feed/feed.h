/* feed.h -- internals of the feed readers: RSS and Atom (rss.c, libxml2),
 * web pages (html.c, gumbo), and the list of items they hand to feed.c,
 * which turns them into dyad_docs one at a time. */
#ifndef DYAD_FEED_H
#define DYAD_FEED_H

#include "dyad.h"
#include "date/date.h"

typedef struct fd_item {
    char *id, *date, *title, *text, *url, *source; /* malloc'd, never NULL */
    uint64_t line;
} fd_item;

typedef struct fd_items {
    fd_item *v;
    size_t n, cap;
    uint64_t skipped;
    dyad_warn_fn warn;  /* where warnings about skipped items go (NULL: nowhere) */
    void *warn_ctx;
} fd_items;

/* A warning ("name:line: message") to the items' hook, if one is set. */
void fd_warn(const fd_items *it, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Takes ownership of the strings (NULL becomes ""); -1 on OOM. */
int fd_items_add(fd_items *it, char *id, char *date, char *title, char *text, char *url,
                 char *source, uint64_t line);
void fd_items_free(fd_items *it);

/* A feed: fmt is DYAD_FEED_RSS or DYAD_FEED_ATOM (either is accepted; the
 * root element decides). Items without text are skipped with a warning. */
int fd_parse_feed(const char *name, const char *buf, size_t len, fd_items *out, dyad_error *err);
/* A web page: one item, the article body. */
int fd_parse_html(const char *name, const char *buf, size_t len, fd_items *out, dyad_error *err);
/* Text of an HTML fragment (a feed item's description): tags dropped,
 * blocks separated by blank lines, into *out (malloc'd). 0, 1 when the
 * fragment nests deeper than FD_MAX_NESTING (*out NULL), -1 on OOM. */
int fd_html_text(const char *html, size_t len, char **out);

/* HTML nested deeper than this is refused before gumbo sees it
 * (nesting.c says why). */
#define FD_MAX_NESTING 512
/* 1 when html nests deeper than FD_MAX_NESTING; *line: where it does. */
int fd_html_too_deep(const char *html, size_t len, uint64_t *line);
#endif
