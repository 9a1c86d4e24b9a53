/* store.c -- the event store: coded documents in, rows out, each document
 * once.
 *
 * For every document: the hash of its normalised text and its id decide
 * whether it is stored already (then nothing is added: re-ingesting is
 * idempotent, within one run as across runs); its MinHash signature finds
 * a stored story it is a near copy of (then it is stored, linked to the
 * original, and its events are kept but not counted). Each event gets the
 * date the coder settled (its sentence against the document date) and,
 * with one_a_day, is counted
 * only if no counted event has the same (date, source, target, code).
 *
 * A document without a word in its text or title is not stored
 * (DYAD_EMPTY): `ingest /dev/null` adds nothing.
 *
 * Every sentence of a document is stored, those that coded nothing too (to
 * look into misses), unless event_sentences_only. With replace, a document
 * whose id is stored is recoded in place (replace_doc): nothing else in
 * the store changes.
 *
 * Documents are written in batches of opts.batch per transaction; a
 * document's rows are always in one transaction with it, so a run that is
 * killed leaves whole documents and a rerun skips exactly those. */
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

struct dyad_store {
    st_backend *b;
    dyad_store_opts o;
    int in_tx;
    int pending;
    uint64_t *words;
    size_t words_cap;
    st_lsh lsh;
    int lsh_loaded;
    int failed; /* a batch was rolled back: the index may name lost documents */
    size_t rolled_back; /* documents of that batch */
    /* a path ending in .jsonl: no database, coded documents written to it
     * (coded.c) for `dyad merge`; b is NULL. Read-only: an empty store */
    int coded;
    st_coded_file *out;
};

static int is_coded_path(const char *url) {
    size_t n = strlen(url);
    return n > 6 && !strcmp(url + n - 6, ".jsonl");
}

/* Reads of a file of coded documents: it is not a store. */
static int not_a_store(dyad_store *s, dyad_error *err) {
    (void)s;
    return dyad_error_set(err, "a .jsonl file holds coded documents, not a store: 'dyad merge "
                               "--db STORE FILE.jsonl...' adds them to one");
}

size_t dyad_store_rolled_back(const dyad_store *s) { return s->rolled_back; }

dyad_store *dyad_store_open(const char *url, const dyad_store_opts *o, dyad_error *err) {
    if (!url || !*url) {
        dyad_error_set(err, "no database given");
        return NULL;
    }
    dyad_store *s = calloc(1, sizeof *s);
    if (!s) {
        dyad_error_set(err, "%s: out of memory", url);
        return NULL;
    }
    if (o) s->o = *o;
    if (s->o.replace && s->o.read_only) s->o.replace = 0;
    if (s->o.batch <= 0) s->o.batch = 500;
    if (s->o.near_dup == 0) s->o.near_dup = 0.8;
    if (is_coded_path(url)) {
        s->coded = 1;
        if (s->o.read_only || (s->out = st_coded_open(url, err))) return s;
        free(s);
        return NULL;
    }
    if (!strncmp(url, "postgresql://", 13) || !strncmp(url, "postgres://", 11))
        s->b = st_pg_open(url, s->o.read_only, err);
    else
        s->b = st_sqlite_open(url, s->o.read_only, err);
    if (!s->b) {
        free(s);
        return NULL;
    }
    if (s->o.replace && !s->b->ops->replace_doc) {
        dyad_error_set(err, "%s: --replace is not supported on PostgreSQL stores yet", s->b->name);
        s->b->ops->close(s->b);
        free(s);
        return NULL;
    }
    return s;
}

int dyad_store_commit(dyad_store *s, dyad_error *err) {
    if (s->out) return st_coded_flush(s->out, err);
    if (!s->in_tx) return 0;
    s->in_tx = 0;
    size_t pending = (size_t)s->pending;
    s->pending = 0;
    if (s->b->ops->commit(s->b, err) < 0) {
        s->b->ops->rollback(s->b);
        s->failed = 1;
        s->rolled_back = pending;
        return -1;
    }
    return 0;
}

int dyad_store_close(dyad_store *s, dyad_error *err) {
    if (!s) return 0;
    int rc = s->coded ? st_coded_close(s->out, 1, err) : dyad_store_commit(s, err);
    if (s->b) s->b->ops->close(s->b);
    st_lsh_free(&s->lsh);
    free(s->words);
    free(s);
    return rc;
}

void st_store_abandon(dyad_store *s) {
    if (!s) return;
    st_coded_close(s->out, 0, NULL); /* the .part stays: no finished file */
    if (s->b) s->b->ops->close(s->b); /* closing with the batch open: SQLite rolls it back */
    st_lsh_free(&s->lsh);
    free(s->words);
    free(s);
}

/* Best near-copy original among the stored documents sharing a band. */
static void find_original(dyad_store *s, const uint32_t sig[MH_N], int64_t *orig, double *sim) {
    uint32_t cand[ST_MAX_CANDIDATES];
    size_t n = st_lsh_candidates(&s->lsh, sig, cand, ST_MAX_CANDIDATES);
    *orig = 0;
    *sim = 0;
    for (size_t i = 0; i < n; i++) {
        double j = st_minhash_similarity(sig, s->lsh.sigs[cand[i]]);
        int64_t doc = s->lsh.docs[cand[i]];
        if (j >= s->o.near_dup && (j > *sim || (j == *sim && doc < *orig))) {
            *sim = j;
            *orig = doc;
        }
    }
}

