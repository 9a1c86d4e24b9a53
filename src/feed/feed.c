/* feed.c -- dyad_feed: the one reader over every kind of news input, and
 * its one format guesser (dyad_feed_format_guess). Every command reads
 * through it (code, ingest), so they see the same documents.
 *
 * Plain text, JSON Lines and PETRARCH XML go through dyad_reader; RSS,
 * Atom and HTML files are parsed whole (rss.c, html.c: feeds and pages are
 * small) into a list of items handed out one by one; a directory is read
 * file by file, each by its own format, in name order. Every document's
 * text but a PETRARCH record's loses its syndication boilerplate
 * (boilerplate.c) before coding. A plain-text file's id is its path as
 * given, named alone or found in a directory (the plain reader's base name
 * would make a/story.txt and b/story.txt one document), so ingesting a
 * file again finds the document its directory stored.
 *
 * Limits: a file read whole (RSS, Atom, HTML) is read only up to
 * DYAD_MAX_TEXT bytes: a larger page is skipped with a warning, a larger
 * feed is an error; an item whose text is longer is skipped with a warning.
 *
 * Directories: names starting with '.' are passed over; symbolic links are
 * followed, but every directory (device and inode) is read once in a walk,
 * so links that loop (ln -s . d/l) cost nothing and a directory linked
 * twice is not read twice (a warning names the link). A file that cannot
 * be read makes next() return -1 naming it; calling next() again goes on
 * with the next file, so one bad file does not hide the others.
 *
 * Shards (dyad_feed_set_shard): a directory opens only the files whose
 * path below the top directory is in the shard (every subdirectory is
 * walked); any other input keeps the documents whose id is.
 *
 * Dates: a document without a date of its own takes one from its first
 * lines or its file name (dyad_doc_find_date), and only then the default
 * date given to dyad_feed_open. */
#include "feed/feed.h"
#include "input/input.h"
#include "util/buf.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* The directories a walk has read, by device and inode. */
typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;
typedef struct dir_set {
    dir_id *v;
    size_t n, cap;
} dir_set;

struct dyad_feed {
    dyad_feed_format fmt;
    int failed;              /* a file's next() returned -1: it is over */
    dir_set *seen;           /* dir: the walk's (own_seen of the top directory) */
    dir_set own_seen;
    char *path;
    char date[16];
    FILE *fp;
    dyad_reader *r;          /* text, jsonl, xml */
    fd_items items;          /* rss, atom, html */
    size_t next;
    char **names;            /* dir */
    size_t nnames, inames;
    dyad_feed *sub;
    uint64_t total, done_base, skipped;
    dyad_shard shard;        /* n = 0: everything */
    int shard_by_id;         /* not a directory's file: documents by id */
    size_t root_len;         /* dir: length of the top directory's path */
    int unparsed;            /* rss, atom, html: not read yet */
};

static const char *const format_names[] = {"auto", "text", "jsonl", "xml", "rss",
                                           "atom", "html", "dir"};

int dyad_feed_format_parse(const char *name, dyad_feed_format *out) {
    for (int i = 0; i < 8; i++)
        if (!strcmp(name, format_names[i])) {
            *out = (dyad_feed_format)i;
            return 0;
        }
    return -1;
}

static int has_ext(const char *path, const char *ext) {
    size_t n = strlen(path), e = strlen(ext);
    return n > e && !strcasecmp(path + n - e, ext);
}

/* .xml files: RSS, Atom or PETRARCH records, by the first element. */
static dyad_feed_format sniff_xml(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return DYAD_FEED_XML;
    char buf[2048];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    for (char *p = buf; (p = strchr(p, '<')); p++) {
        if (p[1] == '?' || p[1] == '!') continue;
        if (!strncmp(p + 1, "rss", 3) || !strncmp(p + 1, "rdf:RDF", 7)) return DYAD_FEED_RSS;
        if (!strncmp(p + 1, "feed", 4)) return DYAD_FEED_ATOM;
        return DYAD_FEED_XML;
    }
    return DYAD_FEED_XML;
}

