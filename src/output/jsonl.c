/* jsonl.c -- events as JSON Lines, one object per event.
 *
 * Fields: doc_id, title and url (null when the document has none),
 * sentence (0-based index), sentence_text, date
 * (YYYY-MM-DD), source, target, code, root_code, quad_class, goldstein,
 * event_name, source_text, target_text, verb, issues, repeat_of (the
 * headline's sentence, on a lead event the headline told already; absent
 * otherwise), and explain when --explain asked for it. A code missing from the CAMEO table gets null
 * weights rather than invented ones. Each line is built in memory and
 * written with one fwrite: per-character stdio calls cost more than the
 * coding of the sentence. */
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
 * become blanks when `flat` is set. */
static void put_json(byte_buf *l, const char *s, size_t n, int flat) {
    byte_buf_put(l, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 8 <= n && !bytes8_json_special(bytes8_load(s + i))) { /* 8 plain bytes */
            i += 7;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        byte_buf_put(l, s + run, i - run);
        run = i + 1;
        char esc[8];
        if (flat && (c == '\n' || c == '\r' || c == '\t')) byte_buf_put(l, " ", 1);
        else if (c == '"') byte_buf_put(l, "\\\"", 2);
        else if (c == '\\') byte_buf_put(l, "\\\\", 2);
        else if (c == '\n') byte_buf_put(l, "\\n", 2);
        else if (c == '\r') byte_buf_put(l, "\\r", 2);
        else if (c == '\t') byte_buf_put(l, "\\t", 2);
        else {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            byte_buf_put(l, esc, 6);
        }
    }
    byte_buf_put(l, s + run, n - run);
    byte_buf_put(l, "\"", 1);
}

static void field(byte_buf *l, const char *name, const char *value) {
    byte_buf_put(l, ",\"", 2);
    byte_buf_puts(l, name);
    byte_buf_put(l, "\":", 2);
    put_json(l, value ? value : "", value ? strlen(value) : 0, 0);
}

/* A field whose absence is null: the document's title or url. */
static void opt_field(byte_buf *l, const char *name, const char *value) {
    if (value && *value) {
        field(l, name, value);
        return;
    }
    byte_buf_put(l, ",\"", 2);
    byte_buf_puts(l, name);
    byte_buf_put(l, "\":null", 6);
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

static void event_line(byte_buf *l, const dyad_doc *doc, const dyad_result *res, const dyad_event *e) {
    char date[11];
    date_put_iso(e->date, date); /* the date the coder settled */
    const dyad_cameo *c = dyad_cameo_find(e->code);
    char root[3] = {e->code[0], e->code[0] ? e->code[1] : 0, 0};
    l->len = 0;
    byte_buf_puts(l, "{\"doc_id\":");
    put_json(l, doc->id, strlen(doc->id), 0);
    opt_field(l, "title", doc->title);
    opt_field(l, "url", doc->url);
    byte_buf_puts(l, ",\"sentence\":");
    put_uint(l, e->sentence);
    byte_buf_puts(l, ",\"sentence_text\":");
    size_t start, n = out_sentence(doc, res, e, &start);
    put_json(l, doc->text ? doc->text + start : "", n, 1);
    if (date[0]) field(l, "date", date);
    else byte_buf_puts(l, ",\"date\":null");
    field(l, "source", e->source);
    field(l, "target", e->target);
    field(l, "code", e->code);
    field(l, "root_code", root);
    if (c) {
        byte_buf_puts(l, ",\"quad_class\":");
        put_int(l, c->quad_class);
        byte_buf_puts(l, ",\"goldstein\":");
        put_weight(l, c->goldstein);
        field(l, "event_name", c->name);
    } else {
        byte_buf_puts(l, ",\"quad_class\":null,\"goldstein\":null,\"event_name\":null");
    }
    field(l, "source_text", e->source_text);
    field(l, "target_text", e->target_text);
    field(l, "verb", e->verb);
    field(l, "issues", e->issues);
    int32_t repeat = res->repeat_of ? res->repeat_of[e - res->events] : -1;
    if (repeat >= 0) {
        byte_buf_puts(l, ",\"repeat_of\":");
        put_uint(l, (uint32_t)repeat);
    }
    if (e->explain) field(l, "explain", e->explain);
    byte_buf_puts(l, "}\n");
}

int dyad_write_events_jsonl(FILE *out, const dyad_doc *doc, const dyad_result *res,
                            dyad_error *err) {
    byte_buf l = {0};
    for (size_t i = 0; i < res->nevents && !l.oom; i++) {
        event_line(&l, doc, res, &res->events[i]);
        if (!l.oom) fwrite(l.p, 1, l.len, out);
    }
    free(l.p);
    if (l.oom) return dyad_error_set(err, "writing events: out of memory");
    if (ferror(out)) return dyad_error_set(err, "writing events: %s", strerror(errno));
    return 0;
}
