/* coded.c -- a coded document read back from its JSON line (written by
 * src/output/coded.c): the document, its input, its sentences' offsets
 * and its events, as dyad_store_add takes them (`dyad merge`).
 *
 * A line is checked as any input is: valid UTF-8, well-formed JSON, every
 * sentence inside the text and every event's sentence among the
 * sentences, a date that is a date; what is wrong is reported with its
 * column. Members the reader does not know are skipped. */
#include "input/json.h"

#include <stdlib.h>
#include <string.h>

typedef struct coded_rd {
    rd_json j;
    dyad_arena *a;
    byte_buf s; /* a decoded string */
} coded_rd;

/* A string value, copied into the arena. */
static int get_str(coded_rd *r, const char **out, size_t *len) {
    rd_json_ws(&r->j);
    if (rd_json_peek(&r->j) != '"') return rd_json_fail(&r->j, "expected a string");
    byte_buf_clear(&r->s);
    if (rd_json_string(&r->j, &r->s) < 0) return -1;
    char *p = dyad_arena_strndup(r->a, r->s.p ? r->s.p : "", r->s.len);
    if (!p) return rd_json_fail(&r->j, "out of memory");
    *out = p;
    if (len) *len = r->s.len;
    return 0;
}

/* A whole number 0 <= v <= max. */
static int get_uint(coded_rd *r, uint64_t max, uint64_t *out) {
    rd_json_ws(&r->j);
    uint64_t v = 0;
    const char *p = r->j.p;
    while (r->j.p < r->j.end && *r->j.p >= '0' && *r->j.p <= '9' && r->j.p - p < 19)
        v = v * 10 + (uint64_t)(*r->j.p++ - '0');
    if (r->j.p == p || v > max || (r->j.p < r->j.end && *r->j.p >= '0' && *r->j.p <= '9')) {
        r->j.p = p;
        return rd_json_fail(&r->j, "expected a whole number up to %llu", (unsigned long long)max);
    }
    *out = v;
    return 0;
}

/* '[' item (',' item)* ']' or '[' ']': each item by fn(r, ctx, index). */
static int get_array(coded_rd *r, int (*fn)(coded_rd *, void *, size_t), void *ctx) {
    if (rd_json_expect(&r->j, '[', "(expected an array)") < 0) return -1;
    rd_json_ws(&r->j);
    if (rd_json_peek(&r->j) == ']') return r->j.p++, 0;
    for (size_t i = 0;; i++) {
        if (fn(r, ctx, i) < 0) return -1;
        rd_json_ws(&r->j);
        if (rd_json_peek(&r->j) == ']') return r->j.p++, 0;
        if (rd_json_expect(&r->j, ',', "in an array (expected ',' or ']')") < 0) return -1;
    }
}

/* '{' "key": value, ... '}', each member by fn(r, ctx, key). */
static int get_object(coded_rd *r, int (*fn)(coded_rd *, void *, const char *), void *ctx) {
    if (rd_json_expect(&r->j, '{', "(expected an object)") < 0) return -1;
    rd_json_ws(&r->j);
    if (rd_json_peek(&r->j) == '}') return r->j.p++, 0;
    for (;;) {
        rd_json_ws(&r->j);
        if (rd_json_peek(&r->j) < 0)
            return rd_json_fail(&r->j, "truncated line: it ends where a key was expected");
        if (rd_json_peek(&r->j) != '"') return rd_json_fail(&r->j, "expected a string key");
        byte_buf_clear(&r->s);
        if (rd_json_string(&r->j, &r->s) < 0) return -1;
        char key[24];
        snprintf(key, sizeof key, "%s", r->s.len < sizeof key ? r->s.p : "");
        if (rd_json_expect(&r->j, ':', "after a key (expected ':')") < 0) return -1;
        if (fn(r, ctx, key) < 0) return -1;
        rd_json_ws(&r->j);
        if (rd_json_peek(&r->j) == '}') return r->j.p++, 0;
        if (rd_json_expect(&r->j, ',', "in an object (expected ',' or '}')") < 0) return -1;
    }
}

