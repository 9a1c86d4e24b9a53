/* cmd_ingest.c -- `dyad ingest`: news in, an event store out.
 *
 * Reads files, directories and feeds (dyad_feed), codes each document and
 * adds it to the store (dyad_store: SQLite or PostgreSQL), once: documents
 * already stored (same id or same normalised text) add nothing, so a run
 * can be repeated or resumed after it was killed. An input that cannot be
 * read (a malformed feed, a missing file) is reported with its file and
 * line and the run goes on with the next one, or the next file of a
 * directory (status 1 at the end); a
 * store error (disk full, connection lost) stops the run at once, after
 * the open batch is rolled back: the store keeps whole documents only.
 * On a terminal, a progress bar on stderr; a summary line at the end.
 *
 * Two threads: a reader thread reads and codes documents into a ring of
 * slots (each with its own arena); the main thread stores them in input
 * order. Documents an earlier run stored are looked up (a read-only store
 * handle) and not coded again. */
#include "cli.h"
#include "opts.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: dyad ingest --db DB [options] FILE|DIR...   ('-': standard input)\n"
    "  --db PATH|URL      SQLite file (created if absent) or postgresql://...\n"
    "  --dict DIR|FILE    dictionaries (default: dyad's own)\n"
    "  --format F         auto|text|jsonl|xml|rss|atom|html|dir (default: auto, from the name)\n"
    "  --date YYYY-MM-DD  date of documents that carry none (in metadata, first lines\n"
    "                     or file name)\n"
    "  --one-a-day        count one event per (date, source, target, code)\n"
    "  --no-near-dups     do not look for syndicated near copies\n"
    "  --replace          recode documents already stored (matched by id) instead of\n"
    "                     skipping them; nothing else in the store changes (SQLite)\n"
    "  --event-sentences-only  keep only the sentences events come from (default:\n"
    "                     every sentence, to look into what coded nothing)\n"
    "  --shard K/N        ingest only shard K of N (1 <= K <= N): the documents whose id\n"
    "                     (in a directory: whose file path) hashes to K\n"
    "  --batch N          documents per transaction (default 500)\n"
    "  --no-progress      no progress bar, even on a terminal\n"
    "  --quiet            no summary line\n";

typedef struct ingest_stats {
    uint64_t read, stored, dup_id, dup_text, near, events, counted, not_coded, skipped;
    uint64_t replaced; /* --replace: stored documents recoded */
    uint64_t undated; /* stored with no date from metadata, first lines, file name or --date */
    uint64_t rolled_back; /* stored, then lost with a batch that failed */
} ingest_stats;

typedef struct progress {
    int on;
    double start, last;
    uint64_t total, done_before; /* bytes: of all inputs, of finished inputs */
} progress;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress_show(progress *p, const ingest_stats *st, uint64_t done, int final) {
    if (!p->on) return;
    double t = now();
    if (!final && t - p->last < 0.1) return;
    p->last = t;
    double el = t - p->start > 1e-6 ? t - p->start : 1e-6;
    char bar[32] = "";
    char tail[64] = "";
    if (p->total) {
        double f = (double)done / (double)p->total;
        if (f > 1) f = 1;
        int k = (int)(f * 24);
        for (int i = 0; i < 24; i++) bar[i] = i < k ? '#' : '.';
        bar[24] = 0;
        double left = f > 0.001 ? el / f - el : 0;
        snprintf(tail, sizeof tail, " %3d%%  %d:%02d left", (int)(f * 100), (int)left / 60,
                 (int)left % 60);
    }
    fprintf(stderr, "\r\033[K%s%s%s %llu docs  %.0f docs/s  %.0f events/s%s", p->total ? "[" : "",
            bar, p->total ? "]" : "", (unsigned long long)st->read, (double)st->read / el,
            (double)st->events / el, final ? "" : tail);
    if (final) fputc('\n', stderr);
}

/* ---- the pipeline: a reader thread reads and codes documents into slots,
 * each with its own arena; the main thread stores them in input order. The
 * store's work (hashing, MinHash, SQL) then overlaps with coding. */

#define NSLOTS 16

enum { S_DOC, S_KNOWN, S_INPUT_FAILED, S_END };

