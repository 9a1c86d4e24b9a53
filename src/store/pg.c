/* pg.c -- the event store in PostgreSQL, written through libpq's COPY, by
 * many writers at once (the tasks of a Slurm array, each with its shard).
 *
 * The schema is the SQLite one (see sqlite.c) with PostgreSQL types, and
 * the semantics are SQLite's: a document is known by its id (compared as
 * text) or by the hash of its normalised text; one-a-day counts one event
 * per (date, source, target, code). Rows of a batch are buffered as COPY
 * text; a lookup (is this id or text stored?) asks the batch in memory,
 * then the database (one indexed query). At commit one transaction COPYs
 * the batch into session-private staging tables and moves it into the
 * store with INSERT ... ON CONFLICT DO NOTHING: a document that another
 * writer stored meanwhile (same id or same text) is left out with all its
 * rows, so a task that is run again after it was killed adds nothing
 * twice, and a killed task leaves only whole batches.
 *
 * Writers do not wait for one another. Document keys come from a sequence
 * in blocks of 1024 (no two writers share a key); the schema is created
 * under a transaction advisory lock (writers starting together do not race
 * on CREATE ... IF NOT EXISTS). Connecting gives up after 10 s (unless the
 * URL sets connect_timeout), and TCP keepalives end a run whose server
 * went away instead of hanging. One-a-day keys of counted events are held
 * in memory (loaded at the first counted event): writers running at once
 * do not see each other's keys, so with --one-a-day a store written by
 * parallel tasks may count one event per day per task. */
#include "store/store.h"
#include "util/buf.h"
#include "util/hash.h"
#include "util/table.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

typedef struct pg_set { /* 64-bit key -> int64 value; key 0 is empty */
    uint64_t *k;
    int64_t *v;
    size_t cap, n;
} pg_set;

typedef byte_buf pg_buf; /* a COPY buffer */

enum { T_DOCS, T_NEAR, T_SENTS, T_EVENTS, T_MINHASH, T_COUNT };
static const char *const copy_sql[T_COUNT] = {
    "COPY st_documents(doc, id, text_hash, date, title, source, url, input, text, original,"
    " similarity) FROM STDIN",
    "COPY st_near_copies(doc, original, similarity) FROM STDIN",
    "COPY st_sentences(doc, idx, start_off, end_off, text) FROM STDIN",
    "COPY st_events(doc, sentence, date, date_kind, source, target, src_country, tgt_country,"
    " code, root_code, quad_class, goldstein, source_text, target_text, verb, issues, counted,"
    " explain) FROM STDIN",
    "COPY st_doc_minhash(doc, sig) FROM STDIN",
};

/* The staging tables of a session: emptied at every commit. st_events
 * takes its event keys from the store's sequence as it is filled, so the
 * events keep their order. */
static const char staging[] =
    "CREATE TEMP TABLE st_documents (LIKE documents) ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE st_near_copies (LIKE near_copies) ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE st_sentences (LIKE sentences) ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE st_events (LIKE events INCLUDING DEFAULTS) ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE st_doc_minhash (LIKE doc_minhash) ON COMMIT DELETE ROWS;"
    "CREATE TEMP TABLE st_new (doc BIGINT PRIMARY KEY) ON COMMIT DELETE ROWS;";

/* From staging into the store: the documents no one has stored yet, then
 * their rows. */
static const char move_batch[] =
    "WITH ins AS (INSERT INTO documents SELECT * FROM st_documents ORDER BY doc"
    " ON CONFLICT DO NOTHING RETURNING doc) INSERT INTO st_new SELECT doc FROM ins;"
    "INSERT INTO near_copies SELECT t.* FROM st_near_copies t JOIN st_new USING (doc);"
    "INSERT INTO sentences SELECT t.* FROM st_sentences t JOIN st_new USING (doc);"
    "INSERT INTO events SELECT t.* FROM st_events t JOIN st_new USING (doc) ORDER BY t.event;"
    "INSERT INTO doc_minhash SELECT t.* FROM st_doc_minhash t JOIN st_new USING (doc);";

/* A document of the open batch, for lookups before it is sent. */
typedef struct pg_pending {
    char *id;
    int64_t doc;
} pg_pending;

