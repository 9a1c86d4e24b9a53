/* test_feed_limits.c -- the limits that keep hostile feeds and pages cheap
 * (issue 14): the nesting scan run before gumbo (what nests and what does
 * not, the line it names, the tricks that would hide depth from it), and a
 * directory walk that goes on past a bad file through the API. */
#include "t.h"
#include "dyad.h"
#include "feed/feed.h"
#include "input/input.h"

#include <sys/stat.h>

/* s repeated n times, between head and tail; malloc'd */
static char *rep(const char *head, const char *s, size_t n, const char *tail) {
    size_t hl = strlen(head), sl = strlen(s), tl = strlen(tail);
    char *b = malloc(hl + sl * n + tl + 1), *p = b;
    memcpy(p, head, hl), p += hl;
    for (size_t i = 0; i < n; i++) memcpy(p, s, sl), p += sl;
    memcpy(p, tail, tl + 1);
    return b;
}

static int deep(const char *html, uint64_t *line) {
    return fd_html_too_deep(html, strlen(html), line);
}

static void test_nesting(void) {
    uint64_t line = 0;
    char *s;
    /* 512 nested divs pass, 513 do not; the line is the 513th's */
    s = rep("<html>\n<body>\n", "<div>", 512, "x");
    CHECK(deep(s, &line) == 0);
    free(s);
    s = rep("<html>\n<body>\n", "<div>", 513, "x");
    CHECK(deep(s, &line) == 1);
    CHECK(line == 3);
    free(s);
    s = rep("", "<div class=\"a\">\n", 1000, "");
    CHECK(deep(s, &line) == 1 && line == 513);
    free(s);
    /* closed divs, paragraphs and list items (closed by the next one), void
     * elements and links do not nest */
    s = rep("<body>", "<div><p>text</div>", 5000, "");
    CHECK(deep(s, NULL) == 0);
    free(s);
    s = rep("<body><ul>", "<li><p>one<br><img src=x><a href=y>link", 5000, "");
    CHECK(deep(s, NULL) == 0);
    free(s);
    /* an end tag closes what is inside its element */
    s = rep("", "<section><div><span>", 400, "</section>");
    CHECK(deep(s, NULL) == 1);
    free(s);
    s = rep("", "<section><div><span></section>", 2000, "");
    CHECK(deep(s, NULL) == 0);
    free(s);
    /* end tags of elements that are not open change nothing (gumbo ignores
     * them): they cannot hide depth */
    s = rep("", "<div></x></span>", 600, "");
    CHECK(deep(s, NULL) == 1);
    free(s);
    /* "<div/>" opens a div in HTML; "<path/>" in <svg> is closed */
    s = rep("", "<div/>", 600, "");
    CHECK(deep(s, NULL) == 1);
    free(s);
    s = rep("<svg>", "<path d=\"M0 0\"/>", 5000, "</svg>");
    CHECK(deep(s, NULL) == 0);
    free(s);
    /* markup in comments, scripts, styles and attribute values is not markup */
    s = rep("<!--", "<div>", 600, "-->");
    CHECK(deep(s, NULL) == 0);
    free(s);
    s = rep("<script>", "<div>", 600, "</script><p>after");
    CHECK(deep(s, NULL) == 0);
    free(s);
    s = rep("<style>", "<div>", 600, "</STYLE>");
    CHECK(deep(s, NULL) == 0);
    free(s);
    s = rep("", "<span title=\"<div><div>\">x</span>", 600, "");
    CHECK(deep(s, NULL) == 0);
    free(s);
    /* text that only looks like tags */
    CHECK(deep("a < b and 3<4 <", NULL) == 0);
    CHECK(deep("", NULL) == 0);
    CHECK(deep("<", NULL) == 0);
    CHECK(deep("<div", NULL) == 0);
    /* feed fragments: refused, not parsed */
    char *out = (char *)1;
    s = rep("", "<b>", 600, "x");
    CHECK(fd_html_text(s, strlen(s), &out) == 1 && out == NULL);
    free(s);
    CHECK(fd_html_text("<p>Putin <b>called</b> Rouhani.</p>", 35, &out) == 0);
    CHECK_STR(out, "Putin called Rouhani.");
    free(out);
}

