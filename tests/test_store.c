/* test_store.c -- the event store: text identity and MinHash, actor
 * countries, event dates, exact and near duplicates across runs, the
 * one-a-day filter, and the series and partners read back from it. The
 * documents and events are built by hand here (no coder), so every
 * expected number below is counted from the rows written in this file.
 *
 * The store cases (store_suite) run on SQLite, and on PostgreSQL too when
 * DYAD_TEST_PG names a server (postgresql://user:pw@host:port, no
 * database) and DYAD_TEST_PG_ADMIN a URL that may create databases:
 * tests/cli/test_store_pg.sh starts one and runs this program so. Both
 * backends must give the same answers to the same cases. */
#include "t.h"
#include "dyad.h"
#include "store/store.h"
#include "ties/ties.h"
#include "input/input.h"
#include "feed/feed.h"
#include "date/date.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/mman.h>

#include <math.h>

static void test_identity(void) {
    int64_t h1, h2, h3;
    uint64_t *w = NULL;
    size_t cap = 0;
    const char *a = "Russia praised Iran, officials said.";
    const char *b = "  RUSSIA praised   iran -- officials said!";
    CHECK(st_text_identity(a, strlen(a), &h1, &w, &cap) == 5);
    st_text_identity(b, strlen(b), &h2, &w, &cap);
    CHECK(h1 == h2); /* case, spacing and punctuation do not matter */
    const char *c = "Russia praised Iraq, officials said.";
    st_text_identity(c, strlen(c), &h3, &w, &cap);
    CHECK(h1 != h3);

    /* a long story, its syndicated copy (other headline and footer), and an
     * unrelated story */
    const char *story =
        "The meeting lasted more than three hours and covered trade energy transport corridors "
        "and the price of grain according to people familiar with the discussions who asked not "
        "to be named because they were not authorised to speak about the talks in public and "
        "officials in both capitals described the atmosphere as businesslike";
    char copy[1024], other[1024];
    snprintf(copy, sizeof copy, "Talks in Moscow. %s (Reporting by the desk)", story);
    snprintf(other, sizeof other, "%s",
             "Heavy rain flooded the lower town on Tuesday and the river rose above its banks for "
             "the first time in a decade while schools were closed and buses ran on a reduced "
             "timetable as engineers inspected two bridges and the power station upstream");
    uint32_t s1[MH_N], s2[MH_N], s3[MH_N];
    size_t n;
    int64_t h;
    n = st_text_identity(story, strlen(story), &h, &w, &cap);
    CHECK(st_minhash(w, n, s1) == 1);
    n = st_text_identity(copy, strlen(copy), &h, &w, &cap);
    CHECK(st_minhash(w, n, s2) == 1);
    n = st_text_identity(other, strlen(other), &h, &w, &cap);
    CHECK(st_minhash(w, n, s3) == 1);
    /* 58 words: 55 shingles of 4; the copy adds 8 words: 63 shingles, of
     * which 55 shared, true Jaccard 55/63 = 0.87 */
    CHECK(st_minhash_similarity(s1, s2) >= 0.7);
    CHECK(st_minhash_similarity(s1, s3) <= 0.2);
    const char *shorty = "Russia praised Iran.";
    n = st_text_identity(shorty, strlen(shorty), &h, &w, &cap);
    CHECK(st_minhash(w, n, s3) == 0); /* too short to compare */
    free(w);
}

static void test_country(void) {
    char c[8];
    CHECK(dyad_actor_country("RUSGOV", c) == 3);
    CHECK_STR(c, "RUS");
    CHECK(dyad_actor_country("IRN", c) == 3);
    CHECK_STR(c, "IRN");
    CHECK(dyad_actor_country("IGOUNOHRI", c) == 6);
    CHECK_STR(c, "IGOUNO");
    CHECK(dyad_actor_country("NGOAMN", c) == 6);
    CHECK_STR(c, "NGOAMN");
    CHECK(dyad_actor_country("", c) == 0);
    CHECK_STR(c, "");
    CHECK(dyad_actor_country("US", c) == 0);
}

/* ---- the store, with documents made by hand */

typedef struct fake {
    dyad_doc doc;
    dyad_sentence sents[4];
    dyad_event ev[4];
    dyad_result res;
} fake;

