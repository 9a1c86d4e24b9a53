/* text.c -- the plain-text reader: the whole stream is one document.
 *
 * id is the base name of the input without its extension ("stdin" for
 * "<stdin>" or "-"), date is the default date given to dyad_reader_open.
 * The text is passed on byte for byte (only a leading UTF-8 BOM is dropped).
 *
 * Bad input is an error from next(), not a repair: invalid UTF-8 or a NUL
 * byte makes next() return -1 with "name:line: ... at column N", because a
 * plain-text input is a single document and skipping it would drop the
 * whole input, while guessing a repair would code text we cannot read. Text
 * longer than the maximum record size (16 MiB) is also an error, for the
 * same reason; split such input or use JSON Lines. */
#include "input/input.h"

#include <string.h>

/* "dir/story.txt" -> "story"; "<stdin>", "-" or "" -> "stdin". */
static char *text_id(dyad_arena *a, const char *name) {
    if (!*name || strcmp(name, "<stdin>") == 0 || strcmp(name, "-") == 0)
        return dyad_arena_strdup(a, "stdin");
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    if (n == 0) return dyad_arena_strdup(a, "stdin");
    return dyad_arena_strndup(a, base, n);
}

/* Line and column (1-based) of byte offset `off` in s. */
static void line_col(const char *s, size_t off, uint64_t *line, size_t *col) {
    uint64_t l = 1;
    size_t start = 0;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n') l++, start = i + 1;
    *line = l;
    *col = off - start + 1;
}

int rd_text_next(dyad_reader *r, dyad_arena *a, dyad_doc *doc, dyad_error *err) {
    if (r->done) return 0;
    r->done = 1;
    byte_buf *b = &r->line;
    byte_buf_clear(b);
    if (byte_buf_reserve(b, 0) < 0) return rd_fail(r, err, 1, "out of memory");
    for (;;) {
        size_t avail = rd_src_fill(&r->src);
        if (avail == 0) break;
        if (b->len + avail > r->max_record)
            return rd_fail(r, err, r->src.line,
                           "text longer than %zu bytes; split it or use JSON Lines",
                           r->max_record);
        if (byte_buf_put(b, r->src.buf + r->src.pos, avail) < 0)
            return rd_fail(r, err, r->src.line, "out of memory");
        r->src.pos += avail;
    }
    if (r->src.err) return rd_read_error(r, err);

    size_t bad = rd_utf8_check(b->p, b->len);
    if (bad != (size_t)-1) {
        uint64_t line;
        size_t col;
        line_col(b->p, bad, &line, &col);
        if (b->p[bad] == '\0')
            return rd_fail(r, err, line, "NUL byte at column %zu; the input must be UTF-8 text", col);
        return rd_fail(r, err, line, "invalid UTF-8 (byte 0x%02X) at column %zu; convert the input to UTF-8",
                       (unsigned char)b->p[bad], col);
    }
    char *text = dyad_arena_strndup(a, b->p, b->len);
    char *id = text_id(a, r->name);
    char *date = dyad_arena_strdup(a, r->date);
    if (!text || !id || !date) return rd_fail(r, err, 1, "out of memory");
    doc->id = id;
    doc->date = date;
    doc->text = text;
    doc->text_len = b->len;
    doc->line = 1;
    /* the input buffer is not needed again: give its memory back */
    byte_buf_free(b);
    return 1;
}
