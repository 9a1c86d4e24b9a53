/* cmd_code.c -- `dyad code`: documents in, events out.
 *
 * A filter: reads the files named (or standard input), writes one JSON
 * object per event to standard output (or a readable table with --table),
 * warnings and errors to standard error. A bad record is skipped with a
 * warning naming file and line; an input that cannot be read to the end
 * stops the run with status 1 after everything coded so far is written.
 * Every input is read as ingest reads it (dyad_feed: one reader, one
 * format guesser), so both commands give the same events; the pipeline
 * (dyad_pipeline_run) codes them in --threads threads and this file's sink
 * writes them in input order, the same bytes for every number of threads. */
#include "cli.h"
#include "opts.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: dyad code [options] [FILE...]      (no FILE or '-': standard input)\n"
    "  --dict DIR|FILE     dictionaries (default: dyad's own)\n"
    "  --format F          text | jsonl | xml | rss | atom | html | dir\n"
    "                      (default: from the file name; stdin: text)\n"
    "  --output O          jsonl | plover | phoenix | gdelt (default: jsonl)\n"
    "  --date YYYY-MM-DD   date of documents that give none (default: today, UTC)\n"
    "  --explain           add to each event why it was coded\n"
    "  --table             print a readable table instead of JSON Lines\n"
    "  --no-dyad           also code events that have a source but no target\n"
    "  --future-as-act     \"X will give aid\", \"X could attack\" code the act, as PETRARCH-2\n"
    "                      does; by default (CAMEO's manual) the first is an intention\n"
    "                      (03x) and the second no event\n"
    "  --no-dateline-country  \"police\", \"protesters\" stay without a country; by default\n"
    "                      they take the country of the story's dateline (\"NAIROBI, Kenya -\")\n"
    "  --sector-actors     as PETRARCH-2 does, an actor named only by its sector whose country\n"
    "                      nothing gives (\"the government\", \"insurgents\") codes as ---GOV,\n"
    "                      ---INS; by default it gives no event (dyad validate turns this on)\n"
    "  --no-relative-acts  as PETRARCH-2 does, code no act told in a relative clause (\"X, who\n"
    "                      attacked Y, said ...\"); by default it is coded (dyad validate\n"
    "                      turns this off)\n"
    "  --threads N         threads that code (default: the online CPUs, or DYAD_THREADS);\n"
    "                      the output is the same, byte for byte, for every N\n"
    "  --shard K/N         code only shard K of N (1 <= K <= N): the documents whose id\n"
    "                      (in a directory: whose file path) hashes to K; N runs\n"
    "                      started anywhere cover the input exactly once\n"
    "  --trace             print each sentence's analysis to standard error\n"
    "  --stats             print documents, sentences, events and time to standard error\n";

typedef struct code_opts {
    const char *dict, *date, *format, *output, *shard_spec, *threads_spec;
    dyad_shard shard;
    int threads;
    int explain, table, no_dyad, trace, stats, future_as_act, no_dateline_country, sector_actors;
    int no_relative_acts;
} code_opts;

typedef struct code_counts {
    size_t docs, sentences, events, bytes;
    uint64_t gdelt_id; /* the next GDELT GlobalEventID */
} code_counts;

/* The sink's own: what it was told, what it counted, and whether an input
 * failed (the run stops at that input's end). */
typedef struct code_run {
    const code_opts *o;
    code_counts n;
    int failed;
} code_run;

static void trace_line(void *ctx, const char *line) {
    (void)ctx;
    fprintf(stderr, "trace: %s\n", line);
}