dyad_feed_format dyad_feed_format_guess(const char *path) {
    struct stat st;
    if (!strcmp(path, "-")) return DYAD_FEED_TEXT;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return DYAD_FEED_DIR;
    if (has_ext(path, ".rss")) return DYAD_FEED_RSS;
    if (has_ext(path, ".atom")) return DYAD_FEED_ATOM;
    if (has_ext(path, ".html") || has_ext(path, ".htm")) return DYAD_FEED_HTML;
    if (has_ext(path, ".jsonl") || has_ext(path, ".json")) return DYAD_FEED_JSONL;
    if (has_ext(path, ".xml")) return sniff_xml(path);
    return DYAD_FEED_TEXT;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int dir_seen(const dir_set *s, const struct stat *st) {
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].dev == st->st_dev && s->v[i].ino == st->st_ino) return 1;
    return 0;
}

static int dir_add(dir_set *s, const struct stat *st) {
    if (util_grow(&s->v, &s->cap, s->n + 1, sizeof *s->v, 16) < 0) return -1;
    s->v[s->n++] = (dir_id){st->st_dev, st->st_ino};
    return 0;
}

static int open_dir(dyad_feed *f, dyad_error *err) {
    struct stat self;
    if (stat(f->path, &self) != 0)
        return dyad_error_set(err, "%s: cannot open directory: %s", f->path, strerror(errno));
    if (dir_add(f->seen, &self) < 0) return dyad_error_set(err, "%s: out of memory", f->path);
    DIR *d = opendir(f->path);
    if (!d) return dyad_error_set(err, "%s: cannot open directory: %s", f->path, strerror(errno));
    struct dirent *e;
    size_t cap = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (util_grow(&f->names, &cap, f->nnames + 1, sizeof *f->names, 64) < 0) {
            closedir(d);
            return dyad_error_set(err, "%s: out of memory", f->path);
        }
        size_t len = strlen(f->path) + strlen(e->d_name) + 2;
        char *full = malloc(len);
        if (!full) {
            closedir(d);
            return dyad_error_set(err, "%s: out of memory", f->path);
        }
        snprintf(full, len, "%s/%s", f->path, e->d_name);
        struct stat st;
        if (stat(full, &st) == 0 && S_ISREG(st.st_mode)) f->total += (uint64_t)st.st_size;
        if (stat(full, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) {
            free(full);
            continue;
        }
        f->names[f->nnames++] = full;
    }
    closedir(d);
    if (f->nnames) qsort(f->names, f->nnames, sizeof *f->names, by_name);
    return 0;
}

/* The whole of fp, or its first max + 1 bytes when it is longer (*len >
 * max says so); NULL on OOM. */
static char *slurp(FILE *fp, size_t max, size_t *len) {
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (n < cap || n > max) break;
        size_t nc = cap * 2 > max + 1 ? max + 1 : cap * 2;
        char *nb = realloc(buf, nc + 1);
        if (!nb) { free(buf); return NULL; }
        buf = nb;
        cap = nc;
    }
    if (buf) buf[n] = 0;
    *len = n;
    return buf;
}

static int open_parsed(dyad_feed *f, dyad_error *err) {
    size_t len;
    char *buf = slurp(f->fp, DYAD_MAX_TEXT, &len);
    if (!buf) return dyad_error_set(err, "%s: out of memory", f->path);
    if (ferror(f->fp)) {
        free(buf);
        return dyad_error_set(err, "%s: read error: %s", f->path, strerror(errno));
    }
    if (len > DYAD_MAX_TEXT) { /* the limit of a document: no page or feed is parsed past it */
        free(buf);
        if (f->fmt != DYAD_FEED_HTML)
            return dyad_error_set(err, "%s: feed larger than %zu bytes: not read (feeds are "
                                  "parsed whole)", f->path, DYAD_MAX_TEXT);
        fd_warn(&f->items, "%s: page larger than %zu bytes skipped", f->path, DYAD_MAX_TEXT);
        f->skipped++;
        return 0;
    }
    int rc = f->fmt == DYAD_FEED_HTML ? fd_parse_html(f->path, buf, len, &f->items, err)
                                      : fd_parse_feed(f->path, buf, len, &f->items, err);
    free(buf);
    f->skipped += f->items.skipped;
    return rc;
}