static int add_events(dyad_store *s, int64_t doc, const dyad_doc *d, const dyad_result *res,
                      int copy, dyad_store_added *out, dyad_error *err) {
    for (size_t i = 0; i < res->nevents; i++) {
        const dyad_event *e = &res->events[i];
        const dyad_cameo *c = dyad_cameo_find(e->code);
        char sc[8], tc[8], date[9] = "";
        st_event_row r = {0};
        r.doc = doc;
        r.sentence = e->sentence;
        /* the date the coder settled for the event */
        if (e->date > 0) snprintf(date, sizeof date, "%08d", (int)e->date);
        r.date_kind = dyad_date_kind_name((dyad_date_kind)(e->date > 0 ? e->date_kind : DYAD_DATE_NONE));
        r.date = date;
        r.source = e->source ? e->source : "";
        r.target = e->target ? e->target : "";
        dyad_actor_country(r.source, sc);
        dyad_actor_country(r.target, tc);
        r.src_country = sc;
        r.tgt_country = tc;
        r.code = e->code ? e->code : "";
        r.source_text = e->source_text ? e->source_text : "";
        r.target_text = e->target_text ? e->target_text : "";
        r.verb = e->verb ? e->verb : "";
        r.issues = e->issues ? e->issues : "";
        r.explain = e->explain; /* NULL unless the coder was asked for it */
        r.quad_class = c ? c->quad_class : 0;
        r.goldstein = c ? c->goldstein : 0;
        r.counted = !copy;
        if (r.counted && s->o.one_a_day) {
            int seen = s->b->ops->seen_daily(s->b, r.date, r.source, r.target, r.code, err);
            if (seen < 0) return -1;
            r.counted = !seen;
        }
        if (s->b->ops->insert_event(s->b, &r, err) < 0) return -1;
        out->events++;
        out->counted += (size_t)r.counted;
    }
    return 0;
}

static size_t doc_hash(dyad_store *s, const dyad_doc *d, int64_t *hash) {
    size_t nw = st_text_identity(d->text, d->text_len, hash, &s->words, &s->words_cap);
    if (nw == 0) { /* an empty text is only a duplicate of itself */
        st_text_identity(d->id, strlen(d->id), hash, NULL, NULL);
        *hash ^= 0x5bd1e995;
    }
    return nw;
}

int dyad_store_has(dyad_store *s, const dyad_doc *d, dyad_error *err) {
    if (s->coded) return 0; /* nothing is stored: everything is to be coded */
    int64_t hash, found;
    int by_id = 0;
    doc_hash(s, d, &hash);
    int got = s->b->ops->find_doc(s->b, d->id, hash, &found, &by_id, err);
    return got <= 0 ? got : by_id ? 1 : 2;
}

/* Every sentence of the document, or (event_sentences_only) those events
 * come from, each once (events are in sentence order). */
static int add_sentences(dyad_store *s, int64_t doc, const dyad_doc *d, const dyad_result *res,
                         dyad_error *err) {
    size_t n = s->o.event_sentences_only ? res->nevents : res->nsentences;
    uint32_t last = UINT32_MAX;
    for (size_t i = 0; i < n; i++) {
        uint32_t k = s->o.event_sentences_only ? res->events[i].sentence : (uint32_t)i;
        if (k == last || k >= res->nsentences) continue;
        last = k;
        const dyad_sentence *sn = &res->sentences[k];
        if (s->b->ops->insert_sentence(s->b, doc, k, sn->start, sn->end, d->text + sn->start,
                                       sn->end - sn->start, err) < 0)
            return -1;
    }
    return 0;
}

/* --replace: the stored document of this id recoded in place; 0 when there
 * is none (then it is added as usual), 1 done, -1 error. */
static int replace_doc(dyad_store *s, const dyad_doc *d, const dyad_result *res,
                       const st_doc_row *row, dyad_store_added *out, dyad_error *err) {
    int64_t doc = 0, original = 0;
    int got = s->b->ops->replace_doc(s->b, row, &doc, &original, err);
    if (got <= 0) return got;
    out->doc = doc;
    out->original = original;
    if (got == 2) { /* the text is another document's: nothing changes */
        out->status = DYAD_DUP_TEXT;
        return 1;
    }
    out->status = DYAD_REPLACED;
    if (add_sentences(s, doc, d, res, err) < 0) return -1;
    return add_events(s, doc, d, res, original != 0, out, err) < 0 ? -1 : 1;
}