typedef struct slot {
    int kind;
    dyad_arena *a;
    dyad_doc doc;
    dyad_result res;
    const char *path;
    uint64_t done, total; /* bytes of all input read so far, and in all */
    uint64_t skipped;     /* S_END: records the input's reader skipped */
    int known;            /* S_KNOWN: 1 the id, 2 the text is stored already */
    char msg[600];        /* S_INPUT_FAILED */
} slot;

typedef struct pipe_q {
    pthread_mutex_t mu;
    pthread_cond_t ready_cv, free_cv;
    int flush; /* hand over what is ready without waiting for a full group */
    /* the store side's own: slots taken, slots done (no lock needed) */
    int mine[NSLOTS], done[NSLOTS];
    size_t mine_h, mine_n, done_n;
    int ring_free[NSLOTS], ring_ready[NSLOTS];
    size_t free_h, free_n, ready_h, ready_n;
    slot slots[NSLOTS];
    int stop; /* set by the store side: give up */
    /* the reader's inputs */
    char **paths;
    int npaths;
    dyad_feed_format fmt;
    const char *date;
    const dyad_shard *shard;
    const dyad_coder *c;
    dyad_store *known;    /* a read-only handle on the store: skip coding what it has */
    uint64_t total;
    uint64_t not_coded;
} pipe_q;

/* Hand-offs go in groups of BATCH slots, not one by one, so the two
 * threads do not wake each other for every document. Whoever is about to
 * wait first wakes the other: no deadlock. */
#define BATCH (NSLOTS / 2)

static slot *take_free(pipe_q *q) {
    pthread_mutex_lock(&q->mu);
    while (!q->free_n && !q->stop) {
        q->flush = 1;
        pthread_cond_signal(&q->ready_cv);
        pthread_cond_wait(&q->free_cv, &q->mu);
    }
    slot *s = NULL;
    if (!q->stop) {
        s = &q->slots[q->ring_free[q->free_h]];
        q->free_h = (q->free_h + 1) % NSLOTS;
        q->free_n--;
    }
    pthread_mutex_unlock(&q->mu);
    return s;
}

static void put_ready(pipe_q *q, slot *s) {
    pthread_mutex_lock(&q->mu);
    q->ring_ready[(q->ready_h + q->ready_n) % NSLOTS] = (int)(s - q->slots);
    q->ready_n++;
    if (s->kind != S_DOC) q->flush = 1;
    if (q->ready_n >= BATCH || q->flush) pthread_cond_signal(&q->ready_cv);
    pthread_mutex_unlock(&q->mu);
}

/* The store side takes every ready slot at once and gives slots back in
 * groups: one lock per group, not four per document. */
static void give_back_locked(pipe_q *q) {
    for (size_t i = 0; i < q->done_n; i++)
        q->ring_free[(q->free_h + q->free_n++) % NSLOTS] = q->done[i];
    if (q->done_n) pthread_cond_signal(&q->free_cv);
    q->done_n = 0;
}

static slot *take_ready(pipe_q *q) {
    if (!q->mine_n) {
        pthread_mutex_lock(&q->mu);
        give_back_locked(q);
        while (!q->ready_n || (q->ready_n < BATCH && !q->flush)) {
            pthread_cond_signal(&q->free_cv);
            pthread_cond_wait(&q->ready_cv, &q->mu);
        }
        q->mine_h = 0;
        for (; q->ready_n; q->ready_n--, q->ready_h = (q->ready_h + 1) % NSLOTS)
            q->mine[q->mine_n++] = q->ring_ready[q->ready_h];
        q->flush = 0;
        pthread_mutex_unlock(&q->mu);
    }
    q->mine_n--;
    return &q->slots[q->mine[q->mine_h++]];
}

static void put_free(pipe_q *q, slot *s) {
    dyad_arena_reset(s->a);
    q->done[q->done_n++] = (int)(s - q->slots);
    if (q->done_n >= BATCH) {
        pthread_mutex_lock(&q->mu);
        give_back_locked(q);
        pthread_mutex_unlock(&q->mu);
    }
}

static uint64_t input_size(const char *path) {
    struct stat s;
    return strcmp(path, "-") && stat(path, &s) == 0 && S_ISREG(s.st_mode) ? (uint64_t)s.st_size : 0;
}