/* seen: the walk a directory belongs to (NULL: a walk of its own). */
static dyad_feed *feed_open(const char *path, dyad_feed_format fmt, const char *default_date,
                            dir_set *seen, dyad_error *err) {
    dyad_feed *f = calloc(1, sizeof *f);
    if (!f || !(f->path = strdup(path))) {
        free(f);
        dyad_error_set(err, "%s: out of memory", path);
        return NULL;
    }
    f->seen = seen ? seen : &f->own_seen;
    if (fmt == DYAD_FEED_AUTO) fmt = dyad_feed_format_guess(path);
    f->fmt = fmt;
    int rc = 0;
    if (default_date && *default_date &&
        date_text(date_parse(default_date, strlen(default_date)), f->date) < 0) {
        dyad_error_set(err, "%s: bad date \"%.40s\": expected YYYY-MM-DD or YYYYMMDD", path,
                       default_date);
        dyad_feed_close(f);
        return NULL;
    }
    if (fmt == DYAD_FEED_DIR) {
        rc = open_dir(f, err);
    } else {
        int is_stdin = !strcmp(path, "-");
        f->fp = is_stdin ? stdin : fopen(path, "rb");
        struct stat st;
        if (!f->fp) rc = dyad_error_set(err, "%s: cannot open: %s", path, strerror(errno));
        else if (!is_stdin && fstat(fileno(f->fp), &st) == 0 && S_ISREG(st.st_mode))
            f->total = (uint64_t)st.st_size;
        if (!rc && (fmt == DYAD_FEED_RSS || fmt == DYAD_FEED_ATOM || fmt == DYAD_FEED_HTML)) {
            f->unparsed = 1; /* parsed at the first next(), once its warnings have a hook */
        } else if (!rc) {
            dyad_format rf = fmt == DYAD_FEED_JSONL ? DYAD_FMT_JSONL
                           : fmt == DYAD_FEED_XML   ? DYAD_FMT_XML
                                                    : DYAD_FMT_TEXT;
            /* the default date is given in dyad_feed_next, after the document's own */
            f->r = dyad_reader_open(f->fp, is_stdin ? "<stdin>" : path, rf, NULL, err);
            if (!f->r) rc = -1;
        }
    }
    if (rc < 0) {
        dyad_feed_close(f);
        return NULL;
    }
    return f;
}

dyad_feed *dyad_feed_open(const char *path, dyad_feed_format fmt, const char *default_date,
                          dyad_error *err) {
    return feed_open(path, fmt, default_date, NULL, err);
}

void dyad_feed_close(dyad_feed *f) {
    if (!f) return;
    dyad_reader_close(f->r);
    if (f->fp && f->fp != stdin) fclose(f->fp);
    fd_items_free(&f->items);
    for (size_t i = 0; i < f->nnames; i++) free(f->names[i]);
    free(f->names);
    dyad_feed_close(f->sub);
    free(f->own_seen.v);
    free(f->path);
    free(f);
}

uint64_t dyad_feed_skipped(const dyad_feed *f) {
    return f->skipped + (f->r ? dyad_reader_skipped(f->r) : 0) + (f->sub ? dyad_feed_skipped(f->sub) : 0);
}

