/* test_feed.c -- the feed readers on test data written for them
 * (tests/data/feed/): RSS items with their links, dates and text, and the
 * WordPress footer and "Continue reading" gone; Atom; the article of a web
 * page without its navigation, share bar, aside, scripts and footer; a
 * directory; malformed feeds named with file and line; feed dates and
 * boilerplate on their own. */
#include "t.h"
#include "dyad.h"

typedef struct got {
    int n;
    char id[8][128], date[8][9], title[8][128], url[8][128], source[8][64];
    char text[8][2048];
} got;

static int read_all(const char *path, dyad_feed_format fmt, got *g, uint64_t *skipped,
                    dyad_error *err) {
    memset(g, 0, sizeof *g);
    dyad_feed *f = dyad_feed_open(path, fmt, "20260101", err);
    if (!f) return -1;
    dyad_arena *a = dyad_arena_new(0);
    dyad_doc d;
    int rc;
    while ((rc = dyad_feed_next(f, a, &d, err)) > 0 && g->n < 8) {
        snprintf(g->id[g->n], 128, "%s", d.id);
        snprintf(g->date[g->n], 9, "%s", d.date);
        snprintf(g->title[g->n], 128, "%s", d.title);
        snprintf(g->url[g->n], 128, "%s", d.url);
        snprintf(g->source[g->n], 64, "%s", d.source);
        snprintf(g->text[g->n], 2048, "%s", d.text);
        g->n++;
        dyad_arena_reset(a);
    }
    if (skipped) *skipped = dyad_feed_skipped(f);
    dyad_arena_free(a);
    dyad_feed_close(f);
    return rc < 0 ? -1 : 0;
}

static void test_rss(void) {
    got g;
    uint64_t skipped = 0;
    dyad_error err = {{0}};
    CHECK(dyad_feed_format_guess("tests/data/feed/world.rss") == DYAD_FEED_RSS);
    CHECK(read_all("tests/data/feed/world.rss", DYAD_FEED_AUTO, &g, &skipped, &err) == 0);
    CHECK(g.n == 2);
    CHECK(skipped == 1); /* dtw-003 has no text */
    CHECK_STR(g.id[0], "dtw-001");
    CHECK_STR(g.date[0], "20260314");
    CHECK_STR(g.title[0], "Russia praises Iran");
    CHECK_STR(g.url[0], "https://wire.example.org/2026/03/14/moscow-talks/");
    CHECK_STR(g.source[0], "Dyad Test Wire");
    CHECK(strncmp(g.text[0], "Russia praises Iran\n\nRussian President Vladimir Putin met", 57) == 0);
    CHECK(strstr(g.text[0], "appeared first on") == NULL);
    CHECK(strstr(g.text[0], "<p>") == NULL);
    /* the last paragraph before the footer ends the text */
    size_t n = strlen(g.text[0]);
    CHECK(n > 19 && !strcmp(g.text[0] + n - 19, "technical projects."));
    CHECK_STR(g.id[1], "dtw-002");
    CHECK_STR(g.date[1], "20260402");
    CHECK_STR(g.text[1], "Tehran complains about delays\n\n"
                         "Iran accused Russia of delaying the delivery of air defence systems.");
}

static void count_warning(void *ctx, const char *msg) {
    int *n = ctx;
    if (strstr(msg, "tests/data/feed/world.rss:") && strstr(msg, "without text skipped")) (*n)++;
}

/* Reads world.rss (one item without text) to the end; returns what the
 * library wrote to stderr meanwhile (bytes). */
static long read_quietly(dyad_warn_fn fn, void *ctx) {
    fflush(stderr);
    FILE *tmp = tmpfile();
    int saved = dup(2);
    if (!tmp || saved < 0) return -1;
    dup2(fileno(tmp), 2);
    dyad_error err = {{0}};
    dyad_feed *f = dyad_feed_open("tests/data/feed/world.rss", DYAD_FEED_AUTO, NULL, &err);
    if (f && fn) dyad_feed_on_warning(f, fn, ctx);
    dyad_arena *a = dyad_arena_new(0);
    dyad_doc d;
    while (f && a && dyad_feed_next(f, a, &d, &err) > 0) dyad_arena_reset(a);
    CHECK(f && dyad_feed_skipped(f) == 1);
    dyad_feed_close(f);
    dyad_arena_free(a);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    fseek(tmp, 0, SEEK_END);
    long n = ftell(tmp);
    fclose(tmp);
    return n;
}

/* The library never prints: a skipped item's warning goes to the hook, and
 * without one it is only counted. */
