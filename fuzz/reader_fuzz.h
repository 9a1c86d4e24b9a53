/* reader_fuzz.h -- the body shared by the reader fuzz targets.
 *
 * Feeds the input through fmemopen to a reader of one format and reads every
 * document, checking what the readers promise: every string is non-NULL,
 * NUL-free valid UTF-8, text_len matches, gold/config arrays are sized as
 * said. The maximum record size is lowered to 4 KiB so that the "record too
 * long" paths are reached by ordinary fuzz inputs. Warnings are counted, not
 * printed. */
#ifndef READER_FUZZ_H
#define READER_FUZZ_H

#include "dyad.h"
#include "fuzz_str.h"
#include "input/input.h"

#include <stdlib.h>
#include <string.h>

static void fuzz_warn(void *ctx, const char *msg) {
    (*(size_t *)ctx)++;
    if (!msg || !*msg) __builtin_trap();
}

static void fuzz_check_doc(const dyad_doc *d) {
    const char *fields[] = {d->id,     d->date, d->title,    d->text,
                            d->source, d->url,  d->category, d->parse};
    fuzz_check_strs(fields, sizeof fields / sizeof fields[0]);
    if (strlen(d->text) != d->text_len) __builtin_trap();
    if (d->date[0] && strlen(d->date) != 8) __builtin_trap();
    for (size_t i = 0; i < d->ngold; i++) {
        fuzz_check_str(d->gold[i].source);
        fuzz_check_str(d->gold[i].target);
        fuzz_check_str(d->gold[i].code);
    }
    for (size_t i = 0; i < d->nconfig; i++) {
        fuzz_check_str(d->config[i].key);
        fuzz_check_str(d->config[i].value);
    }
}

static int fuzz_reader(const uint8_t *data, size_t size, dyad_format fmt) {
    if (size == 0) return 0;
    FILE *fp = fmemopen((void *)data, size, "r");
    if (!fp) return 0;
    dyad_error err;
    dyad_reader *r = dyad_reader_open(fp, "fuzz", fmt, "2017-05-23", &err);
    dyad_arena *a = dyad_arena_new(0);
    size_t warnings = 0;
    if (r && a) {
        rd_set_max_record(r, 4096);
        dyad_reader_on_warning(r, fuzz_warn, &warnings);
        dyad_doc d;
        int rc;
        while ((rc = dyad_reader_next(r, a, &d, &err)) == 1) {
            fuzz_check_doc(&d);
            dyad_arena_reset(a);
        }
        if (rc < 0 && strncmp(err.msg, "fuzz:", 5) != 0) __builtin_trap();
        if (dyad_reader_skipped(r) != warnings) __builtin_trap();
        size_t nenv = 0;
        const dyad_kv *env = dyad_reader_env(r, &nenv);
        for (size_t i = 0; i < nenv; i++) {
            fuzz_check_str(env[i].key);
            fuzz_check_str(env[i].value);
        }
    }
    dyad_reader_close(r);
    dyad_arena_free(a);
    fclose(fp);
    return 0;
}

#endif
