/* kvlist.c -- owned key/value lists for <Environment> and <Config>.
 *
 * These outlive any one document (the Environment is read once, Config
 * options stay in force until replaced), so they are malloc'd and owned by
 * the reader rather than taken from a document's arena. Setting a key that
 * is already present replaces its value, keeping its place in the list.
 * A list holds at most RD_KV_MAX entries and RD_KV_MAX_BYTES of text, so a
 * hostile input cannot make it grow with its length. */
#include "input/input.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

int rd_kv_set(rd_kvlist *l, const char *key, const char *value) {
    size_t i = 0;
    while (i < l->n && strcmp(l->kv[i].key, key) != 0) i++;
    size_t old = i < l->n ? strlen(l->kv[i].value) : 0;
    size_t add = strlen(value) + (i < l->n ? 0 : strlen(key));
    if ((i == l->n && l->n >= RD_KV_MAX) || l->bytes - old + add > RD_KV_MAX_BYTES) return 1;
    char *v = strdup(value);
    if (!v) return -1;
    l->bytes = l->bytes - old + add;
    if (i < l->n) {
        free((char *)l->kv[i].value);
        l->kv[i].value = v;
        return 0;
    }
    if (util_grow(&l->kv, &l->cap, l->n + 1, sizeof *l->kv, 8) < 0) {
        free(v);
        return -1;
    }
    char *k = strdup(key);
    if (!k) {
        free(v);
        return -1;
    }
    l->kv[l->n].key = k;
    l->kv[l->n].value = v;
    l->n++;
    return 0;
}

void rd_kv_free(rd_kvlist *l) {
    for (size_t i = 0; i < l->n; i++) {
        free((char *)l->kv[i].key);
        free((char *)l->kv[i].value);
    }
    free(l->kv);
    memset(l, 0, sizeof *l);
}
