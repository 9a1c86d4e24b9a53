/* parse.c -- what all the dictionary readers share: reading a file line by
 * line, comments, phrases split into interned words, plurals, and
 * reporting a problem as "file:line: message" without stopping the load.
 * What does stop a load, as an error naming the file and line: a read
 * error (EIO, a directory...), running out of memory, and a line longer
 * than DICT_LINE_MAX (64 KiB), which no dictionary has and which would
 * otherwise let /dev/zero or a binary file take all memory. A NUL byte in
 * a line is a problem and the line is skipped. */
#include "dictInt.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void dict_problem(dline *ln, const char *fmt, ...) {
    char msg[400], out[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(out, sizeof out, "%s:%u: %s", ln->path, ln->no, msg);
    ln->d->stats.problems++;
    if (ln->on_problem) ln->on_problem(ln->ctx, out);
}

char *dict_strip_comment(char *s) {
    char *h = strchr(s, '#');
    if (h) *h = 0;
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = 0;
    return s;
}

void dict_upper(char *s) {
    for (; *s; s++) *s = (char)toupper((unsigned char)*s);
}

int dict_phrase_ids(dyad_dict *d, const char *s, size_t n, uint32_t *out, int max) {
    int k = 0;
    size_t i = 0;
    char w[256];
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '_' || s[i] == '\t')) i++;
        size_t j = i;
        while (j < n && s[j] != ' ' && s[j] != '_' && s[j] != '\t') j++;
        if (j > i) {
            if (k == max || j - i >= sizeof w) return -1;
            for (size_t x = i; x < j; x++) w[x - i] = (char)toupper((unsigned char)s[x]);
            uint32_t id = dict_word(d, w, j - i);
            if (!id) return -1;
            out[k++] = id;
        }
        i = j;
    }
    return k ? k : -1;
}

int64_t dict_trie_phrase(dyad_dict *d, dline *ln, dtrie *t, const char *s, size_t n,
                         const char *what) {
    uint32_t ids[64];
    int k = dict_phrase_ids(d, s, n, ids, 64);
    if (k < 0) {
        dict_problem(ln, "empty or over-long %s phrase, skipped", what);
        return 0;
    }
    int64_t node = dtrie_add(t, ids, (size_t)k);
    if (node < 0) return -1;
    if (t->val[node]) {
        d->stats.duplicate_phrases++;
        return 0;
    }
    return node;
}

void dict_plurals(const char *w, char out[][128], int *n) {
    size_t len = strlen(w);
    *n = 0;
    if (len == 0 || len > 120) return;
    char last = w[len - 1], prev = len > 1 ? w[len - 2] : 0;
    int vowel_prev = prev && strchr("AEIOU", prev);
    if (last == 'Y' && !vowel_prev) {
        snprintf(out[(*n)++], 128, "%.*sIES", (int)len - 1, w);
    } else if (last == 'S' || last == 'X' || last == 'Z' || (last == 'H' && (prev == 'C' || prev == 'S'))) {
        snprintf(out[(*n)++], 128, "%sES", w);
    } else {
        snprintf(out[(*n)++], 128, "%sS", w);
    }
}

/* Reads one line, '\n' included, into buf (DICT_LINE_MAX + 2 bytes) and
 * terminates it. Returns its length, 0 at the end of the file, -1 when the
 * line is longer than DICT_LINE_MAX bytes, -2 on a read error. A fixed
 * buffer, so that no file (/dev/zero, a binary) can make the reader grow
 * without bound, and so that running out of memory cannot pass for the end
 * of the file as it did with getline(). */
static long read_line(FILE *fp, char *buf) {
    size_t n = 0;
    int c = 0;
    while ((c = getc_unlocked(fp)) != EOF) {
        if (c != '\n' && n == DICT_LINE_MAX) return -1;
        buf[n++] = (char)c;
        if (c == '\n') break;
    }
    if (c == EOF && ferror(fp)) return -2;
    buf[n] = 0;
    return (long)n;
}

int dict_read_lines(const char *path, dyad_dict *d, dyad_problem_fn fn, void *ctx,
                    int (*each)(dline *ln, char *line, void *state), void *state,
                    dyad_error *err) {
    FILE *fp = fopen(path, "r");
    if (!fp) return dyad_error_set(err, "%s: %s", path, strerror(errno));
    uint32_t pathoff = dict_str(d, path, strlen(path));
    dfile f = {pathoff};
    char *buf = malloc(DICT_LINE_MAX + 2);
    if (!buf || !pathoff || dvec_push(&d->files, sizeof f, &f) < 0) {
        free(buf);
        fclose(fp);
        return dyad_error_set(err, "%s: out of memory", path);
    }
    dline ln = {path, d->files.n - 1, 0, fn, ctx, d};
    long got;
    int rc = 0;
    while ((errno = 0, got = read_line(fp, buf)) != 0) {
        ln.no++;
        if (got == -1) {
            rc = dyad_error_set(err, "%s:%u: line longer than %d bytes (not a dictionary file?)",
                                path, ln.no, DICT_LINE_MAX);
            break;
        }
        if (got == -2) {
            rc = dyad_error_set(err, "%s:%u: read error: %s", path, ln.no,
                                strerror(errno ? errno : EIO));
            break;
        }
        if (memchr(buf, 0, (size_t)got)) {
            dict_problem(&ln, "NUL byte in line, line skipped");
            continue;
        }
        if (each(&ln, buf, state) < 0) {
            rc = dyad_error_set(err, "%s:%u: out of memory", path, ln.no);
            break;
        }
    }
    free(buf);
    fclose(fp);
    return rc;
}

int dict_read_lines_with(const char *path, dyad_dict *d, dyad_problem_fn fn, void *ctx,
                         int (*each)(dline *ln, char *line, void *state), size_t state_size,
                         dyad_error *err) {
    void *state = calloc(1, state_size);
    if (!state) return dyad_error_set(err, "%s: out of memory", path);
    int rc = dict_read_lines(path, d, fn, ctx, each, state, err);
    free(state);
    return rc;
}
