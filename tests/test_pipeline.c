/* test_pipeline.c -- the pipeline module (src/pipeline/): read -> code ->
 * sink, in threads, in input order.
 *
 * The input is built here from the project's own hand-written wire
 * sentences (tests/data/wire-2014-2025.tsv): JSON Lines documents of three
 * sentences each, with a malformed line in the middle, then a plain-text
 * file, a file that does not exist, and a directory. The sink writes every
 * item (its kind, document id, every event) into a transcript; the
 * transcript must be the same, byte for byte, for 1, 2, 3 and 8 threads,
 * list the documents in input order, carry the reader's warning just
 * before the document that followed the bad line, and the events must be
 * those dyad_code_doc gives for each document on its own. Then the hooks:
 * a route that passes documents on marked, or stops the run; a sink that
 * stops it; a code hook in place of dyad_code_doc. Last, documents big
 * enough that their slot's arena is made afresh after them, between small
 * ones: the same transcript for every number of threads. And a pipe (a
 * FIFO fed by a thread) as the input: only the workers read from it (a
 * read may wait there), and the transcript is that of the file. */
#include "dyad.h"
#include "t.h"

#include <pthread.h>
#include <stdarg.h>
#include <sys/stat.h>

typedef struct transcript {
    char *p;
    size_t len, cap;
    int ndocs, nitems;
    int stop_at;        /* the sink stops (returns 7) at this item; 0: never */
} transcript;

static void put(transcript *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(transcript *t, const char *fmt, ...) {
    char line[1200];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->p = realloc(t->p, t->cap);
    }
    memcpy(t->p + t->len, line, (size_t)n + 1);
    t->len += (size_t)n;
}

static void warned(void *ctx, const char *msg) {
    const char *colon = strrchr(msg, ':'); /* "path:line: message": the path varies */
    put(ctx, "warning%s\n", colon ? colon : msg);
}

static int sink(void *ctx, const dyad_pipeline_item *it, dyad_error *err) {
    transcript *t = ctx;
    t->nitems++;
    if (it->kind == DYAD_PIPELINE_INPUT_FAILED) put(t, "failed\n");
    else if (it->kind == DYAD_PIPELINE_INPUT_END) put(t, "end %zu docs\n", it->ndocs);
    else {
        t->ndocs++;
        const char *slash = strrchr(it->doc->id, '/');
        put(t, "doc %s mark %d%s\n", slash ? slash + 1 : it->doc->id, it->mark,
            it->res ? "" : " uncoded");
        for (size_t i = 0; it->res && i < it->res->nevents; i++) {
            const dyad_event *e = &it->res->events[i];
            put(t, "  %u %s %s %s\n", e->sentence, e->source, e->target, e->code);
        }
    }
    return t->stop_at && t->nitems == t->stop_at ? 7 : 0;
}

/* ---- the input */

static char dir[] = "/tmp/dyad-pipeline-XXXXXX";
static char jsonl[4200], text[4200], missing[4200], sub[4200];
static int ndocs_written;

/* JSON Lines of three sentences a document, with a bad line and a
 * document "x" after the 50th; a text file; a directory with one. */
