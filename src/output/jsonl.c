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

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A growable line buffer. */
typedef struct line {
    char *s;
    size_t n, cap;
    int oom;
} line;

static void put(line *l, const char *s, size_t n) {
    if (l->oom) return;
    if (l->n + n + 1 > l->cap) {
        size_t cap = l->cap ? l->cap : 1024;
        while (cap < l->n + n + 1) cap *= 2;
        char *p = realloc(l->s, cap);
        if (!p) {
            l->oom = 1;
            return;
        }
        l->s = p;
        l->cap = cap;
    }
    memcpy(l->s + l->n, s, n);
    l->n += n;
}

static void puts_(line *l, const char *s) { put(l, s, strlen(s)); }

/* An unsigned or signed integer in decimal (snprintf's parsing of a format
 * costs more than the rest of an event's line). */
static void put_uint(line *l, unsigned long v) {
    char b[24];
    size_t i = sizeof b;
    do b[--i] = (char)('0' + v % 10); while (v /= 10);
    put(l, b + i, sizeof b - i);
}

static void put_int(line *l, long v) {
    if (v < 0) put(l, "-", 1);
    put_uint(l, v < 0 ? 0UL - (unsigned long)v : (unsigned long)v);
}

/* A Goldstein weight with one decimal, as printf's %.1f writes the table's
 * values (every one a multiple of 0.1). */
static void put_weight(line *l, double g) {
    long tenths = lround(g * 10);
    if (tenths < 0) put(l, "-", 1);
    unsigned long a = tenths < 0 ? 0UL - (unsigned long)tenths : (unsigned long)tenths;
    put_uint(l, a / 10);
    put(l, ".", 1);
    put_uint(l, a % 10);
}

/* s[0..n) as a JSON string literal; newlines and tabs in sentence text
 * become blanks when `flat` is set. */
static void put_json(line *l, const char *s, size_t n, int flat) {
    put(l, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        put(l, s + run, i - run);
        run = i + 1;
        char esc[8];
        if (flat && (c == '\n' || c == '\r' || c == '\t')) put(l, " ", 1);
        else if (c == '"') put(l, "\\\"", 2);
        else if (c == '\\') put(l, "\\\\", 2);
        else if (c == '\n') put(l, "\\n", 2);
        else if (c == '\r') put(l, "\\r", 2);
        else if (c == '\t') put(l, "\\t", 2);
        else {
            snprintf(esc, sizeof esc, "\\u%04x", c);
            put(l, esc, 6);
        }
    }
    put(l, s + run, n - run);
    put(l, "\"", 1);
}

static void field(line *l, const char *name, const char *value) {
    put(l, ",\"", 2);
    puts_(l, name);
    put(l, "\":", 2);
    put_json(l, value ? value : "", value ? strlen(value) : 0, 0);
}

/* A field whose absence is null: the document's title or url. */
static void opt_field(line *l, const char *name, const char *value) {
    if (value && *value) {
        field(l, name, value);
        return;
    }
    put(l, ",\"", 2);
    puts_(l, name);
    put(l, "\":null", 6);
}

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
    line l = {0};
    put_json(&l, s ? s : "", s ? n : 0, flat);
    if (!l.oom) fwrite(l.s, 1, l.n, out);
    free(l.s);
}

static void event_line(line *l, const dyad_doc *doc, const dyad_result *res, const dyad_event *e,
                       const char *date) {
    const dyad_cameo *c = dyad_cameo_find(e->code);
    char root[3] = {e->code[0], e->code[0] ? e->code[1] : 0, 0};
    l->n = 0;
    puts_(l, "{\"doc_id\":");
    put_json(l, doc->id, strlen(doc->id), 0);
    opt_field(l, "title", doc->title);
    opt_field(l, "url", doc->url);
    puts_(l, ",\"sentence\":");
    put_uint(l, e->sentence);
    puts_(l, ",\"sentence_text\":");
    size_t start, n = out_sentence(doc, res, e, &start);
    put_json(l, doc->text ? doc->text + start : "", n, 1);
    if (date[0]) field(l, "date", date);
    else puts_(l, ",\"date\":null");
    field(l, "source", e->source);
    field(l, "target", e->target);
    field(l, "code", e->code);
    field(l, "root_code", root);
    if (c) {
        puts_(l, ",\"quad_class\":");
        put_int(l, c->quad_class);
        puts_(l, ",\"goldstein\":");
        put_weight(l, c->goldstein);
        field(l, "event_name", c->name);
    } else {
        puts_(l, ",\"quad_class\":null,\"goldstein\":null,\"event_name\":null");
    }
    field(l, "source_text", e->source_text);
    field(l, "target_text", e->target_text);
    field(l, "verb", e->verb);
    field(l, "issues", e->issues);
    int32_t repeat = res->repeat_of ? res->repeat_of[e - res->events] : -1;
    if (repeat >= 0) {
        puts_(l, ",\"repeat_of\":");
        put_uint(l, (uint32_t)repeat);
    }
    if (e->explain) field(l, "explain", e->explain);
    puts_(l, "}\n");
}

int dyad_write_events_jsonl(FILE *out, const dyad_doc *doc, const dyad_result *res,
                            dyad_error *err) {
    char date[11] = "";
    if (doc->date && strlen(doc->date) == 8)
        snprintf(date, sizeof date, "%.4s-%.2s-%.2s", doc->date, doc->date + 4, doc->date + 6);
    line l = {0};
    for (size_t i = 0; i < res->nevents && !l.oom; i++) {
        event_line(&l, doc, res, &res->events[i], date);
        if (!l.oom) fwrite(l.s, 1, l.n, out);
    }
    free(l.s);
    if (l.oom) return dyad_error_set(err, "writing events: out of memory");
    if (ferror(out)) return dyad_error_set(err, "writing events: %s", strerror(errno));
    return 0;
}