/* A document whose sentence 0 holds events "SRC>TGT:CODE" separated by ' '. */
static void make(fake *f, const char *id, const char *date, const char *text, const char *evs) {
    memset(f, 0, sizeof *f);
    f->doc.id = id;
    f->doc.date = date;
    f->doc.title = f->doc.source = f->doc.url = f->doc.category = f->doc.parse = "";
    f->doc.text = text;
    f->doc.text_len = strlen(text);
    f->sents[0].start = 0;
    f->sents[0].end = (uint32_t)strlen(text);
    f->res.sentences = f->sents;
    f->res.nsentences = 1;
    f->res.events = f->ev;
    /* the events' date as the coder settles it: sentence 0 against the
     * document date */
    int32_t when = 0, day = date_parse(date, strlen(date));
    uint8_t kind = (uint8_t)date_in_sentence(day > 0 ? day : 0, text, strlen(text), &when);
    static char buf[8][4][3][16]; /* stable strings for the events */
    static int slot;
    slot = (slot + 1) % 8;
    size_t n = 0;
    for (const char *p = evs; p && *p && n < 4;) {
        char src[16], tgt[16], code[16];
        int used = 0;
        if (sscanf(p, "%15[^>]>%15[^:]:%15s%n", src, tgt, code, &used) != 3) break;
        strcpy(buf[slot][n][0], src);
        strcpy(buf[slot][n][1], tgt);
        strcpy(buf[slot][n][2], code);
        f->ev[n] = (dyad_event){buf[slot][n][0], buf[slot][n][1], buf[slot][n][2], "", "", "", 0,
                                "", NULL, when, kind};
        n++;
        p += used;
        while (*p == ' ') p++;
    }
    f->res.nevents = n;
}

static const char *const story =
    "The meeting lasted more than three hours and covered trade energy transport corridors and "
    "the price of grain according to people familiar with the discussions who asked not to be "
    "named because they were not authorised to speak about the talks in public.";