/* Growable arrays of the result, in the arena: the next element. */
static void *grow(coded_rd *r, void **v, size_t n, size_t *cap, size_t elem) {
    if (n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        void *p = dyad_arena_alloc(r->a, nc * elem);
        if (!p) return NULL;
        if (n) memcpy(p, *v, n * elem);
        *v = p;
        *cap = nc;
    }
    return (char *)*v + n * elem;
}

typedef struct coded_ctx {
    dyad_doc *doc;
    dyad_result *res;
    const char **input;
    size_t sent_cap, ev_cap;
    int has_text, has_id, version;
} coded_ctx;

static int sentence_item(coded_rd *r, void *ctx, size_t i) {
    coded_ctx *c = ctx;
    uint64_t a, b;
    if (rd_json_expect(&r->j, '[', "(a sentence is [start,end])") < 0 ||
        get_uint(r, UINT32_MAX, &a) < 0 ||
        rd_json_expect(&r->j, ',', "in a sentence (expected ',')") < 0 ||
        get_uint(r, UINT32_MAX, &b) < 0 ||
        rd_json_expect(&r->j, ']', "after a sentence's end (expected ']')") < 0)
        return -1;
    if (a > b) return rd_json_fail(&r->j, "sentence %zu ends before it starts", i);
    dyad_sentence *s = grow(r, (void **)&c->res->sentences, i, &c->sent_cap, sizeof *s);
    if (!s) return rd_json_fail(&r->j, "out of memory");
    s->start = (uint32_t)a;
    s->end = (uint32_t)b;
    c->res->nsentences = i + 1;
    return 0;
}

static int date_kind_of(const char *name) {
    for (int k = DYAD_DATE_NONE; k <= DYAD_DATE_MONTH_DAY; k++)
        if (!strcmp(name, dyad_date_kind_name((dyad_date_kind)k))) return k;
    return -1;
}

static int event_member(coded_rd *r, void *ctx, const char *key) {
    dyad_event *e = ctx;
    uint64_t v;
    const char *kind;
    if (!strcmp(key, "sentence")) {
        if (get_uint(r, UINT32_MAX, &v) < 0) return -1;
        e->sentence = (uint32_t)v;
    } else if (!strcmp(key, "date")) {
        if (get_uint(r, 99991231, &v) < 0) return -1;
        e->date = (int32_t)v;
    } else if (!strcmp(key, "date_kind")) {
        if (get_str(r, &kind, NULL) < 0) return -1;
        int k = date_kind_of(kind);
        if (k < 0) return rd_json_fail(&r->j, "unknown date_kind \"%s\"", kind);
        e->date_kind = (uint8_t)k;
    } else if (!strcmp(key, "source")) return get_str(r, &e->source, NULL);
    else if (!strcmp(key, "target")) return get_str(r, &e->target, NULL);
    else if (!strcmp(key, "code")) return get_str(r, &e->code, NULL);
    else if (!strcmp(key, "source_text")) return get_str(r, &e->source_text, NULL);
    else if (!strcmp(key, "target_text")) return get_str(r, &e->target_text, NULL);
    else if (!strcmp(key, "verb")) return get_str(r, &e->verb, NULL);
    else if (!strcmp(key, "issues")) return get_str(r, &e->issues, NULL);
    else if (!strcmp(key, "explain")) return get_str(r, &e->explain, NULL);
    else return rd_json_skip(&r->j);
    return 0;
}

static int event_item(coded_rd *r, void *ctx, size_t i) {
    coded_ctx *c = ctx;
    dyad_event *e = grow(r, (void **)&c->res->events, i, &c->ev_cap, sizeof *e);
    if (!e) return rd_json_fail(&r->j, "out of memory");
    memset(e, 0, sizeof *e);
    e->source = e->target = e->code = e->source_text = e->target_text = e->verb = e->issues = "";
    if (get_object(r, event_member, e) < 0) return -1;
    if (!*e->code) return rd_json_fail(&r->j, "event %zu has no code", i);
    c->res->nevents = i + 1;
    return 0;
}

