/* store.h -- internals of the event store: the backend interface that
 * SQLite (sqlite.c) and PostgreSQL (pg.c) implement, and the helpers that
 * decide what a document is (normalised-text hash, MinHash signature).
 *
 * store.c holds the logic that does not depend on the database: exact and
 * near duplicates, event dates, the one-a-day filter, batching. A backend
 * only stores rows and answers a few lookups. */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include "dyad.h"

#define MH_N 32       /* MinHash functions per signature */
#define MH_BANDS 8    /* LSH bands of MH_N / MH_BANDS rows */
#define MH_ROWS (MH_N / MH_BANDS)
#define MH_SHINGLE 4  /* words per shingle */
#define MH_MIN_SHINGLES 12 /* shorter documents are not compared */
#define ST_MAX_CANDIDATES 64
/* meta.schema of the stores this dyad reads and writes; a store of another
 * value is refused (there is no migration yet) */
#define ST_SCHEMA_VERSION "dyad-store 1"

typedef struct st_doc_row {
    int64_t hash;
    const char *id, *date, *title, *text, *source, *url, *input;
    size_t text_len;
    int64_t original; /* 0 unless a near copy */
    double similarity;
} st_doc_row;

typedef struct st_event_row {
    int64_t doc;
    uint32_t sentence;
    const char *date, *date_kind, *source, *target, *src_country, *tgt_country, *code;
    const char *source_text, *target_text, *verb, *issues;
    const char *explain;  /* why it was coded, or NULL */
    int quad_class;       /* 0 when the code is not in the CAMEO table */
    double goldstein;
    int counted;
} st_event_row;

/* The near-copy index (lsh.c). */
typedef struct st_lsh {
    uint64_t *keys;     /* band keys (never 0), open addressing */
    uint32_t *idx;      /* the document of each key: an index into docs/sigs */
    size_t cap, n;
    int64_t *docs;
    uint32_t (*sigs)[MH_N];
    size_t ndocs, capdocs;
} st_lsh;
int st_lsh_add(st_lsh *l, int64_t doc, const uint32_t sig[MH_N]);
/* Indexes (into l->docs, l->sigs) of documents sharing a band with sig. */
size_t st_lsh_candidates(const st_lsh *l, const uint32_t sig[MH_N], uint32_t *out, size_t max);
void st_lsh_free(st_lsh *l);

typedef struct st_backend st_backend;
typedef struct st_ops {
    int (*begin)(st_backend *b, dyad_error *err);
    int (*commit)(st_backend *b, dyad_error *err);
    void (*rollback)(st_backend *b);
    /* 1 and *doc, *by_id when a document with this id or hash is stored */
    int (*find_doc)(st_backend *b, const char *id, int64_t hash, int64_t *doc, int *by_id,
                    dyad_error *err);
    /* every stored signature, to build the near-copy index */
    int (*load_minhash)(st_backend *b, st_lsh *l, dyad_error *err);
    int (*insert_doc)(st_backend *b, const st_doc_row *d, int64_t *doc, dyad_error *err);
    int (*insert_minhash)(st_backend *b, int64_t doc, const uint32_t sig[MH_N], dyad_error *err);
    int (*insert_sentence)(st_backend *b, int64_t doc, uint32_t idx, uint32_t start,
                           uint32_t end, const char *text, size_t len, dyad_error *err);
    int (*insert_event)(st_backend *b, const st_event_row *e, dyad_error *err);
    /* 1 when a counted event with this (date, source, target, code) is stored */
    int (*seen_daily)(st_backend *b, const char *date, const char *source, const char *target,
                      const char *code, dyad_error *err);
    /* detail: fill the event's actors' words, document, sentence and
     * reasons too (and order by date, then as stored) */
    int (*scan)(st_backend *b, const dyad_store_query *q, int detail, dyad_store_event_fn fn,
                void *ctx, dyad_error *err);
    int (*count)(st_backend *b, dyad_store_counts *c, dyad_error *err);
    void (*close)(st_backend *b);
    /* --replace (NULL where not supported): the document stored with d->id
     * gets d's fields and loses its sentences and events, keeping its key,
     * near-copy link and signature. 1 done (*doc, *original), 0 no such
     * id, 2 d's text is another document's (*doc: that one; nothing
     * changed), -1 error. */
    int (*replace_doc)(st_backend *b, const st_doc_row *d, int64_t *doc, int64_t *original,
                       dyad_error *err);
    /* 1 when no document is stored, 0 when one is: one probe, not a count */
    int (*empty)(st_backend *b, dyad_error *err);
} st_ops;

struct st_backend {
    const st_ops *ops;
    char name[256]; /* for messages: the path, or the URL without password */
};

/* Drops the store as a killed process would: the open batch is not
 * committed (for tests and fuzzing: what a rerun after kill -9 finds). */
void st_store_abandon(dyad_store *s);

st_backend *st_sqlite_open(const char *path, int read_only, dyad_error *err);
st_backend *st_pg_open(const char *url, int read_only, dyad_error *err);

/* ---- coded documents as JSON Lines (coded.c): a "store" whose path ends
 * in .jsonl is this file, written as FILE.part and renamed when closed
 * whole (finished): a killed run leaves no file that looks finished */
typedef struct st_coded_file st_coded_file;
st_coded_file *st_coded_open(const char *path, dyad_error *err);
int st_coded_add(st_coded_file *f, const dyad_doc *d, const dyad_result *res, const char *input,
                 dyad_error *err);
int st_coded_flush(st_coded_file *f, dyad_error *err);
int st_coded_close(st_coded_file *f, int finished, dyad_error *err);

/* ---- text identity (ident.c) */
/* Normalised text: ASCII letters lower-cased, every run of characters that
 * are not letters or digits (ASCII) made one space, trimmed. Its 64-bit
 * hash goes to *hash; the words' hashes to *words (malloc'd, grown as
 * needed). Returns the number of words. */
size_t st_text_identity(const char *text, size_t len, int64_t *hash, uint64_t **words,
                        size_t *cap);
/* MinHash signature of the MH_SHINGLE-word shingles; 0 if too short. */
int st_minhash(const uint64_t *words, size_t n, uint32_t sig[MH_N]);
/* band keys: never 0 */
void st_minhash_bands(const uint32_t sig[MH_N], uint64_t keys[MH_BANDS]);
double st_minhash_similarity(const uint32_t a[MH_N], const uint32_t b[MH_N]);
#endif
