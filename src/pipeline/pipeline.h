/* pipeline.h -- internals of the pipeline (src/pipeline/): the slots a
 * document travels in, and the reading side (read.c) that fills them.
 *
 * A slot holds one item on its way from the reader to the sink: a document
 * with its own arena (its text, then its analysis and events), or the end
 * or failure of an input, and the reader's warnings that came before it.
 * Slots are used in a ring, in input order: pipeline.c moves them between
 * the reader, the workers and the sink. */
#ifndef DYAD_PIPELINE_H
#define DYAD_PIPELINE_H

#include "dyad.h"
#include "util/buf.h"

/* Where a slot is: free for the reader, read and waiting to be coded,
 * being coded, or done (ready for the sink). */
enum { PL_FREE, PL_TO_CODE, PL_CODING, PL_DONE };

/* An item's kind beyond dyad_pipeline_kind: the route failed, the run
 * stops there (in input order, after everything before it). */
#define PL_STOP ((dyad_pipeline_kind)99)

typedef struct pl_slot {
    int state;
    dyad_pipeline_kind kind;
    dyad_arena *a;
    dyad_doc doc;
    dyad_result res;
    const dyad_coder *coder; /* the route's choice */
    int mark;                /* the route's verdict: 0 code it, > 0 pass it on */
    int coded;               /* res holds the events */
    const char *input;
    dyad_feed_format format;
    size_t ndocs;
    uint64_t skipped, done, total;
    byte_buf warnings;       /* the reader's warnings before this item, each NUL-ended */
    char msg[600];           /* not coded, input failed, stop: why */
} pl_slot;

/* The reading side: the inputs, the one open feed, progress. Used by one
 * thread at a time (the reader thread, or the caller's with one thread). */
typedef struct pl_reader {
    const dyad_pipeline_opts *o;
    const char *const *inputs;
    size_t ninputs, next;    /* the input to open next */
    dyad_feed *feed;         /* the open input, or NULL */
    int open_failed;         /* the input to open next could not be: its end is due */
    dyad_feed_format format; /* its format */
    size_t ndocs;            /* documents read from it */
    uint64_t done_before;    /* bytes of the inputs read to their end */
    uint64_t total;          /* bytes of all inputs (directories: once open) */
    pl_slot *filling;        /* the slot warnings go to */
    int may_wait;            /* an input is a pipe or terminal: a read may wait for input */
} pl_reader;

void pl_reader_init(pl_reader *r, const char *const *inputs, size_t n,
                    const dyad_pipeline_opts *o);
/* Fills s with the next item; 0 when every input is read (s untouched). */
int pl_reader_next(pl_reader *r, pl_slot *s);
void pl_reader_close(pl_reader *r);

/* Codes a slot the route left to code (any thread: it reads only what
 * every thread shares, and writes only the slot). */
void pl_code(const dyad_pipeline_opts *o, pl_slot *s);
/* Hands a slot to the sink (warnings first, in order); 0 go on, else stop. */
int pl_sink(const dyad_pipeline_opts *o, pl_slot *s, dyad_error *err);
/* Empties a slot for the next item (its state is the caller's). */
void pl_slot_clear(pl_slot *s);
#endif