static int doc_member(coded_rd *r, void *ctx, const char *key) {
    coded_ctx *c = ctx;
    dyad_doc *d = c->doc;
    uint64_t v;
    if (!strcmp(key, "dyad_coded")) {
        if (get_uint(r, 1000, &v) < 0) return -1;
        c->version = (int)v;
    } else if (!strcmp(key, "id")) {
        c->has_id = 1;
        return get_str(r, &d->id, NULL);
    } else if (!strcmp(key, "date")) return get_str(r, &d->date, NULL);
    else if (!strcmp(key, "title")) return get_str(r, &d->title, NULL);
    else if (!strcmp(key, "source")) return get_str(r, &d->source, NULL);
    else if (!strcmp(key, "url")) return get_str(r, &d->url, NULL);
    else if (!strcmp(key, "input")) return get_str(r, c->input, NULL);
    else if (!strcmp(key, "line")) {
        if (get_uint(r, UINT64_MAX / 10, &v) < 0) return -1;
        d->line = v;
    } else if (!strcmp(key, "text")) {
        c->has_text = 1;
        return get_str(r, &d->text, &d->text_len);
    } else if (!strcmp(key, "sentences")) {
        c->res->nsentences = 0;
        return get_array(r, sentence_item, c);
    } else if (!strcmp(key, "events")) {
        c->res->nevents = 0;
        return get_array(r, event_item, c);
    } else return rd_json_skip(&r->j);
    return 0;
}

/* What the store would trip over: offsets outside the text, events of
 * sentences that are not there. NULL, or what is wrong. */
static const char *coded_check(const dyad_doc *d, const dyad_result *res, char *msg, size_t cap) {
    for (size_t i = 0; i < res->nsentences; i++)
        if (res->sentences[i].end > d->text_len) {
            snprintf(msg, cap, "sentence %zu ends at byte %u, past the text's %zu", i,
                     (unsigned)res->sentences[i].end, d->text_len);
            return msg;
        }
    for (size_t i = 0; i < res->nevents; i++)
        if (res->events[i].sentence >= res->nsentences) {
            snprintf(msg, cap, "event %zu is of sentence %u, of %zu", i,
                     (unsigned)res->events[i].sentence, res->nsentences);
            return msg;
        }
    if (d->date[0] && dyad_date_parse(d->date) < 0) {
        snprintf(msg, cap, "date \"%.20s\" is not YYYYMMDD", d->date);
        return msg;
    }
    return NULL;
}

int dyad_coded_read(const char *line, size_t len, dyad_arena *a, dyad_doc *doc,
                    dyad_result *res, const char **input, dyad_error *err) {
    static const char *const none = "";
    memset(doc, 0, sizeof *doc);
    memset(res, 0, sizeof *res);
    doc->id = doc->date = doc->title = doc->text = doc->source = doc->url = none;
    doc->category = doc->parse = none;
    doc->evaluate = 1;
    *input = none;
    size_t bad = rd_utf8_check(line, len);
    if (bad != (size_t)-1)
        return dyad_error_set(err, "invalid UTF-8 (or a NUL byte) at column %zu", bad + 1);
    coded_rd r = {.a = a};
    coded_ctx c = {.doc = doc, .res = res, .input = input};
    rd_json_init(&r.j, line, len);
    int rc = get_object(&r, doc_member, &c);
    if (rc == 0) {
        rd_json_ws(&r.j);
        if (r.j.p < r.j.end) rc = rd_json_fail(&r.j, "data after the end of the object");
    }
    byte_buf_free(&r.s);
    if (rc < 0) return dyad_error_set(err, "%s at column %zu", r.j.what, r.j.col);
    char msg[128];
    const char *why = c.version != 1 ? "not a coded document (no \"dyad_coded\":1)"
                      : !c.has_id || !c.has_text ? "a coded document needs \"id\" and \"text\""
                      : coded_check(doc, res, msg, sizeof msg);
    return why ? dyad_error_set(err, "%s", why) : 0;
}