/* The reader thread: every input, every document, coded; then S_END. */
static void *reader_main(void *arg) {
    pipe_q *q = arg;
    uint64_t done_before = 0;
    for (int i = 0; i < q->npaths; i++) {
        const char *path = q->paths[i];
        slot *s = take_free(q);
        if (!s) return NULL;
        dyad_error err = {{0}};
        dyad_feed *f = dyad_feed_open(path, q->fmt, q->date, &err);
        if (!f) {
            s->kind = S_INPUT_FAILED;
            s->path = path;
            snprintf(s->msg, sizeof s->msg, "%s", err.msg);
            put_ready(q, s);
            continue;
        }
        dyad_feed_set_shard(f, q->shard);
        dyad_feed_on_warning(f, cli_warn, NULL); /* from this thread, as it reads */
        uint64_t done, total;
        dyad_feed_progress(f, &done, &total);
        if (!input_size(path)) q->total += total; /* a directory: known once open */
        int got;
        while ((got = dyad_feed_next(f, s->a, &s->doc, &err)) != 0) {
            if (got < 0) { /* a bad file of a directory: reported, and the walk goes on */
                dyad_arena_reset(s->a);
                s->kind = S_INPUT_FAILED;
                s->path = path;
                snprintf(s->msg, sizeof s->msg, "%s", err.msg);
                dyad_feed_progress(f, &done, &total);
                s->done = done_before + done;
                s->total = q->total;
                put_ready(q, s);
                if (!(s = take_free(q))) break;
                continue;
            }
            int known = q->known ? dyad_store_has(q->known, &s->doc, &err) : 0;
            if (known > 0) { /* stored by an earlier run: no need to code it */
                s->kind = S_KNOWN;
                s->known = known;
            } else if (dyad_code_doc(q->c, s->a, &s->doc, s->doc.one_sentence, &s->res, &err) < 0) {
                fprintf(stderr, "dyad: warning: %s:%llu: document %s not coded: %s\n", path,
                        (unsigned long long)s->doc.line, s->doc.id, err.msg);
                q->not_coded++;
                dyad_arena_reset(s->a);
                continue;
            } else {
                s->kind = S_DOC;
            }
            s->path = path;
            dyad_feed_progress(f, &done, &total);
            s->done = done_before + done;
            s->total = q->total;
            put_ready(q, s);
            if (!(s = take_free(q))) break;
        }
        dyad_feed_progress(f, &done, &total);
        done_before += total;
        uint64_t skipped = dyad_feed_skipped(f);
        dyad_feed_close(f);
        if (!s) return NULL;
        s->kind = S_END;
        s->path = path;
        s->skipped = skipped;
        s->msg[0] = 0;
        s->done = done_before;
        s->total = q->total;
        put_ready(q, s);
    }
    slot *s = take_free(q);
    if (s) {
        s->kind = S_END;
        s->path = NULL;
        s->skipped = 0;
        put_ready(q, s);
    }
    return NULL;
}

/* The store side: 0 all stored, 1 some input failed, -1 the store failed. */
static int store_all(pipe_q *q, dyad_store *st, ingest_stats *sum, progress *pg) {
    int rc = 0;
    for (;;) {
        slot *s = take_ready(q);
        if (s->kind == S_END && !s->path) {
            put_free(q, s);
            break;
        }
        if (s->kind == S_INPUT_FAILED) {
            if (pg->on) fputc('\n', stderr);
            cli_fail("%s", s->msg);
            rc = 1;
        } else if (s->kind == S_END) {
            sum->skipped += s->skipped;
        } else if (s->kind == S_KNOWN) {
            sum->read++;
            if (s->known == 1) sum->dup_id++;
            else sum->dup_text++;
        } else {
            dyad_error err = {{0}};
            dyad_store_added ad;
            sum->read++;
            if (dyad_store_add(st, &s->doc, &s->res, s->path, &ad, &err) < 0) {
                if (pg->on) fputc('\n', stderr);
                cli_fail("%s (at document %s of %s; the open batch of %zu documents was rolled "
                         "back: they are not stored)", err.msg, s->doc.id, s->path,
                         dyad_store_rolled_back(st));
                sum->rolled_back = dyad_store_rolled_back(st);
                pthread_mutex_lock(&q->mu);
                q->stop = 1;
                pthread_cond_broadcast(&q->free_cv);
                pthread_mutex_unlock(&q->mu);
                return -1;
            }
            if ((ad.status == DYAD_STORED || ad.status == DYAD_NEAR_COPY ||
                 ad.status == DYAD_REPLACED) && !*s->doc.date) {
                if (pg->on) fputc('\n', stderr);
                fprintf(stderr, "dyad: warning: %s:%llu: document %s has no date (none in its "
                                "metadata, first lines or file name, and no --date): stored "
                                "undated\n", s->path, (unsigned long long)s->doc.line, s->doc.id);
                sum->undated++;
            }
            switch (ad.status) {
            case DYAD_STORED: sum->stored++; break;
            case DYAD_REPLACED: sum->replaced++; break;
            case DYAD_DUP_ID: sum->dup_id++; break;
            case DYAD_DUP_TEXT: sum->dup_text++; break;
            case DYAD_NEAR_COPY: sum->near++; break;
            case DYAD_EMPTY:
                fprintf(stderr, "dyad: warning: %s:%llu: document %s has no text, not stored\n",
                        s->path, (unsigned long long)s->doc.line, s->doc.id);
                sum->read--, sum->skipped++;
                break;
            }
            sum->events += ad.events;
            sum->counted += ad.counted;
        }
        pg->total = s->total;
        progress_show(pg, sum, s->done, 0);
        put_free(q, s);
    }
    return rc;
}

