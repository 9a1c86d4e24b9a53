/* xml_lex.c -- a streaming XML tokenizer, just enough for PETRARCH files.
 *
 * Tokens are read straight from the chunked source, one at a time, so the
 * memory used is one tag's attributes plus the character data the caller
 * chooses to keep (appended to its `sink`, up to `limit` bytes; the rest is
 * consumed and flagged as overflow). Comments, <?...?>, <!DOCTYPE...> are
 * consumed without being stored.
 *
 * Character data: the five predefined entities and &#NN; / &#xNN; are
 * decoded; an unknown or malformed entity is kept literally (news text often
 * has a bare '&'). CR LF and lone CR become LF, as XML prescribes. CDATA
 * sections are character data.
 *
 * Malformed markup gives a RD_XML_BAD token with a message; the tokenizer
 * then resynchronizes at the end of the tag ('>') or just before the next
 * '<', which can never occur inside a well-formed tag. Each byte is looked at
 * a bounded number of times, so any input is read in linear time. */
#include "input/input.h"

#include <stdarg.h>
#include <string.h>

static int is_space(int c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
static int is_name_start(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || c >= 0x80;
}
static int is_name_char(int c) {
    return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

static void set_bad(rd_xml_tok *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_bad(rd_xml_tok *t, const char *fmt, ...) {
    t->type = RD_XML_BAD;
    if (t->bad[0]) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->bad, sizeof t->bad, fmt, ap);
    va_end(ap);
}

/* Bad markup that ran to the end of the input: everything after its start
 * was swallowed, so the reader makes it an error, not a skipped record. */
#define set_eof(t, ...) ((t)->unterminated = 1, set_bad((t), __VA_ARGS__))

/* Appends decoded character data to the sink, respecting its limit. */
static int emit(rd_xml_tok *t, byte_buf *sink, size_t limit, const void *p, size_t n) {
    if (!sink || t->overflow || n == 0) return 0;
    if (sink->len + n > limit) {
        t->overflow = 1;
        return 0;
    }
    return byte_buf_put(sink, p, n);
}

/* After '&': decodes an entity into out (returns its length), or copies the
 * consumed bytes literally when it is not a known, valid entity. */
static size_t entity(rd_src *s, char out[24]) {
    char name[12];
    size_t n = 0;
    int c;
    while (n < 10 && (c = rd_src_peek(s)) >= 0 &&
           ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '#'))
        name[n++] = (char)rd_src_get(s);
    name[n] = '\0';
    out[0] = '&';
    memcpy(out + 1, name, n);
    if (rd_src_peek(s) != ';') return n + 1;
    rd_src_get(s);
    out[n + 1] = ';';
    static const struct { const char *name, *text; } named[] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strcmp(name, named[i].name) == 0) {
            out[0] = named[i].text[0];
            return 1;
        }
    if (name[0] == '#' && n > 1) {
        int hex = name[1] == 'x' || name[1] == 'X';
        const char *d = name + 1 + hex;
        uint32_t cp = 0;
        int ok = *d != '\0';
        for (; *d && ok; d++) {
            int v = (*d >= '0' && *d <= '9') ? *d - '0'
                  : hex && (*d >= 'a' && *d <= 'f') ? *d - 'a' + 10
                  : hex && (*d >= 'A' && *d <= 'F') ? *d - 'A' + 10 : -1;
            if (v < 0 || cp > 0x10FFFF) ok = 0;
            else cp = cp * (hex ? 16 : 10) + (uint32_t)v;
        }
        if (ok && cp >= 1 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF))
            return (size_t)rd_utf8_put(out, cp);
    }
    return n + 2; /* "&name;" kept as written */
}

/* Character data up to the next '<' (not consumed) or the end. */
static int text(rd_src *s, rd_xml_tok *t, byte_buf *sink, size_t limit) {
    t->type = RD_XML_TEXT;
    size_t start = sink ? sink->len : 0;
    for (;;) {
        size_t avail = rd_src_fill(s);
        if (avail == 0) break;
        const unsigned char *p = s->buf + s->pos, *q = p, *e = p + avail;
        while (q < e && *q != '<' && *q != '&' && *q != '\r') {
            if (*q == '\n') s->line++;
            else if (!t->nonspace && *q != ' ' && *q != '\t') {
                t->nonspace = 1;
                t->nonspace_line = s->line;
            }
            q++;
        }
        if (emit(t, sink, limit, p, (size_t)(q - p)) < 0) return -1;
        s->pos += (size_t)(q - p);
        if (q == e) continue;
        if (*q == '<') break;
        if (*q == '\r') {
            rd_src_get(s);
            if (rd_src_peek(s) != '\n' && emit(t, sink, limit, "\n", 1) < 0) return -1;
            continue;
        }
        rd_src_get(s); /* '&' */
        if (!t->nonspace) t->nonspace_line = s->line;
        t->nonspace = 1;
        char out[24];
        size_t n = entity(s, out);
        if (emit(t, sink, limit, out, n) < 0) return -1;
    }
    if (sink && !t->overflow) {
        size_t bad = rd_utf8_check(sink->p + start, sink->len - start);
        if (bad != (size_t)-1) {
            t->bad_line = t->line;
            for (size_t i = start; i < start + bad; i++)
                if (sink->p[i] == '\n') t->bad_line++;
        }
    }
    return 0;
}