static void test_store(const char *path) {
    dyad_error err = {{0}};
    dyad_store_opts o = {0};
    o.one_a_day = 1;
    o.batch = 2;
    dyad_store *s = dyad_store_open(path, &o, &err);
    CHECK(s != NULL);
    if (!s) {
        fprintf(stderr, "%s\n", err.msg);
        return;
    }
    fake a, b, c, d, e, f;
    char copy[600];
    snprintf(copy, sizeof copy, "Moscow talks. %s", story);
    make(&a, "a", "20260314", story, "RUSGOV>IRNGOV:040 RUS>IRN:051");
    make(&b, "b", "20260314", "Russia praised Iran on Saturday.", "RUS>IRN:051");
    make(&c, "c", "20260314", copy, "RUSGOV>IRNGOV:040");
    make(&d, "d", "20260402", "Iran accused Russia of delays.", "IRN>RUS:112");
    make(&e, "a", "20260402", "Another text under a known id.", "IRN>RUS:112");
    make(&f, "f", "20260402", "IRAN accused   russia of delays!", "IRN>RUS:112");
    dyad_store_added ad;
    CHECK(dyad_store_add(s, &a.doc, &a.res, "t", &ad, &err) == 0);
    CHECK(ad.status == DYAD_STORED && ad.events == 2 && ad.counted == 2);
    int64_t doc_a = ad.doc;
    /* the same (date, source, target, code) as a's second event: not counted */
    CHECK(dyad_store_add(s, &b.doc, &b.res, "t", &ad, &err) == 0);
    CHECK(ad.status == DYAD_STORED && ad.events == 1 && ad.counted == 0);
    CHECK(dyad_store_add(s, &c.doc, &c.res, "t", &ad, &err) == 0);
    CHECK(ad.status == DYAD_NEAR_COPY && ad.original == doc_a && ad.counted == 0);
    CHECK(ad.similarity >= 0.8);
    CHECK(dyad_store_add(s, &d.doc, &d.res, "t", &ad, &err) == 0);
    CHECK(ad.status == DYAD_STORED && ad.counted == 1);
    CHECK(dyad_store_add(s, &e.doc, &e.res, "t", &ad, &err) == 0);
    CHECK(ad.status == DYAD_DUP_ID && ad.doc == doc_a && ad.events == 0);
    CHECK(dyad_store_add(s, &f.doc, &f.res, "t", &ad, &err) == 0);
    CHECK(ad.status == DYAD_DUP_TEXT && ad.events == 0);
    CHECK(dyad_store_close(s, &err) == 0);

    /* a second run: everything is known already */
    s = dyad_store_open(path, &o, &err);
    CHECK(s != NULL);
    if (!s) return;
    CHECK(dyad_store_add(s, &a.doc, &a.res, "t", &ad, &err) == 0 && ad.status == DYAD_DUP_ID);
    CHECK(dyad_store_add(s, &d.doc, &d.res, "t", &ad, &err) == 0 && ad.status == DYAD_DUP_ID);
    dyad_store_counts n;
    CHECK(dyad_store_count(s, &n, &err) == 0);
    CHECK(n.documents == 4);   /* a, b, c, d */
    CHECK(n.near_copies == 1); /* c */
    CHECK(n.sentences == 4);
    CHECK(n.events == 5);      /* 2 + 1 + 1 + 1 */
    CHECK(n.counted == 3);     /* a's two, d's one */

    dyad_ties t;
    CHECK(dyad_ties_query(s, "RUS", "IRN", DYAD_BY_MONTH, NULL, &t, &err) == 0);
    /* March: RUS->IRN 040 (1.0) + 051 (3.4); no IRN->RUS. April: IRN->RUS 112 (-2.0) */
    CHECK(t.n == 4);
    if (t.n == 4) {
        CHECK_STR(t.rows[0].period, "2026-03");
        CHECK(t.rows[0].dir == 0 && t.rows[0].n == 2 && t.rows[0].quad[1] == 2);
        CHECK(fabs(t.rows[0].gsum - 4.4) < 1e-9);
        CHECK_STR(t.rows[0].top[0], "040");
        CHECK_STR(t.rows[0].top[1], "051");
        CHECK(t.rows[1].dir == 1 && t.rows[1].n == 0);
        CHECK_STR(t.rows[3].period, "2026-04");
        CHECK(t.rows[3].dir == 1 && t.rows[3].n == 1 && t.rows[3].quad[3] == 1);
        CHECK(fabs(t.rows[3].gsum + 2.0) < 1e-9);
    }
    dyad_ties_free(&t);
    dyad_partner *p = NULL;
    size_t np = 0;
    CHECK(dyad_partners_query(s, "IRN", NULL, &p, &np, &err) == 0);
    CHECK(np == 1 && p && !strcmp(p[0].country, "RUS") && p[0].n == 3 && p[0].out == 1 &&
          p[0].in == 2);
    free(p);
    CHECK(dyad_store_close(s, &err) == 0);
}

/* Weeks before 1970 (issue 14, item 5): 1965 events were reported as
 * undated by --by week, while months and years kept them. */
static void test_old_weeks(const char *path) {
    dyad_error err = {{0}};
    dyad_store *s = dyad_store_open(path, NULL, &err);
    CHECK(s != NULL);
    if (!s) return;
    fake a, b;
    make(&a, "old-1", "19650315", "Russia praised Iran.", "RUS>IRN:051");
    make(&b, "old-2", "19750601", "Iran accused Russia of delays.", "IRN>RUS:112");
    CHECK(dyad_store_add(s, &a.doc, &a.res, "t", NULL, &err) == 0);
    CHECK(dyad_store_add(s, &b.doc, &b.res, "t", NULL, &err) == 0);
    dyad_ties t;
    CHECK(dyad_ties_query(s, "RUS", "IRN", DYAD_BY_WEEK, NULL, &t, &err) == 0);
    CHECK(t.undated == 0);
    /* 533 weeks from the Monday of 1965-03-15 to that of 1975-06-01
     * (Python: (monday(b) - monday(a)).days // 7 + 1), two rows each */
    CHECK(t.n == 533 * 2);
    if (t.n == 533 * 2) {
        CHECK_STR(t.rows[0].period, "1965-W11");
        CHECK(t.rows[0].dir == 0 && t.rows[0].n == 1);
        CHECK_STR(t.rows[t.n - 1].period, "1975-W22");
        CHECK(t.rows[t.n - 1].dir == 1 && t.rows[t.n - 1].n == 1);
    }
    dyad_ties_free(&t);
    CHECK(dyad_store_close(s, &err) == 0);
}

