/* sqlite.c -- the event store in an SQLite file (the embedded default).
 *
 * Schema (created if absent; `meta` records its version):
 *
 *   documents(doc INTEGER PRIMARY KEY, id TEXT UNIQUE,
 *             text_hash INTEGER UNIQUE, -- 64-bit hash of the normalised text
 *             date TEXT,            -- YYYYMMDD or ''
 *             title, source, url, input TEXT, text TEXT,
 *             original INTEGER,     -- the stored story this is a near copy of, or NULL
 *             similarity REAL)      -- estimated Jaccard similarity to it
 *   sentences(doc, idx, start, end, text)  -- every sentence of a document
 *             (with event_sentences_only: those events were coded from;
 *             start, end: byte offsets into documents.text)
 *   events(event INTEGER PRIMARY KEY, doc, sentence,
 *          date TEXT,               -- when it happened (YYYYMMDD), see date_kind
 *          date_kind TEXT,          -- document | yesterday | weekday | ... | none
 *          source, target TEXT,     -- actor codes
 *          src_country, tgt_country TEXT, -- dyad_actor_country (src/cameo/actor.c)
 *          code, root_code TEXT, quad_class INTEGER, goldstein REAL,
 *          source_text, target_text, verb, issues TEXT,
 *          counted INTEGER,         -- 0: near copy or one-a-day repeat
 *          explain TEXT)            -- why it was coded (dyad code --explain), or
 *                                   -- NULL (ingest --no-explain; stores before it)
 *   indexes: events(src_country, tgt_country, ...) covering what a series
 *            reads (dyad serve answers a dyad of 20,000 events from the
 *            index alone; stores written before it have events_dyad on
 *            the two countries), events(tgt_country), and
 *            events(date, source, target, code) once --one-a-day is used
 *   doc_minhash(doc INTEGER PRIMARY KEY, sig BLOB)  -- MinHash signature of
 *             each original (32 x 32 bits); the band index is built from
 *             these in memory (lsh.c)
 *   near_copies(doc INTEGER PRIMARY KEY, original INTEGER, similarity REAL)
 *             -- each syndicated copy and the story it copies (as in documents)
 *
 * The file is in WAL mode with synchronous=NORMAL: a committed transaction
 * survives the process being killed (a power cut may lose the last ones,
 * never consistency). Statements are prepared once.
 *
 * Opening checks the file before writing anything: a database with tables
 * but no `meta`, or a `meta` of another schema version, is refused and left
 * as it was; an empty one becomes a store (unless opened read-only).
 * Readers (dyad ties) open it read-only. One writer at a time (sq_lock). */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

enum {
    Q_BEGIN, Q_COMMIT, Q_ROLLBACK, Q_FIND, Q_DOC, Q_NEAR, Q_MINHASH, Q_SENT, Q_EVENT,
    Q_DAILY, Q_COUNT
};

static const char *const sql_text[Q_COUNT] = {
    "BEGIN IMMEDIATE",
    "COMMIT",
    "ROLLBACK",
    /* an id match first: as PostgreSQL answers it (pg.c) */
    "SELECT doc, id = ?1 FROM documents WHERE id = ?1 OR text_hash = ?2 ORDER BY 2 DESC"
    " LIMIT 1",
    "INSERT INTO documents(id, text_hash, date, title, source, url, input, text, original,"
    " similarity) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
    "INSERT INTO near_copies(doc, original, similarity) VALUES (?1, ?2, ?3)",
    "INSERT INTO doc_minhash(doc, sig) VALUES (?1, ?2)",
    "INSERT OR IGNORE INTO sentences(doc, idx, start, end, text) VALUES (?1,?2,?3,?4,?5)",
    "INSERT INTO events(doc, sentence, date, date_kind, source, target, src_country,"
    " tgt_country, code, root_code, quad_class, goldstein, source_text, target_text, verb,"
    " issues, counted, explain) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,"
    "?17,?18)",
    "SELECT 1 FROM events WHERE date = ?1 AND source = ?2 AND target = ?3 AND code = ?4"
    " AND counted = 1 LIMIT 1",
};

