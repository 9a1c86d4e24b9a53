/* coded.c -- a coded document as one JSON line: everything dyad_store_add
 * takes (the document, its input, its sentences' byte offsets, its events
 * with the date the coder settled), so that coding and storing can be done
 * apart: the tasks of a cluster write such lines with no database
 * (src/store/coded.c: a "store" whose path ends in .jsonl), and `dyad
 * merge` reads them back (src/input/coded.c) into one store.
 *
 *   {"dyad_coded":1,"id":"..","date":"YYYYMMDD","title":"..","source":"..",
 *    "url":"..","input":"..","line":N,"text":"..","sentences":[[0,57],..],
 *    "events":[{"sentence":0,"date":20240101,"date_kind":"document",
 *               "source":"..","target":"..","code":"..","source_text":"..",
 *               "target_text":"..","verb":"..","issues":"..",
 *               "explain":".." (only when the coder gave reasons)},..]}
 *
 * The line is built in memory and written with one fwrite. */
#include "output/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static void put_str(byte_buf *l, const char *key, const char *v) {
    byte_buf_put(l, ",\"", 2);
    byte_buf_puts(l, key);
    byte_buf_put(l, "\":", 2);
    out_json_buf(l, v ? v : "", v ? strlen(v) : 0);
}

static void put_num(byte_buf *l, const char *key, unsigned long long v) {
    char b[48];
    snprintf(b, sizeof b, ",\"%s\":%llu", key, v);
    byte_buf_puts(l, b);
}

static void put_event(byte_buf *l, const dyad_event *e) {
    char b[64];
    snprintf(b, sizeof b, "{\"sentence\":%u,\"date\":%ld", (unsigned)e->sentence,
             (long)(e->date > 0 ? e->date : 0));
    byte_buf_puts(l, b);
    put_str(l, "date_kind",
            dyad_date_kind_name((dyad_date_kind)(e->date > 0 ? e->date_kind : DYAD_DATE_NONE)));
    put_str(l, "source", e->source);
    put_str(l, "target", e->target);
    put_str(l, "code", e->code);
    put_str(l, "source_text", e->source_text);
    put_str(l, "target_text", e->target_text);
    put_str(l, "verb", e->verb);
    put_str(l, "issues", e->issues);
    if (e->explain) put_str(l, "explain", e->explain);
    byte_buf_putc(l, '}');
}

static void coded_line(byte_buf *l, const dyad_doc *d, const dyad_result *res, const char *input) {
    byte_buf_puts(l, "{\"dyad_coded\":1");
    put_str(l, "id", d->id);
    put_str(l, "date", d->date);
    put_str(l, "title", d->title);
    put_str(l, "source", d->source);
    put_str(l, "url", d->url);
    put_str(l, "input", input);
    put_num(l, "line", d->line);
    byte_buf_puts(l, ",\"text\":");
    out_json_buf(l, d->text ? d->text : "", d->text ? d->text_len : 0);
    byte_buf_puts(l, ",\"sentences\":[");
    for (size_t i = 0; i < res->nsentences; i++) {
        char b[32];
        snprintf(b, sizeof b, "%s[%u,%u]", i ? "," : "", (unsigned)res->sentences[i].start,
                 (unsigned)res->sentences[i].end);
        byte_buf_puts(l, b);
    }
    byte_buf_puts(l, "],\"events\":[");
    for (size_t i = 0; i < res->nevents; i++) {
        if (i) byte_buf_putc(l, ',');
        put_event(l, &res->events[i]);
    }
    byte_buf_puts(l, "]}\n");
}

int dyad_write_coded(FILE *out, const dyad_doc *doc, const dyad_result *res, const char *input,
                     dyad_error *err) {
    byte_buf l = {0};
    coded_line(&l, doc, res, input);
    int rc = 0;
    if (l.oom) rc = dyad_error_set(err, "out of memory");
    else if (fwrite(l.p, 1, l.len, out) != l.len) rc = dyad_error_set(err, "write failed: %s", strerror(errno));
    byte_buf_free(&l);
    return rc;
}

