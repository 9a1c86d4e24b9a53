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
 * The pipeline (dyad_pipeline_run) reads, and codes in --threads threads;
 * this file's sink is the one writer: it stores the documents in input
 * order, in SQLite's batches, so the store is the same for every number
 * of threads. Documents an earlier run stored are looked up as they are
 * read (a read-only store handle) and not coded again. */
#include "cli.h"
#include "opts.h"

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
    "  --no-explain       do not keep why each event was coded (default: kept, as\n"
    "                     'dyad code --explain' writes it, for dyad serve and ties --events;\n"
    "                     not for a document of more than 256 KB of text)\n"
    "  --shard K/N        ingest only shard K of N (1 <= K <= N): the documents whose id\n"
    "                     (in a directory: whose file path) hashes to K\n"
    "  --threads N        threads that code (default: the online CPUs, or DYAD_THREADS);\n"
    "                     one writer stores in input order: the store is the same for every N\n"
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

/* A document of more text than this is coded without the reasons for its
 * events (explain): a document's events are held, with their reasons,
 * until it is stored, and a long record of short sentences would take
 * many times its size (a 15 MB one: 320 MB of reasons). News stories are
 * a few kilobytes to a few dozen. */
#define INGEST_EXPLAIN_MAX (256 * 1024)

/* The reader looks documents up (a second connection, on PostgreSQL) until
 * this many in a row are not stored: a rerun after a kill skips what the
 * killed run stored, then every document is coded and the store decides. */
#define KNOWN_RUN 128

/* The sink's own: the store, the counts, the progress bar; and the
 * route's (the reading thread's alone, read-only here): the store's
 * read-only handle and the coder of long documents. */
typedef struct ingest_run {
    dyad_store *st;
    dyad_store *known;      /* NULL: nothing (more) to look up */
    int new_run;            /* documents in a row the store did not have */
    const dyad_coder *c_long; /* documents over INGEST_EXPLAIN_MAX: without reasons */
    ingest_stats *sum;
    progress *pg;
    int failed; /* an input could not be read: status 1 at the end */
} ingest_run;

/* A document read: known to the store already, not coded, or stored. -1:
 * the store failed (the open batch was rolled back): the run stops. */
static int store_doc(ingest_run *r, const dyad_pipeline_item *it) {
    const dyad_doc *doc = it->doc;
    ingest_stats *sum = r->sum;
    if (it->mark) { /* stored by an earlier run: not coded again */
        sum->read++;
        if (it->mark == 1) sum->dup_id++;
        else sum->dup_text++;
        return 0;
    }
    if (!it->res) {
        if (r->pg->on) fputc('\n', stderr);
        fprintf(stderr, "dyad: warning: %s:%llu: document %s not coded: %s\n", it->input,
                (unsigned long long)doc->line, doc->id, it->msg);
        sum->not_coded++;
        return 0;
    }
    dyad_error err = {{0}};
    dyad_store_added ad;
    sum->read++;
    if (dyad_store_add(r->st, doc, it->res, it->input, &ad, &err) < 0) {
        if (r->pg->on) fputc('\n', stderr);
        sum->rolled_back = dyad_store_rolled_back(r->st);
        cli_fail("%s (at document %s of %s; the open batch of %zu documents was rolled back: "
                 "they are not stored)", err.msg, doc->id, it->input, (size_t)sum->rolled_back);
        return -1;
    }
    if ((ad.status == DYAD_STORED || ad.status == DYAD_NEAR_COPY ||
         ad.status == DYAD_REPLACED) && !*doc->date) {
        if (r->pg->on) fputc('\n', stderr);
        fprintf(stderr, "dyad: warning: %s:%llu: document %s has no date (none in its metadata, "
                        "first lines or file name, and no --date): stored undated\n",
                it->input, (unsigned long long)doc->line, doc->id);
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
                it->input, (unsigned long long)doc->line, doc->id);
        sum->read--, sum->skipped++;
        break;
    }
    sum->events += ad.events;
    sum->counted += ad.counted;
    return 0;
}

/* The sink: the one writer, in input order, so SQLite keeps its batches.
 * An input that cannot be read is reported and the run goes on with the
 * next one; a store that fails stops it (1). */
static int ingest_sink(void *ctx, const dyad_pipeline_item *it, dyad_error *err) {
    ingest_run *r = ctx;
    if (it->kind == DYAD_PIPELINE_INPUT_FAILED) {
        if (r->pg->on) fputc('\n', stderr);
        r->failed = cli_fail("%s", it->msg);
    } else if (it->kind == DYAD_PIPELINE_INPUT_END) {
        r->sum->skipped += it->skipped;
    } else if (store_doc(r, it) < 0) {
        return 1;
    }
    r->pg->total = it->total;
    progress_show(r->pg, r->sum, it->done, 0);
    return 0;
}