/* Identity is the id, compared whole: case, tabs, newlines, backslashes
 * and length included, within a batch and across runs (PostgreSQL once
 * compared a 64-bit hash of it). */
static void test_identity_by_id(const char *url) {
    dyad_error err = {{0}};
    dyad_store_opts o = {0};
    o.batch = 100;
    static char longid[5001];
    memset(longid, 'x', sizeof longid - 1);
    const char *ids[] = {"Doc-1", "doc-1", "a\tb\\c\nd", "a\tb\\c\nd ", longid};
    const char *texts[] = {"Russia praised Iran on Monday.", "Iran praised Russia on Tuesday.",
                           "Turkey criticised Greece on Wednesday.",
                           "Greece criticised Turkey on Thursday.",
                           "France hosted Germany on Friday."};
    for (int run = 0; run < 2; run++) {
        dyad_store *s = dyad_store_open(url, &o, &err);
        CHECK(s != NULL);
        if (!s) {
            fprintf(stderr, "%s\n", err.msg);
            return;
        }
        fake f;
        dyad_store_added ad;
        for (int i = 0; i < 5; i++) {
            make(&f, ids[i], "20260101", texts[i], "RUS>IRN:051");
            CHECK(dyad_store_add(s, &f.doc, &f.res, "t", &ad, &err) == 0);
            CHECK(ad.status == (run ? DYAD_DUP_ID : DYAD_STORED));
            /* the same id again, other words: known by its id, in the open
             * batch (run 0) as in the store (run 1) */
            make(&f, ids[i], "20260101", "Spain welcomed Portugal on Saturday.", "");
            CHECK(dyad_store_add(s, &f.doc, &f.res, "t", &ad, &err) == 0);
            CHECK(ad.status == DYAD_DUP_ID);
            CHECK(dyad_store_has(s, &f.doc, &err) == 1);
        }
        /* a known text under a new id: a duplicate text, not an id */
        make(&f, "new-id", "20260101", "RUSSIA praised  Iran on monday!", "");
        CHECK(dyad_store_add(s, &f.doc, &f.res, "t", &ad, &err) == 0);
        CHECK(ad.status == DYAD_DUP_TEXT);
        dyad_store_counts n;
        CHECK(dyad_store_close(s, &err) == 0);
        s = dyad_store_open(url, &o, &err);
        CHECK(s && dyad_store_count(s, &n, &err) == 0 && n.documents == 5 && n.events == 5);
        dyad_store_close(s, NULL);
    }
}

/* One a day, whatever the size of an event's row: two counted events of
 * one (date, source, target, code) in one batch, the first with long
 * actor texts, count once; a third in a later run does not count. */
static void test_one_a_day_long(const char *url) {
    dyad_error err = {{0}};
    dyad_store_opts o = {0};
    o.one_a_day = 1;
    o.batch = 10;
    static char longtext[3001];
    memset(longtext, 'y', sizeof longtext - 1);
    const char *texts[] = {"The first report of the day.", "The second report of the day.",
                           "The third report, a day later in the news."};
    size_t counted[3];
    for (int i = 0; i < 3; i++) {
        dyad_store *s = dyad_store_open(url, &o, &err);
        CHECK(s != NULL);
        if (!s) return;
        char id[16];
        snprintf(id, sizeof id, "day-%d", i);
        fake f;
        make(&f, id, "20260105", texts[i], "RUSGOV>IRNGOV:051");
        f.ev[0].source_text = f.ev[0].target_text = longtext;
        dyad_store_added ad;
        CHECK(dyad_store_add(s, &f.doc, &f.res, "t", &ad, &err) == 0);
        counted[i] = ad.counted;
        if (i == 0) { /* the second in the same batch */
            make(&f, "day-0b", "20260105", "Another report of the same act.", "RUSGOV>IRNGOV:051");
            CHECK(dyad_store_add(s, &f.doc, &f.res, "t", &ad, &err) == 0);
            CHECK(ad.status == DYAD_STORED && ad.counted == 0);
        }
        CHECK(dyad_store_close(s, &err) == 0);
    }
    CHECK(counted[0] == 1 && counted[1] == 0 && counted[2] == 0);
}