static void test_warnings(void) {
    int n = 0;
    CHECK(read_quietly(count_warning, &n) == 0);
    CHECK(n == 1);
    CHECK(read_quietly(NULL, NULL) == 0);
}

static void test_atom(void) {
    got g;
    dyad_error err = {{0}};
    CHECK(read_all("tests/data/feed/world.atom", DYAD_FEED_AUTO, &g, NULL, &err) == 0);
    CHECK(g.n == 1);
    CHECK_STR(g.id[0], "urn:dyad:test:atom-1");
    CHECK_STR(g.date[0], "20260420");
    CHECK_STR(g.url[0], "https://atom.example.org/aid");
    CHECK_STR(g.text[0], "Aid convoy reaches Iran\n\nRussia sent humanitarian aid to Iran yesterday.");
}

static void test_html(void) {
    got g;
    dyad_error err = {{0}};
    CHECK(read_all("tests/data/feed/article.html", DYAD_FEED_AUTO, &g, NULL, &err) == 0);
    CHECK(g.n == 1);
    CHECK_STR(g.id[0], "https://news.example.org/araghchi-moscow");
    CHECK_STR(g.date[0], "20260402");
    CHECK_STR(g.title[0], "Araghchi in Moscow");
    CHECK_STR(g.url[0], "https://news.example.org/araghchi-moscow");
    CHECK(strstr(g.text[0], "Iranian Foreign Minister Abbas Araghchi visited Moscow on March 27-28.") != NULL);
    CHECK(strstr(g.text[0], "wreath-laying ceremony") != NULL);
    const char *gone[] = {"condemned", "Share on", "thanked", "spying", "attacked", "Copyright",
                          "staff writer", "color", "Home"};
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) {
        if (strstr(g.text[0], gone[i])) fprintf(stderr, "kept: %s\n", gone[i]);
        CHECK(strstr(g.text[0], gone[i]) == NULL);
    }
}

static void test_dir(void) {
    got g;
    dyad_error err = {{0}};
    /* article.html 1, world.atom 1, world.rss 2, wire.jsonl 4 (name order) */
    CHECK(read_all("tests/data/feed", DYAD_FEED_AUTO, &g, NULL, &err) == 0);
    CHECK(g.n == 8);
    CHECK_STR(g.id[0], "https://news.example.org/araghchi-moscow");
    CHECK_STR(g.id[1], "wire-1");
    CHECK_STR(g.id[5], "urn:dyad:test:atom-1");
    CHECK_STR(g.id[6], "dtw-001");
}

static void test_malformed(void) {
    char dir[] = "/tmp/dyad-feed-XXXXXX";
    if (!mkdtemp(dir)) return;
    char path[256];
    snprintf(path, sizeof path, "%s/broken.rss", dir);
    FILE *f = fopen(path, "w");
    fputs("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<item><title>A</title>\n"
          "<description>text & more</description></item>\n</channel></rss>\n", f);
    fclose(f);
    got g;
    dyad_error err = {{0}};
    CHECK(read_all(path, DYAD_FEED_AUTO, &g, NULL, &err) == -1);
    /* the bare '&' is on line 4 */
    char want[300];
    snprintf(want, sizeof want, "%s:4: malformed feed", path);
    CHECK(strstr(err.msg, want) != NULL);
    if (!strstr(err.msg, want)) fprintf(stderr, "got: %s\n", err.msg);
    snprintf(path, sizeof path, "%s/notafeed.rss", dir);
    f = fopen(path, "w");
    fputs("<?xml version=\"1.0\"?>\n<html><body>hi</body></html>\n", f);
    fclose(f);
    CHECK(read_all(path, DYAD_FEED_AUTO, &g, NULL, &err) == -1);
    CHECK(strstr(err.msg, "not an RSS or Atom feed") != NULL);
    snprintf(path, sizeof path, "%s/empty.html", dir);
    f = fopen(path, "w");
    fputs("<html><body><nav>Russia condemned Iran</nav></body></html>", f);
    fclose(f);
    CHECK(read_all(path, DYAD_FEED_AUTO, &g, NULL, &err) == -1);
    CHECK(strstr(err.msg, "no article text") != NULL);
    CHECK(read_all("/nonexistent/feed.rss", DYAD_FEED_AUTO, &g, NULL, &err) == -1);
    /* a page dated only by schema.org metadata, without a canonical link */
    snprintf(path, sizeof path, "%s/ld.html", dir);
    f = fopen(path, "w");
    fputs("<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
          "\"datePublished\": \"2026-05-03T08:00:00Z\"}</script></head><body><div><p>Iran "
          "thanked Russia.</p><p>Talks go on.</p></div><div><p>Short.</p></div></body></html>", f);
    fclose(f);
    CHECK(read_all(path, DYAD_FEED_AUTO, &g, NULL, &err) == 0);
    CHECK(g.n == 1);
    CHECK_STR(g.date[0], "20260503");
    CHECK_STR(g.id[0], path); /* no link: the path */
    CHECK_STR(g.text[0], "Iran thanked Russia.\n\nTalks go on."); /* the larger <p> block */
    /* sub-directories; two files of the same name are two documents */
    char sub[300];
    snprintf(sub, sizeof sub, "mkdir -p '%s/t/a' '%s/t/b'", dir, dir);
    if (system(sub) == 0) {
        const char *names[2] = {"a", "b"};
        for (int i = 0; i < 2; i++) {
            snprintf(path, sizeof path, "%s/t/%s/story.txt", dir, names[i]);
            f = fopen(path, "w");
            fprintf(f, "Story %s: Iran thanked Russia.\n", names[i]);
            fclose(f);
        }
        snprintf(path, sizeof path, "%s/t", dir);
        CHECK(read_all(path, DYAD_FEED_AUTO, &g, NULL, &err) == 0);
        CHECK(g.n == 2);
        snprintf(path, sizeof path, "%s/t/a/story.txt", dir);
        CHECK_STR(g.id[0], path);
        CHECK_STR(g.text[0], "Story a: Iran thanked Russia.\n");
        CHECK_STR(g.date[0], "20260101"); /* the default date */
        snprintf(path, sizeof path, "%s/t/b/story.txt", dir);
        CHECK_STR(g.id[1], path);
    }
    CHECK(strstr(err.msg, "/nonexistent/feed.rss") != NULL);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
}


