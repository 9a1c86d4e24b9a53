/* pipeline.c -- read -> code -> write or store, on every core, in input
 * order (dyad_pipeline_run).
 *
 * Items travel in a ring of slots, each slot with its own arena (read.c
 * fills and codes one). The threads that code also read: the caller's
 * thread and `threads - 1` workers, and no other. A thread takes the
 * reader's part (one at a time) when fewer than PL_LOW read items wait to
 * be coded, and reads a run of items before it codes again. A reader
 * thread of its own (as before) made three threads for two cores: once
 * the ring was full it slept, and when woken it had to wait for a core
 * while the coding threads ran out of read items (on a loaded machine
 * they waited some 45 times each on the corpus). The caller's thread hands
 * the slots to the sink strictly in the order they were read, then frees
 * them; when the next slot is not coded yet it codes one itself rather
 * than wait, and it reads too, unless a read may wait on a pipe for the
 * next document of a live feed (what is coded must reach the sink
 * meanwhile).
 * So the sink sees the same items in the same order for every number of
 * threads, and writes the same bytes. Nothing else is shared: the coder
 * and dictionary are immutable, a slot's arena is its coding thread's
 * alone. The ring bounds memory: no one reads while every slot is in use.
 * With one thread there are no threads: read, code and sink in turn. */
#include "pipeline/pipeline.h"

#include <pthread.h>
#include <stdlib.h>

/* Slots a coding thread has in flight, on average: enough that a long
 * document at the head of the ring (which the sink must wait for) does not
 * leave the other threads without work, few enough to keep memory small
 * (a slot's arena gives back a big document's memory: pl_slot_clear). */
#define SLOTS_PER_THREAD 32
/* A thread reads when fewer read items than this wait to be coded, and
 * then reads until PL_HIGH wait (or the ring is full): runs of reading,
 * and work left for the other threads while it reads. */
#define PL_LOW 8
#define PL_HIGH 24

typedef struct pl_run {
    const dyad_pipeline_opts *o;
    pl_reader rd;
    pl_slot *slots;
    size_t nslots;
    pthread_mutex_t mu;
    pthread_cond_t work_cv, done_cv;
    uint64_t read_seq;  /* items read into slots */
    uint64_t code_seq;  /* the next item to look at for coding */
    uint64_t sink_seq;  /* the next item for the sink */
    int reading;        /* a coding thread has the reader's part */
    int reader_done, stop;
    int sink_waiting, workers_waiting;
    /* the arenas of free slots, the last freed on top: an item read gets
     * the arena most lately used, still in the cache, not the one its slot
     * had a ring ago */
    dyad_arena **spare;
    size_t nspare;
} pl_run;

static pl_slot *slot_of(pl_run *p, uint64_t seq) { return &p->slots[seq % p->nslots]; }

static int needs_code(const pl_slot *s) { return s->kind == DYAD_PIPELINE_DOC && !s->mark; }

/* Moves code_seq past the items already sunk (those were never to code).
 * Locked. */
static void skip_sunk(pl_run *p) {
    if (p->code_seq < p->sink_seq) p->code_seq = p->sink_seq;
}

/* The next slot to code, marked as being coded, or NULL. Locked. */
static pl_slot *take_work(pl_run *p) {
    skip_sunk(p);
    while (p->code_seq < p->read_seq) {
        pl_slot *s = slot_of(p, p->code_seq++);
        if (s->state == PL_TO_CODE) {
            s->state = PL_CODING;
            return s;
        }
    }
    return NULL;
}

static void code_slot(pl_run *p, pl_slot *s) {
    pl_code(p->o, s);
    pthread_mutex_lock(&p->mu);
    s->state = PL_DONE;
    if (p->sink_waiting && s == slot_of(p, p->sink_seq)) pthread_cond_signal(&p->done_cv);
    pthread_mutex_unlock(&p->mu);
}

/* Whether the reader's part can go on: more to read, a free slot, and
 * fewer than `want` read items waiting to be coded. Locked. */
static int may_read(pl_run *p, uint64_t want) {
    if (p->reader_done || p->stop || p->read_seq - p->sink_seq >= p->nslots) return 0;
    skip_sunk(p);
    return p->read_seq - p->code_seq < want;
}

/* Whether a coding thread should take the reader's part now. Locked. */
static int time_to_read(pl_run *p) { return !p->reading && may_read(p, PL_LOW); }

/* The reader's part: reads items into free slots until PL_HIGH wait to be
 * coded, the ring is full or the inputs end, announcing each. Called and
 * returns locked; unlocked while it reads (the slot is the reader's until
 * read_seq moves past it). */
static void read_run(pl_run *p) {
    p->reading = 1;
    do {
        pl_slot *s = slot_of(p, p->read_seq);
        s->a = p->spare[--p->nspare];
        pthread_mutex_unlock(&p->mu);
        int got = pl_reader_next(&p->rd, s);
        pthread_mutex_lock(&p->mu);
        if (!got) {
            p->spare[p->nspare++] = s->a;
            s->a = NULL;
            p->reader_done = 1;
            pthread_cond_broadcast(&p->work_cv);
            pthread_cond_broadcast(&p->done_cv);
            break;
        }
        s->state = needs_code(s) ? PL_TO_CODE : PL_DONE;
        p->read_seq++;
        if (s->state == PL_TO_CODE && p->workers_waiting) pthread_cond_signal(&p->work_cv);
        if (p->sink_waiting) pthread_cond_signal(&p->done_cv); /* to sink it, or code it */
    } while (may_read(p, PL_HIGH));
    p->reading = 0;
}