/* Consumes up to and including `end` (a 2- or 3-byte terminator). */
static int skip_until(rd_src *s, const char *end) {
    size_t n = strlen(end), matched = 0;
    int c;
    while ((c = rd_src_get(s)) >= 0) {
        if (c == end[matched]) {
            if (++matched == n) return 0;
        } else {
            /* terminators here are "-->", "?>", "]]>": a repeated first byte
             * keeps the partial match alive */
            matched = (c == end[0]) ? (matched > 0 && end[0] == end[1] ? matched : 1) : 0;
        }
    }
    return -1;
}

/* After a malformed tag: skip to its '>' (consumed) or the next '<'. */
static void skip_rest_of_tag(rd_src *s) {
    int c;
    while ((c = rd_src_peek(s)) >= 0 && c != '<') {
        rd_src_get(s);
        if (c == '>') return;
    }
}

/* A name into out: 0, -1 when too long, -2 when not valid UTF-8. */
static int read_name(rd_src *s, char *out, size_t max) {
    size_t n = 0;
    while (is_name_char(rd_src_peek(s))) {
        int c = rd_src_get(s);
        if (n + 1 >= max) {
            out[n] = '\0';
            return -1;
        }
        out[n++] = (char)c;
    }
    out[n] = '\0';
    return rd_utf8_check(out, n) == (size_t)-1 ? 0 : -2;
}

static void skip_space(rd_src *s) {
    while (is_space(rd_src_peek(s))) rd_src_get(s);
}

/* One attribute value after its opening quote; decoded into t->attrs. */
static int attr_value(rd_src *s, rd_xml_tok *t, int quote, size_t limit) {
    for (;;) {
        int c = rd_src_peek(s);
        if (c < 0) {
            set_eof(t, "end of input inside an attribute value of <%s>", t->name);
            return 1;
        }
        if (c == '<') {
            set_bad(t, "'<' inside an attribute value of <%s> (missing quote?)", t->name);
            return 1;
        }
        rd_src_get(s);
        if (c == quote) return 0;
        if (t->attrs.len > limit) {
            set_bad(t, "tag <%s> longer than %zu bytes", t->name, limit);
            return 1;
        }
        if (c == '&') {
            char out[24];
            size_t n = entity(s, out);
            if (byte_buf_put(&t->attrs, out, n) < 0) return -1;
        } else if (byte_buf_putc(&t->attrs, c) < 0) {
            return -1;
        }
    }
}

/* After "<name": attributes up to '>' or '/>'. */
static int start_tag(rd_src *s, rd_xml_tok *t, size_t limit) {
    for (;;) {
        skip_space(s);
        int c = rd_src_peek(s);
        if (c == '>') {
            rd_src_get(s);
            t->type = RD_XML_START;
            break;
        }
        if (c == '/') {
            rd_src_get(s);
            if (rd_src_peek(s) != '>') {
                set_bad(t, "'/' not followed by '>' in <%s>", t->name);
                return 0;
            }
            rd_src_get(s);
            t->type = RD_XML_EMPTY;
            break;
        }
        if (c < 0 || c == '<') {
            set_bad(t, "tag <%s> not closed with '>'", t->name);
            return 0;
        }
        if (t->attrs.len > limit) {
            set_bad(t, "tag <%s> longer than %zu bytes", t->name, limit);
            return 0;
        }
        char key[RD_XML_NAME_MAX];
        if (!is_name_start(c) || read_name(s, key, sizeof key) < 0) {
            set_bad(t, "bad attribute name in <%s>", t->name);
            return 0;
        }
        skip_space(s);
        if (rd_src_peek(s) != '=') {
            set_bad(t, "attribute %s of <%s> has no value", key, t->name);
            return 0;
        }
        rd_src_get(s);
        skip_space(s);
        int q = rd_src_peek(s);
        if (q != '"' && q != '\'') {
            set_bad(t, "value of attribute %s of <%s> not quoted", key, t->name);
            return 0;
        }
        rd_src_get(s);
        if (byte_buf_put(&t->attrs, key, strlen(key) + 1) < 0) return -1;
        int rc = attr_value(s, t, q, limit);
        if (rc != 0) return rc < 0 ? -1 : 0;
        if (byte_buf_putc(&t->attrs, '\0') < 0) return -1;
        t->nattrs++;
    }
    /* the key\0value\0 pairs must be valid UTF-8 apart from the separators */
    const char *p = t->attrs.p, *e = p ? p + t->attrs.len : NULL;
    while (p && p < e) {
        size_t n = strlen(p);
        if (rd_utf8_check(p, n) != (size_t)-1) {
            set_bad(t, "invalid UTF-8 in an attribute of <%s>", t->name);
            return 0;
        }
        p += n + 1;
    }
    return 0;
}