void dyad_feed_progress(const dyad_feed *f, uint64_t *done, uint64_t *total) {
    *total = f->total;
    *done = 0;
    if (f->fmt == DYAD_FEED_DIR) {
        uint64_t d = 0, t = 0;
        if (f->sub) dyad_feed_progress(f->sub, &d, &t);
        *done = f->done_base + d;
    } else if (f->r && f->fp != stdin) {
        long pos = ftell(f->fp);
        *done = pos > 0 ? (uint64_t)pos : 0;
    } else if (f->items.n) {
        *done = f->total * f->next / f->items.n;
    }
    if (*done > *total) *done = *total;
}

const dyad_kv *dyad_feed_env(const dyad_feed *f, size_t *n) {
    *n = 0;
    return f->r ? dyad_reader_env(f->r, n) : NULL;
}

static int next_item(dyad_feed *f, dyad_arena *a, dyad_doc *doc, dyad_error *err) {
    fd_item *it;
    for (;;) {
        if (f->next >= f->items.n) return 0;
        it = &f->items.v[f->next++];
        if (strlen(it->title) + strlen(it->text) + 2 <= DYAD_MAX_TEXT) break;
        fd_warn(&f->items, "%s:%llu: item longer than %zu bytes skipped", f->path,
                (unsigned long long)it->line, DYAD_MAX_TEXT);
        f->skipped++;
    }
    memset(doc, 0, sizeof *doc);
    doc->id = dyad_arena_strdup(a, it->id);
    doc->date = dyad_arena_strdup(a, it->date);
    doc->title = dyad_arena_strdup(a, it->title);
    doc->source = dyad_arena_strdup(a, it->source);
    doc->url = dyad_arena_strdup(a, it->url);
    doc->category = doc->parse = "";
    doc->evaluate = 1;
    doc->line = it->line;
    /* the headline leads the text, as in the plain-text reader */
    size_t tl = strlen(it->title), xl = strlen(it->text);
    char *text = dyad_arena_alloc_uninit(a, tl + xl + 3);
    if (!doc->id || !doc->date || !doc->title || !doc->source || !doc->url || !text)
        return dyad_error_set(err, "%s: out of memory", f->path);
    memcpy(text, it->title, tl);
    size_t n = tl;
    if (tl) text[n++] = '\n', text[n++] = '\n';
    memcpy(text + n, it->text, xl);
    n += xl;
    text[n] = 0;
    doc->text = text;
    doc->text_len = n;
    return 1;
}

static void close_sub(dyad_feed *f) {
    uint64_t d, t;
    dyad_feed_progress(f->sub, &d, &t);
    f->done_base += t;
    f->skipped += dyad_feed_skipped(f->sub);
    dyad_feed_close(f->sub);
    f->sub = NULL;
}

/* The next document of the walk; -1 for a file that fails, after which the
 * walk goes on with the next file. */
static int next_in_dir(dyad_feed *f, dyad_arena *a, dyad_doc *doc, dyad_error *err) {
    for (;;) {
        if (f->sub) {
            int got = dyad_feed_next(f->sub, a, doc, err);
            if (got > 0) return got;
            /* a subdirectory goes on after a bad file; a file is over */
            if (got < 0 && f->sub->fmt == DYAD_FEED_DIR) return got;
            close_sub(f);
            if (got < 0) return got;
        }
        if (f->inames >= f->nnames) return 0;
        const char *name = f->names[f->inames++];
        struct stat st;
        int is_dir = stat(name, &st) == 0 && S_ISDIR(st.st_mode);
        if (is_dir && dir_seen(f->seen, &st)) {
            fd_warn(&f->items, "%s: directory already read in this walk (a symbolic link): "
                               "skipped", name);
            continue;
        }
        if (!is_dir && !dyad_shard_takes(&f->shard, name + f->root_len + 1)) {
            f->done_base += (uint64_t)st.st_size; /* another shard's file */
            continue;
        }
        f->sub = feed_open(name, DYAD_FEED_AUTO, f->date, f->seen, err);
        if (!f->sub) return -1;
        dyad_feed_on_warning(f->sub, f->items.warn, f->items.warn_ctx);
        if (is_dir) f->sub->shard = f->shard, f->sub->root_len = f->root_len;
    }
}