static void test_boilerplate(void) {
    dyad_arena *a = dyad_arena_new(0);
    size_t n;
    const char *t1 = "Russia praised Iran.\n\nThe post Russia praises Iran appeared first on Wire.";
    CHECK_STR(dyad_strip_boilerplate(a, t1, strlen(t1), &n), "Russia praised Iran.");
    const char *t2 = "Russia praised Iran. The post Russia praises Iran appeared first on Wire.";
    CHECK_STR(dyad_strip_boilerplate(a, t2, strlen(t2), &n), "Russia praised Iran.");
    const char *t3 = "Iran thanked Russia.\nRead more\nContinue reading \xe2\x80\x9cTalks\xe2\x80\x9d \xe2\x86\x92\nEnd.";
    CHECK_STR(dyad_strip_boilerplate(a, t3, strlen(t3), &n), "Iran thanked Russia.\nEnd.");
    const char *t4 = "Iran thanked Russia for the talks [...]";
    CHECK_STR(dyad_strip_boilerplate(a, t4, strlen(t4), &n), "Iran thanked Russia for the talks");
    const char *t6 = "Iran thanked Russia for the talks [\xe2\x80\xa6]";
    CHECK_STR(dyad_strip_boilerplate(a, t6, strlen(t6), &n), "Iran thanked Russia for the talks");
    /* brackets that end nothing are text, and the text is left as it is */
    const char *t7 = "Iran [the Islamic Republic] thanked Russia.  ";
    CHECK(dyad_strip_boilerplate(a, t7, strlen(t7), &n) == t7 && n == strlen(t7));
    /* "read more" inside a sentence is text */
    const char *t5 = "Students read more books than before.";
    CHECK_STR(dyad_strip_boilerplate(a, t5, strlen(t5), &n), t5);
    /* a text with no boilerplate is the text itself, blanks ending a line
     * and a final line break kept; they go (with the boilerplate) only
     * from a text that holds some, "read more" inside a sentence too */
    const char *t8 = "Russia praised Iran.  \nIran thanked Russia.\n";
    CHECK(dyad_strip_boilerplate(a, t8, strlen(t8), &n) == t8 && n == strlen(t8));
    const char *t9 = "Students read more books.  \nEnd.\n";
    CHECK_STR(dyad_strip_boilerplate(a, t9, strlen(t9), &n), "Students read more books.\nEnd.");
    /* a long line that starts "Read more" is a sentence */
    char t10[200];
    snprintf(t10, sizeof t10, "Read more %0130d", 0);
    CHECK_STR(dyad_strip_boilerplate(a, t10, strlen(t10), &n), t10);
    dyad_arena_free(a);
}

int main(void) {
    test_rss();
    test_atom();
    test_html();
    test_dir();
    test_malformed();
    test_boilerplate();
    test_warnings();
    return t_summary();
}