/* found by fuzz_feed_rss: gumbo wraps a numeric reference that overflows
 * into a stray byte (0xDA here); the text handed on is valid UTF-8 */
static void test_overflowing_reference(void) {
    char *ref = rep("m&#31", "5", 100, "46;.");
    char *out = NULL;
    CHECK(fd_html_text(ref, strlen(ref), &out) == 0);
    CHECK(out && rd_utf8_check(out, strlen(out)) == (size_t)-1);
    CHECK_STR(out, "m\xEF\xBF\xBD.");
    free(out);
    char *page = rep("<html><head><meta property=\"og:title\" content=\"t&#31", "5", 100,
                     "46;\"><link rel=canonical href=\"https://x.org/&#4294967526;\"></head>"
                     "<body><article><p>Putin called Rouhani.</p></article></body></html>");
    fd_items it = {0};
    dyad_error err = {{0}};
    CHECK(fd_parse_html("p.html", page, strlen(page), &it, &err) == 0);
    CHECK(it.n == 1);
    if (it.n) {
        CHECK_STR(it.v[0].title, "t\xEF\xBF\xBD");
        CHECK(rd_utf8_check(it.v[0].url, strlen(it.v[0].url)) == (size_t)-1);
    }
    fd_items_free(&it);
    free(page);
    free(ref);
}

static void put(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

/* a walk: a good file, a malformed feed, a good file: -1 for the feed,
 * then the walk goes on; a single bad file ends after its -1 */
static void test_dir_goes_on(void) {
    char dir[] = "/tmp/dyad-test-walk-XXXXXX", p[128];
    if (!mkdtemp(dir)) {
        CHECK(0);
        return;
    }
    snprintf(p, sizeof p, "%s/a.jsonl", dir);
    put(p, "{\"id\":\"a-1\",\"text\":\"Putin called Rouhani.\"}\n");
    snprintf(p, sizeof p, "%s/b.rss", dir);
    put(p, "<rss><channel><item>");
    snprintf(p, sizeof p, "%s/c.jsonl", dir);
    put(p, "{\"id\":\"c-1\",\"text\":\"Rouhani called Putin.\"}\n");
    dyad_error err = {{0}};
    dyad_arena *a = dyad_arena_new(0);
    dyad_feed *f = dyad_feed_open(dir, DYAD_FEED_AUTO, "20260101", &err);
    CHECK(f != NULL);
    dyad_doc d;
    char ids[64] = "";
    int errors = 0, rc;
    while (f && (rc = dyad_feed_next(f, a, &d, &err)) != 0) {
        if (rc < 0) {
            errors++;
            CHECK(strstr(err.msg, "b.rss:1: malformed feed") != NULL);
        } else {
            strncat(ids, d.id, sizeof ids - strlen(ids) - 2);
            strcat(ids, " ");
        }
        dyad_arena_reset(a);
    }
    CHECK(errors == 1);
    CHECK_STR(ids, "a-1 c-1 ");
    dyad_feed_close(f);
    /* a bad file alone (invalid UTF-8 in plain text): -1 once, then the end */
    char q[128];
    snprintf(q, sizeof q, "%s/d.txt", dir);
    put(q, "Putin called \xff Rouhani.");
    f = dyad_feed_open(q, DYAD_FEED_AUTO, "20260101", &err);
    CHECK(f != NULL);
    CHECK(f && dyad_feed_next(f, a, &d, &err) == -1);
    CHECK(f && dyad_feed_next(f, a, &d, &err) == 0);
    dyad_feed_close(f);
    dyad_arena_free(a);
    unlink(q);
    for (const char *n = "abc"; *n; n++) {
        snprintf(p, sizeof p, "%s/%c.%s", dir, *n, *n == 'b' ? "rss" : "jsonl");
        unlink(p);
    }
    rmdir(dir);
}

int main(void) {
    test_nesting();
    test_overflowing_reference();
    test_dir_goes_on();
    return t_summary();
}