void dyad_feed_set_shard(dyad_feed *f, const dyad_shard *s) {
    f->shard = s ? *s : (dyad_shard){0, 0};
    f->shard_by_id = f->fmt != DYAD_FEED_DIR;
    f->root_len = strlen(f->path);
}

/* The next document of a file (of the shard, if one is set). */
static int next_of_file(dyad_feed *f, dyad_arena *a, dyad_doc *doc, dyad_error *err) {
    if (f->unparsed) {
        f->unparsed = 0;
        if (open_parsed(f, err) < 0) return -1;
    }
    for (;;) {
        int got = f->r ? dyad_reader_next(f->r, a, doc, err) : next_item(f, a, doc, err);
        if (got <= 0) return got;
        /* a plain-text file is known by its path, not only its base name:
         * a/story.txt and b/story.txt are two documents */
        if (f->fmt == DYAD_FEED_TEXT && f->fp != stdin) doc->id = dyad_arena_strdup(a, f->path);
        if (!doc->id) return dyad_error_set(err, "%s: out of memory", f->path);
        if (!f->shard_by_id || dyad_shard_takes(&f->shard, doc->id)) return 1;
    }
}

int dyad_feed_next(dyad_feed *f, dyad_arena *a, dyad_doc *doc, dyad_error *err) {
    if (f->fmt == DYAD_FEED_DIR) return next_in_dir(f, a, doc, err);
    if (f->failed) return 0;
    int got = next_of_file(f, a, doc, err);
    if (got < 0) f->failed = 1;
    if (got <= 0) return got;
    if (f->fmt != DYAD_FEED_XML) {
        size_t n;
        char *t = dyad_strip_boilerplate(a, doc->text, doc->text_len, &n);
        if (!t) return dyad_error_set(err, "%s: out of memory", f->path);
        doc->text = t;
        doc->text_len = n;
    }
    /* no date of its own: its first lines, its file name, then the default */
    dyad_doc_find_date(doc, f->fp == stdin ? NULL : f->path, a);
    if (!*doc->date && *f->date) doc->date = dyad_arena_strdup(a, f->date);
    return 1;
}

void fd_warn(const fd_items *it, const char *fmt, ...) {
    if (!it->warn) return;
    char msg[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    it->warn(it->warn_ctx, msg);
}

void dyad_feed_on_warning(dyad_feed *f, dyad_warn_fn fn, void *ctx) {
    f->items.warn = fn;
    f->items.warn_ctx = ctx;
    if (f->r) dyad_reader_on_warning(f->r, fn, ctx);
    if (f->sub) dyad_feed_on_warning(f->sub, fn, ctx);
}

int fd_items_add(fd_items *it, char *id, char *date, char *title, char *text, char *url,
                 char *source, uint64_t line) {
    char *f[6] = {id, date, title, text, url, source};
    int bad = 0;
    for (int i = 0; i < 6; i++)
        if (!f[i] && !(f[i] = strdup(""))) bad = 1;
    if (!bad && util_grow(&it->v, &it->cap, it->n + 1, sizeof *it->v, 16) < 0) bad = 1;
    if (bad) {
        for (int i = 0; i < 6; i++) free(f[i]);
        return -1;
    }
    it->v[it->n++] = (fd_item){f[0], f[1], f[2], f[3], f[4], f[5], line};
    return 0;
}

void fd_items_free(fd_items *it) {
    for (size_t i = 0; i < it->n; i++) {
        fd_item *x = &it->v[i];
        free(x->id), free(x->date), free(x->title), free(x->text), free(x->url), free(x->source);
    }
    free(it->v);
    memset(it, 0, sizeof *it);
}