static const char schema[] =
    "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
    "INSERT OR IGNORE INTO meta VALUES ('schema', '" ST_SCHEMA_VERSION "');"
    "CREATE TABLE IF NOT EXISTS documents(doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
    " text_hash INTEGER NOT NULL UNIQUE, date TEXT, title TEXT, source TEXT, url TEXT,"
    " input TEXT, text TEXT, original INTEGER REFERENCES documents(doc), similarity REAL);"
    "CREATE TABLE IF NOT EXISTS sentences(doc INTEGER NOT NULL, idx INTEGER NOT NULL,"
    " start INTEGER, end INTEGER, text TEXT, PRIMARY KEY(doc, idx)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS events(event INTEGER PRIMARY KEY, doc INTEGER NOT NULL,"
    " sentence INTEGER, date TEXT, date_kind TEXT, source TEXT, target TEXT,"
    " src_country TEXT, tgt_country TEXT, code TEXT, root_code TEXT, quad_class INTEGER,"
    " goldstein REAL, source_text TEXT, target_text TEXT, verb TEXT, issues TEXT,"
    " counted INTEGER NOT NULL, explain TEXT);"
    "CREATE INDEX IF NOT EXISTS events_ties ON events(src_country, tgt_country, counted, date,"
    " code, quad_class, goldstein, doc, source, target);"
    "CREATE INDEX IF NOT EXISTS events_target ON events(tgt_country);"
    "CREATE TABLE IF NOT EXISTS doc_minhash(doc INTEGER PRIMARY KEY, sig BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS near_copies(doc INTEGER PRIMARY KEY, original INTEGER NOT NULL"
    " REFERENCES documents(doc), similarity REAL);";

typedef struct sq_backend {
    st_backend base;
    sqlite3 *db;
    sqlite3_stmt *q[Q_COUNT];
    sqlite3_stmt *scan[2][2][2]; /* scans by detail, pair, date range (scan_stmt) */
    int has_explain; /* events.explain exists (stores before it have none) */
    int daily_index; /* the one-a-day index exists */
    int lock_fd;     /* the writer's flock, or -1 */
} sq_backend;

static int sq_fail(sq_backend *s, dyad_error *err, const char *what) {
    return dyad_error_set(err, "%s: %s: %s", s->base.name, what, sqlite3_errmsg(s->db));
}

static int sq_exec(sq_backend *s, int q, dyad_error *err, const char *what) {
    sqlite3_stmt *st = s->q[q];
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return sq_fail(s, err, what);
    return 0;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s) {
    sqlite3_bind_text(st, i, s ? s : "", -1, SQLITE_STATIC);
}
/* Two columns that are NULL together: an integer to parameter i and a
 * real to i + 1 when `given`, else both NULL. */
static void bind_pair(sqlite3_stmt *st, int i, int given, int64_t v, double x) {
    if (given) {
        sqlite3_bind_int64(st, i, v);
        sqlite3_bind_double(st, i + 1, x);
    } else {
        sqlite3_bind_null(st, i);
        sqlite3_bind_null(st, i + 1);
    }
}
/* n texts to the parameters first, first + 1, ... */
static void bind_texts(sqlite3_stmt *st, int first, const char *const *s, int n) {
    for (int i = 0; i < n; i++) bind_text(st, first + i, s[i]);
}

static int sq_begin(st_backend *b, dyad_error *err) {
    return sq_exec((sq_backend *)b, Q_BEGIN, err, "begin");
}
static int sq_commit(st_backend *b, dyad_error *err) {
    return sq_exec((sq_backend *)b, Q_COMMIT, err, "commit");
}
static void sq_rollback(st_backend *b) {
    sq_backend *s = (sq_backend *)b;
    if (!sqlite3_get_autocommit(s->db)) sq_exec(s, Q_ROLLBACK, NULL, "rollback");
}