/* The store cases, on one backend: name(i) gives a new, empty store. */
static int store_suite(const char *(*name)(void *ctx, const char *what), void *ctx) {
    const char *u;
    int n = 0;
    if ((u = name(ctx, "events"))) test_store(u), n++;
    if ((u = name(ctx, "old"))) test_old_weeks(u), n++;
    if ((u = name(ctx, "ids"))) test_identity_by_id(u), n++;
    if ((u = name(ctx, "daily"))) test_one_a_day_long(u), n++;
    return n;
}

static const char *sqlite_name(void *ctx, const char *what) {
    static char path[700];
    snprintf(path, sizeof path, "%s/%s.db", (const char *)ctx, what);
    return path;
}

/* A new database on the PostgreSQL server of DYAD_TEST_PG; NULL (and a
 * failed check) if it cannot be made. */
static const char *pg_name(void *ctx, const char *what) {
    static char url[700];
    static int serial;
    char db[64], q[128];
    snprintf(db, sizeof db, "suite_%s_%d_%d", what, (int)getpid(), serial++);
    PGconn *c = PQconnectdb(getenv("DYAD_TEST_PG_ADMIN"));
    snprintf(q, sizeof q, "CREATE DATABASE %s", db);
    PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, q) : NULL;
    int ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok) fprintf(stderr, "cannot create %s: %s\n", db, PQerrorMessage(c));
    PQclear(r);
    PQfinish(c);
    CHECK(ok);
    snprintf(url, sizeof url, "%s/%s", (const char *)ctx, db);
    return ok ? url : NULL;
}

static int sql(const char *path, const char *q, char *out, size_t cap) {
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK) return -1;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, q, -1, &st, NULL) == SQLITE_OK ? 0 : -1;
    if (out) out[0] = 0;
    while (!rc && sqlite3_step(st) == SQLITE_ROW)
        if (out) {
            size_t n = strlen(out);
            snprintf(out + n, cap - n, "%s%s", n ? "," : "", (const char *)sqlite3_column_text(st, 0));
        }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return rc;
}

/* Issue 14, items 4, 6, 15: a foreign file or a store of another schema
 * version is refused, read-only or not, and left exactly as it was; an
 * in-memory database is no store; one writer at a time; an empty document
 * is not stored. */
static void test_foreign(const char *dir) {
    char path[600], out[200];
    dyad_error err = {{0}};
    dyad_store_opts ro = {0};
    ro.read_only = 1;
    snprintf(path, sizeof path, "%s/foreign.db", dir);
    CHECK(sql(path, "CREATE TABLE documents(x)", NULL, 0) == 0);
    for (int k = 0; k < 2; k++) {
        dyad_store *s = dyad_store_open(path, k ? &ro : NULL, &err);
        CHECK(s == NULL);
        CHECK(strstr(err.msg, path) && strstr(err.msg, "not a dyad store"));
        dyad_store_close(s, NULL);
    }
    CHECK(sql(path, "SELECT name FROM sqlite_master ORDER BY name", out, sizeof out) == 0);
    CHECK_STR(out, "documents");
    CHECK(sql(path, "PRAGMA journal_mode", out, sizeof out) == 0);
    CHECK_STR(out, "delete");

    /* a store of another version */
    snprintf(path, sizeof path, "%s/v2.db", dir);
    dyad_store *s = dyad_store_open(path, NULL, &err);
    CHECK(s != NULL);
    dyad_store_close(s, NULL);
    CHECK(sql(path, "UPDATE meta SET value = 'dyad-store 2' WHERE key = 'schema'", NULL, 0) == 0);
    for (int k = 0; k < 2; k++) {
        s = dyad_store_open(path, k ? &ro : NULL, &err);
        CHECK(s == NULL);
        CHECK(strstr(err.msg, "'dyad-store 2'") && strstr(err.msg, "'" ST_SCHEMA_VERSION "'"));
        dyad_store_close(s, NULL);
    }
    /* an empty file: a new store for a writer, nothing for a reader */
    snprintf(path, sizeof path, "%s/empty.db", dir);
    FILE *f = fopen(path, "w");
    if (f) fclose(f);
    s = dyad_store_open(path, &ro, &err);
    CHECK(s == NULL && strstr(err.msg, "not a dyad store"));
    dyad_store_close(s, NULL);
    CHECK(sql(path, "SELECT count(*) FROM sqlite_master", out, sizeof out) == 0);
    CHECK_STR(out, "0");

    /* in memory: refused */
    s = dyad_store_open(":memory:", NULL, &err);
    CHECK(s == NULL && strstr(err.msg, "must be a file"));
    dyad_store_close(s, NULL);

    /* one writer at a time; readers are not stopped by it */
    snprintf(path, sizeof path, "%s/one.db", dir);
    dyad_store *w1 = dyad_store_open(path, NULL, &err);
    CHECK(w1 != NULL);
    dyad_store *w2 = dyad_store_open(path, NULL, &err);
    CHECK(w2 == NULL && strstr(err.msg, "another dyad ingest is writing"));
    dyad_store_close(w2, NULL);
    dyad_store *r = dyad_store_open(path, &ro, &err);
    CHECK(r != NULL);
    dyad_store_close(r, NULL);
    /* an empty document: nothing stored */
    fake e, t;
    make(&e, "empty", "20260101", " \n\t ", NULL);
    make(&t, "title-only", "20260101", "", NULL);
    t.doc.title = "Russia praised Iran";
    dyad_store_added ad;
    CHECK(w1 && dyad_store_add(w1, &e.doc, &e.res, "t", &ad, &err) == 0 && ad.status == DYAD_EMPTY);
    CHECK(w1 && dyad_store_add(w1, &t.doc, &t.res, "t", &ad, &err) == 0 && ad.status == DYAD_STORED);
    CHECK(dyad_store_close(w1, &err) == 0);
    w2 = dyad_store_open(path, NULL, &err); /* free again once closed */
    CHECK(w2 != NULL);
    dyad_store_counts n = {0};
    CHECK(w2 && dyad_store_count(w2, &n, &err) == 0 && n.documents == 1);
    dyad_store_close(w2, NULL);
}

