/* jsonl.c -- events as JSON Lines, one object per event.
 *
 * Fields: doc_id, title and url (null when the document has none),
 * sentence (0-based index), sentence_text, date
 * (YYYY-MM-DD), source, target, code, root_code, quad_class, goldstein,
 * event_name, source_text, target_text, verb, issues, repeat_of (the
 * headline's sentence, on a lead event the headline told already; absent
 * otherwise), and explain when --explain asked for it. A code missing from the CAMEO table gets null
 * weights rather than invented ones. A document's lines are built in
 * memory and written with one fwrite: per-character stdio calls cost more
 * than the coding of the sentence. */
#include "output/output.h"
#include "util/buf.h"
#include "util/bytes8.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>


/* An unsigned or signed integer in decimal (snprintf's parsing of a format
 * costs more than the rest of an event's line). */
static void put_uint(byte_buf *l, unsigned long v) {
    char b[24];
    size_t i = sizeof b;
    do b[--i] = (char)('0' + v % 10); while (v /= 10);
    byte_buf_put(l, b + i, sizeof b - i);
}

static void put_int(byte_buf *l, long v) {
    if (v < 0) byte_buf_put(l, "-", 1);
    put_uint(l, v < 0 ? 0UL - (unsigned long)v : (unsigned long)v);
}

/* A Goldstein weight with one decimal, as printf's %.1f writes the table's
 * values (every one a multiple of 0.1). */
static void put_weight(byte_buf *l, double g) {
    long tenths = lround(g * 10);
    if (tenths < 0) byte_buf_put(l, "-", 1);
    unsigned long a = tenths < 0 ? 0UL - (unsigned long)tenths : (unsigned long)tenths;
    put_uint(l, a / 10);
    byte_buf_put(l, ".", 1);
    put_uint(l, a % 10);
}

/* s[0..n) as a JSON string literal; newlines and tabs in sentence text
 * become blanks when `flat` is set. Room for the plain case (the quotes
 * and n bytes) is made once; each run of plain bytes, found 16 at a time,
 * is copied whole, and an escape (6 bytes at most for 1) makes room for
 * the rest again. */
static void put_json(byte_buf *l, const char *s, size_t n, int flat) {
    static const char hex[] = "0123456789abcdef";
    const char *end = s + n;
    char *o = byte_buf_room(l, n + 2);
    if (!o) return;
    *o++ = '"';
    for (;;) {
        const char *run = s;
        s = bytes8_json_plain_end(s, end);
        memcpy(o, run, (size_t)(s - run));
        o += s - run;
        if (s == end) break;
        l->len = (size_t)(o - l->p);
        if (!(o = byte_buf_room(l, (size_t)(end - s) + 6))) return;
        unsigned char c = (unsigned char)*s++;
        if (flat && (c == '\n' || c == '\r' || c == '\t')) {
            *o++ = ' ';
            continue;
        }
        *o++ = '\\';
        if (c == '"' || c == '\\') *o++ = (char)c;
        else if (c == '\n') *o++ = 'n';
        else if (c == '\r') *o++ = 'r';
        else if (c == '\t') *o++ = 't';
        else memcpy(o, "u00", 3), o[3] = hex[c >> 4], o[4] = hex[c & 15], o += 5;
    }
    *o++ = '"';
    l->len = (size_t)(o - l->p);
    *o = '\0';
}

/* ,"name":"value" -- the name a string literal, its quotes and colon
 * written with it in one copy. */
#define FIELD(l, name, value) field(l, ",\"" name "\":", sizeof(",\"" name "\":") - 1, value)
#define OPT_FIELD(l, name, value) \
    opt_field(l, ",\"" name "\":", sizeof(",\"" name "\":") - 1, value)
#define PUT_LIT(l, lit) byte_buf_put(l, lit, sizeof(lit) - 1)

static void field(byte_buf *l, const char *key, size_t keylen, const char *value) {
    byte_buf_put(l, key, keylen);
    put_json(l, value ? value : "", value ? strlen(value) : 0, 0);
}

/* A field whose absence is null: the document's title or url. */
static void opt_field(byte_buf *l, const char *key, size_t keylen, const char *value) {
    byte_buf_put(l, key, keylen);
    if (value && *value) put_json(l, value, strlen(value), 0);
    else PUT_LIT(l, "null");
}