static int sq_find_doc(st_backend *b, const char *id, int64_t hash, int64_t *doc, int *by_id,
                       dyad_error *err) {
    sq_backend *s = (sq_backend *)b;
    sqlite3_stmt *st = s->q[Q_FIND];
    bind_text(st, 1, id);
    sqlite3_bind_int64(st, 2, hash);
    int rc = sqlite3_step(st), found = 0;
    if (rc == SQLITE_ROW) {
        found = 1;
        *doc = sqlite3_column_int64(st, 0);
        *by_id = sqlite3_column_int(st, 1);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sq_fail(s, err, "looking up a document");
    return found;
}

static int sq_load_minhash(st_backend *b, st_lsh *l, dyad_error *err) {
    sq_backend *s = (sq_backend *)b;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT doc, sig FROM doc_minhash", -1, &st, NULL) != SQLITE_OK)
        return sq_fail(s, err, "reading signatures");
    int rc;
    uint32_t sig[MH_N];
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (sqlite3_column_bytes(st, 1) != (int)sizeof sig) continue;
        memcpy(sig, sqlite3_column_blob(st, 1), sizeof sig);
        if (st_lsh_add(l, sqlite3_column_int64(st, 0), sig) < 0) {
            sqlite3_finalize(st);
            return dyad_error_set(err, "%s: out of memory reading signatures", s->base.name);
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return sq_fail(s, err, "reading signatures");
    return 0;
}

static int sq_insert_doc(st_backend *b, const st_doc_row *d, int64_t *doc, dyad_error *err) {
    sq_backend *s = (sq_backend *)b;
    sqlite3_stmt *st = s->q[Q_DOC];
    bind_text(st, 1, d->id);
    sqlite3_bind_int64(st, 2, d->hash);
    const char *about[] = {d->date, d->title, d->source, d->url, d->input};
    bind_texts(st, 3, about, 5);
    /* 64-bit length: a text over 2 GiB is refused by SQLite (SQLITE_TOOBIG), not cut */
    if (sqlite3_bind_text64(st, 8, d->text, (sqlite3_uint64)d->text_len, SQLITE_STATIC,
                            SQLITE_UTF8) != SQLITE_OK)
        return sq_fail(s, err, "storing a document");
    bind_pair(st, 9, d->original != 0, d->original, d->similarity);
    if (sq_exec(s, Q_DOC, err, "storing a document") < 0) return -1;
    *doc = sqlite3_last_insert_rowid(s->db);
    if (!d->original) return 0;
    st = s->q[Q_NEAR];
    sqlite3_bind_int64(st, 1, *doc);
    sqlite3_bind_int64(st, 2, d->original);
    sqlite3_bind_double(st, 3, d->similarity);
    return sq_exec(s, Q_NEAR, err, "linking a near copy");
}

static int sq_insert_minhash(st_backend *b, int64_t doc, const uint32_t sig[MH_N],
                             dyad_error *err) {
    sq_backend *s = (sq_backend *)b;
    sqlite3_stmt *st = s->q[Q_MINHASH];
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_blob(st, 2, sig, (int)(MH_N * sizeof *sig), SQLITE_STATIC);
    return sq_exec(s, Q_MINHASH, err, "storing a signature");
}

static int sq_insert_sentence(st_backend *b, int64_t doc, uint32_t idx, uint32_t start,
                              uint32_t end, const char *text, size_t len, dyad_error *err) {
    sq_backend *s = (sq_backend *)b;
    sqlite3_stmt *st = s->q[Q_SENT];
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int(st, 2, (int)idx);
    sqlite3_bind_int(st, 3, (int)start);
    sqlite3_bind_int(st, 4, (int)end);
    if (sqlite3_bind_text64(st, 5, text, (sqlite3_uint64)len, SQLITE_STATIC, SQLITE_UTF8) !=
        SQLITE_OK)
        return sq_fail(s, err, "storing a sentence");
    return sq_exec(s, Q_SENT, err, "storing a sentence");
}

static int sq_insert_event(st_backend *b, const st_event_row *e, dyad_error *err) {
    sq_backend *s = (sq_backend *)b;
    sqlite3_stmt *st = s->q[Q_EVENT];
    char root[3] = {e->code[0], e->code[0] ? e->code[1] : 0, 0};
    sqlite3_bind_int64(st, 1, e->doc);
    sqlite3_bind_int(st, 2, (int)e->sentence);
    const char *keys[] = {e->date,        e->date_kind,   e->source, e->target,
                          e->src_country, e->tgt_country, e->code};
    bind_texts(st, 3, keys, 7);
    sqlite3_bind_text(st, 10, root, -1, SQLITE_TRANSIENT);
    bind_pair(st, 11, e->quad_class != 0, e->quad_class, e->goldstein);
    const char *words[] = {e->source_text, e->target_text, e->verb, e->issues};
    bind_texts(st, 13, words, 4);
    sqlite3_bind_int(st, 17, e->counted);
    if (e->explain) bind_text(st, 18, e->explain);
    else sqlite3_bind_null(st, 18);
    return sq_exec(s, Q_EVENT, err, "storing an event");
}

static int sq_seen_daily(st_backend *b, const char *date, const char *source, const char *target,
                         const char *code, dyad_error *err) {
    sq_backend *s = (sq_backend *)b;
    char *msg = NULL;
    /* made on first use: other runs do not pay for its upkeep */
    if (!s->daily_index &&
        sqlite3_exec(s->db, "CREATE INDEX IF NOT EXISTS events_daily ON events(date, source,"
                            " target, code)", NULL, NULL, &msg) != SQLITE_OK) {
        dyad_error_set(err, "%s: one-a-day index: %s", s->base.name, msg ? msg : "?");
        sqlite3_free(msg);
        return -1;
    }
    s->daily_index = 1;
    sqlite3_stmt *st = s->q[Q_DAILY];
    const char *key[] = {date, source, target, code};
    bind_texts(st, 1, key, 4);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sq_fail(s, err, "one-a-day lookup");
    return rc == SQLITE_ROW;
}

/* A scan's statement, written for what it reads: the columns the series
 * count, the event's document key and actors (to count it once per
 * document), then (detail) the actors' words, the document, the sentence
 * and the reasons. Two countries: two searches of the covering index
 * events_ties, one per direction, merged by date (no sort, no row set);
 * a date range is a range of that index. One country: its events out and
 * in. Prepared once per handle and kept (one per dyad serve worker). */
static void scan_sql(char *out, size_t cap, int detail, int pair, int range, int has_explain) {
    char cols[600], one[2][200];
    snprintf(cols, sizeof cols,
             "SELECT e.date, e.src_country, e.tgt_country, e.code, e.quad_class, e.goldstein,"
             " e.doc, e.source, e.target%s%s%s",
             detail ? ", e.source_text, e.target_text, d.id, d.title, d.url, e.sentence, s.text, " : "",
             detail ? (has_explain ? "e.explain, e.event" : "NULL, e.event") : "",
             detail ? " FROM events e JOIN documents d ON d.doc = e.doc LEFT JOIN sentences s"
                      " ON s.doc = e.doc AND s.idx = e.sentence" : " FROM events e");
    const char *when = range ? " AND e.date BETWEEN ?3 AND ?4" : "";
    for (int k = 0; k < 2; k++) {
        if (pair) /* a -> b, then b -> a */
            snprintf(one[k], sizeof one[k], " WHERE e.counted = 1 AND e.src_country = ?%d AND"
                     " e.tgt_country = ?%d%s", 1 + k, 2 - k, when);
        else /* a -> anyone, then anyone -> a */
            snprintf(one[k], sizeof one[k], " WHERE e.counted = 1 AND e.%s = ?1 AND e.%s <> ?1"
                     " AND e.%s <> ''%s", k ? "tgt_country" : "src_country",
                     k ? "src_country" : "tgt_country", k ? "src_country" : "tgt_country", when);
    }
    snprintf(out, cap, "%s%s UNION ALL %s%s%s", cols, one[0], cols, one[1],
             detail ? " ORDER BY 1, 18" : pair ? " ORDER BY 1" : "");
}

static const char *col_text(sqlite3_stmt *st, int i) {
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "";
}

static sqlite3_stmt *scan_stmt(sq_backend *s, const dyad_store_query *q, int detail) {
    int pair = q->b != NULL, range = q->from || q->to;
    sqlite3_stmt **st = &s->scan[detail][pair][range];
    if (!*st) {
        char sql[2400];
        scan_sql(sql, sizeof sql, detail, pair, range, s->has_explain);
        if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
            return NULL;
    }
    sqlite3_reset(*st);
    sqlite3_clear_bindings(*st);
    bind_text(*st, 1, q->a);
    if (pair) bind_text(*st, 2, q->b);
    if (range) {
        bind_text(*st, 3, q->from ? q->from : "0");
        bind_text(*st, 4, q->to ? q->to : "99999999");
    }
    return *st;
}

static int sq_scan(st_backend *b, const dyad_store_query *q, int detail,
                   dyad_store_event_fn fn, void *ctx, dyad_error *err) {
    sq_backend *s = (sq_backend *)b;
    sqlite3_stmt *st = scan_stmt(s, q, !!detail);
    if (!st) return sq_fail(s, err, "reading events");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        dyad_store_event e = {.date = col_text(st, 0), .src_country = col_text(st, 1),
                              .tgt_country = col_text(st, 2), .code = col_text(st, 3),
                              .quad_class = sqlite3_column_int(st, 4),
                              .goldstein = sqlite3_column_double(st, 5),
                              .doc = sqlite3_column_int64(st, 6), .source = col_text(st, 7),
                              .target = col_text(st, 8)};
        if (detail) {
            e.source_text = col_text(st, 9);
            e.target_text = col_text(st, 10);
            e.doc_id = col_text(st, 11);
            e.title = col_text(st, 12);
            e.url = col_text(st, 13);
            e.sentence = (uint32_t)sqlite3_column_int64(st, 14);
            e.sentence_text = col_text(st, 15);
            e.explain = col_text(st, 16);
        }
        fn(ctx, &e);
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st); /* they point at the caller's strings */
    if (rc != SQLITE_DONE) return sq_fail(s, err, "reading events");
    return 0;
}

static int64_t count_of(sq_backend *s, const char *sql, int *bad) {
    sqlite3_stmt *st;
    int64_t v = 0;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        *bad = 1;
        return 0;
    }
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    else *bad = 1;
    sqlite3_finalize(st);
    return v;
}

