/* once.c -- one event per document: an event told in a story's headline,
 * its lead and its body is one event, not three. The series and the
 * partners count the first of the events of a document that share
 * (source, target, code) and pass over the others, unless the options ask
 * for every sentence's event (per_sentence).
 *
 * ty_scan applies it around a store scan, the dates filtered in the store
 * (a range of its index), the rest here.
 *
 * A set of 64-bit keys (FNV-1a of the document key and the three codes)
 * with open addressing; 0 marks an empty slot. */
#include "ties/ties.h"
#include "date/date.h"
#include "util/hash.h"
#include "util/table.h"

#include <stdlib.h>
#include <string.h>

static uint64_t event_key(const dyad_store_event *e) {
    uint64_t h = hash_fnv64(&e->doc, sizeof e->doc);
    const char *f[3] = {e->source ? e->source : "", e->target ? e->target : "", e->code};
    for (int i = 0; i < 3; i++) h = hash_fnv64_more(h, f[i], strlen(f[i]) + 1); /* NUL: a separator */
    return h ? h : 1;
}

int ty_once_first(ty_once *s, const dyad_store_event *e) {
    /* 16384 slots: a heavy dyad's year with no regrowth */
    if ((s->n + 1) * 2 > s->cap && table_grow(&s->k, NULL, 0, &s->cap, 16384) < 0) return -1;
    uint64_t key = event_key(e);
    size_t h = table_home(key, s->cap);
    for (; s->k[h]; h = table_next(h, s->cap))
        if (s->k[h] == key) return 0;
    s->k[h] = key;
    s->n++;
    return 1;
}

void ty_once_free(ty_once *s) {
    free(s->k);
    memset(s, 0, sizeof *s);
}

typedef struct once_scan {
    ty_once once;
    const dyad_ties_opts *o;
    dyad_store_event_fn fn;
    void *ctx;
    int oom;
} once_scan;

static void on_before(void *ctx, const dyad_store_event *e) {
    once_scan *x = ctx;
    if (ty_once_first(&x->once, e) < 0) x->oom = 1;
}

static void on_event(void *ctx, const dyad_store_event *e) {
    once_scan *x = ctx;
    if (!dyad_ties_match(x->o, e)) return;
    if (!(x->o && x->o->per_sentence)) {
        int first = ty_once_first(&x->once, e);
        if (first < 0) x->oom = 1;
        if (first <= 0) return;
    }
    x->fn(x->ctx, e);
}

int ty_scan(dyad_store *s, const char *ca, const char *cb, const dyad_ties_opts *o, int detail,
            dyad_store_event_fn fn, void *ctx, dyad_error *err) {
    once_scan x = {{0}, o, fn, ctx, 0};
    dyad_store_query q = {ca, cb, o ? o->from : NULL, o ? o->to : NULL};
    int rc = 0;
    if (q.from && !o->per_sentence) { /* the tellings before the first day asked */
        char before[9];
        int32_t first = (int32_t)strtol(q.from, NULL, 10);
        if (!date_valid(first / 10000, first / 100 % 100, first % 100))
            return dyad_error_set(err, "'%.20s': not a day (YYYYMMDD)", q.from);
        date_put(date_of_day(date_day_of(first) - 1), before);
        dyad_store_query b = {ca, cb, "", before};
        rc = dyad_store_scan(s, &b, on_before, &x, err);
    }
    if (rc == 0) rc = (detail ? dyad_store_events : dyad_store_scan)(s, &q, on_event, &x, err);
    ty_once_free(&x.once);
    if (rc == 0 && x.oom) rc = dyad_error_set(err, "out of memory reading the events");
    return rc;
}
