/* validate.c -- scoring a PETRARCH validation file.
 *
 * The <Environment> names the dictionaries (relative to the file), unless
 * the caller gives its own. <Config> options apply to the records after
 * them. A record counts when it is evaluated (evaluate/sentence not
 * "false") and its category is in <Include> (when there is one). It passes
 * when the sorted list of (source, target, code) triples coded from its
 * <Text> (or its <Parse>) equals the sorted gold list; noevents and error
 * records expect none. The report has a table per category, every failing
 * record with what was expected and what was coded, and a closing
 * "N passed, N failed" line. A file without a single record, or one the
 * reader cannot read to its end (truncated: see xml.c), is an error.
 * A JSON Lines file holds PLOVER gold records instead (plover.c). */
#include "validate.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

typedef struct category {
    char name[32];
    size_t passed, failed;
} category;

/* A coder for each set of <Config> options the records have used: made in
 * the reading thread, kept to the end (other threads may code with it). */
typedef struct coder_of {
    dyad_options opt;
    dyad_coder *coder;
} coder_of;

typedef struct run {
    const char *path;
    const dyad_validate_opts *o;
    dyad_dict *dict;
    dyad_tagger *tagger;
    coder_of *coders;
    size_t ncoders, cap;
    category cats[64];
    int ncats;
    char include[512];
    dyad_validate_result *res;
} run;

static const char *env_get(const dyad_kv *env, size_t n, const char *key) {
    for (size_t i = 0; i < n; i++)
        if (!strcmp(env[i].key, key)) return env[i].value;
    return NULL;
}

/* Loads the dictionaries the <Environment> names, relative to the file. */
static dyad_dict *env_dict(const dyad_validate_opts *o, const char *path, const dyad_kv *env,
                           size_t n, dyad_error *err) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) slash[1] = 0;
    else strcpy(dir, "./");
    static const char *const keys[] = {"Verbfile", "Actorfile", "Agentfile", "Discardfile", "Issuefile"};
    char paths[5][4200];
    for (int i = 0; i < 5; i++) {
        const char *v = env_get(env, n, keys[i]);
        paths[i][0] = 0;
        if (v && *v) snprintf(paths[i], sizeof paths[i], "%s%s", v[0] == '/' ? "" : dir, v);
    }
    dyad_dict_files f = {0};
    f.verbs = paths[0][0] ? paths[0] : NULL;
    if (paths[1][0]) f.actors[f.nactors++] = paths[1];
    f.agents = paths[2][0] ? paths[2] : NULL;
    f.discards = paths[3][0] ? paths[3] : NULL;
    f.issues = paths[4][0] ? paths[4] : NULL;
    return dyad_dict_load_files(&f, o->on_problem, o->warn_ctx, err);
}

static int included(const run *r, const char *cat) {
    if (!r->include[0]) return 1;
    size_t n = strlen(cat);
    for (const char *p = r->include; (p = strstr(p, cat)); p += n)
        if ((p == r->include || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0)) return 1;
    return 0;
}