static void print_table(const dyad_doc *doc, const dyad_result *res) {
    for (size_t i = 0; i < res->nevents; i++) {
        const dyad_event *e = &res->events[i];
        const dyad_cameo *c = dyad_cameo_find(e->code);
        const dyad_sentence *s = &res->sentences[e->sentence];
        int len = (int)(s->end - s->start);
        char date[9] = "";
        if (e->date > 0) snprintf(date, sizeof date, "%08d", (int)e->date);
        printf("%-12.12s %-8s %-10s %-10s %-5s %-34.34s | %.*s%s\n", doc->id, date, e->source,
               e->target, e->code, c ? c->name : "?", len > 70 ? 70 : len, doc->text + s->start,
               len > 70 ? "..." : "");
        if (e->explain) printf("         why: %s\n", e->explain);
    }
}

static int write_events(const code_opts *o, code_counts *n, const dyad_doc *doc,
                        const dyad_result *res, dyad_error *err) {
    if (o->output && !strcmp(o->output, "phoenix"))
        return dyad_write_events_phoenix(stdout, doc, res, err);
    if (o->output && !strcmp(o->output, "plover"))
        return dyad_write_events_plover(stdout, doc, res, err);
    if (o->output && !strcmp(o->output, "gdelt"))
        return dyad_write_events_gdelt(stdout, doc, res, &n->gdelt_id, err);
    return dyad_write_events_jsonl(stdout, doc, res, err);
}

/* The sink: one document's events written, or why it was not coded; an
 * input's failure reported. >0 stops the run: a write failed, or an input
 * could not be read to its end (everything before it is written). */
static int code_sink(void *ctx, const dyad_pipeline_item *it, dyad_error *err) {
    code_run *r = ctx;
    const char *name = strcmp(it->input, "-") ? it->input : "<stdin>";
    if (it->kind == DYAD_PIPELINE_INPUT_FAILED) {
        r->failed = cli_fail("%s", it->msg);
        return 0; /* a directory goes on with its next file */
    }
    if (it->kind == DYAD_PIPELINE_INPUT_END) {
        if (!r->failed && !it->ndocs && it->format == DYAD_FEED_XML) /* worth a word */
            fprintf(stderr, "dyad: warning: %s: no <Sentence> records\n", name);
        if (fflush(stdout) != 0) return cli_write_error();
        return r->failed;
    }
    const dyad_doc *doc = it->doc;
    const dyad_result *res = it->res;
    r->n.docs++;
    r->n.bytes += doc->text_len;
    if (!res) {
        fprintf(stderr, "dyad: warning: %s:%llu: document %s not coded: %s\n", name,
                (unsigned long long)doc->line, doc->id, it->msg);
        return 0;
    }
    r->n.sentences += res->nsentences;
    r->n.events += res->nevents;
    if (r->o->table) print_table(doc, res);
    else if (write_events(r->o, &r->n, doc, res, err) < 0)
        return ferror(stdout) ? cli_write_error() : cli_fail("%s", err->msg);
    return cli_output_ok(); /* a full disk stops the run: nothing more is coded */
}

/* Codes every document of every input (standard input when there is
 * none) through the pipeline: the one reader, `threads` coders, this sink. */
static int code_all(const code_opts *o, const dyad_coder *c, char **files, int nfiles,
                    code_counts *n) {
    static const char *const stdin_only[] = {"-"};
    code_run r = {o, {0}, 0};
    r.n.gdelt_id = 1;
    dyad_pipeline_opts po = {0};
    po.threads = o->threads;
    if (o->format) dyad_feed_format_parse(o->format, &po.format);
    po.default_date = o->date;
    po.shard = &o->shard;
    po.coder = c;
    po.on_warning = cli_warn;
    po.sink = code_sink;
    po.ctx = &r;
    if (o->table)
        printf("%-12s %-8s %-10s %-10s %-5s %-34s | %s\n", "doc", "date", "source", "target", "code",
               "event", "sentence");
    dyad_error err = {{0}};
    int rc = dyad_pipeline_run(nfiles ? (const char *const *)files : stdin_only,
                               nfiles ? (size_t)nfiles : 1, &po, &err);
    if (rc < 0) rc = cli_fail("%s", err.msg);
    if (fflush(stdout) != 0 && !rc) rc = cli_write_error();
    *n = r.n;
    return rc;
}