void out_json_buf(byte_buf *l, const char *s, size_t n) { put_json(l, s, n, 0); }

void dyad_json_string(FILE *out, const char *s) { out_json(out, s, s ? strlen(s) : 0, 0); }

size_t out_sentence(const dyad_doc *doc, const dyad_result *res, const dyad_event *e,
                    size_t *start) {
    *start = 0;
    if (e->sentence >= res->nsentences || !doc->text) return 0;
    const dyad_sentence *s = &res->sentences[e->sentence];
    size_t a = s->start, b = s->end > s->start ? s->end : s->start;
    if (b > doc->text_len) b = doc->text_len;
    if (a > b) a = b;
    *start = a;
    return b - a;
}

void out_json(FILE *out, const char *s, size_t n, int flat) {
    byte_buf l = {0};
    put_json(&l, s ? s : "", s ? n : 0, flat);
    if (!l.oom) fwrite(l.p, 1, l.len, out);
    free(l.p);
}

/* What every line of the document begins with: its id, title and url. */
static void doc_head(byte_buf *l, const dyad_doc *doc) {
    PUT_LIT(l, "{\"doc_id\":");
    put_json(l, doc->id, strlen(doc->id), 0);
    OPT_FIELD(l, "title", doc->title);
    OPT_FIELD(l, "url", doc->url);
}

/* One event's line after the document's head (already in l). */
static void event_line(byte_buf *l, const dyad_doc *doc, const dyad_result *res, const dyad_event *e) {
    char date[11];
    date_put_iso(e->date, date); /* the date the coder settled */
    const dyad_cameo *c = dyad_cameo_find(e->code);
    char root[3] = {e->code[0], e->code[0] ? e->code[1] : 0, 0};
    PUT_LIT(l, ",\"sentence\":");
    put_uint(l, e->sentence);
    PUT_LIT(l, ",\"sentence_text\":");
    size_t start, n = out_sentence(doc, res, e, &start);
    put_json(l, doc->text ? doc->text + start : "", n, 1);
    if (date[0]) FIELD(l, "date", date);
    else PUT_LIT(l, ",\"date\":null");
    FIELD(l, "source", e->source);
    FIELD(l, "target", e->target);
    FIELD(l, "code", e->code);
    FIELD(l, "root_code", root);
    if (c) {
        PUT_LIT(l, ",\"quad_class\":");
        put_int(l, c->quad_class);
        PUT_LIT(l, ",\"goldstein\":");
        put_weight(l, c->goldstein);
        FIELD(l, "event_name", c->name);
    } else {
        PUT_LIT(l, ",\"quad_class\":null,\"goldstein\":null,\"event_name\":null");
    }
    FIELD(l, "source_text", e->source_text);
    FIELD(l, "target_text", e->target_text);
    FIELD(l, "verb", e->verb);
    FIELD(l, "issues", e->issues);
    int32_t repeat = res->repeat_of ? res->repeat_of[e - res->events] : -1;
    if (repeat >= 0) {
        PUT_LIT(l, ",\"repeat_of\":");
        put_uint(l, (uint32_t)repeat);
    }
    if (e->explain) FIELD(l, "explain", e->explain);
    PUT_LIT(l, "}\n");
}

/* The lines of a document are written once they pass this size, so that
 * a document of 700,000 events does not hold all its lines at once. */
#define JSONL_FLUSH (64 * 1024)

int dyad_write_events_jsonl(FILE *out, const dyad_doc *doc, const dyad_result *res,
                            dyad_error *err) {
    byte_buf l = {0};
    if (res->nevents) {
        /* the document's lines written together, 64 KB at most at once
         * after the head every line begins with (escaped once, at the
         * start of the buffer, and copied) */
        doc_head(&l, doc);
        size_t head = l.len;
        for (size_t i = 0; i < res->nevents && !l.oom; i++) {
            char *o = byte_buf_room(&l, head);
            if (o) memcpy(o, l.p, head), l.len += head;
            event_line(&l, doc, res, &res->events[i]);
            if (!l.oom && (l.len >= JSONL_FLUSH || i + 1 == res->nevents)) {
                fwrite(l.p + head, 1, l.len - head, out);
                l.len = head;
            }
        }
    }
    free(l.p);
    if (l.oom) return dyad_error_set(err, "writing events: out of memory");
    if (ferror(out)) return dyad_error_set(err, "writing events: %s", strerror(errno));
    return 0;
}
