/* json.h -- a small JSON scanner over one line, for the JSON Lines reader.
 *
 * Not a DOM: the record reader walks one object's members and either decodes
 * a string value (into a caller's buffer) or skips the value. Every failure
 * leaves a message and the column (1-based byte offset in the line) in the
 * cursor, so the warning can say exactly what is wrong and where. */
#ifndef DYAD_INPUT_JSON_H
#define DYAD_INPUT_JSON_H

#include "input/input.h"

#define RD_JSON_MAX_DEPTH 512

typedef struct rd_json {
    const char *start, *p, *end;
    char what[160];  /* the error, without "at column N" */
    size_t col;      /* column of the error */
    int oom;         /* the error is out-of-memory */
    int check_utf8;  /* strings are checked to be UTF-8 as they are read
                      * (the line was not checked before) */
} rd_json;

void rd_json_init(rd_json *j, const char *s, size_t n);
void rd_json_ws(rd_json *j);
/* The next byte, or -1 at the end of the line. */
static inline int rd_json_peek(const rd_json *j) {
    return j->p < j->end ? (unsigned char)*j->p : -1;
}
/* Expects byte c (after whitespace); -1 with an error otherwise. */
int rd_json_expect(rd_json *j, int c, const char *context);
/* Decodes a string at the cursor (which must be at '"') into out. */
int rd_json_string(rd_json *j, byte_buf *out);
/* Skips any value (validating it), without recursion. */
int rd_json_skip(rd_json *j);
/* Records an error at the cursor; returns -1. */
int rd_json_fail(rd_json *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
