/* t.h -- a tiny test harness: CHECK macros and a summary line.
 *
 * Each tests/test_*.c is its own program; tests/run.sh runs them all and
 * adds up the "N passed, N failed" lines they print. A test that needs
 * ../shared and cannot find it calls T_SKIP, which says so. */
#ifndef T_H
#define T_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int t_passed, t_failed, t_skipped;

#define CHECK(cond) do { \
    if (cond) t_passed++; \
    else { t_failed++; fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define CHECK_STR(a, b) do { \
    const char *t_a = (a), *t_b = (b); \
    if (t_a && t_b && strcmp(t_a, t_b) == 0) t_passed++; \
    else { t_failed++; fprintf(stderr, "%s:%d: CHECK_STR failed: %s == \"%s\", expected \"%s\"\n", \
        __FILE__, __LINE__, #a, t_a ? t_a : "(null)", t_b ? t_b : "(null)"); } \
} while (0)

#define T_SKIP(why) do { t_skipped++; fprintf(stderr, "%s: skipped: %s\n", __FILE__, why); } while (0)

/* The messages a library callback hands a test (warnings, dictionary
 * problems): how many, the first and the last, and the line number after
 * the first ':' of each of the first 64. t_collect is the callback. */
typedef struct t_msgs {
    int n;
    char first[700], last[700];
    int lines[64];
} t_msgs;

static inline void t_collect(void *ctx, const char *msg) {
    t_msgs *m = ctx;
    const char *colon = strchr(msg, ':');
    if (m->n < 64 && colon) m->lines[m->n] = atoi(colon + 1);
    if (m->n == 0) snprintf(m->first, sizeof m->first, "%s", msg);
    snprintf(m->last, sizeof m->last, "%s", msg);
    m->n++;
}

/* Path of a file under ../shared (relative to the repo), or NULL if absent. */
static inline const char *t_shared(const char *rel) {
    static char buf[4096];
    const char *root = getenv("DYAD_SHARED");
    snprintf(buf, sizeof buf, "%s/%s", root ? root : "../shared", rel);
    return access(buf, R_OK) == 0 ? buf : NULL;
}

/* t_shared(rel) for a test that needs the file: when it is absent the
 * test counts as skipped, saying what goes unchecked, and gets NULL. */
#define T_SHARED(rel, unchecked) t_need_shared(__FILE__, rel, unchecked)
static inline const char *t_need_shared(const char *file, const char *rel, const char *unchecked) {
    const char *p = t_shared(rel);
    if (!p) {
        t_skipped++;
        fprintf(stderr, "%s: skipped: ../shared/%s absent: %s not checked\n", file, rel, unchecked);
    }
    return p;
}

static inline int t_summary(void) {
    printf("%d passed, %d failed, %d skipped\n", t_passed, t_failed, t_skipped);
    return t_failed ? 1 : 0;
}
#endif
