/* table.c -- the growth step of the open-addressing tables (see table.h). */
#include "util/table.h"

#include <stdlib.h>
#include <string.h>

int table_grow(uint64_t **keys, void *vals, size_t vsize, size_t *cap, size_t min_cap) {
    size_t ncap = *cap ? *cap * 2 : min_cap;
    uint64_t *nk = calloc(ncap, sizeof *nk);
    unsigned char *nv = vsize ? calloc(ncap, vsize) : NULL;
    if (!nk || (vsize && !nv)) {
        free(nk), free(nv);
        return -1;
    }
    uint64_t *ok = *keys;
    unsigned char **pv = vals, *ov = vsize ? *pv : NULL;
    for (size_t i = 0; i < *cap; i++) {
        if (!ok[i]) continue;
        size_t h = table_home(ok[i], ncap);
        while (nk[h]) h = table_next(h, ncap);
        nk[h] = ok[i];
        if (vsize) memcpy(nv + h * vsize, ov + i * vsize, vsize);
    }
    free(ok), free(ov);
    *keys = nk;
    if (vsize) *pv = nv;
    *cap = ncap;
    return 0;
}
