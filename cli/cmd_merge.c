/* cmd_merge.c -- `dyad merge`: files of coded documents into one store.
 *
 * The tasks of a cluster can code their shards with no database
 * (`dyad ingest --shard K/N --db shard-K.jsonl`: coded documents as JSON
 * Lines, src/store/coded.c). merge adds those files to one store, file
 * after file in the order given, as one ingest adds documents: each
 * document once, duplicates, near copies and one-a-day decided here. It
 * codes nothing, so it needs no dictionaries and is quick.
 *
 * A line that is not a coded document is reported with its file and line
 * and passed over; a file that cannot be read is reported and the next
 * one taken: status 1 at the end. A store error stops the run at once,
 * after the open batch is rolled back: the store keeps whole documents
 * only, and a rerun adds the rest (documents stored are known by id). */
#include "cli.h"
#include "opts.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: dyad merge --db DB [options] FILE.jsonl...\n"
    "  --db PATH|URL      SQLite file (created if absent) or postgresql://...\n"
    "  --one-a-day        count one event per (date, source, target, code)\n"
    "  --no-near-dups     do not look for syndicated near copies\n"
    "  --event-sentences-only  keep only the sentences events come from\n"
    "  --batch N          documents per transaction (default 500)\n"
    "  --quiet            no summary line\n"
    "FILE: coded documents, as `dyad ingest --db FILE.jsonl` writes them\n";

typedef struct merge_stats {
    unsigned long long read, stored, near, dup_id, dup_text, empty, bad, events, counted;
} merge_stats;

static void count_added(merge_stats *m, const dyad_store_added *ad) {
    switch (ad->status) {
    case DYAD_STORED: case DYAD_REPLACED: m->stored++; break;
    case DYAD_DUP_ID: m->dup_id++; break;
    case DYAD_DUP_TEXT: m->dup_text++; break;
    case DYAD_NEAR_COPY: m->near++; break;
    case DYAD_EMPTY: m->empty++; break;
    }
    m->events += ad->events;
    m->counted += ad->counted;
}

/* One file's documents into the store: 0 done, 1 a bad line or an
 * unreadable file (reported, the run goes on), -1 the store failed. */
static int merge_file(const char *path, dyad_store *st, dyad_arena *a, merge_stats *m) {
    FILE *fp = fopen(path, "r");
    if (!fp) return cli_fail("%s: cannot open", path);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;
    for (unsigned long long no = 1; rc >= 0 && (n = getline(&line, &cap, fp)) >= 0; no++) {
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        if (!n) continue;
        dyad_doc doc;
        dyad_result res;
        const char *input;
        dyad_error err = {{0}};
        dyad_store_added ad;
        if (dyad_coded_read(line, (size_t)n, a, &doc, &res, &input, &err) < 0) {
            rc = cli_fail("%s:%llu: skipped: %s", path, no, err.msg);
            m->bad++;
        } else if (m->read++, dyad_store_add(st, &doc, &res, input, &ad, &err) < 0) {
            cli_fail("%s (at document %s, %s:%llu; the open batch of %zu documents was rolled "
                     "back: they are not stored)", err.msg, doc.id, path, no,
                     dyad_store_rolled_back(st));
            rc = -1;
        } else {
            count_added(m, &ad);
        }
        dyad_arena_reset(a);
    }
    if (rc >= 0 && ferror(fp)) rc = cli_fail("%s: read error", path);
    free(line);
    fclose(fp);
    return rc;
}

int cmd_merge(int argc, char **argv) {
    const char *db = NULL, *batch = NULL;
    dyad_store_opts so = {0};
    int quiet = 0, one_a_day = 0, no_near = 0;
    const cli_opt table[] = {
        {"db", 0, &db, NULL},
        {"batch", 0, &batch, NULL},
        {"one-a-day", 0, NULL, &one_a_day},
        {"no-near-dups", 0, NULL, &no_near},
        {"event-sentences-only", 0, NULL, &so.event_sentences_only},
        {"quiet", 0, NULL, &quiet},
        {0},
    };
    cli_args args;
    int bad = cli_opts_parse(argc, argv, table, usage, &args);
    if (bad) return bad < 0 ? 0 : bad;
    if (!db || !args.noperands) {
        fprintf(stderr, "dyad: merge needs --db and at least one file\n%s", usage);
        return 2;
    }
    so.one_a_day = one_a_day;
    if (no_near) so.near_dup = -1;
    if (batch && (so.batch = (int)cli_opt_count("batch", batch, 1, 1000000)) < 0) return 2;
    dyad_error err = {{0}};
    dyad_store *st = dyad_store_open(db, &so, &err);
    if (!st) return cli_fail("%s", err.msg);
    dyad_arena *a = dyad_arena_new(0);
    merge_stats m = {0};
    int rc = a ? 0 : cli_fail("out of memory");
    for (int i = 0; a && i < args.noperands; i++) {
        int got = merge_file(args.operands[i], st, a, &m);
        if (got) rc = 1;
        if (got < 0) break;
    }
    if (dyad_store_close(st, &err) < 0) rc = cli_fail("%s", err.msg);
    dyad_arena_free(a);
    if (!quiet)
        fprintf(stderr,
                "dyad: merge: %llu documents read: %llu stored, %llu near copies, %llu duplicate "
                "ids, %llu duplicate texts, %llu empty; %llu lines skipped; %llu events (%llu "
                "counted)\n",
                m.read, m.stored, m.near, m.dup_id, m.dup_text, m.empty, m.bad, m.events,
                m.counted);
    return rc;
}