/* Issue 14, item 10: passwords masked in every form a URL can carry them. */
static void check_mask(const char *text, const char *url, const char *want) {
    char out[300];
    dyad_store_mask(text, url, out, sizeof out);
    CHECK_STR(out, want);
}

static void test_mask(void) {
    const char *u = "postgresql://u:secret@host:5432/db";
    check_mask(u, u, "postgresql://u:***@host:5432/db");
    u = "postgresql://u@host/db?password=hunter2&sslmode=disable";
    check_mask(u, u, "postgresql://u@host/db?password=***&sslmode=disable");
    u = "postgresql://u:secret@[::1/x";
    check_mask("invalid URI: missing \"]\" in \"postgresql://u:secret@[::1/x\"", u,
               "invalid URI: missing \"]\" in \"postgresql://u:***@[::1/x\"");
    u = "postgresql://u:p%40ss@host/db";
    check_mask("password for p@ss and p%40ss", u, "password for *** and ***");
    u = "postgres://u:a:b@c@host/db";
    check_mask(u, u, "postgres://u:***@host/db");
    u = "postgresql://u@host/db";
    check_mask(u, u, u);
    check_mask("events.db: no such table", "events.db", "events.db: no such table");
}

/* A feed over 2 GiB (issue 14, item 15): its length went to libxml2 as an
 * int, so 4 GiB + n bytes were parsed as the first n. The buffer is a
 * reserved, untouched mapping: no memory is used. */
static void test_huge_feed(void) {
    static const char rss[] = "<rss><channel><item><guid>g</guid><title>Russia praised Iran."
                              "</title></item></channel></rss>";
    size_t len = ((size_t)4 << 30) + sizeof rss - 1;
    char *buf = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                     -1, 0);
    if (buf == MAP_FAILED) {
        T_SKIP("cannot reserve 4 GiB of address space: the huge-feed test was not run");
        return;
    }
    memcpy(buf, rss, sizeof rss - 1);
    fd_items it = {0};
    dyad_error err = {{0}};
    CHECK(fd_parse_feed("big.rss", buf, len, &it, &err) == -1);
    CHECK(strstr(err.msg, "big.rss") && strstr(err.msg, "larger than 2 GiB"));
    CHECK(it.n == 0);
    fd_items_free(&it);
    munmap(buf, len);
}