/* After "<!": a comment, CDATA (as text) or a declaration. */
static int bang(rd_src *s, rd_xml_tok *t, byte_buf *sink, size_t limit) {
    if (rd_src_peek(s) == '-') {
        rd_src_get(s);
        if (rd_src_peek(s) == '-') {
            rd_src_get(s);
            t->type = RD_XML_OTHER;
            if (skip_until(s, "-->") < 0) set_eof(t, "comment not closed (end of input)");
            return 0;
        }
    } else if (rd_src_peek(s) == '[') {
        const char *cdata = "[CDATA[";
        for (const char *k = cdata; *k; k++) {
            if (rd_src_peek(s) != *k) {
                set_bad(t, "bad <![ section");
                skip_rest_of_tag(s);
                return 0;
            }
            rd_src_get(s);
        }
        t->type = RD_XML_TEXT;
        size_t start = sink ? sink->len : 0;
        const char *end = "]]>";
        size_t matched = 0;
        int c;
        /* CDATA content is kept as is, so buffer the ']' of a partial match */
        while ((c = rd_src_get(s)) >= 0) {
            if (c == end[matched] && (matched < 2 || c == '>')) {
                if (++matched == 3) break;
                continue;
            }
            if (matched == 2 && c == ']') { /* "]]]": one ']' is content */
                if (emit(t, sink, limit, "]", 1) < 0) return -1;
                continue;
            }
            if (matched && emit(t, sink, limit, "]]", matched) < 0) return -1;
            matched = 0;
            if (c == ']') {
                matched = 1;
                continue;
            }
            if (!is_space(c) && !t->nonspace) {
                t->nonspace = 1;
                t->nonspace_line = s->line;
            }
            char ch = (char)c;
            if (emit(t, sink, limit, &ch, 1) < 0) return -1;
        }
        if (c < 0) set_eof(t, "CDATA section not closed (end of input)");
        else if (sink && !t->overflow &&
                 rd_utf8_check(sink->p + start, sink->len - start) != (size_t)-1)
            t->bad_line = t->line;
        return 0;
    }
    /* <!DOCTYPE ...> and the like, with a possible [internal subset] */
    t->type = RD_XML_OTHER;
    int depth = 1, c;
    while ((c = rd_src_get(s)) >= 0) {
        if (c == '<') depth++;
        else if (c == '>' && --depth == 0) return 0;
    }
    set_eof(t, "<! declaration not closed (end of input)");
    return 0;
}

int rd_xml_next(rd_src *s, rd_xml_tok *t, byte_buf *sink, size_t limit) {
    t->type = RD_XML_EOF;
    t->line = s->line;
    t->name[0] = '\0';
    byte_buf_clear(&t->attrs);
    t->nattrs = 0;
    t->nonspace = t->overflow = 0;
    t->nonspace_line = 0;
    t->bad_line = 0;
    t->bad[0] = '\0';
    t->bad_start = 0;
    t->unterminated = 0;
    int c = rd_src_peek(s);
    if (c < 0) return 0;
    if (c != '<') return text(s, t, sink, limit);
    rd_src_get(s);
    c = rd_src_peek(s);
    if (c == '!') {
        rd_src_get(s);
        return bang(s, t, sink, limit);
    }
    if (c == '?') {
        rd_src_get(s);
        t->type = RD_XML_OTHER;
        if (skip_until(s, "?>") < 0) set_eof(t, "<? not closed (end of input)");
        return 0;
    }
    if (c == '/') {
        rd_src_get(s);
        if (!is_name_start(rd_src_peek(s)) || read_name(s, t->name, sizeof t->name) < 0) {
            set_bad(t, "bad end tag");
            skip_rest_of_tag(s);
            return 0;
        }
        skip_space(s);
        if (rd_src_peek(s) != '>') {
            set_bad(t, "end tag </%s> not closed with '>'", t->name);
            skip_rest_of_tag(s);
            return 0;
        }
        rd_src_get(s);
        t->type = RD_XML_END;
        return 0;
    }
    if (!is_name_start(c)) {
        set_bad(t, "'<' not followed by a tag name");
        return 0;
    }
    int rc = read_name(s, t->name, sizeof t->name);
    if (rc < 0) {
        if (rc == -1) set_bad(t, "tag name longer than %d bytes", RD_XML_NAME_MAX - 1);
        else set_bad(t, "tag name is not valid UTF-8");
        t->name[0] = '\0';
        skip_rest_of_tag(s);
        return 0;
    }
    if (start_tag(s, t, limit) < 0) return -1;
    if (t->type == RD_XML_BAD) {
        t->bad_start = 1;
        skip_rest_of_tag(s);
    }
    return 0;
}

const char *rd_xml_attr(const rd_xml_tok *t, const char *key) {
    const char *p = t->attrs.p;
    for (size_t i = 0; i < t->nattrs; i++) {
        const char *v = p + strlen(p) + 1;
        if (strcmp(p, key) == 0) return v;
        p = v + strlen(v) + 1;
    }
    return NULL;
}