static int sq_count(st_backend *b, dyad_store_counts *c, dyad_error *err) {
    sq_backend *s = (sq_backend *)b;
    int bad = 0;
    c->documents = count_of(s, "SELECT count(*) FROM documents", &bad);
    c->near_copies = count_of(s, "SELECT count(*) FROM documents WHERE original IS NOT NULL", &bad);
    c->sentences = count_of(s, "SELECT count(*) FROM sentences", &bad);
    c->events = count_of(s, "SELECT count(*) FROM events", &bad);
    c->counted = count_of(s, "SELECT count(*) FROM events WHERE counted = 1", &bad);
    return bad ? sq_fail(s, err, "counting rows") : 0;
}

static int sq_empty(st_backend *b, dyad_error *err) {
    sq_backend *s = (sq_backend *)b;
    int bad = 0;
    int64_t any = count_of(s, "SELECT EXISTS (SELECT 1 FROM documents)", &bad);
    return bad ? sq_fail(s, err, "looking for documents") : !any;
}

static void sq_close(st_backend *b) {
    sq_backend *s = (sq_backend *)b;
    if (!s) return;
    for (int i = 0; i < Q_COUNT; i++) sqlite3_finalize(s->q[i]);
    for (int i = 0; i < 8; i++) sqlite3_finalize(s->scan[i / 4][i / 2 % 2][i % 2]);
    sqlite3_close(s->db);
    if (s->lock_fd >= 0) close(s->lock_fd);
    free(s);
}

