/* lsh.c -- the near-copy index: every stored original's MinHash signature
 * and its band keys, in memory (an open-addressing table of (band key,
 * document) pairs). Built when the store opens from the signatures it
 * holds, then kept up to date as documents are added; a lookup gives the
 * documents that share at least one band with a new signature. Memory:
 * about 200 bytes per stored original (200 MB for a million). */
#include "store/store.h"
#include "util/buf.h"
#include "util/table.h"

#include <stdlib.h>
#include <string.h>

int st_lsh_add(st_lsh *l, int64_t doc, const uint32_t sig[MH_N]) {
    if (l->ndocs == l->capdocs) { /* two arrays of one length */
        size_t cd = l->capdocs, cs = l->capdocs;
        if (util_grow(&l->docs, &cd, l->ndocs + 1, sizeof *l->docs, 1024) < 0 ||
            util_grow(&l->sigs, &cs, l->ndocs + 1, sizeof *l->sigs, 1024) < 0)
            return -1;
        l->capdocs = cd < cs ? cd : cs;
    }
    if ((l->n + MH_BANDS) * 2 > l->cap &&
        table_grow(&l->keys, &l->idx, sizeof *l->idx, &l->cap, 4096) < 0)
        return -1;
    uint32_t k = (uint32_t)l->ndocs++;
    l->docs[k] = doc;
    memcpy(l->sigs[k], sig, sizeof l->sigs[k]);
    uint64_t keys[MH_BANDS];
    st_minhash_bands(sig, keys);
    for (int b = 0; b < MH_BANDS; b++) {
        size_t h = table_home(keys[b], l->cap);
        while (l->keys[h]) h = table_next(h, l->cap);
        l->keys[h] = keys[b];
        l->idx[h] = k;
        l->n++;
    }
    return 0;
}

size_t st_lsh_candidates(const st_lsh *l, const uint32_t sig[MH_N], uint32_t *out, size_t max) {
    size_t n = 0;
    if (!l->cap) return 0;
    uint64_t keys[MH_BANDS];
    st_minhash_bands(sig, keys);
    for (int b = 0; b < MH_BANDS; b++) {
        for (size_t h = table_home(keys[b], l->cap); l->keys[h]; h = table_next(h, l->cap)) {
            if (l->keys[h] != keys[b]) continue;
            size_t j = 0;
            while (j < n && out[j] != l->idx[h]) j++;
            if (j == n && n < max) out[n++] = l->idx[h];
        }
    }
    return n;
}

void st_lsh_free(st_lsh *l) {
    free(l->keys), free(l->idx), free(l->docs), free(l->sigs);
    memset(l, 0, sizeof *l);
}
