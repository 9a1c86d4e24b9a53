/* feed_fuzz.h -- the checks shared by the feed fuzz targets: what the feed
 * readers promise of every item they hand out (every string non-NULL and
 * valid UTF-8, a date empty or YYYYMMDD) and of a failure (a message
 * naming the input). */
#ifndef FEED_FUZZ_H
#define FEED_FUZZ_H

#include "dyad.h"
#include "feed/feed.h"
#include "input/input.h"

#include <stdlib.h>
#include <string.h>

static void fuzz_feed_str(const char *s) {
    if (!s) __builtin_trap();
    if (rd_utf8_check(s, strlen(s)) != (size_t)-1) __builtin_trap();
}

static void fuzz_feed_items(const fd_items *it, int rc, const dyad_error *err) {
    if (rc < 0 && strncmp(err->msg, "fuzz", 4) != 0) __builtin_trap();
    for (size_t i = 0; i < it->n; i++) {
        const fd_item *x = &it->v[i];
        fuzz_feed_str(x->id);
        fuzz_feed_str(x->date);
        fuzz_feed_str(x->title);
        fuzz_feed_str(x->text);
        fuzz_feed_str(x->url);
        fuzz_feed_str(x->source);
        if (!*x->text) __builtin_trap(); /* items without text are skipped */
        size_t dl = strlen(x->date);
        if (dl != 0 && dl != 8) __builtin_trap();
        for (size_t k = 0; k < dl; k++)
            if (x->date[k] < '0' || x->date[k] > '9') __builtin_trap();
    }
}

#endif