int cmd_code(int argc, char **argv) {
    code_opts o = {0};
    const cli_opt table[] = {
        {"dict", 0, &o.dict, NULL},
        {"date", 0, &o.date, NULL},
        {"format", 0, &o.format, NULL},
        {"output", 0, &o.output, NULL},
        {"shard", 0, &o.shard_spec, NULL},
        {"threads", 0, &o.threads_spec, NULL},
        {"explain", 0, NULL, &o.explain},
        {"table", 0, NULL, &o.table},
        {"no-dyad", 0, NULL, &o.no_dyad},
        {"future-as-act", 0, NULL, &o.future_as_act},
        {"no-dateline-country", 0, NULL, &o.no_dateline_country},
        {"sector-actors", 0, NULL, &o.sector_actors},
        {"no-relative-acts", 0, NULL, &o.no_relative_acts},
        {"trace", 0, NULL, &o.trace},
        {"stats", 0, NULL, &o.stats},
        {0},
    };
    cli_args args;
    int bad = cli_opts_parse(argc, argv, table, usage, &args);
    if (bad) return bad < 0 ? 0 : bad;
    char **files = args.operands;
    int nfiles = args.noperands;
    dyad_feed_format ff;
    if (o.format && (dyad_feed_format_parse(o.format, &ff) < 0 || ff == DYAD_FEED_AUTO)) {
        fprintf(stderr, "dyad: --format must be text, jsonl, xml, rss, atom, html or dir\n");
        return 2;
    }
    if (o.output && strcmp(o.output, "jsonl") && strcmp(o.output, "plover") &&
        strcmp(o.output, "phoenix") && strcmp(o.output, "gdelt")) {
        fprintf(stderr, "dyad: --output must be jsonl, plover, phoenix or gdelt\n");
        return 2;
    }
    if (o.date && dyad_date_parse(o.date) < 0) {
        fprintf(stderr, "dyad: bad --date '%s' (expected YYYY-MM-DD)\n", o.date);
        return 2;
    }
    /* --trace lines come from the thread that codes: one, so they stay in order */
    if ((o.threads = cli_opt_threads(o.threads_spec)) < 0) return 2;
    if (o.trace) o.threads = 1;
    dyad_error err = {{0}};
    if (o.shard_spec && dyad_shard_parse(o.shard_spec, &o.shard, &err) < 0) {
        fprintf(stderr, "dyad: %s\n", err.msg);
        return 2;
    }
    dyad_dict *d = cli_load_dict(o.dict, 1, &err);
    if (!d) return cli_fail("%s", err.msg);
    dyad_tagger *t = dyad_tagger_new(&err);
    if (!t) {
        dyad_dict_free(d);
        return cli_fail("%s", err.msg);
    }
    dyad_options opt;
    dyad_options_default(&opt);
    opt.explain = o.explain;
    opt.require_dyad = !o.no_dyad;
    opt.future_as_act = o.future_as_act;
    opt.dateline_country = !o.no_dateline_country;
    opt.sector_actors = o.sector_actors;
    opt.relative_acts = !o.no_relative_acts;
    /* an undated document is coded, and dated, as of --date, else today */
    opt.default_date = o.date ? dyad_date_parse(o.date) : cli_today();
    if (o.trace) opt.trace = trace_line;
    dyad_coder *c = dyad_coder_new(d, t, &opt, &err);
    int rc = c ? 0 : cli_fail("%s", err.msg);
    code_counts n = {0};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (c) rc = code_all(&o, c, files, nfiles, &n);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (o.stats) {
        double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        fprintf(stderr, "documents %zu sentences %zu events %zu bytes %zu seconds %.3f\n", n.docs,
                n.sentences, n.events, n.bytes, secs);
    }
    dyad_coder_free(c);
    dyad_tagger_free(t);
    dyad_dict_free(d);
    return rc;
}

