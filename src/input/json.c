/* json.c -- JSON strings, numbers, literals and skipping, per RFC 8259.
 *
 * Strings are decoded to UTF-8 (\uXXXX escapes included, surrogate pairs
 * joined); a lone surrogate, \u0000 or a raw control character is an error,
 * because the strings we hand out must be valid NUL-free UTF-8. Values we do
 * not use (numbers, true/false/null, nested arrays and objects) are checked
 * and skipped with an explicit stack, so a line of ten million '[' costs
 * linear time and no C stack; nesting deeper than RD_JSON_MAX_DEPTH is
 * refused. The raw line is known to be valid UTF-8 before we start, or
 * (check_utf8: the JSON Lines reader) its strings' bytes are checked as
 * they are read: outside strings only ASCII parses. */
#include "input/json.h"

#include <stdarg.h>
#include <string.h>

void rd_json_init(rd_json *j, const char *s, size_t n) {
    memset(j, 0, sizeof *j);
    j->start = j->p = s;
    j->end = s + n;
}

int rd_json_fail(rd_json *j, const char *fmt, ...) {
    if (j->what[0]) return -1; /* keep the first error */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(j->what, sizeof j->what, fmt, ap);
    va_end(ap);
    j->col = (size_t)(j->p - j->start) + 1;
    return -1;
}

/* A readable name for the byte at the cursor, for messages. */
static const char *here(const rd_json *j, char buf[16]) {
    int c = rd_json_peek(j);
    if (c < 0) return "end of line";
    if (c > 0x20 && c < 0x7F) snprintf(buf, 16, "'%c'", c);
    else snprintf(buf, 16, "byte 0x%02X", c);
    return buf;
}

void rd_json_ws(rd_json *j) {
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\r' || *j->p == '\n'))
        j->p++;
}

int rd_json_expect(rd_json *j, int c, const char *context) {
    char b[16];
    rd_json_ws(j);
    if (rd_json_peek(j) != c) {
        if (rd_json_peek(j) < 0) return rd_json_fail(j, "truncated record: end of line %s", context);
        return rd_json_fail(j, "unexpected %s %s", here(j, b), context);
    }
    j->p++;
    return 0;
}

static int hex4(const char *p, const char *end, uint32_t *out) {
    if (end - p < 4) return -1;
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int c = (unsigned char)p[i], d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return -1;
        v = v * 16 + (uint32_t)d;
    }
    *out = v;
    return 0;
}

/* After "\u" (cursor on the first hex digit): decodes one code point. */
static int unicode_escape(rd_json *j, uint32_t *cp) {
    const char *esc = j->p - 2;
    uint32_t u;
    if (hex4(j->p, j->end, &u) < 0) {
        j->p = esc;
        return rd_json_fail(j, "bad \\u escape (expected 4 hex digits)");
    }
    j->p += 4;
    if (u >= 0xDC00 && u <= 0xDFFF) {
        j->p = esc;
        return rd_json_fail(j, "lone low surrogate \\u%04X", (unsigned)u);
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
        uint32_t lo;
        if (j->end - j->p < 6 || j->p[0] != '\\' || j->p[1] != 'u' ||
            hex4(j->p + 2, j->end, &lo) < 0 || lo < 0xDC00 || lo > 0xDFFF) {
            j->p = esc;
            return rd_json_fail(j, "high surrogate \\u%04X not followed by a low surrogate", (unsigned)u);
        }
        j->p += 6;
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
    }
    if (u == 0) {
        j->p = esc;
        return rd_json_fail(j, "\\u0000 (NUL) in a string");
    }
    *cp = u;
    return 0;
}

/* The end of rd_json_string: out's length and NUL set (its bytes are
 * taken only when rc is 0). */
static int string_done(byte_buf *out, const char *o, int rc) {
    if (!out) return rc;
    if (rc == 0) out->len = (size_t)(o - out->p);
    out->p[out->len] = '\0';
    return rc;
}

