/* coded.c -- the "store" that is a file of coded documents: the path of a
 * store that ends in .jsonl. Every document added is written to it as one
 * line (dyad_write_coded, src/output/coded.c) for `dyad merge` to add to a
 * real store later; nothing is looked up or decided here. The file is
 * written as FILE.part and renamed to FILE only when it is closed whole: a
 * task killed by Slurm leaves no file that looks finished. */
#include "store/store.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct st_coded_file {
    FILE *fp;
    char *path, *part;
    int failed;
};

st_coded_file *st_coded_open(const char *path, dyad_error *err) {
    st_coded_file *f = calloc(1, sizeof *f);
    size_t n = strlen(path);
    if (f && (f->path = malloc(n + 1)) && (f->part = malloc(n + 6))) {
        memcpy(f->path, path, n + 1);
        snprintf(f->part, n + 6, "%s.part", path);
        if ((f->fp = fopen(f->part, "w"))) return f;
        dyad_error_set(err, "%s: %s", f->part, strerror(errno));
    } else {
        dyad_error_set(err, "%s: out of memory", path);
    }
    st_coded_close(f, 0, NULL);
    return NULL;
}

int st_coded_add(st_coded_file *f, const dyad_doc *d, const dyad_result *res, const char *input,
                 dyad_error *err) {
    dyad_error e;
    if (dyad_write_coded(f->fp, d, res, input, &e) == 0) return 0;
    f->failed = 1;
    return dyad_error_set(err, "%s: %s", f->part, e.msg);
}

int st_coded_flush(st_coded_file *f, dyad_error *err) {
    if (fflush(f->fp) == 0) return 0;
    f->failed = 1;
    return dyad_error_set(err, "%s: write failed: %s", f->part, strerror(errno));
}

int st_coded_close(st_coded_file *f, int finished, dyad_error *err) {
    if (!f) return 0;
    int rc = 0;
    if (f->fp) {
        if (finished && !f->failed && (fflush(f->fp) != 0 || fsync(fileno(f->fp)) != 0))
            rc = dyad_error_set(err, "%s: write failed: %s", f->part, strerror(errno));
        if (fclose(f->fp) != 0 && finished && !rc)
            rc = dyad_error_set(err, "%s: write failed: %s", f->part, strerror(errno));
        /* whole: it takes its name; else the .part stays, which no merge takes */
        if (finished && !f->failed && !rc && rename(f->part, f->path) != 0)
            rc = dyad_error_set(err, "%s: %s", f->path, strerror(errno));
        if (finished && f->failed && !rc) rc = dyad_error_set(err, "%s: a write failed", f->part);
    }
    free(f->path);
    free(f->part);
    free(f);
    return rc;
}