static category *cat_of(run *r, const char *name) {
    for (int i = 0; i < r->ncats; i++)
        if (!strcmp(r->cats[i].name, name)) return &r->cats[i];
    if (r->ncats == 64) return &r->cats[63];
    category *c = &r->cats[r->ncats++];
    snprintf(c->name, sizeof c->name, "%s", name);
    return c;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The triples "SRC TGT CODE", sorted, as one string joined by "; ". */
static char *triples(dyad_arena *a, char **items, size_t n) {
    qsort(items, n, sizeof *items, cmp_str);
    size_t len = 1;
    for (size_t i = 0; i < n; i++) len += strlen(items[i]) + 2;
    char *out = dyad_arena_alloc(a, len);
    if (!out) return NULL;
    for (size_t i = 0; i < n; i++) {
        if (i) strcat(out, "; ");
        strcat(out, items[i]);
    }
    return out;
}

/* The coder for a record's options (the reading thread's: route). */
static const dyad_coder *coder_for(run *r, const dyad_doc *doc, dyad_error *err) {
    dyad_options opt;
    dyad_options_default(&opt);
    opt.default_date = r->o->default_date;
    /* the records give PETRARCH-2's codes: "will V" is V, an actor with
     * only a sector is ---GOV, a record has no dateline, and an act told in
     * a relative clause is not coded */
    opt.future_as_act = 1;
    opt.sector_actors = 1;
    opt.relative_acts = 0;
    opt.dateline_country = 0;
    for (size_t i = 0; i < doc->nconfig; i++)
        if (dyad_options_set(&opt, doc->config[i].key, doc->config[i].value, err) < 0)
            return NULL;
    for (size_t i = r->ncoders; i-- > 0;)
        if (!memcmp(&opt, &r->coders[i].opt, sizeof opt)) return r->coders[i].coder;
    if (util_grow(&r->coders, &r->cap, r->ncoders + 1, sizeof *r->coders, 4) < 0) {
        dyad_error_set(err, "out of memory");
        return NULL;
    }
    coder_of *co = &r->coders[r->ncoders];
    co->opt = opt;
    co->coder = dyad_coder_new(r->dict, r->tagger, &opt, err);
    if (co->coder) r->ncoders++;
    return co->coder;
}

/* The dictionaries: --dict, else those the <Environment> names. */
static int load_dict(run *r, const dyad_feed *f, dyad_error *err) {
    const dyad_validate_opts *o = r->o;
    size_t n;
    const dyad_kv *env = dyad_feed_env(f, &n);
    const char *inc = env_get(env, n, "Include");
    if (inc) snprintf(r->include, sizeof r->include, "%s", inc);
    if (o->dict) {
        r->dict = dyad_dict_load_dir(o->dict, o->on_problem, o->warn_ctx, err);
        if (!r->dict) r->dict = dyad_dict_load_compiled(o->dict, err);
    } else if (env_get(env, n, "Verbfile") || env_get(env, n, "Actorfile")) {
        r->dict = env_dict(o, r->path, env, n, err);
    } else {
        return dyad_error_set(err, "%s: no <Environment> naming dictionaries: give --dict DIR", r->path);
    }
    return r->dict ? 0 : -1;
}

/* The route, in the reading thread, in order: the dictionaries at the
 * first record; records that do not count pass on marked (1); the others
 * are coded with the coder of their options. */
static int route_record(void *ctx, const dyad_feed *f, const dyad_doc *doc,
                        const dyad_coder **c, dyad_error *err) {
    run *r = ctx;
    if (!r->dict && load_dict(r, f, err) < 0) return -1;
    if (!doc->evaluate || !included(r, doc->category) || !doc->has_gold) return 1;
    return (*c = coder_for(r, doc, err)) ? 0 : -1;
}

/* Codes a record (in any coding thread): its text as one sentence, or
 * with --use-parse its <Parse>. */
static int code_record(void *ctx, const dyad_coder *c, dyad_arena *a, const dyad_doc *doc,
                       dyad_result *res, dyad_error *err) {
    const run *r = ctx;
    if (!r->o->use_parse || !doc->parse[0]) return dyad_code_doc(c, a, doc, 1, res, err);
    dyad_sentence *s = dyad_arena_alloc(a, sizeof *s);
    int rc = s ? conll_to_sentence(a, doc->parse, s, err) : dyad_error_set(err, "out of memory");
    return rc ? rc : dyad_code_sentences(c, a, doc, s, 1, res, err);
}

static int score_record(run *r, dyad_arena *a, const dyad_doc *doc, const dyad_result *rp,
                        dyad_error *err) {
    const dyad_result res = *rp;
    char **got = dyad_arena_alloc(a, sizeof *got * (res.nevents + 1));
    char **want = dyad_arena_alloc(a, sizeof *want * (doc->ngold + 1));
    if (!got || !want) return dyad_error_set(err, "out of memory");
    for (size_t i = 0; i < res.nevents; i++) {
        const dyad_event *e = &res.events[i];
        size_t n = strlen(e->source) + strlen(e->target) + strlen(e->code) + 3;
        got[i] = dyad_arena_alloc(a, n);
        snprintf(got[i], n, "%s %s %s", e->source, e->target, e->code);
        if (r->o->events) {
            fputs("{\"record_id\":", r->o->events);
            dyad_json_string(r->o->events, doc->id);
            fputs(",\"source\":", r->o->events);
            dyad_json_string(r->o->events, e->source);
            fputs(",\"target\":", r->o->events);
            dyad_json_string(r->o->events, e->target);
            fputs(",\"code\":", r->o->events);
            dyad_json_string(r->o->events, e->code);
            fputs("}\n", r->o->events);
        }
    }
    size_t nw = 0;
    for (size_t i = 0; i < doc->ngold && !doc->gold_noevents; i++) {
        const dyad_gold *g = &doc->gold[i];
        size_t n = strlen(g->source) + strlen(g->target) + strlen(g->code) + 3;
        want[nw] = dyad_arena_alloc(a, n);
        snprintf(want[nw++], n, "%s %s %s", g->source, g->target, g->code);
    }
    char *gs = triples(a, got, res.nevents), *ws = triples(a, want, nw);
    int pass = gs && ws && !strcmp(gs, ws);
    category *cat = cat_of(r, doc->category);
    if (pass) {
        cat->passed++;
        r->res->passed++;
    } else {
        cat->failed++;
        r->res->failed++;
        if (!r->o->quiet)
            fprintf(r->o->report, "FAIL %s [%s]\n  text:     %s\n  expected: %s\n  got:      %s\n",
                    doc->id, doc->category, doc->text, ws && *ws ? ws : "(no events)",
                    gs && *gs ? gs : "(no events)");
    }
    return 0;
}

static void print_table(const run *r) {
    FILE *f = r->o->report;
    fprintf(f, "\n%-12s %8s %8s %8s\n", "category", "records", "passed", "percent");
    for (int i = 0; i < r->ncats; i++) {
        const category *c = &r->cats[i];
        size_t n = c->passed + c->failed;
        fprintf(f, "%-12s %8zu %8zu %7.1f%%\n", c->name, n, c->passed, n ? 100.0 * c->passed / n : 0.0);
    }
    size_t n = r->res->passed + r->res->failed;
    fprintf(f, "%-12s %8zu %8zu %7.1f%%\n", "all", n, r->res->passed,
            n ? 100.0 * r->res->passed / n : 0.0);
    fprintf(f, "skipped (not evaluated or not included): %zu\n", r->res->skipped);
    fprintf(f, "%zu passed, %zu failed\n", r->res->passed, r->res->failed);
}

/* The sink, in input order: a record scored, or one that does not count
 * counted; a record that could not be coded, or a file that cannot be read
 * on, stops the run. */
static int score_sink(void *ctx, const dyad_pipeline_item *it, dyad_error *err) {
    run *r = ctx;
    if (it->kind == DYAD_PIPELINE_INPUT_FAILED) return dyad_error_set(err, "%s", it->msg);
    if (it->kind != DYAD_PIPELINE_DOC) return 0;
    if (it->mark) return (void)r->res->skipped++, 0;
    if (!it->res) return dyad_error_set(err, "%s", it->msg);
    return score_record(r, it->arena, it->doc, it->res, err);
}

int dyad_validate(const char *path, const dyad_validate_opts *o, dyad_validate_result *res,
                  dyad_error *err) {
    memset(res, 0, sizeof *res);
    if (dyad_validate_is_plover(path)) return validate_plover(path, o, res, err);
    run *r = calloc(1, sizeof *r);
    if (!r) return dyad_error_set(err, "out of memory");
    r->path = path;
    r->o = o;
    r->res = res;
    r->tagger = dyad_tagger_new(err);
    int rc = r->tagger ? 0 : -1;
    dyad_pipeline_opts po = {0};
    po.threads = o->threads;
    po.format = DYAD_FEED_XML;
    po.on_warning = o->on_warning;
    po.warn_ctx = o->warn_ctx;
    po.route = route_record;
    po.code = code_record;
    po.sink = score_sink;
    po.ctx = r;
    if (!rc) rc = dyad_pipeline_run(&path, 1, &po, err) ? -1 : 0;
    if (!rc && res->passed + res->failed + res->skipped == 0)
        rc = dyad_error_set(err, "%s: no <Sentence> records (an empty or truncated file?)", path);
    if (!rc) print_table(r);
    for (size_t i = 0; i < r->ncoders; i++) dyad_coder_free(r->coders[i].coder);
    free(r->coders);
    dyad_dict_free(r->dict);
    dyad_tagger_free(r->tagger);
    free(r);
    return rc;
}

/* JSON Lines by the one format guesser (dyad_feed_format_guess) */
int dyad_validate_is_plover(const char *path) {
    return dyad_feed_format_guess(path) == DYAD_FEED_JSONL;
}