/* One statement of --replace, prepared for the call: 1 a row (columns
 * 0 and 1 to *a, *b), 0 none, -1 error. Parameters: ?1 text, ?2..?4 int64. */
static int sq_once(sq_backend *s, const char *sql, const char *text, const int64_t *nums,
                   int nnums, int64_t *a, int64_t *b, dyad_error *err) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return sq_fail(s, err, "replacing a document");
    if (text) bind_text(st, 1, text);
    for (int i = 0; i < nnums; i++) sqlite3_bind_int64(st, i + 2, nums[i]);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        if (a) *a = sqlite3_column_int64(st, 0);
        if (b) *b = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sq_fail(s, err, "replacing a document");
    return rc == SQLITE_ROW;
}

static int sq_replace_doc(st_backend *b, const st_doc_row *d, int64_t *doc, int64_t *original,
                          dyad_error *err) {
    sq_backend *s = (sq_backend *)b;
    int got = sq_once(s, "SELECT doc, coalesce(original, 0) FROM documents WHERE id = ?1", d->id,
                      NULL, 0, doc, original, err);
    if (got <= 0) return got;
    int64_t key[2] = {d->hash, *doc}, other = 0;
    got = sq_once(s, "SELECT doc, 0 FROM documents WHERE text_hash = ?2 AND doc <> ?3", NULL, key,
                  2, &other, NULL, err);
    if (got != 0) {
        if (got > 0) *doc = other;
        return got < 0 ? -1 : 2;
    }
    if (sq_once(s, "DELETE FROM events WHERE doc = ?2", NULL, doc, 1, NULL, NULL, err) < 0 ||
        sq_once(s, "DELETE FROM sentences WHERE doc = ?2", NULL, doc, 1, NULL, NULL, err) < 0)
        return -1;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "UPDATE documents SET text_hash = ?1, date = ?2, title = ?3,"
                           " source = ?4, url = ?5, input = ?6, text = ?7 WHERE doc = ?8",
                           -1, &st, NULL) != SQLITE_OK)
        return sq_fail(s, err, "replacing a document");
    sqlite3_bind_int64(st, 1, d->hash);
    const char *f[5] = {d->date, d->title, d->source, d->url, d->input};
    for (int i = 0; i < 5; i++) bind_text(st, i + 2, f[i]);
    sqlite3_bind_text64(st, 7, d->text, (sqlite3_uint64)d->text_len, SQLITE_STATIC, SQLITE_UTF8);
    sqlite3_bind_int64(st, 8, *doc);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) return sq_fail(s, err, "replacing a document");
    return 1;
}

