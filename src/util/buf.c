/* buf.c -- the growable byte buffer and the growth helper (see buf.h). */
#include "util/buf.h"

#include <stdint.h>
#include <stdlib.h>

int util_grow_to(void *v, size_t *cap, size_t need, size_t elem, size_t min_cap) {
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap : (min_cap ? min_cap : 16);
    while (nc < need) {
        if (nc > SIZE_MAX / 2 / elem) return -1;
        nc *= 2;
    }
    if (nc > SIZE_MAX / elem) return -1;
    void **pv = v;
    void *p = realloc(*pv, nc * elem);
    if (!p) return -1;
    *pv = p;
    *cap = nc;
    return 0;
}

int byte_buf_reserve(byte_buf *b, size_t extra) {
    if (b->oom) return -1;
    if (b->len + extra < b->cap) return 0;
    if (extra > SIZE_MAX - b->len - 1 || util_grow(&b->p, &b->cap, b->len + extra + 1, 1, 256) < 0) {
        b->oom = 1;
        return -1;
    }
    b->p[b->len] = '\0'; /* a new buffer is an empty string */
    return 0;
}

void byte_buf_free(byte_buf *b) {
    free(b->p);
    *b = (byte_buf){0};
}