typedef struct pq_backend {
    st_backend base;
    PGconn *db;
    char url[1024];    /* as given: its passwords are masked out of libpq's messages */
    int64_t next_doc, end_doc; /* the block of document keys being used */
    pg_set ids, hashes;        /* the open batch: id hash -> index in pending; text hash -> doc */
    pg_pending *pending;
    size_t npending, cap_pending;
    pg_set daily;
    int daily_loaded;
    pg_buf buf[T_COUNT];
} pq_backend;

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
    "INSERT INTO meta VALUES ('schema', '" ST_SCHEMA_VERSION "') ON CONFLICT DO NOTHING;"
    "CREATE TABLE IF NOT EXISTS documents(doc BIGINT PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
    " text_hash BIGINT NOT NULL UNIQUE, date TEXT, title TEXT, source TEXT, url TEXT,"
    " input TEXT, text TEXT, original BIGINT REFERENCES documents(doc), similarity REAL);"
    "CREATE TABLE IF NOT EXISTS sentences(doc BIGINT NOT NULL, idx INTEGER NOT NULL,"
    " start_off INTEGER, end_off INTEGER, text TEXT, PRIMARY KEY(doc, idx));"
    "CREATE TABLE IF NOT EXISTS events(event BIGSERIAL PRIMARY KEY, doc BIGINT NOT NULL,"
    " sentence INTEGER, date TEXT, date_kind TEXT, source TEXT, target TEXT,"
    " src_country TEXT, tgt_country TEXT, code TEXT, root_code TEXT, quad_class INTEGER,"
    " goldstein REAL, source_text TEXT, target_text TEXT, verb TEXT, issues TEXT,"
    " counted INTEGER NOT NULL);"
    /* stores written before the column get it, empty (sqlite.c: sq_add_explain) */
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS explain TEXT;"
    "CREATE INDEX IF NOT EXISTS events_dyad ON events(src_country, tgt_country);"
    "CREATE INDEX IF NOT EXISTS events_target ON events(tgt_country);"
    "CREATE TABLE IF NOT EXISTS doc_minhash(doc BIGINT PRIMARY KEY, sig BYTEA NOT NULL);"
    "CREATE TABLE IF NOT EXISTS near_copies(doc BIGINT PRIMARY KEY, original BIGINT NOT NULL"
    " REFERENCES documents(doc), similarity REAL);"
    /* document keys, in blocks of 1024 per writer; a store made before
     * the sequence starts it past its last key */
    "DO $$ BEGIN IF to_regclass('dyad_doc_keys') IS NULL THEN EXECUTE format("
    "'CREATE SEQUENCE dyad_doc_keys INCREMENT BY 1024 START WITH %s',"
    " (SELECT coalesce(max(doc), 0) + 1 FROM documents)); END IF; END $$;";

/* is this id or normalised text stored? an id match first */
static const char find_sql[] =
    "SELECT doc, id = $1 FROM documents WHERE id = $1 OR text_hash = $2::bigint"
    " ORDER BY 2 DESC LIMIT 1";

/* ---- small helpers */

/* A string's key in the id sets (FNV-1a, never 0). */
static uint64_t fnv(const char *s) { return hash_key(s, strlen(s)); }

static int set_put(pg_set *s, uint64_t k, int64_t v) {
    if (!k) k = 1;
    if ((s->n + 1) * 2 > s->cap && table_grow(&s->k, &s->v, sizeof *s->v, &s->cap, 4096) < 0)
        return -1;
    size_t h = table_home(k, s->cap);
    while (s->k[h] && s->k[h] != k) h = table_next(h, s->cap);
    if (!s->k[h]) s->n++;
    s->k[h] = k;
    s->v[h] = v;
    return 0;
}

static int set_get(const pg_set *s, uint64_t k, int64_t *v) {
    if (!k) k = 1;
    if (!s->cap) return 0;
    for (size_t h = table_home(k, s->cap); s->k[h]; h = table_next(h, s->cap))
        if (s->k[h] == k) {
            if (v) *v = s->v[h];
            return 1;
        }
    return 0;
}

static void set_free(pg_set *s) {
    free(s->k), free(s->v);
    memset(s, 0, sizeof *s);
}