static const st_ops sq_ops = {sq_begin, sq_commit, sq_rollback, sq_find_doc, sq_load_minhash,
                              sq_insert_doc, sq_insert_minhash, sq_insert_sentence,
                              sq_insert_event, sq_seen_daily, sq_scan, sq_count, sq_close,
                              sq_replace_doc, sq_empty};

/* Is this file a dyad store of this version? 1 yes, 0 an empty database
 * (a new store), -1 no (err says why). Only reads. */
static int sq_check(sq_backend *s, dyad_error *err) {
    sqlite3_stmt *st;
    const char *path = s->base.name;
    if (sqlite3_prepare_v2(s->db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                  " ORDER BY name = 'meta' DESC, name", -1, &st, NULL) != SQLITE_OK)
        return dyad_error_set(err, "%s: cannot read it as a store: %s (damaged, or not an SQLite "
                              "file?)", path, sqlite3_errmsg(s->db));
    int rc = sqlite3_step(st), has_meta = 0;
    char first[64] = "";
    if (rc == SQLITE_ROW) {
        snprintf(first, sizeof first, "%s", (const char *)sqlite3_column_text(st, 0));
        has_meta = !strcmp(first, "meta");
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return dyad_error_set(err, "%s: cannot read it as a store: %s (damaged, or not an SQLite "
                              "file?)", path, sqlite3_errmsg(s->db));
    if (rc == SQLITE_DONE) return 0;
    if (!has_meta)
        return dyad_error_set(err, "%s: not a dyad store (it has tables of its own, such as "
                              "'%.40s'); left unchanged", path, first);
    char version[64] = "";
    if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = 'schema'", -1, &st, NULL) ==
        SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            snprintf(version, sizeof version, "%s", (const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    if (strcmp(version, ST_SCHEMA_VERSION))
        return dyad_error_set(err, "%s: a store of schema '%s'; this dyad reads '%s' only; left "
                              "unchanged", path, version[0] ? version : "(none)", ST_SCHEMA_VERSION);
    return 1;
}

/* Does events have the explain column? Stores written before it was added
 * have not: their events have no reasons to show. */
static int sq_has_explain(sq_backend *s) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT explain FROM events LIMIT 0", -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_finalize(st);
    return 1;
}

/* A store written before events.explain gets the column (empty for the
 * events it has): adding a column that may be NULL changes no row. */
static int sq_add_explain(sq_backend *s, dyad_error *err) {
    if (sq_has_explain(s)) return 0;
    if (sqlite3_exec(s->db, "ALTER TABLE events ADD COLUMN explain TEXT", NULL, NULL, NULL) !=
        SQLITE_OK)
        return sq_fail(s, err, "adding events.explain");
    return 0;
}

/* One writer at a time: an exclusive flock(2) on the file, held while the
 * store is open (SQLite's own locks are fcntl(2) ones: independent). A
 * second ingest would not see the first one's documents in its near-copy
 * index, so it is refused rather than let count copies twice. */
static int sq_lock(sq_backend *s, const char *path, dyad_error *err) {
    s->lock_fd = open(path, O_RDONLY | O_CLOEXEC);
    if (s->lock_fd < 0)
        return dyad_error_set(err, "%s: cannot open: %s", s->base.name, strerror(errno));
    if (flock(s->lock_fd, LOCK_EX | LOCK_NB) == 0) return 0;
    if (errno == EWOULDBLOCK)
        return dyad_error_set(err, "%s: another dyad ingest is writing to this store (one at a "
                              "time; run this one when it is done)", s->base.name);
    return dyad_error_set(err, "%s: cannot lock: %s", s->base.name, strerror(errno));
}

st_backend *st_sqlite_open(const char *path, int read_only, dyad_error *err) {
    sq_backend *s = calloc(1, sizeof *s);
    if (!s) {
        dyad_error_set(err, "%s: out of memory", path);
        return NULL;
    }
    s->base.ops = &sq_ops;
    s->lock_fd = -1;
    snprintf(s->base.name, sizeof s->base.name, "%s", path);
    if (!*path || !strcmp(path, ":memory:")) {
        dyad_error_set(err, "'%s': a store must be a file (an in-memory database would be lost "
                       "at exit)", path);
        sq_close(&s->base);
        return NULL;
    }
    int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        dyad_error_set(err, "%s: cannot open database: %s", path,
                       s->db ? sqlite3_errmsg(s->db) : "out of memory");
        sq_close(&s->base);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 10000);
    /* a foreign or other-version file is refused before anything is written */
    int is_store = sq_check(s, err);
    if (is_store < 0 || (is_store == 0 && read_only)) {
        if (is_store == 0)
            dyad_error_set(err, "%s: not a dyad store (an empty database)", path);
        sq_close(&s->base);
        return NULL;
    }
    char *msg = NULL;
    if (!read_only && (sq_lock(s, path, err) < 0 ||
                       sqlite3_exec(s->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                           " PRAGMA wal_autocheckpoint=4000;",
                                    NULL, NULL, &msg) != SQLITE_OK ||
                       sqlite3_exec(s->db, schema, NULL, NULL, &msg) != SQLITE_OK)) {
        if (msg) dyad_error_set(err, "%s: not a usable dyad store: %s", path, msg);
        sqlite3_free(msg);
        sq_close(&s->base);
        return NULL;
    }
    if (!read_only && sq_add_explain(s, err) < 0) {
        sq_close(&s->base);
        return NULL;
    }
    s->has_explain = sq_has_explain(s);
    if (read_only) /* dyad serve and ties: the index pages mapped, a bigger page cache */
        sqlite3_exec(s->db, "PRAGMA mmap_size=268435456; PRAGMA cache_size=-16384;", NULL, NULL,
                     NULL);
    for (int i = 0; i < Q_COUNT; i++) {
        if (i == Q_EVENT && !s->has_explain) continue; /* read only: never stores */
        if (sqlite3_prepare_v3(s->db, sql_text[i], -1, SQLITE_PREPARE_PERSISTENT, &s->q[i],
                               NULL) != SQLITE_OK) {
            sq_fail(s, err, "preparing statements (a damaged store?)");
            sq_close(&s->base);
            return NULL;
        }
    }
    return &s->base;
}