static int write_inputs(void) {
    FILE *in = fopen("tests/data/wire-2014-2025.tsv", "r");
    if (!in || !mkdtemp(dir)) return -1;
    snprintf(jsonl, sizeof jsonl, "%s/wire.jsonl", dir);
    snprintf(text, sizeof text, "%s/story.txt", dir);
    snprintf(missing, sizeof missing, "%s/no-such.jsonl", dir);
    snprintf(sub, sizeof sub, "%s/sub", dir);
    FILE *out = fopen(jsonl, "w");
    char line[2048];
    int n = 0;
    while (out && fgets(line, sizeof line, in)) {
        char *date = strtok(line, "\t"), *sent = strtok(NULL, "\t");
        if (line[0] == '#' || !sent || strchr(sent, '"') || strchr(sent, '\\')) continue;
        if (n % 3 == 0) {
            if (n) fputs("\"}\n", out);
            if (n == 150) fputs("{\"id\": broken\n{\"id\": \"x\", \"text\": \"Japan thanked Kenya.\"}\n", out);
            fprintf(out, "{\"id\": \"w%03d\", \"date\": \"%s\", \"text\": \"", n / 3, date);
        }
        fprintf(out, "%s ", sent);
        n++;
    }
    if (out && n) fputs("\"}\n", out);
    ndocs_written = (n + 2) / 3 + 1;
    fclose(in);
    if (!out || fclose(out) != 0 || n < 160) return -1;
    FILE *f = fopen(text, "w");
    if (!f) return -1;
    fputs("Russia accused Ukraine of shelling a border town. Turkey offered to mediate.\n", f);
    fclose(f);
    char inner[4300];
    snprintf(inner, sizeof inner, "%s/a.txt", sub);
    if (mkdir(sub, 0700) != 0 || !(f = fopen(inner, "w"))) return -1;
    fputs("Iran criticized Israel over the strike.\n", f);
    return fclose(f);
}

static void remove_inputs(void) {
    char p[4300];
    snprintf(p, sizeof p, "%s/a.txt", sub);
    remove(p), rmdir(sub), remove(jsonl), remove(text), rmdir(dir);
}

/* ---- the runs */

static const dyad_coder *coder;

static int run(int threads, transcript *t, dyad_pipeline_opts *po, dyad_error *err) {
    const char *inputs[] = {jsonl, text, missing, sub};
    int stop_at = t->stop_at;
    memset(t, 0, sizeof *t);
    t->stop_at = stop_at;
    put(t, "%s", "");
    po->threads = threads;
    po->coder = coder;
    po->default_date = "2020-01-01";
    po->on_warning = warned;
    po->warn_ctx = t;
    po->sink = sink;
    if (!po->ctx) po->ctx = t;
    return dyad_pipeline_run(inputs, 4, po, err);
}

/* The events dyad_code_doc gives one document read on its own. */
static void check_alone(const char *transcript_text) {
    dyad_feed *f = dyad_feed_open(jsonl, DYAD_FEED_AUTO, "2020-01-01", NULL);
    dyad_arena *a = dyad_arena_new(0);
    dyad_doc doc;
    transcript one = {0};
    put(&one, "%s", "");
    int same = f && a, got;
    while (same && (got = dyad_feed_next(f, a, &doc, NULL)) > 0) {
        dyad_result res;
        dyad_pipeline_item it = {0};
        it.kind = DYAD_PIPELINE_DOC;
        it.doc = &doc;
        it.res = &res;
        if (dyad_code_doc(coder, a, &doc, 0, &res, NULL) < 0) same = 0;
        one.len = 0;
        sink(&one, &it, NULL);
        if (!strstr(transcript_text, one.p)) same = 0;
        dyad_arena_reset(a);
    }
    CHECK(same);
    free(one.p);
    dyad_arena_free(a);
    dyad_feed_close(f);
}

static void test_same_for_every_n(void) {
    transcript t1 = {0}, tn = {0};
    dyad_pipeline_opts po = {0};
    dyad_error err = {{0}};
    CHECK(run(1, &t1, &po, &err) == 0);
    CHECK(t1.ndocs == ndocs_written + 2); /* the JSON Lines, the text, the directory's file */
    CHECK(strstr(t1.p, "  0 RUS UKR") != NULL); /* the text file's events, coded */
    CHECK(strstr(t1.p, "end 0 docs\n") != NULL); /* the missing file: failed, then ended */
    CHECK(strstr(t1.p, "failed\nend 0 docs\ndoc a.txt") != NULL); /* and the walk went on */
    /* the warning comes just before the document after the bad line */
    const char *w = strstr(t1.p, "warning");
    CHECK(w && !strncmp(strchr(w, '\n') + 1, "doc x ", 6));
    /* documents in input order */
    int in_order = 1, last = -1;
    for (const char *p = t1.p; (p = strstr(p, "doc w")); p += 5) {
        int k = atoi(p + 5);
        if (k != last + 1) in_order = 0;
        last = k;
    }
    CHECK(in_order && last == (ndocs_written - 2));
    check_alone(t1.p);
    int threads[] = {2, 3, 8};
    for (int i = 0; i < 3; i++) {
        memset(&po, 0, sizeof po);
        CHECK(run(threads[i], &tn, &po, &err) == 0);
        CHECK(tn.len == t1.len && !memcmp(tn.p, t1.p, t1.len));
        free(tn.p);
    }
    free(t1.p);
}