static int run_pipeline(const char *db, int replace, char **paths, int npaths,
                        dyad_feed_format fmt, const char *date, const dyad_shard *shard,
                        const dyad_coder *c, dyad_store *st, ingest_stats *sum, progress *pg) {
    pipe_q *q = calloc(1, sizeof *q);
    if (!q) return cli_fail("out of memory");
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->ready_cv, NULL);
    pthread_cond_init(&q->free_cv, NULL);
    q->paths = paths;
    q->npaths = npaths;
    q->fmt = fmt;
    q->date = date;
    q->shard = shard;
    q->c = c;
    q->total = pg->total;
    /* a second, read-only handle for the reader thread: documents stored
     * by earlier runs are not coded again (a rerun after a crash is fast);
     * if it cannot be had, every document is coded and the store decides */
    dyad_store_opts ro = {0};
    ro.read_only = 1;
    ro.near_dup = -1;
    /* (--replace: every document is coded, the stored ones too) */
    q->known = replace ? NULL : dyad_store_open(db, &ro, NULL);
    dyad_store_counts had;
    if (q->known && (dyad_store_count(q->known, &had, NULL) < 0 || had.documents == 0)) {
        dyad_store_close(q->known, NULL); /* a new store: nothing to skip, no lookups */
        q->known = NULL;
    }
    int rc = 0;
    for (int i = 0; i < NSLOTS; i++) {
        if (!(q->slots[i].a = dyad_arena_new(0))) rc = cli_fail("out of memory");
        q->ring_free[i] = i;
    }
    q->free_n = NSLOTS;
    pthread_t th;
    if (!rc && pthread_create(&th, NULL, reader_main, q) != 0) rc = cli_fail("cannot start a thread");
    if (!rc) {
        rc = store_all(q, st, sum, pg);
        pthread_join(th, NULL);
    }
    sum->not_coded = q->not_coded;
    pg->total = q->total;
    for (int i = 0; i < NSLOTS; i++) dyad_arena_free(q->slots[i].a);
    dyad_store_close(q->known, NULL);
    pthread_mutex_destroy(&q->mu);
    pthread_cond_destroy(&q->ready_cv);
    pthread_cond_destroy(&q->free_cv);
    free(q);
    return rc;
}