/* A worker: reads when work runs low, else codes the next slot to code,
 * else waits for one (or for a free slot to read into). */
static void *worker_main(void *arg) {
    pl_run *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        pl_slot *s = NULL;
        if (time_to_read(p)) read_run(p);
        if (p->stop || (s = take_work(p))) {
            pthread_mutex_unlock(&p->mu);
            if (!s) return NULL;
            code_slot(p, s);
            pthread_mutex_lock(&p->mu);
            continue;
        }
        if (p->reader_done) break;
        if (time_to_read(p)) continue;
        p->workers_waiting++;
        pthread_cond_wait(&p->work_cv, &p->mu);
        p->workers_waiting--;
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* The caller's thread: the next slot in order when it is done, else a slot
 * to code meanwhile (*work), else waits; NULL (and no work) at the end.
 * It reads too when work runs low, unless a read may wait for input that
 * is not there yet (a pipe, a terminal): coded slots must not wait for the
 * next document of a live feed to reach the sink. */
static pl_slot *next_for_sink(pl_run *p, pl_slot **work) {
    pl_slot *s = NULL;
    *work = NULL;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        if (p->sink_seq < p->read_seq && slot_of(p, p->sink_seq)->state == PL_DONE) {
            s = slot_of(p, p->sink_seq);
            break;
        }
        if (p->reader_done && p->sink_seq == p->read_seq) break;
        if (!p->rd.may_wait && time_to_read(p)) {
            read_run(p);
            continue;
        }
        if ((*work = take_work(p))) break;
        p->sink_waiting = 1;
        pthread_cond_wait(&p->done_cv, &p->mu);
        p->sink_waiting = 0;
    }
    pthread_mutex_unlock(&p->mu);
    return s;
}

static int sink_all(pl_run *p, dyad_error *err) {
    for (;;) {
        pl_slot *work, *s = next_for_sink(p, &work);
        if (work) {
            code_slot(p, work);
            continue;
        }
        if (!s) return 0;
        int rc = pl_sink(p->o, s, err);
        pl_slot_clear(s);
        pthread_mutex_lock(&p->mu);
        p->spare[p->nspare++] = s->a;
        s->a = NULL;
        s->state = PL_FREE;
        p->sink_seq++;
        if (rc) {
            p->stop = 1;
            pthread_cond_broadcast(&p->work_cv);
        } else if (p->workers_waiting && time_to_read(p)) {
            pthread_cond_signal(&p->work_cv); /* a free slot: a worker may read again */
        }
        pthread_mutex_unlock(&p->mu);
        if (rc) return rc;
    }
}

/* One thread: read, code and sink each item in turn. */
static int run_inline(pl_run *p, dyad_error *err) {
    pl_slot *s = &p->slots[0];
    s->a = p->spare[--p->nspare];
    int rc = 0;
    while (!rc && pl_reader_next(&p->rd, s)) {
        if (needs_code(s)) pl_code(p->o, s);
        rc = pl_sink(p->o, s, err);
        pl_slot_clear(s);
    }
    return rc;
}

static int run_threads(pl_run *p, int nworkers, dyad_error *err) {
    pthread_t *workers = calloc((size_t)nworkers, sizeof *workers);
    if (!workers) return dyad_error_set(err, "out of memory");
    int started = 0; /* fewer workers if the system gives fewer: the caller's thread codes too */
    while (started < nworkers && pthread_create(&workers[started], NULL, worker_main, p) == 0)
        started++;
    int rc = started ? sink_all(p, err) : run_inline(p, err); /* the workers read */
    for (int i = 0; i < started; i++) pthread_join(workers[i], NULL);
    free(workers);
    return rc;
}

static void free_slots(pl_run *p) {
    for (size_t i = 0; p->slots && i < p->nslots; i++) {
        dyad_arena_free(p->slots[i].a); /* a run that stopped leaves some in slots */
        byte_buf_free(&p->slots[i].warnings);
    }
    while (p->nspare) dyad_arena_free(p->spare[--p->nspare]);
    free(p->spare);
    free(p->slots);
}

int dyad_pipeline_run(const char *const *inputs, size_t n, const dyad_pipeline_opts *o,
                      dyad_error *err) {
    int threads = o->threads > 1 ? o->threads : 1;
    pl_run *p = calloc(1, sizeof *p);
    if (!p) return dyad_error_set(err, "out of memory");
    p->o = o;
    p->nslots = threads > 1 ? (size_t)threads * SLOTS_PER_THREAD : 1;
    p->slots = calloc(p->nslots, sizeof *p->slots);
    p->spare = calloc(p->nslots, sizeof *p->spare);
    int rc = p->slots && p->spare ? 0 : dyad_error_set(err, "out of memory");
    for (; !rc && p->nspare < p->nslots; p->nspare++)
        if (!(p->spare[p->nspare] = dyad_arena_new(0))) rc = dyad_error_set(err, "out of memory");
    pl_reader_init(&p->rd, inputs, n, o);
    if (!rc && threads == 1) {
        rc = run_inline(p, err);
    } else if (!rc) {
        pthread_mutex_init(&p->mu, NULL);
        pthread_cond_init(&p->work_cv, NULL);
        pthread_cond_init(&p->done_cv, NULL);
        rc = run_threads(p, threads - 1, err);
        pthread_mutex_destroy(&p->mu);
        pthread_cond_destroy(&p->work_cv);
        pthread_cond_destroy(&p->done_cv);
    }
    pl_reader_close(&p->rd);
    free_slots(p);
    free(p);
    return rc;
}