/* The route, in the reading thread: documents an earlier run stored are
 * not coded again (a rerun after a crash is fast), by a second, read-only
 * handle on the store; long documents are coded without reasons. */
static int route_doc(void *ctx, const dyad_feed *f, const dyad_doc *doc, const dyad_coder **c,
                     dyad_error *err) {
    ingest_run *r = ctx;
    int known = r->known ? dyad_store_has(r->known, doc, err) : 0;
    r->new_run = known > 0 ? 0 : r->new_run + 1;
    if (r->known && r->new_run >= KNOWN_RUN) { /* past what earlier runs stored */
        dyad_store_close(r->known, NULL);
        r->known = NULL;
    }
    if (known > 0) return known; /* a lookup that fails: coded, and the store decides */
    if (doc->text_len > INGEST_EXPLAIN_MAX) *c = r->c_long;
    return 0;
}

/* The read-only handle route_doc asks, or NULL: none for a store with no
 * documents (one probe, not a count: 100 tasks start at once against a
 * store of billions of rows), nor with --replace (every document is coded,
 * the stored ones too); if it cannot be had, the store decides. */
static dyad_store *open_known(const char *db, int replace, dyad_store *st) {
    dyad_store_opts ro = {0};
    ro.read_only = 1;
    ro.near_dup = -1;
    return replace || dyad_store_empty(st, NULL) != 0 ? NULL : dyad_store_open(db, &ro, NULL);
}

static int run_pipeline(const char *db, int replace, char **paths, int npaths,
                        dyad_pipeline_opts *po, const dyad_coder *c_long, dyad_store *st,
                        ingest_stats *sum, progress *pg) {
    ingest_run r = {st, open_known(db, replace, st), 0, c_long, sum, pg, 0};
    po->route = route_doc;
    po->sink = ingest_sink;
    po->ctx = &r;
    dyad_error err = {{0}};
    int rc = dyad_pipeline_run((const char *const *)paths, (size_t)npaths, po, &err);
    if (rc < 0) rc = cli_fail("%s", err.msg);
    dyad_store_close(r.known, NULL);
    return rc ? 1 : r.failed;
}

int cmd_ingest(int argc, char **argv) {
    const char *db = NULL, *dict = NULL, *date = NULL, *format = "auto", *shard_spec = NULL;
    const char *threads_spec = NULL;
    dyad_shard shard = {0, 0};
    dyad_store_opts so = {0};
    int quiet = 0, no_progress = 0, one_a_day = 0, no_near = 0, no_explain = 0;
    const char *batch = NULL;
    const cli_opt table[] = {
        {"db", 0, &db, NULL},
        {"dict", 0, &dict, NULL},
        {"date", 0, &date, NULL},
        {"format", 0, &format, NULL},
        {"shard", 0, &shard_spec, NULL},
        {"threads", 0, &threads_spec, NULL},
        {"batch", 0, &batch, NULL},
        {"one-a-day", 0, NULL, &one_a_day},
        {"no-near-dups", 0, NULL, &no_near},
        {"replace", 0, NULL, &so.replace},
        {"event-sentences-only", 0, NULL, &so.event_sentences_only},
        {"no-explain", 0, NULL, &no_explain},
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
    if (date && dyad_date_parse(date) < 0) {
        fprintf(stderr, "dyad: bad --date '%s' (expected YYYY-MM-DD)\n", date);
        return 2;
    }
    int threads = cli_opt_threads(threads_spec);
    if (threads < 0) return 2;
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
    opt.explain = !no_explain; /* the store keeps why each event was coded */
    dyad_coder *c = t ? dyad_coder_new(d, t, &opt, &err) : NULL;
    opt.explain = 0; /* for documents over INGEST_EXPLAIN_MAX */
    dyad_coder *c_long = c && !no_explain ? dyad_coder_new(d, t, &opt, &err) : NULL;
    const dyad_coder *coders[2] = {c, no_explain ? c : c_long};
    int rc = 0;
    if (!c || !coders[1]) rc = cli_fail("%s", err.msg);
    ingest_stats st = {0};
    progress pg = {!no_progress && isatty(2), now(), 0, 0, 0};
    dyad_pipeline_opts po = {0};
    po.threads = threads;
    po.format = fmt;
    po.default_date = date;
    po.shard = &shard;
    po.coder = c;
    po.on_warning = cli_warn;
    if (!rc && run_pipeline(db, so.replace, args.operands, args.noperands, &po, coders[1], s, &st,
                            &pg))
        rc = 1;
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
    dyad_coder_free(c_long);
    dyad_coder_free(c);
    dyad_tagger_free(t);
    dyad_dict_free(d);
    return rc;
}