int cmd_ingest(int argc, char **argv) {
    const char *db = NULL, *dict = NULL, *date = NULL, *format = "auto", *shard_spec = NULL;
    dyad_shard shard = {0, 0};
    dyad_store_opts so = {0};
    int quiet = 0, no_progress = 0, one_a_day = 0, no_near = 0;
    const char *batch = NULL;
    const cli_opt table[] = {
        {"db", 0, &db, NULL},
        {"dict", 0, &dict, NULL},
        {"date", 0, &date, NULL},
        {"format", 0, &format, NULL},
        {"shard", 0, &shard_spec, NULL},
        {"batch", 0, &batch, NULL},
        {"one-a-day", 0, NULL, &one_a_day},
        {"no-near-dups", 0, NULL, &no_near},
        {"replace", 0, NULL, &so.replace},
        {"event-sentences-only", 0, NULL, &so.event_sentences_only},
        {"no-progress", 0, NULL, &no_progress},
        {"quiet", 0, NULL, &quiet},
        {0},
    };
    cli_args args;
    int bad = cli_opts_parse(argc, argv, table, usage, &args);
    if (bad) return bad < 0 ? 0 : bad;
    so.one_a_day = one_a_day;
    if (no_near) so.near_dup = -1;
    if (batch && (so.batch = (int)cli_opt_count("batch", batch, 1, 1000000)) < 0) return 2;
    dyad_feed_format fmt;
    if (!db || !args.noperands) {
        fprintf(stderr, "dyad: ingest needs --db and at least one input\n%s", usage);
        return 2;
    }
    if (!*db || !strcmp(db, ":memory:")) {
        fprintf(stderr, "dyad: --db '%s': the store must be a file or a postgresql:// URL (an "
                        "in-memory database is lost at exit)\n", db);
        return 2;
    }
    if (dyad_feed_format_parse(format, &fmt) < 0) {
        fprintf(stderr, "dyad: unknown --format '%s'\n%s", format, usage);
        return 2;
    }
    dyad_error err = {{0}};
    if (shard_spec && dyad_shard_parse(shard_spec, &shard, &err) < 0) {
        fprintf(stderr, "dyad: %s\n", err.msg);
        return 2;
    }
    char d8[9] = "";
    if (date) {
        int32_t v = dyad_date_parse(date);
        if (v < 0) {
            fprintf(stderr, "dyad: bad --date '%s' (expected YYYY-MM-DD)\n", date);
            return 2;
        }
        snprintf(d8, sizeof d8, "%08d", (int)v);
    }
    dyad_store *s = dyad_store_open(db, &so, &err);
    if (!s) return cli_fail("%s", err.msg);
    dyad_dict *d = cli_load_dict(dict, 1, &err);
    dyad_tagger *t = d ? dyad_tagger_new(&err) : NULL;
    dyad_options opt;
    dyad_options_default(&opt);
    /* a document with no date of its own and no --date is stored undated
     * (a time series must not count it on the day of the run): its events
     * carry no date and its actors take their undated codes */
    opt.default_date = date ? dyad_date_parse(date) : 0;
    dyad_coder *c = t ? dyad_coder_new(d, t, &opt, &err) : NULL;
    int rc = 0;
    if (!c) rc = cli_fail("%s", err.msg);
    ingest_stats st = {0};
    progress pg = {!no_progress && isatty(2), now(), 0, 0, 0};
    for (int i = 0; i < args.noperands; i++) pg.total += input_size(args.operands[i]);
    if (c && run_pipeline(db, so.replace, args.operands, args.noperands, fmt, d8, &shard, c, s, &st, &pg)) rc = 1;
    progress_show(&pg, &st, pg.total, 1);
    if (dyad_store_close(s, &err) < 0) rc = cli_fail("%s", err.msg);
    if (!quiet)
        fprintf(stderr,
                "dyad: ingest: %llu documents read: %llu stored, %llu near copies, %llu duplicate "
                "ids, %llu duplicate texts, %llu not coded, %llu skipped; %llu events (%llu "
                "counted)%s\n",
                (unsigned long long)st.read, (unsigned long long)st.stored,
                (unsigned long long)st.near, (unsigned long long)st.dup_id,
                (unsigned long long)st.dup_text, (unsigned long long)st.not_coded,
                (unsigned long long)st.skipped, (unsigned long long)st.events,
                (unsigned long long)st.counted, st.rolled_back ? "; then a write failed" : "");
    if (!quiet && st.replaced)
        fprintf(stderr, "dyad: ingest: %llu stored document(s) recoded (--replace)\n",
                (unsigned long long)st.replaced);
    if (!quiet && st.dup_id && !so.replace)
        fprintf(stderr, "dyad: ingest: documents whose id is stored were skipped; --replace "
                        "recodes them\n");
    if (!quiet && st.undated)
        fprintf(stderr, "dyad: ingest: %llu document(s) stored undated: their events are in no "
                        "period of 'dyad ties' (ingest them again with --date and --replace)\n",
                (unsigned long long)st.undated);
    if (!quiet && st.rolled_back)
        fprintf(stderr, "dyad: ingest: the last %llu documents stored were rolled back with their "
                        "batch: run again to add them\n", (unsigned long long)st.rolled_back);
    dyad_coder_free(c);
    dyad_tagger_free(t);
    dyad_dict_free(d);
    return rc;
}
