/* source.c -- a chunked, line-counting byte source.
 *
 * The readers never hold more of the input than one record: rd_src reads
 * the FILE* in 64 KiB chunks, and rd_src_getline copies a line out of those
 * chunks with memchr, refusing to store more than `max` bytes of it (the rest
 * of an over-long line is consumed and dropped, so reading goes on at the
 * next line). A read error is remembered in `err` for the caller to report. */
#include "input/input.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int rd_src_init(rd_src *s, FILE *fp) {
    memset(s, 0, sizeof *s);
    s->fp = fp;
    s->line = 1;
    s->buf = malloc(RD_CHUNK);
    return s->buf ? 0 : -1;
}

void rd_src_free(rd_src *s) {
    free(s->buf);
    s->buf = NULL;
}

size_t rd_src_fill(rd_src *s) {
    if (s->pos < s->len) return s->len - s->pos;
    s->pos = s->len = 0;
    if (s->eof || s->err) return 0;
    errno = 0;
    size_t n = fread(s->buf, 1, RD_CHUNK, s->fp);
    if (n == 0) {
        if (ferror(s->fp)) s->err = errno ? errno : -1;
        else s->eof = 1;
    }
    s->len = n;
    return n;
}

void rd_src_skip_bom(rd_src *s) {
    if (rd_src_fill(s) >= 3 && memcmp(s->buf, "\xEF\xBB\xBF", 3) == 0) s->pos = 3;
}

/* Returns -2 when memory runs out. */
int rd_src_getline(rd_src *s, byte_buf *out, size_t max, int *too_long) {
    byte_buf_clear(out);
    *too_long = 0;
    int any = 0;
    for (;;) {
        size_t avail = rd_src_fill(s);
        if (avail == 0) {
            if (s->err) return -1;
            return any ? 1 : 0;
        }
        any = 1;
        const unsigned char *p = s->buf + s->pos;
        const unsigned char *nl = memchr(p, '\n', avail);
        size_t n = nl ? (size_t)(nl - p) : avail;
        if (!*too_long) {
            if (out->len + n > max) {
                *too_long = 1;
            } else if (byte_buf_put(out, p, n) < 0) {
                return -2;
            }
        }
        s->pos += n;
        if (nl) {
            s->pos++;
            s->line++;
            return 1;
        }
    }
}
