/* read.c -- the pipeline's reading side and the work on one slot.
 *
 * Reads the inputs one after the other through the one reader (dyad_feed,
 * with its one format guesser) and fills one slot per call: a document, a
 * failure (an input that cannot be opened, a bad file of a directory), or
 * the end of an input. Every input ends with an INPUT_END item, a failed
 * one too, so a sink can count per input. The reader's warnings are kept
 * in the slot being filled, so the sink gets them in input order, before
 * the item they came before, whatever thread read them.
 *
 * Also here: coding one slot (pl_code) and handing one to the sink
 * (pl_sink), the two steps pipeline.c runs in its threads. */
#include "pipeline/pipeline.h"
#include "util/arena.h"

#include <string.h>
#include <sys/stat.h>

/* Whether reading path may wait for input that is not there yet: standard
 * input or a path that is neither a file nor a directory (a pipe). */
static int may_wait(const char *path) {
    struct stat s;
    int ok = strcmp(path, "-") ? stat(path, &s) == 0 : fstat(0, &s) == 0;
    return !ok || !(S_ISREG(s.st_mode) || S_ISDIR(s.st_mode));
}

static uint64_t file_size(const char *path) {
    struct stat s;
    return strcmp(path, "-") && stat(path, &s) == 0 && S_ISREG(s.st_mode) ? (uint64_t)s.st_size : 0;
}

/* The feed's warnings go to the slot being filled. */
static void keep_warning(void *ctx, const char *msg) {
    pl_reader *r = ctx;
    if (r->filling) byte_buf_put(&r->filling->warnings, msg, strlen(msg) + 1);
}

void pl_reader_init(pl_reader *r, const char *const *inputs, size_t n,
                    const dyad_pipeline_opts *o) {
    memset(r, 0, sizeof *r);
    r->o = o;
    r->inputs = inputs;
    r->ninputs = n;
    for (size_t i = 0; i < n; i++) {
        r->total += file_size(inputs[i]);
        r->may_wait |= may_wait(inputs[i]);
    }
}

void pl_reader_close(pl_reader *r) {
    dyad_feed_close(r->feed);
    r->feed = NULL;
}

static void set_progress(pl_reader *r, pl_slot *s) {
    uint64_t done = 0, total = 0;
    if (r->feed) dyad_feed_progress(r->feed, &done, &total);
    s->done = r->done_before + done;
    s->total = r->total;
}

static void input_failed(pl_reader *r, pl_slot *s, const char *msg) {
    s->kind = DYAD_PIPELINE_INPUT_FAILED;
    snprintf(s->msg, sizeof s->msg, "%s", msg);
    set_progress(r, s);
}

/* The end of the open input (or of one that could not be opened). */
static void input_end(pl_reader *r, pl_slot *s) {
    uint64_t done = 0, total = 0;
    s->kind = DYAD_PIPELINE_INPUT_END;
    s->ndocs = r->ndocs;
    if (r->feed) {
        s->skipped = dyad_feed_skipped(r->feed);
        dyad_feed_progress(r->feed, &done, &total);
    }
    r->done_before += total;
    pl_reader_close(r);
    r->next++;
    set_progress(r, s);
}

static int open_input(pl_reader *r, pl_slot *s) {
    const char *path = r->inputs[r->next];
    dyad_error err = {{0}};
    r->format = r->o->format != DYAD_FEED_AUTO ? r->o->format : dyad_feed_format_guess(path);
    r->ndocs = 0;
    r->feed = dyad_feed_open(path, r->format, r->o->default_date, &err);
    if (!r->feed) {
        input_failed(r, s, err.msg);
        return -1;
    }
    dyad_feed_on_warning(r->feed, keep_warning, r);
    dyad_feed_set_shard(r->feed, r->o->shard);
    if (!file_size(path)) { /* a directory's size is known once it is open */
        uint64_t done, total;
        dyad_feed_progress(r->feed, &done, &total);
        r->total += total;
    }
    return 0;
}

/* The route's verdict on a document read: code it (with which coder), or
 * pass it on marked, or stop the run. */
static void route(pl_reader *r, pl_slot *s) {
    const dyad_pipeline_opts *o = r->o;
    dyad_error err = {{0}};
    s->coder = o->coder;
    s->mark = o->route ? o->route(o->ctx, r->feed, &s->doc, &s->coder, &err) : 0;
    if (s->mark < 0) {
        s->kind = PL_STOP;
        snprintf(s->msg, sizeof s->msg, "%s", err.msg);
    }
}

static void read_doc(pl_reader *r, pl_slot *s) {
    dyad_error err = {{0}};
    int got = dyad_feed_next(r->feed, s->a, &s->doc, &err);
    if (got > 0) {
        s->kind = DYAD_PIPELINE_DOC;
        r->ndocs++;
        set_progress(r, s);
        route(r, s);
    } else if (got < 0) {
        input_failed(r, s, err.msg); /* a directory goes on with its next file */
    } else {
        input_end(r, s);
    }
}

int pl_reader_next(pl_reader *r, pl_slot *s) {
    if (!r->feed && r->next >= r->ninputs) return 0;
    r->filling = s;
    s->input = r->inputs[r->next];
    if (r->open_failed) { /* INPUT_FAILED came first; now its INPUT_END */
        r->open_failed = 0;
        input_end(r, s);
    } else if (!r->feed && open_input(r, s) < 0) {
        r->open_failed = 1;
    } else {
        read_doc(r, s);
    }
    s->format = r->format;
    r->filling = NULL;
    return 1;
}

void pl_code(const dyad_pipeline_opts *o, pl_slot *s) {
    dyad_error err = {{0}};
    int rc = o->code ? o->code(o->ctx, s->coder, s->a, &s->doc, &s->res, &err)
                     : dyad_code_doc(s->coder, s->a, &s->doc, s->doc.one_sentence, &s->res, &err);
    s->coded = rc == 0;
    if (rc < 0) snprintf(s->msg, sizeof s->msg, "%s", err.msg);
}

int pl_sink(const dyad_pipeline_opts *o, pl_slot *s, dyad_error *err) {
    for (size_t i = 0; i < s->warnings.len; i += strlen(s->warnings.p + i) + 1)
        if (o->on_warning) o->on_warning(o->warn_ctx, s->warnings.p + i);
    if (s->kind == PL_STOP) return dyad_error_set(err, "%s", s->msg);
    dyad_pipeline_item it = {0};
    it.kind = s->kind;
    it.input = s->input;
    it.format = s->format;
    it.arena = s->a;
    it.done = s->done;
    it.total = s->total;
    if (s->kind == DYAD_PIPELINE_DOC) {
        it.doc = &s->doc;
        it.res = s->coded ? &s->res : NULL;
        it.mark = s->mark;
        it.msg = s->mark || s->coded ? NULL : s->msg;
    } else if (s->kind == DYAD_PIPELINE_INPUT_FAILED) {
        it.msg = s->msg;
    } else {
        it.ndocs = s->ndocs;
        it.skipped = s->skipped;
    }
    return o->sink ? o->sink(o->ctx, &it, err) : 0;
}

/* A slot's arena keeps its largest block for the next document, up to
 * this size: a big document's block is given back, so that many slots do
 * not each hold on to a big document's memory (32 slots a thread: 8 MB). */
#define PL_SLOT_KEEP (256 * 1024)

void pl_slot_clear(pl_slot *s) {
    arena_reset_within(s->a, PL_SLOT_KEEP);
    byte_buf_clear(&s->warnings);
    s->coded = s->mark = 0;
    s->ndocs = 0;
    s->skipped = 0;
    s->msg[0] = 0;
}