/* Appends to a COPY buffer; running out of memory is sticky (b->oom) and
 * reported when the buffer is sent. */
static void put(pg_buf *b, const char *s, size_t n) { byte_buf_put(b, s, n); }

/* A COPY text field, escaped, then a tab (or a newline at the end). */
static void fld(pg_buf *b, const char *s, size_t n, char end) {
    size_t from = 0;
    for (size_t i = 0; i < n && s[i]; i++) {
        const char *esc = s[i] == '\\' ? "\\\\" : s[i] == '\t' ? "\\t" : s[i] == '\n' ? "\\n"
                        : s[i] == '\r' ? "\\r" : NULL;
        if (!esc) continue;
        put(b, s + from, i - from);
        put(b, esc, 2);
        from = i + 1;
    }
    size_t len = from;
    while (len < n && s[len]) len++;
    put(b, s + from, len - from);
    put(b, &end, 1);
}
static void fs(pg_buf *b, const char *s, char end) { fld(b, s ? s : "", (size_t)-1, end); }
/* n text columns in a row, each ended by a tab. */
static void fs_each(pg_buf *b, const char *const *s, size_t n) {
    for (size_t i = 0; i < n; i++) fs(b, s[i], '\t');
}
static void fnum(pg_buf *b, long long v, char end) {
    char t[32];
    int n = snprintf(t, sizeof t, "%lld", v);
    put(b, t, (size_t)n);
    put(b, &end, 1);
}

static int pq_fail(pq_backend *s, dyad_error *err, const char *what) {
    char msg[400];
    /* libpq may echo the connection string (a malformed URL) whole */
    dyad_store_mask(s->db ? PQerrorMessage(s->db) : "out of memory", s->url, msg, sizeof msg);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) msg[--n] = 0;
    for (char *p = msg; *p; p++) /* one line: libpq's hints go after a newline and a tab */
        if (*p == '\n' || *p == '\t') *p = ' ';
    return dyad_error_set(err, "%s: %s: %s", s->base.name, what, msg);
}