static int add_doc(dyad_store *s, const dyad_doc *d, const dyad_result *res, const char *input,
                   dyad_store_added *out, dyad_error *err) {
    const st_ops *op = s->b->ops;
    int64_t hash, title_hash;
    if (st_text_identity(d->title ? d->title : "", d->title ? strlen(d->title) : 0, &title_hash,
                         NULL, NULL) == 0 &&
        st_text_identity(d->text, d->text_len, &hash, NULL, NULL) == 0) {
        out->status = DYAD_EMPTY; /* an empty file, a blank record: nothing to keep */
        return 0;
    }
    size_t nw = doc_hash(s, d, &hash);
    if (s->o.replace) {
        st_doc_row row = {hash, d->id, d->date, d->title, d->text, d->source, d->url,
                          input ? input : "", d->text_len, 0, 0};
        int got = replace_doc(s, d, res, &row, out, err);
        if (got != 0) return got < 0 ? -1 : 0;
    }
    int by_id = 0;
    int64_t found = 0;
    int got = op->find_doc(s->b, d->id, hash, &found, &by_id, err);
    if (got < 0) return -1;
    if (got) {
        out->status = by_id ? DYAD_DUP_ID : DYAD_DUP_TEXT;
        out->doc = out->original = found;
        return 0;
    }
    uint32_t sig[MH_N];
    int has_sig = s->o.near_dup > 0 && st_minhash(s->words, nw, sig);
    if (has_sig && !s->lsh_loaded) {
        if (op->load_minhash(s->b, &s->lsh, err) < 0) return -1;
        s->lsh_loaded = 1;
    }
    st_doc_row row = {hash, d->id, d->date, d->title, d->text, d->source, d->url,
                      input ? input : "", d->text_len, 0, 0};
    if (has_sig) find_original(s, sig, &row.original, &row.similarity);
    int64_t doc;
    if (op->insert_doc(s->b, &row, &doc, err) < 0) return -1;
    out->doc = doc;
    out->original = row.original;
    out->similarity = row.similarity;
    out->status = row.original ? DYAD_NEAR_COPY : DYAD_STORED;
    /* only originals are indexed: a copy of a copy links to the first */
    if (has_sig && !row.original) {
        if (op->insert_minhash(s->b, doc, sig, err) < 0) return -1;
        if (st_lsh_add(&s->lsh, doc, sig) < 0) return dyad_error_set(err, "out of memory");
    }
    if (add_sentences(s, doc, d, res, err) < 0) return -1;
    return add_events(s, doc, d, res, row.original != 0, out, err);
}

int dyad_store_add(dyad_store *s, const dyad_doc *d, const dyad_result *res, const char *input,
                   dyad_store_added *out, dyad_error *err) {
    dyad_store_added dummy;
    if (!out) out = &dummy;
    memset(out, 0, sizeof *out);
    if (s->coded) { /* written as coded; the store it is merged into decides */
        if (!s->out) return not_a_store(s, err);
        out->events = out->counted = res->nevents;
        return st_coded_add(s->out, d, res, input, err);
    }
    if (s->o.read_only) return dyad_error_set(err, "%s: opened read-only", s->b->name);
    if (s->failed)
        return dyad_error_set(err, "%s: a write failed earlier in this run; open the store again",
                              s->b->name);
    if (!s->in_tx) {
        if (s->b->ops->begin(s->b, err) < 0) return -1;
        s->in_tx = 1;
    }
    if (add_doc(s, d, res, input, out, err) < 0) {
        /* the batch is lost as a whole: nothing half-written stays */
        s->b->ops->rollback(s->b);
        s->in_tx = 0;
        s->rolled_back = (size_t)s->pending;
        s->pending = 0;
        s->failed = 1;
        return -1;
    }
    if (out->status == DYAD_STORED || out->status == DYAD_NEAR_COPY || out->status == DYAD_REPLACED)
        s->pending++;
    if (s->pending >= s->o.batch) return dyad_store_commit(s, err);
    return 0;
}

/* Reads see every document added, on both backends: the open batch is
 * committed first (PostgreSQL holds it in memory until then). */
int dyad_store_count(dyad_store *s, dyad_store_counts *c, dyad_error *err) {
    memset(c, 0, sizeof *c);
    if (s->coded) return s->out ? 0 : not_a_store(s, err); /* written: nothing read back */
    if (dyad_store_commit(s, err) < 0) return -1;
    return s->b->ops->count(s->b, c, err);
}

int dyad_store_empty(dyad_store *s, dyad_error *err) {
    if (s->coded) return 1;
    if (dyad_store_commit(s, err) < 0) return -1;
    return s->b->ops->empty(s->b, err);
}

int dyad_store_scan(dyad_store *s, const dyad_store_query *q, dyad_store_event_fn fn, void *ctx,
                    dyad_error *err) {
    if (s->coded) return not_a_store(s, err);
    if (dyad_store_commit(s, err) < 0) return -1;
    return s->b->ops->scan(s->b, q, 0, fn, ctx, err);
}

int dyad_store_events(dyad_store *s, const dyad_store_query *q, dyad_store_event_fn fn,
                      void *ctx, dyad_error *err) {
    if (s->coded) return not_a_store(s, err);
    if (dyad_store_commit(s, err) < 0) return -1;
    return s->b->ops->scan(s->b, q, 1, fn, ctx, err);
}
