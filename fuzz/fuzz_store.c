/* fuzz_store.c -- libFuzzer target: the event store (src/store/) against a
 * model of what it must keep, on a temporary SQLite file.
 *
 * Byte 0 sets the batch size (1-4); every further byte is one step:
 *   0  a new document: new id, the text of (cluster, variant)
 *   1  the same with the text re-cased and re-punctuated (same normal form)
 *   2  a stored id again, with some text
 *   3  commit the open batch
 *   4  "kill -9": the store dropped with its batch open, then reopened
 *   5  close (commits) and reopen
 * Texts of one cluster share 120 words and differ by a leading word per
 * variant (estimated similarity ~0.99: always a near copy); clusters share
 * no word (never near). The model: a document is stored unless its id or
 * normalised text is; it is a near copy when its cluster has a stored
 * document; a kill loses exactly the open batch. Each step's status is
 * checked, and at the end the file itself: each id once, the right
 * documents, originals and copies as modelled, one event each, counted
 * only for originals (copies never counted twice). */
#include "dyad.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NCLUSTER 6
#define NVARIANT 4
#define MAXDOCS 600
#define NWORDS 120

typedef struct mdoc { char id[16]; int cluster, variant, original; } mdoc;

typedef struct model {
    mdoc d[MAXDOCS];
    size_t n, committed; /* d[0..committed) are committed, the rest pending */
} model;

static int text_known(const model *m, int c, int v) {
    for (size_t i = 0; i < m->n; i++)
        if (m->d[i].cluster == c && m->d[i].variant == v) return 1;
    return 0;
}
static int cluster_known(const model *m, int c) {
    for (size_t i = 0; i < m->n; i++)
        if (m->d[i].cluster == c) return 1;
    return 0;
}

static const char *const prefixes[NVARIANT] = {"", "Moscow", "Reuters", "Update"};

/* The text of (c, v); shout: upper case and other punctuation. */
static size_t make_text(char *buf, size_t cap, int c, int v, int shout) {
    size_t n = (size_t)snprintf(buf, cap, "%s%s", prefixes[v], v ? (shout ? " -- " : ". ") : "");
    for (int i = 0; i < NWORDS && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, shout ? "C%dW%d!! " : "c%dw%d ", c, i);
    return n < cap ? n : cap - 1;
}

static char dir[64], path[128];