static void test_bad_store(void) {
    dyad_error err = {{0}};
    dyad_store *s = dyad_store_open("/nonexistent-dir/x/events.db", NULL, &err);
    CHECK(s == NULL);
    CHECK(strstr(err.msg, "/nonexistent-dir/x/events.db") != NULL);
    /* a file that is not a database */
    char path[] = "/tmp/dyad-store-notdb-XXXXXX";
    int fd = mkstemp(path);
    if (fd >= 0) {
        const char junk[] = "this is not an SQLite file, just some text that is long enough.\n";
        for (int i = 0; i < 100; i++)
            if (write(fd, junk, sizeof junk - 1) < 0) break;
        close(fd);
        s = dyad_store_open(path, NULL, &err);
        CHECK(s == NULL);
        CHECK(strstr(err.msg, path) != NULL);
        dyad_store_close(s, NULL);
        unlink(path);
    }
}

static void check_period(dyad_period by, const char *date, const char *want) {
    char label[12];
    ty_period_label(by, ty_period_key(by, date), label);
    CHECK_STR(label, want);
}

static void test_periods(void) {
    /* ISO weeks: Monday-based, the year of the week's Thursday */
    check_period(DYAD_BY_WEEK, "20260101", "2026-W01");   /* a Thursday */
    check_period(DYAD_BY_WEEK, "20251229", "2026-W01");   /* its Monday */
    check_period(DYAD_BY_WEEK, "20251228", "2025-W52");   /* the Sunday before */
    check_period(DYAD_BY_WEEK, "20270101", "2026-W53");   /* a Friday */
    check_period(DYAD_BY_WEEK, "20241230", "2025-W01");
    check_period(DYAD_BY_WEEK, "20260314", "2026-W11");
    check_period(DYAD_BY_MONTH, "20260314", "2026-03");
    check_period(DYAD_BY_YEAR, "20260314", "2026");
    CHECK(ty_period_key(DYAD_BY_MONTH, "2026031") == TY_NO_PERIOD);
    CHECK(ty_period_key(DYAD_BY_MONTH, "") == TY_NO_PERIOD);
    CHECK(ty_period_key(DYAD_BY_MONTH, "20261301") == TY_NO_PERIOD);
    CHECK(ty_period_key(DYAD_BY_WEEK, "20260230") == TY_NO_PERIOD);
    CHECK(ty_period_key(DYAD_BY_WEEK, "00000101") == TY_NO_PERIOD);
    /* before 1970 too (issue 14, item 5: weeks before 1970 were "undated");
     * expected values from Python's date.isocalendar() */
    check_period(DYAD_BY_WEEK, "19650315", "1965-W11");   /* a Monday */
    check_period(DYAD_BY_WEEK, "19650101", "1964-W53");   /* a Friday */
    check_period(DYAD_BY_WEEK, "19691228", "1969-W52");   /* the Sunday before key 0 */
    check_period(DYAD_BY_WEEK, "19691229", "1970-W01");
    check_period(DYAD_BY_WEEK, "19750601", "1975-W22");   /* a Sunday */
    check_period(DYAD_BY_WEEK, "00010101", "0001-W01");
    check_period(DYAD_BY_WEEK, "99991231", "9999-W52");
    check_period(DYAD_BY_MONTH, "19650315", "1965-03");
    CHECK(ty_period_key(DYAD_BY_WEEK, "19691229") - ty_period_key(DYAD_BY_WEEK, "19691228") == 1);
    /* consecutive periods have consecutive keys */
    CHECK(ty_period_key(DYAD_BY_MONTH, "20260101") - ty_period_key(DYAD_BY_MONTH, "20251231") == 1);
    CHECK(ty_period_key(DYAD_BY_WEEK, "20260105") - ty_period_key(DYAD_BY_WEEK, "20260104") == 1);
    CHECK(ty_period_key(DYAD_BY_WEEK, "20260104") == ty_period_key(DYAD_BY_WEEK, "20251229"));
}

int main(void) {
    test_identity();
    test_periods();
    test_country();
    char dir[] = "/tmp/dyad-store-XXXXXX";
    if (mkdtemp(dir)) {
        store_suite(sqlite_name, dir);
        test_foreign(dir);
        char cmd[700];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    }
    const char *pg = getenv("DYAD_TEST_PG");
    if (pg && *pg && getenv("DYAD_TEST_PG_ADMIN"))
        printf("store cases on PostgreSQL: %d\n", store_suite(pg_name, (void *)pg));
    test_bad_store();
    test_huge_feed();
    test_mask();
    return t_summary();
}