/* The route passes every third document on marked; the fifth stops the run. */
typedef struct routed {
    transcript t;
    int n;
} routed;

static int route_marks(void *ctx, const dyad_feed *f, const dyad_doc *doc, const dyad_coder **c,
                       dyad_error *err) {
    routed *r = ctx;
    return ++r->n % 3 == 0 ? 2 : 0;
}

static int route_stops(void *ctx, const dyad_feed *f, const dyad_doc *doc, const dyad_coder **c,
                       dyad_error *err) {
    routed *r = ctx;
    return ++r->n == 5 ? dyad_error_set(err, "route says stop at %s", doc->id) : 0;
}

static void test_route(void) {
    for (int threads = 1; threads <= 3; threads += 2) {
        routed r = {{0}, 0};
        dyad_pipeline_opts po = {0};
        po.route = route_marks;
        po.ctx = &r;
        dyad_error err = {{0}};
        CHECK(run(threads, &r.t, &po, &err) == 0);
        CHECK(strstr(r.t.p, "doc w002 mark 2 uncoded\n") && strstr(r.t.p, "doc w003 mark 0\n"));
        free(r.t.p);
        r.n = 0;
        po.route = route_stops;
        CHECK(run(threads, &r.t, &po, &err) == -1);
        CHECK_STR(err.msg, "route says stop at w004");
        CHECK(r.t.ndocs == 4); /* the four before it, and no more */
        free(r.t.p);
    }
}

/* The sink stops the run at its tenth item: nothing after it is sunk. */
static void test_sink_stops(void) {
    for (int threads = 1; threads <= 8; threads *= 2) {
        transcript t = {0};
        dyad_pipeline_opts po = {0};
        dyad_error err = {{0}};
        t.stop_at = 10;
        CHECK(run(threads, &t, &po, &err) == 7);
        CHECK(t.nitems == 10 && t.ndocs == 10);
        free(t.p);
    }
}

/* A code hook instead of dyad_code_doc: every document one sentence. */
static int code_whole(void *ctx, const dyad_coder *c, dyad_arena *a, const dyad_doc *doc,
                      dyad_result *res, dyad_error *err) {
    return dyad_code_doc(c, a, doc, 1, res, err);
}

static void test_code_hook(void) {
    transcript t = {0};
    dyad_pipeline_opts po = {0};
    dyad_error err = {{0}};
    po.code = code_whole;
    CHECK(run(3, &t, &po, &err) == 0);
    /* every event is in sentence 0 */
    CHECK(strstr(t.p, "\n  0 ") && !strstr(t.p, "\n  1 ") && !strstr(t.p, "\n  2 "));
    free(t.p);
}

/* Small documents and, between them, two over 256 KB (the size past
 * which a slot starts its next document with a fresh arena). */