static void remove_files(void) {
    char p[160];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

static void remove_dir(void) {
    remove_files();
    rmdir(dir);
}

static dyad_store *open_store(int batch) {
    dyad_store_opts o = {0};
    o.batch = batch;
    dyad_error err;
    dyad_store *s = dyad_store_open(path, &o, &err);
    if (!s) {
        fprintf(stderr, "open: %s\n", err.msg);
        __builtin_trap();
    }
    return s;
}

static int64_t q1(sqlite3 *db, const char *sql) {
    sqlite3_stmt *st;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) __builtin_trap();
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void check_file(const model *m) {
    sqlite3 *db;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) __builtin_trap();
    int64_t originals = 0;
    for (size_t i = 0; i < m->n; i++) originals += m->d[i].original;
    if (q1(db, "SELECT count(*) FROM documents") != (int64_t)m->n) __builtin_trap();
    if (q1(db, "SELECT count(DISTINCT id) FROM documents") != (int64_t)m->n) __builtin_trap();
    if (q1(db, "SELECT count(*) FROM documents WHERE original IS NULL") != originals) __builtin_trap();
    if (q1(db, "SELECT count(*) FROM near_copies") != (int64_t)m->n - originals) __builtin_trap();
    if (q1(db, "SELECT count(*) FROM events") != (int64_t)m->n) __builtin_trap();
    if (q1(db, "SELECT count(*) FROM events WHERE counted = 1") != originals) __builtin_trap();
    if (q1(db, "SELECT count(*) FROM events e JOIN documents d USING(doc)"
               " WHERE e.counted = (d.original IS NOT NULL)") != 0)
        __builtin_trap();
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT original IS NULL FROM documents WHERE id = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        __builtin_trap();
    for (size_t i = 0; i < m->n; i++) {
        sqlite3_bind_text(st, 1, m->d[i].id, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_ROW) __builtin_trap();
        if (sqlite3_column_int(st, 0) != m->d[i].original) __builtin_trap();
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!dir[0]) { /* in memory-backed /dev/shm when there is one: no disk syncs */
        snprintf(dir, sizeof dir, "%s/dyad-fuzz-store-XXXXXX",
                 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
        if (!mkdtemp(dir)) __builtin_trap();
        snprintf(path, sizeof path, "%s/store.db", dir);
        atexit(remove_dir);
    }
    if (size < 1) return 0;
    if (size > 200) size = 200;
    remove_files();
    static model m;
    memset(&m, 0, sizeof m);
    int batch = data[0] % 4 + 1;
    dyad_store *s = open_store(batch);
    static char text[4096];
    unsigned counter = 0;
    for (size_t k = 1; k < size; k++) {
        int op = data[k] % 6, arg = data[k] / 6;
        dyad_error err;
        if (op == 3) {
            if (dyad_store_commit(s, &err) < 0) __builtin_trap();
            m.committed = m.n;
            continue;
        }
        if (op == 4 || op == 5) {
            if (op == 4) {
                st_store_abandon(s);
                m.n = m.committed;
            } else {
                if (dyad_store_close(s, &err) < 0) __builtin_trap();
                m.committed = m.n;
            }
            s = open_store(batch);
            continue;
        }
        int c = arg % NCLUSTER, v = (arg / NCLUSTER) % NVARIANT;
        char id[16];
        int id_known = 0;
        if (op == 2 && m.n) {
            snprintf(id, sizeof id, "%s", m.d[(size_t)arg % m.n].id);
            id_known = 1;
        } else {
            snprintf(id, sizeof id, "n%u", counter++);
        }
        size_t len = make_text(text, sizeof text, c, v, op == 1);
        dyad_doc d = {0};
        d.id = id;
        d.date = "20260314";
        d.title = d.source = d.url = d.category = d.parse = "";
        d.text = text;
        d.text_len = len;
        dyad_sentence sent = {0};
        sent.end = (uint32_t)len;
        dyad_event ev = {"RUSGOV", "IRNGOV", "051", "", "", "", 0, "", NULL, 20260314,
                         DYAD_DATE_DOCUMENT};
        dyad_result res = {0};
        res.sentences = &sent;
        res.nsentences = 1;
        res.events = &ev;
        res.nevents = 1;
        dyad_store_added ad;
        if (dyad_store_add(s, &d, &res, "fuzz", &ad, &err) < 0) {
            fprintf(stderr, "add: %s\n", err.msg);
            __builtin_trap();
        }
        int tk = text_known(&m, c, v);
        if (id_known || tk) {
            if (ad.status != DYAD_DUP_ID && ad.status != DYAD_DUP_TEXT) __builtin_trap();
            if (id_known && !tk && ad.status != DYAD_DUP_ID) __builtin_trap();
            if (tk && !id_known && ad.status != DYAD_DUP_TEXT) __builtin_trap();
            if (ad.events) __builtin_trap();
            continue;
        }
        int near = cluster_known(&m, c);
        if (ad.status != (near ? DYAD_NEAR_COPY : DYAD_STORED)) __builtin_trap();
        if (ad.events != 1 || ad.counted != (size_t)!near) __builtin_trap();
        if (m.n == MAXDOCS) __builtin_trap();
        mdoc *md = &m.d[m.n++];
        snprintf(md->id, sizeof md->id, "%s", id);
        md->cluster = c, md->variant = v, md->original = !near;
        /* the store commits every `batch` stored documents */
        if ((m.n - m.committed) % (size_t)batch == 0) m.committed = m.n;
    }
    dyad_error err;
    if (dyad_store_close(s, &err) < 0) __builtin_trap();
    m.committed = m.n;
    check_file(&m);
    return 0;
}