int rd_json_string(rd_json *j, byte_buf *out) {
    const char *open = j->p;
    j->p++; /* the opening quote */
    /* decoded, a string is never longer than the rest of the line (an
     * escape is never shorter than what it stands for): room for it once */
    char *o = NULL;
    if (out && !(o = byte_buf_room(out, (size_t)(j->end - j->p)))) {
        j->oom = 1;
        return rd_json_fail(j, "out of memory");
    }
    for (;;) {
        /* copy the plain run in one go (UTF-8 sequences checked in it) */
        const char *run = j->p;
        for (;;) {
            j->p = j->check_utf8 ? bytes8_json_ascii_end(j->p, j->end)
                                 : bytes8_json_plain_end(j->p, j->end);
            if (j->p >= j->end || (unsigned char)*j->p < 0x80) break;
            size_t k = rd_utf8_seq(j->p, (size_t)(j->end - j->p));
            if (!k) return string_done(out, o, rd_json_fail(j, "invalid UTF-8 in a string"));
            j->p += k;
        }
        if (o) memcpy(o, run, (size_t)(j->p - run)), o += j->p - run;
        if (j->p >= j->end) {
            j->p = open;
            return string_done(out, o, rd_json_fail(j, "truncated record: string not closed"));
        }
        unsigned char c = (unsigned char)*j->p;
        if (c == '"') {
            j->p++;
            return string_done(out, o, 0);
        }
        if (c < 0x20)
            return string_done(out, o, rd_json_fail(j, "raw control character 0x%02X in a string", c));
        /* a backslash */
        j->p++;
        if (j->p >= j->end)
            return string_done(out, o, rd_json_fail(j, "truncated record: escape at end of line"));
        char e = *j->p++, ch[4];
        int n = 1;
        switch (e) {
        case '"': ch[0] = '"'; break;
        case '\\': ch[0] = '\\'; break;
        case '/': ch[0] = '/'; break;
        case 'b': ch[0] = '\b'; break;
        case 'f': ch[0] = '\f'; break;
        case 'n': ch[0] = '\n'; break;
        case 'r': ch[0] = '\r'; break;
        case 't': ch[0] = '\t'; break;
        case 'u': {
            uint32_t cp = 0;
            if (unicode_escape(j, &cp) < 0) return string_done(out, o, -1);
            n = rd_utf8_put(ch, cp);
            break;
        }
        default:
            j->p -= 2;
            return string_done(out, o, rd_json_fail(j, "bad escape '\\%c' in a string",
                                                    e > 0x20 && e < 0x7F ? e : '?'));
        }
        if (o && n == 1) *o++ = ch[0]; /* most escapes: \n, \" */
        else if (o) memcpy(o, ch, (size_t)n), o += n;
    }
}

static int digits(rd_json *j) {
    const char *s = j->p;
    while (j->p < j->end && *j->p >= '0' && *j->p <= '9') j->p++;
    return j->p > s ? 0 : rd_json_fail(j, "bad number: expected a digit");
}

static int number(rd_json *j) {
    if (rd_json_peek(j) == '-') j->p++;
    if (rd_json_peek(j) == '0') j->p++;
    else if (digits(j) < 0) return -1;
    if (rd_json_peek(j) == '.') {
        j->p++;
        if (digits(j) < 0) return -1;
    }
    if (rd_json_peek(j) == 'e' || rd_json_peek(j) == 'E') {
        j->p++;
        if (rd_json_peek(j) == '+' || rd_json_peek(j) == '-') j->p++;
        if (digits(j) < 0) return -1;
    }
    return 0;
}

static int literal(rd_json *j, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
        return rd_json_fail(j, "bad literal (expected %s)", word);
    j->p += n;
    return 0;
}

/* A scalar value at the cursor (not an array or object). */
static int scalar(rd_json *j) {
    char b[16];
    int c = rd_json_peek(j);
    if (c == '"') return rd_json_string(j, NULL);
    if (c == '-' || (c >= '0' && c <= '9')) return number(j);
    if (c == 't') return literal(j, "true");
    if (c == 'f') return literal(j, "false");
    if (c == 'n') return literal(j, "null");
    if (c < 0) return rd_json_fail(j, "truncated record: end of line where a value was expected");
    return rd_json_fail(j, "unexpected %s where a value was expected", here(j, b));
}

/* Inside an object, after '{' or ',': a key and its ':'. */
static int member_key(rd_json *j) {
    rd_json_ws(j);
    if (rd_json_peek(j) != '"') {
        char b[16];
        if (rd_json_peek(j) < 0) return rd_json_fail(j, "truncated record: end of line where a key was expected");
        return rd_json_fail(j, "unexpected %s where a key was expected", here(j, b));
    }
    if (rd_json_string(j, NULL) < 0) return -1;
    return rd_json_expect(j, ':', "after a key (expected ':')");
}

int rd_json_skip(rd_json *j) {
    char stack[RD_JSON_MAX_DEPTH];
    int depth = 0;
    for (;;) {
        /* a value is expected here */
        rd_json_ws(j);
        int c = rd_json_peek(j);
        if (c == '[' || c == '{') {
            if (depth == RD_JSON_MAX_DEPTH)
                return rd_json_fail(j, "nesting deeper than %d", RD_JSON_MAX_DEPTH);
            stack[depth++] = (char)c;
            j->p++;
            rd_json_ws(j);
            int close = c == '[' ? ']' : '}';
            if (rd_json_peek(j) == close) {
                j->p++;
                depth--;
            } else {
                if (c == '{' && member_key(j) < 0) return -1;
                continue;
            }
        } else if (scalar(j) < 0) {
            return -1;
        }
        /* after a value: close containers or move to the next element */
        for (;;) {
            if (depth == 0) return 0;
            char top = stack[depth - 1];
            int close = top == '[' ? ']' : '}';
            rd_json_ws(j);
            c = rd_json_peek(j);
            if (c == close) {
                j->p++;
                depth--;
                continue;
            }
            if (c == ',') {
                j->p++;
                if (top == '{' && member_key(j) < 0) return -1;
                break;
            }
            char b[16];
            if (c < 0) return rd_json_fail(j, "truncated record: end of line inside %s",
                                           top == '[' ? "an array" : "an object");
            return rd_json_fail(j, "unexpected %s (expected ',' or '%c')", here(j, b), close);
        }
    }
}