static void test_big_documents(void) {
    char path[4300];
    snprintf(path, sizeof path, "%s/big.jsonl", dir);
    FILE *f = fopen(path, "w");
    for (int d = 0; f && d < 5; d++) {
        fprintf(f, "{\"id\": \"b%d\", \"date\": \"2020-01-0%d\", \"text\": \"", d, d + 1);
        for (int k = 0; k < (d % 2 ? 10000 : 1); k++)
            fputs(k % 2 ? "Rain fell on the coast for a week. " : "Chile praised Peru. ", f);
        fputs("\"}\n", f);
    }
    CHECK(f && fclose(f) == 0);
    const char *inputs[] = {path};
    transcript t1 = {0}, tn = {0};
    for (int threads = 1; threads <= 3; threads++) {
        transcript *t = threads == 1 ? &t1 : &tn;
        dyad_pipeline_opts po = {0};
        dyad_error err = {{0}};
        put(t, "%s", "");
        po.threads = threads;
        po.coder = coder;
        po.sink = sink;
        po.ctx = t;
        CHECK(dyad_pipeline_run(inputs, 1, &po, &err) == 0);
        if (threads == 1) {
            CHECK(t1.ndocs == 5 && strstr(t1.p, "doc b4 mark 0\n  0 CHL PER 051\n"));
            CHECK(strstr(t1.p, "  9998 CHL PER 051\ndoc b4 ") != NULL); /* b3 whole */
        } else {
            CHECK(tn.len == t1.len && !memcmp(tn.p, t1.p, t1.len));
            free(tn.p);
            memset(&tn, 0, sizeof tn);
        }
    }
    free(t1.p);
    remove(path);
}

/* Copies the JSON Lines file into the FIFO, in pieces. */
static void *feed_fifo(void *path) {
    FILE *in = fopen(jsonl, "r"), *out = fopen(path, "w");
    char piece[1000];
    size_t n;
    while (in && out && (n = fread(piece, 1, sizeof piece, in)) > 0) fwrite(piece, 1, n, out);
    if (in) fclose(in);
    if (out) fclose(out);
    return NULL;
}

static void test_pipe_input(void) {
    char fifo[4300];
    snprintf(fifo, sizeof fifo, "%s/live.jsonl", dir);
    CHECK(mkfifo(fifo, 0600) == 0);
    transcript t1 = {0}, tn = {0};
    for (int threads = 1; threads <= 3; threads++) {
        transcript *t = threads == 1 ? &t1 : &tn;
        const char *inputs[] = {threads == 1 ? jsonl : fifo};
        dyad_pipeline_opts po = {0};
        dyad_error err = {{0}};
        pthread_t writer;
        put(t, "%s", "");
        po.threads = threads;
        po.coder = coder;
        po.default_date = "2020-01-01";
        po.sink = sink;
        po.ctx = t;
        if (threads > 1) CHECK(pthread_create(&writer, NULL, feed_fifo, fifo) == 0);
        CHECK(dyad_pipeline_run(inputs, 1, &po, &err) == 0);
        if (threads > 1) {
            pthread_join(writer, NULL);
            CHECK(tn.len == t1.len && !memcmp(tn.p, t1.p, t1.len));
            free(tn.p);
            memset(&tn, 0, sizeof tn);
        }
    }
    CHECK(t1.ndocs == ndocs_written);
    free(t1.p);
    remove(fifo);
}

int main(void) {
    dyad_error err = {{0}};
    dyad_dict *d = dyad_dict_load_dir("data/dict", NULL, NULL, &err);
    dyad_tagger *tg = d ? dyad_tagger_new(&err) : NULL;
    dyad_options o;
    dyad_options_default(&o);
    dyad_coder *c = tg ? dyad_coder_new(d, tg, &o, &err) : NULL;
    coder = c;
    CHECK(c != NULL);
    if (c && write_inputs() == 0) {
        test_same_for_every_n();
        test_route();
        test_sink_stops();
        test_code_hook();
        test_big_documents();
        test_pipe_input();
    } else {
        CHECK(!"inputs written");
    }
    remove_inputs();
    dyad_coder_free(c);
    dyad_tagger_free(tg);
    dyad_dict_free(d);
    return t_summary();
}
