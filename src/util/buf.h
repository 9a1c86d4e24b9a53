/* buf.h -- the one growable byte buffer (readers' records, feed texts, the
 * output lines, PostgreSQL's COPY data) and the one growth helper that every
 * growing array of the library uses.
 *
 * A byte_buf is always NUL-terminated once it holds memory. Running out of
 * memory is sticky (oom): a writer may put many pieces and check once. */
#ifndef DYAD_UTIL_BUF_H
#define DYAD_UTIL_BUF_H
#include <stddef.h>
#include <string.h>

typedef struct byte_buf {
    char *p;
    size_t len, cap;
    int oom; /* a put failed for want of memory: the contents are short */
} byte_buf;

/* util_grow's slow path: the array must grow. */
int util_grow_to(void *v, size_t *cap, size_t need, size_t elem, size_t min_cap);

/* Grows the array *v of *cap elements of elem bytes to hold at least need
 * (doubling, from min_cap). 0, or -1 out of memory (*v, *cap unchanged).
 * Inline, so that the usual case (room enough: a tokenizer's every token)
 * is one compare and no call. */
static inline int util_grow(void *v, size_t *cap, size_t need, size_t elem, size_t min_cap) {
    return need <= *cap ? 0 : util_grow_to(v, cap, need, elem, min_cap);
}

/* Room for extra more bytes and the NUL; -1 (and oom) when out of memory. */
int byte_buf_reserve(byte_buf *b, size_t extra);

static inline int byte_buf_put(byte_buf *b, const void *s, size_t n) {
    if (b->len + n >= b->cap && byte_buf_reserve(b, n) < 0) return -1;
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}
/* Room for n more bytes and the NUL: where to write them (the writer
 * then sets len and the NUL), or NULL (and oom) when out of memory. */
static inline char *byte_buf_room(byte_buf *b, size_t n) {
    if (b->len + n >= b->cap && byte_buf_reserve(b, n) < 0) return NULL;
    return b->p + b->len;
}
static inline int byte_buf_puts(byte_buf *b, const char *s) { return byte_buf_put(b, s, strlen(s)); }
static inline int byte_buf_putc(byte_buf *b, int c) {
    char ch = (char)c;
    return byte_buf_put(b, &ch, 1);
}
static inline void byte_buf_clear(byte_buf *b) {
    b->len = 0;
    b->oom = 0;
    if (b->p) b->p[0] = '\0';
}
void byte_buf_free(byte_buf *b);
#endif
