/* once.c -- one event per document: an event told in a story's headline,
 * its lead and its body is one event, not three. The series and the
 * partners count the first of the events of a document that share
 * (source, target, code) and pass over the others, unless the options ask
 * for every sentence's event (per_sentence).
 *
 * A set of 64-bit keys (FNV-1a of the document key and the three codes)
 * with open addressing; 0 marks an empty slot. */
#include "ties/ties.h"
#include "util/hash.h"

#include <stdlib.h>
#include <string.h>

static uint64_t event_key(const dyad_store_event *e) {
    uint64_t h = hash_fnv64(&e->doc, sizeof e->doc);
    const char *f[3] = {e->source ? e->source : "", e->target ? e->target : "", e->code};
    for (int i = 0; i < 3; i++) h = hash_fnv64_more(h, f[i], strlen(f[i]) + 1); /* NUL: a separator */
    return h ? h : 1;
}

static int grow(ty_once *s) {
    size_t cap = s->cap ? s->cap * 2 : 1024;
    uint64_t *k = calloc(cap, sizeof *k);
    if (!k) return -1;
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->k[i]) continue;
        size_t h = s->k[i] & (cap - 1);
        while (k[h]) h = (h + 1) & (cap - 1);
        k[h] = s->k[i];
    }
    free(s->k);
    s->k = k;
    s->cap = cap;
    return 0;
}

int ty_once_first(ty_once *s, const dyad_store_event *e) {
    if ((s->n + 1) * 2 > s->cap && grow(s) < 0) return -1;
    uint64_t key = event_key(e);
    size_t h = key & (s->cap - 1);
    for (; s->k[h]; h = (h + 1) & (s->cap - 1))
        if (s->k[h] == key) return 0;
    s->k[h] = key;
    s->n++;
    return 1;
}

void ty_once_free(ty_once *s) {
    free(s->k);
    memset(s, 0, sizeof *s);
}
