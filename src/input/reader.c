/* reader.c -- the public reader API: open, next, close, warnings.
 *
 * A dyad_reader wraps an already-open FILE* and hands out one dyad_doc per
 * call, whatever the format; the per-format work is in text.c, jsonl.c and
 * xml.c. Records that cannot be read are skipped, never silently: each one
 * produces a "name:line: message" warning (to the caller's hook, if any)
 * and is counted in dyad_reader_skipped. Errors that stop the run (a read
 * error, out of memory, input that is not the format at all) make next()
 * return -1 with a message naming the input and line. */
#include "input/input.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void rd_warn(dyad_reader *r, uint64_t line, const char *fmt, ...) {
    char what[400], msg[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    snprintf(msg, sizeof msg, "%s:%llu: %s", r->name, (unsigned long long)line, what);
    r->skipped++;
    if (r->warn) r->warn(r->warn_ctx, msg);
}

int rd_fail(dyad_reader *r, dyad_error *err, uint64_t line, const char *fmt, ...) {
    char what[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    return dyad_error_set(err, "%s:%llu: %s", r->name, (unsigned long long)line, what);
}

int rd_read_error(dyad_reader *r, dyad_error *err) {
    return rd_fail(r, err, r->src.line, "read error: %s",
                   r->src.err > 0 ? strerror(r->src.err) : "unknown I/O error");
}

void rd_doc_clear(dyad_doc *doc) {
    memset(doc, 0, sizeof *doc);
    doc->id = doc->date = doc->title = doc->text = "";
    doc->source = doc->url = doc->category = doc->parse = "";
    doc->evaluate = 1;
}

dyad_reader *dyad_reader_open(FILE *fp, const char *name, dyad_format fmt,
                              const char *default_date, dyad_error *err) {
    if (!name) name = "<stdin>";
    if (!fp) {
        dyad_error_set(err, "%s: no input stream", name);
        return NULL;
    }
    if (fmt != DYAD_FMT_TEXT && fmt != DYAD_FMT_JSONL && fmt != DYAD_FMT_XML) {
        dyad_error_set(err, "%s: unknown input format %d", name, (int)fmt);
        return NULL;
    }
    char date[9] = "";
    if (default_date && *default_date &&
        date_text(date_parse(default_date, strlen(default_date)), date) < 0) {
        dyad_error_set(err, "%s: bad date \"%.40s\": expected YYYY-MM-DD or YYYYMMDD",
                       name, default_date);
        return NULL;
    }
    dyad_reader *r = calloc(1, sizeof *r);
    if (!r || !(r->name = strdup(name)) || rd_src_init(&r->src, fp) < 0) {
        if (r) free(r->name);
        free(r);
        dyad_error_set(err, "%s: out of memory", name);
        return NULL;
    }
    r->fmt = fmt;
    r->max_record = RD_MAX_RECORD_DEFAULT;
    memcpy(r->date, date, sizeof date);
    return r;
}

void dyad_reader_close(dyad_reader *r) {
    if (!r) return;
    rd_src_free(&r->src);
    byte_buf_free(&r->line);
    byte_buf_free(&r->rec);
    rd_xml_free(&r->xml);
    free(r->name);
    free(r);
}

int dyad_reader_next(dyad_reader *r, dyad_arena *a, dyad_doc *doc, dyad_error *err) {
    rd_doc_clear(doc);
    if (!r->started) {
        r->started = 1;
        rd_src_skip_bom(&r->src);
    }
    switch (r->fmt) {
    case DYAD_FMT_TEXT: return rd_text_next(r, a, doc, err);
    case DYAD_FMT_JSONL: return rd_jsonl_next(r, a, doc, err);
    case DYAD_FMT_XML: return rd_xml_next_doc(r, a, doc, err);
    }
    return dyad_error_set(err, "%s: unknown input format", r->name);
}

void dyad_reader_on_warning(dyad_reader *r, dyad_warn_fn fn, void *ctx) {
    r->warn = fn;
    r->warn_ctx = fn ? ctx : NULL;
}

uint64_t dyad_reader_skipped(const dyad_reader *r) { return r->skipped; }

const dyad_kv *dyad_reader_env(const dyad_reader *r, size_t *n) {
    if (n) *n = r->xml.env.n;
    return r->xml.env.n ? r->xml.env.kv : NULL;
}

void rd_set_max_record(dyad_reader *r, size_t max) {
    r->max_record = max ? max : RD_MAX_RECORD_DEFAULT;
}
