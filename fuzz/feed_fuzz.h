/* feed_fuzz.h -- the checks shared by the feed fuzz targets: what the feed
 * readers promise of every item they hand out (every string non-NULL and
 * valid UTF-8, a date empty or YYYYMMDD) and of a failure (a message
 * naming the input). */
#ifndef FEED_FUZZ_H
#define FEED_FUZZ_H

#include "dyad.h"
#include "feed/feed.h"
#include "fuzz_str.h"

#include <stdlib.h>
#include <string.h>

static void fuzz_feed_items(const fd_items *it, int rc, const dyad_error *err) {
    if (rc < 0 && strncmp(err->msg, "fuzz", 4) != 0) __builtin_trap();
    for (size_t i = 0; i < it->n; i++) {
        const fd_item *x = &it->v[i];
        const char *fields[] = {x->id, x->date, x->title, x->text, x->url, x->source};
        fuzz_check_strs(fields, sizeof fields / sizeof fields[0]);
        if (!*x->text) __builtin_trap(); /* items without text are skipped */
        size_t dl = strlen(x->date);
        if (dl != 0 && dl != 8) __builtin_trap();
        for (size_t k = 0; k < dl; k++)
            if (x->date[k] < '0' || x->date[k] > '9') __builtin_trap();
    }
}

/* Parses the input with parse (fd_parse_feed, fd_parse_html) as `name` and
 * checks the items; returns how many it found, skipped ones included. */
static size_t fuzz_feed_parse(int (*parse)(const char *, const char *, size_t, fd_items *,
                                           dyad_error *),
                              const char *name, const uint8_t *data, size_t size) {
    fd_items it = {0};
    dyad_error err = {{0}};
    int rc = parse(name, (const char *)data, size, &it, &err);
    fuzz_feed_items(&it, rc, &err);
    size_t found = it.n + it.skipped;
    fd_items_free(&it);
    return found;
}

#endif