static int pq_exec(pq_backend *s, const char *sql, dyad_error *err, const char *what) {
    PGresult *r = PQexec(s->db, sql);
    int st = PQresultStatus(r);
    PQclear(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return pq_fail(s, err, what);
    return 0;
}

/* ---- the operations */

/* Forgets the open batch: its buffers and its lookups. */
static void batch_clear(pq_backend *s) {
    for (int t = 0; t < T_COUNT; t++) s->buf[t].len = 0, s->buf[t].oom = 0;
    for (size_t i = 0; i < s->npending; i++) free(s->pending[i].id);
    s->npending = 0;
    set_free(&s->ids), set_free(&s->hashes);
}

static int pending_add(pq_backend *s, const char *id, int64_t doc, int64_t hash) {
    if (s->npending == s->cap_pending) {
        size_t cap = s->cap_pending ? s->cap_pending * 2 : 256;
        pg_pending *p = realloc(s->pending, cap * sizeof *p);
        if (!p) return -1;
        s->pending = p, s->cap_pending = cap;
    }
    char *copy = strdup(id);
    if (!copy) return -1;
    s->pending[s->npending] = (pg_pending){copy, doc};
    if (set_put(&s->ids, fnv(id), (int64_t)s->npending) < 0 ||
        set_put(&s->hashes, (uint64_t)hash, doc) < 0) {
        free(copy);
        return -1;
    }
    s->npending++;
    return 0;
}

static int load_rows(pq_backend *s, const char *sql, PGresult **out, dyad_error *err,
                     const char *what);

static int pq_begin(st_backend *b, dyad_error *err) {
    batch_clear((pq_backend *)b);
    (void)err;
    return 0;
}

static int copy_one(pq_backend *s, int t, dyad_error *err) {
    if (!s->buf[t].len) return 0;
    PGresult *r = PQexec(s->db, copy_sql[t]);
    int st = PQresultStatus(r);
    PQclear(r);
    if (st != PGRES_COPY_IN) return pq_fail(s, err, "starting COPY");
    const char *p = s->buf[t].p;
    size_t left = s->buf[t].len;
    while (left) {
        int chunk = left > (1 << 20) ? 1 << 20 : (int)left;
        if (PQputCopyData(s->db, p, chunk) != 1) return pq_fail(s, err, "COPY");
        p += chunk;
        left -= (size_t)chunk;
    }
    if (PQputCopyEnd(s->db, NULL) != 1) return pq_fail(s, err, "COPY");
    r = PQgetResult(s->db);
    st = PQresultStatus(r);
    PQclear(r);
    while ((r = PQgetResult(s->db))) PQclear(r);
    if (st != PGRES_COMMAND_OK) return pq_fail(s, err, "COPY");
    return 0;
}

static int pq_commit(st_backend *b, dyad_error *err) {
    pq_backend *s = (pq_backend *)b;
    for (int t = 0; t < T_COUNT; t++)
        if (s->buf[t].oom) return dyad_error_set(err, "%s: out of memory", s->base.name);
    if (pq_exec(s, "BEGIN", err, "begin") < 0) return -1;
    for (int t = 0; t < T_COUNT; t++)
        if (copy_one(s, t, err) < 0) {
            pq_exec(s, "ROLLBACK", NULL, "rollback");
            return -1;
        }
    if (pq_exec(s, move_batch, err, "storing the batch") < 0) {
        pq_exec(s, "ROLLBACK", NULL, "rollback");
        return -1;
    }
    if (pq_exec(s, "COMMIT", err, "commit") < 0) return -1;
    batch_clear(s);
    return 0;
}

static void pq_rollback(st_backend *b) { batch_clear((pq_backend *)b); }

static int pq_find_doc(st_backend *b, const char *id, int64_t hash, int64_t *doc, int *by_id,
                       dyad_error *err) {
    pq_backend *s = (pq_backend *)b;
    int64_t i;
    if (set_get(&s->ids, fnv(id), &i) && !strcmp(s->pending[i].id, id)) {
        *doc = s->pending[i].doc;
        *by_id = 1;
        return 1;
    }
    if (set_get(&s->hashes, (uint64_t)hash, doc)) {
        *by_id = 0;
        return 1;
    }
    char h[32];
    snprintf(h, sizeof h, "%lld", (long long)hash);
    const char *params[2] = {id, h};
    PGresult *r = PQexecPrepared(s->db, "dyad_find", 2, params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        PQclear(r);
        return pq_fail(s, err, "looking up a document");
    }
    int found = PQntuples(r) > 0;
    if (found) {
        *doc = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
        *by_id = !strcmp(PQgetvalue(r, 0, 1), "t");
    }
    PQclear(r);
    return found;
}

/* The next document key: a new block from the sequence when one is used up. */
static int next_key(pq_backend *s, int64_t *doc, dyad_error *err) {
    if (s->next_doc >= s->end_doc) {
        PGresult *r;
        if (load_rows(s, "SELECT nextval('dyad_doc_keys')", &r, err, "taking document keys") < 0)
            return -1;
        s->next_doc = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
        s->end_doc = s->next_doc + 1024;
        PQclear(r);
    }
    *doc = s->next_doc++;
    return 0;
}

static int load_rows(pq_backend *s, const char *sql, PGresult **out, dyad_error *err,
                     const char *what) {
    *out = PQexec(s->db, sql);
    if (PQresultStatus(*out) != PGRES_TUPLES_OK) {
        PQclear(*out);
        return pq_fail(s, err, what);
    }
    return 0;
}

static int hexval(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int pq_load_minhash(st_backend *b, st_lsh *l, dyad_error *err) {
    pq_backend *s = (pq_backend *)b;
    PGresult *r;
    if (load_rows(s, "SELECT doc, encode(sig, 'hex') FROM doc_minhash", &r, err,
                  "reading signatures") < 0)
        return -1;
    uint32_t sig[MH_N];
    for (int i = 0; i < PQntuples(r); i++) {
        const char *h = PQgetvalue(r, i, 1);
        if (strlen(h) != 2 * sizeof sig) continue;
        unsigned char *p = (unsigned char *)sig;
        for (size_t k = 0; k < sizeof sig; k++) p[k] = (unsigned char)(hexval(h[2 * k]) * 16 + hexval(h[2 * k + 1]));
        if (st_lsh_add(l, strtoll(PQgetvalue(r, i, 0), NULL, 10), sig) < 0) {
            PQclear(r);
            return dyad_error_set(err, "%s: out of memory", s->base.name);
        }
    }
    PQclear(r);
    return 0;
}

static int pq_insert_doc(st_backend *b, const st_doc_row *d, int64_t *doc, dyad_error *err) {
    pq_backend *s = (pq_backend *)b;
    pg_buf *o = &s->buf[T_DOCS];
    if (next_key(s, doc, err) < 0) return -1;
    fnum(o, *doc, '\t');
    fs(o, d->id, '\t');
    fnum(o, d->hash, '\t');
    const char *about[] = {d->date, d->title, d->source, d->url, d->input};
    fs_each(o, about, sizeof about / sizeof *about);
    fld(o, d->text, d->text_len, '\t');
    if (d->original) {
        char t[64];
        fnum(o, d->original, '\t');
        snprintf(t, sizeof t, "%.4f\n", d->similarity);
        put(o, t, strlen(t));
        pg_buf *nc = &s->buf[T_NEAR];
        fnum(nc, *doc, '\t');
        fnum(nc, d->original, '\t');
        put(nc, t, strlen(t));
    } else {
        put(o, "\\N\t\\N\n", 6);
    }
    if (pending_add(s, d->id, *doc, d->hash) < 0)
        return dyad_error_set(err, "%s: out of memory", s->base.name);
    return 0;
}

static int pq_insert_minhash(st_backend *b, int64_t doc, const uint32_t sig[MH_N],
                             dyad_error *err) {
    pq_backend *s = (pq_backend *)b;
    pg_buf *o = &s->buf[T_MINHASH];
    static const char hex[] = "0123456789abcdef";
    char t[2 * MH_N * 4 + 8];
    const unsigned char *p = (const unsigned char *)sig;
    size_t n = 0;
    t[n++] = '\\', t[n++] = '\\', t[n++] = 'x';
    for (size_t k = 0; k < MH_N * sizeof *sig; k++) t[n++] = hex[p[k] >> 4], t[n++] = hex[p[k] & 15];
    t[n++] = '\n';
    fnum(o, doc, '\t');
    put(o, t, n);
    (void)err;
    return 0;
}

static int pq_insert_sentence(st_backend *b, int64_t doc, uint32_t idx, uint32_t start,
                              uint32_t end, const char *text, size_t len, dyad_error *err) {
    pq_backend *s = (pq_backend *)b;
    pg_buf *o = &s->buf[T_SENTS];
    fnum(o, doc, '\t');
    fnum(o, idx, '\t');
    fnum(o, start, '\t');
    fnum(o, end, '\t');
    fld(o, text, len, '\n');
    (void)err;
    return 0;
}

/* The four fields, each with its terminating NUL, hashed whole. */
static uint64_t daily_key(const char *date, const char *src, const char *tgt, const char *code) {
    const char *f[4] = {date, src, tgt, code};
    uint64_t h = HASH_FNV64_SEED;
    for (int i = 0; i < 4; i++) {
        const char *p = f[i];
        do h = hash_fnv64_step(h, (unsigned char)*p);
        while (*p++);
    }
    return h ? h : 1;
}

static int pq_insert_event(st_backend *b, const st_event_row *e, dyad_error *err) {
    pq_backend *s = (pq_backend *)b;
    pg_buf *o = &s->buf[T_EVENTS];
    char root[3] = {e->code[0], e->code[0] ? e->code[1] : 0, 0};
    fnum(o, e->doc, '\t');
    fnum(o, e->sentence, '\t');
    const char *keys[] = {e->date,        e->date_kind,   e->source, e->target,
                          e->src_country, e->tgt_country, e->code,   root};
    fs_each(o, keys, sizeof keys / sizeof *keys);
    if (e->quad_class) {
        char t[64];
        snprintf(t, sizeof t, "%d\t%.1f\t", e->quad_class, e->goldstein);
        put(o, t, strlen(t));
    } else {
        put(o, "\\N\t\\N\t", 6);
    }
    const char *words[] = {e->source_text, e->target_text, e->verb, e->issues};
    fs_each(o, words, sizeof words / sizeof *words);
    fnum(o, e->counted, '\t');
    if (e->explain) fs(o, e->explain, '\n');
    else put(o, "\\N\n", 3);
    if (e->counted && s->daily_loaded &&
        set_put(&s->daily, daily_key(e->date, e->source, e->target, e->code), 1) < 0)
        return dyad_error_set(err, "%s: out of memory", s->base.name);
    return 0;
}

static int pq_seen_daily(st_backend *b, const char *date, const char *source, const char *target,
                         const char *code, dyad_error *err) {
    pq_backend *s = (pq_backend *)b;
    if (!s->daily_loaded) {
        /* only counted events already sent: this batch's are not counted yet */
        PGresult *r;
        if (load_rows(s, "SELECT date, source, target, code FROM events WHERE counted = 1", &r,
                      err, "one-a-day keys") < 0)
            return -1;
        for (int i = 0; i < PQntuples(r); i++)
            if (set_put(&s->daily, daily_key(PQgetvalue(r, i, 0), PQgetvalue(r, i, 1),
                                             PQgetvalue(r, i, 2), PQgetvalue(r, i, 3)), 1) < 0) {
                PQclear(r);
                return dyad_error_set(err, "%s: out of memory", s->base.name);
            }
        PQclear(r);
        /* nothing counted is buffered yet: this is the run's first counted
         * event (store.c asks before it adds one), so the set is whole */
        s->daily_loaded = 1;
    }
    return set_get(&s->daily, daily_key(date, source, target, code), NULL);
}

/* The columns of a scan: the six the series count, the event's document
 * key and actors (to count it once per document), then (detail) the
 * actors' words, the document and the sentence. */
#define SCAN_COLS                                                                          \
    "SELECT e.date, e.src_country, e.tgt_country, e.code, coalesce(e.quad_class, 0),"      \
    " coalesce(e.goldstein, 0), e.doc, e.source, e.target"
/* the reasons: read as JSON so that a store from before the column (read
 * only, not altered) answers NULL */
#define SCAN_DETAIL                                                                        \
    ", e.source_text, e.target_text, d.id, d.title, d.url, e.sentence,"                     \
    " s.text, to_jsonb(e) ->> 'explain' FROM events e JOIN documents d ON d.doc = e.doc"    \
    " LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence"
#define SCAN_PAIR                                                                          \
    " WHERE e.counted = 1 AND ((e.src_country = $1 AND e.tgt_country = $2)"                \
    " OR (e.src_country = $2 AND e.tgt_country = $1))"
#define SCAN_ONE                                                                           \
    " WHERE e.counted = 1 AND ((e.src_country = $1 AND e.tgt_country <> $1 AND"            \
    " e.tgt_country <> '') OR (e.tgt_country = $1 AND e.src_country <> $1 AND"             \
    " e.src_country <> ''))"
#define SCAN_RANGE " AND e.date BETWEEN $3 AND $4"

static int pq_scan(st_backend *b, const dyad_store_query *q, int detail,
                   dyad_store_event_fn fn, void *ctx, dyad_error *err) {
    pq_backend *s = (pq_backend *)b;
    static const char *const sql[2][2][2] = { /* [detail][pair][range] */
        {{SCAN_COLS " FROM events e" SCAN_ONE, SCAN_COLS " FROM events e" SCAN_ONE SCAN_RANGE},
         {SCAN_COLS " FROM events e" SCAN_PAIR " ORDER BY e.date",
          SCAN_COLS " FROM events e" SCAN_PAIR SCAN_RANGE " ORDER BY e.date"}},
        {{SCAN_COLS SCAN_DETAIL SCAN_ONE " ORDER BY e.date, e.event",
          SCAN_COLS SCAN_DETAIL SCAN_ONE SCAN_RANGE " ORDER BY e.date, e.event"},
         {SCAN_COLS SCAN_DETAIL SCAN_PAIR " ORDER BY e.date, e.event",
          SCAN_COLS SCAN_DETAIL SCAN_PAIR SCAN_RANGE " ORDER BY e.date, e.event"}}};
    int pair = q->b != NULL, range = q->from || q->to;
    const char *params[4] = {q->a, pair ? q->b : "", q->from ? q->from : "0",
                             q->to ? q->to : "99999999"};
    const Oid text[4] = {25, 25, 25, 25}; /* typed: $2 may go unused */
    PGresult *r = PQexecParams(s->db, sql[!!detail][pair][range], range ? 4 : 1 + pair, text,
                               params, NULL, NULL, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        PQclear(r);
        return pq_fail(s, err, "reading events");
    }
    for (int i = 0; i < PQntuples(r); i++) {
        dyad_store_event e = {.date = PQgetvalue(r, i, 0), .src_country = PQgetvalue(r, i, 1),
                              .tgt_country = PQgetvalue(r, i, 2), .code = PQgetvalue(r, i, 3),
                              .quad_class = atoi(PQgetvalue(r, i, 4)),
                              .goldstein = strtod(PQgetvalue(r, i, 5), NULL),
                              .doc = strtoll(PQgetvalue(r, i, 6), NULL, 10),
                              .source = PQgetvalue(r, i, 7), .target = PQgetvalue(r, i, 8)};
        if (detail) {
            e.source_text = PQgetvalue(r, i, 9);
            e.target_text = PQgetvalue(r, i, 10);
            e.doc_id = PQgetvalue(r, i, 11);
            e.title = PQgetvalue(r, i, 12);
            e.url = PQgetvalue(r, i, 13);
            e.sentence = (uint32_t)strtoul(PQgetvalue(r, i, 14), NULL, 10);
            e.sentence_text = PQgetvalue(r, i, 15);
            e.explain = PQgetvalue(r, i, 16);
        }
        fn(ctx, &e);
    }
    PQclear(r);
    return 0;
}

static int pq_count(st_backend *b, dyad_store_counts *c, dyad_error *err) {
    pq_backend *s = (pq_backend *)b;
    PGresult *r;
    if (load_rows(s, "SELECT (SELECT count(*) FROM documents),"
                     " (SELECT count(*) FROM documents WHERE original IS NOT NULL),"
                     " (SELECT count(*) FROM sentences), (SELECT count(*) FROM events),"
                     " (SELECT count(*) FROM events WHERE counted = 1)",
                  &r, err, "counting rows") < 0)
        return -1;
    c->documents = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
    c->near_copies = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
    c->sentences = strtoll(PQgetvalue(r, 0, 2), NULL, 10);
    c->events = strtoll(PQgetvalue(r, 0, 3), NULL, 10);
    c->counted = strtoll(PQgetvalue(r, 0, 4), NULL, 10);
    PQclear(r);
    return 0;
}

static int pq_empty(st_backend *b, dyad_error *err) {
    pq_backend *s = (pq_backend *)b;
    PGresult *r;
    if (load_rows(s, "SELECT EXISTS (SELECT 1 FROM documents)", &r, err,
                  "looking for documents") < 0)
        return -1;
    int any = PQgetvalue(r, 0, 0)[0] == 't';
    PQclear(r);
    return !any;
}

static void pq_close(st_backend *b) {
    pq_backend *s = (pq_backend *)b;
    if (!s) return;
    PQfinish(s->db);
    batch_clear(s);
    set_free(&s->daily);
    for (int t = 0; t < T_COUNT; t++) free(s->buf[t].p);
    free(s->pending);
    free(s);
}

static const st_ops pq_ops = {pq_begin, pq_commit, pq_rollback, pq_find_doc, pq_load_minhash,
                              pq_insert_doc, pq_insert_minhash, pq_insert_sentence,
                              pq_insert_event, pq_seen_daily, pq_scan, pq_count, pq_close,
                              NULL /* replace_doc: not yet on PostgreSQL */, pq_empty};

/* Is this database a dyad store of this version? 1 yes, 0 it has none of
 * dyad's tables (a new store), -1 no (err says why). Only reads. */
static int pq_check(pq_backend *s, dyad_error *err) {
    PGresult *r;
    if (load_rows(s, "SELECT to_regclass('meta') IS NOT NULL, to_regclass('documents') IS NOT NULL"
                     " OR to_regclass('events') IS NOT NULL OR to_regclass('sentences') IS NOT NULL"
                     " OR to_regclass('doc_minhash') IS NOT NULL"
                     " OR to_regclass('near_copies') IS NOT NULL", &r, err, "reading the schema") < 0)
        return -1;
    int meta = !strcmp(PQgetvalue(r, 0, 0), "t"), ours = !strcmp(PQgetvalue(r, 0, 1), "t");
    PQclear(r);
    if (!meta && !ours) return 0;
    if (!meta)
        return dyad_error_set(err, "%s: not a dyad store (it has a table named like dyad's but no "
                              "meta); left unchanged", s->base.name);
    if (load_rows(s, "SELECT value FROM meta WHERE key = 'schema'", &r, err,
                  "not a dyad store: reading meta") < 0)
        return -1;
    char version[64] = "";
    if (PQntuples(r) == 1) snprintf(version, sizeof version, "%s", PQgetvalue(r, 0, 0));
    PQclear(r);
    if (strcmp(version, ST_SCHEMA_VERSION))
        return dyad_error_set(err, "%s: a store of schema '%s'; this dyad reads '%s' only; left "
                              "unchanged", s->base.name, version[0] ? version : "(none)",
                              ST_SCHEMA_VERSION);
    return 1;
}

/* The document lookup, prepared once; s is closed if it fails. */
static st_backend *prepare_find(pq_backend *s, dyad_error *err) {
    PGresult *r = PQprepare(s->db, "dyad_find", find_sql, 2, NULL);
    int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (ok) return &s->base;
    pq_fail(s, err, "preparing a lookup");
    pq_close(&s->base);
    return NULL;
}

/* The tables, made by one writer at a time (others wait, at most 60 s). */
static int create_schema(pq_backend *s, dyad_error *err) {
    if (pq_exec(s, "BEGIN; SET LOCAL lock_timeout = '60s'; SELECT pg_advisory_xact_lock(7310851)",
                err, "waiting to create the schema") < 0) {
        pq_exec(s, "ROLLBACK", NULL, "rollback");
        return -1;
    }
    if (pq_exec(s, schema, err, "creating the schema") < 0) {
        pq_exec(s, "ROLLBACK", NULL, "rollback");
        return -1;
    }
    return pq_exec(s, "COMMIT", err, "creating the schema");
}

st_backend *st_pg_open(const char *url, int read_only, dyad_error *err) {
    pq_backend *s = calloc(1, sizeof *s);
    if (!s) {
        dyad_error_set(err, "out of memory");
        return NULL;
    }
    s->base.ops = &pq_ops;
    snprintf(s->url, sizeof s->url, "%s", url);
    dyad_store_mask(url, url, s->base.name, sizeof s->base.name);
    /* given before the URL, which may set them otherwise */
    static const char *const keys[] = {"connect_timeout", "keepalives_idle", "keepalives_interval",
                                       "keepalives_count", "tcp_user_timeout", "dbname", NULL};
    const char *values[] = {"10", "30", "10", "3", "60000", url, NULL};
    s->db = PQconnectdbParams(keys, values, 1);
    if (!s->db || PQstatus(s->db) != CONNECTION_OK) {
        if (s->db) pq_fail(s, err, "cannot connect");
        else dyad_error_set(err, "%s: cannot connect: out of memory", s->base.name);
        pq_close(&s->base);
        return NULL;
    }
    int is_store;
    if (pq_exec(s, "SET client_min_messages = warning", err, "setup") < 0 ||
        (read_only && pq_exec(s, "SET default_transaction_read_only = on", err, "setup") < 0) ||
        (is_store = pq_check(s, err)) < 0) {
        pq_close(&s->base);
        return NULL;
    }
    if (read_only) { /* no schema, no lock: readers never wait for an ingest */
        if (!is_store) {
            dyad_error_set(err, "%s: not a dyad store (no dyad tables)", s->base.name);
            pq_close(&s->base);
            return NULL;
        }
        return prepare_find(s, err);
    }
    if (create_schema(s, err) < 0 || pq_exec(s, staging, err, "creating staging tables") < 0) {
        pq_close(&s->base);
        return NULL;
    }
    return prepare_find(s, err);
}
