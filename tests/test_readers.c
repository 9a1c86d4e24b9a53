/* test_readers.c -- the input readers: plain text, JSON Lines, PETRARCH XML.
 *
 * Good input for each format (and the real PETRARCH-2 validation file when
 * ../shared is present), then one case for every kind of bad input the
 * readers promise to survive: invalid UTF-8, NUL bytes, truncated and
 * malformed records, over-long records, read errors, and inputs built to
 * trigger quadratic behaviour. Expected values were worked out by hand from
 * the fixtures (for the validation file: by reading the XML). */
#include "t.h"

#include "dyad.h"
#include "input/input.h"

#include <time.h>

/* ---- helpers */

/* A stream over a copy of s[0..n) (fmemopen refuses size 0: use /dev/null). */
static FILE *mem(const char *s, size_t n) {
    if (n == 0) return fopen("/dev/null", "r");
    return fmemopen((void *)s, n, "r");
}

typedef struct fixture {
    FILE *fp;
    dyad_reader *r;
    dyad_arena *a;
    t_msgs w; /* the reader's warnings */
    dyad_error err;
} fixture;

static void open_mem(fixture *f, const char *s, size_t n, const char *name, dyad_format fmt) {
    memset(f, 0, sizeof *f);
    f->fp = mem(s, n);
    f->r = dyad_reader_open(f->fp, name, fmt, NULL, &f->err);
    f->a = dyad_arena_new(0);
    if (f->r) dyad_reader_on_warning(f->r, t_collect, &f->w);
}

static void open_str(fixture *f, const char *s, const char *name, dyad_format fmt) {
    open_mem(f, s, strlen(s), name, fmt);
}

static int next(fixture *f, dyad_doc *d) {
    dyad_arena_reset(f->a);
    return dyad_reader_next(f->r, f->a, d, &f->err);
}

/* Reads everything; returns the number of documents, or -1 on an error. */
static int count_docs(fixture *f) {
    dyad_doc d;
    int n = 0, rc;
    while ((rc = next(f, &d)) == 1) n++;
    return rc < 0 ? -1 : n;
}

static void done(fixture *f) {
    dyad_reader_close(f->r);
    dyad_arena_free(f->a);
    if (f->fp) fclose(f->fp);
}

static int contains(const char *hay, const char *needle) { return strstr(hay, needle) != NULL; }

/* A directory opens but cannot be read: the reader reports "NAME:1: read
 * error" and stops, whatever the format. */
static void check_read_error(dyad_format fmt) {
    FILE *dir = fopen("tests", "r");
    if (!dir) {
        T_SKIP("cannot fopen a directory here");
        return;
    }
    dyad_error err;
    dyad_doc d;
    dyad_reader *r = dyad_reader_open(dir, "tests", fmt, NULL, &err);
    dyad_arena *a = dyad_arena_new(0);
    CHECK(dyad_reader_next(r, a, &d, &err) == -1);
    CHECK(contains(err.msg, "tests:1: read error"));
    dyad_reader_close(r);
    dyad_arena_free(a);
    fclose(dir);
}

/* ---- formats from names */

/* the one format guesser (dyad_feed_format_guess) for every command */
static void test_format_from_name(void) {
    CHECK(dyad_feed_format_guess("a/b/news.jsonl") == DYAD_FEED_JSONL);
    CHECK(dyad_feed_format_guess("news.JSON") == DYAD_FEED_JSONL);
    CHECK(dyad_feed_format_guess("no-such-records.xml") == DYAD_FEED_XML);
    CHECK(dyad_feed_format_guess("story.txt") == DYAD_FEED_TEXT);
    CHECK(dyad_feed_format_guess("dir.xml/story") == DYAD_FEED_TEXT);
    CHECK(dyad_feed_format_guess("-") == DYAD_FEED_TEXT);
}

/* ---- plain text */

static void test_text_good(void) {
    fixture f;
    const char *s = "Putin met Rouhani.\nThey talked.\n";
    f.fp = mem(s, strlen(s));
    f.err.msg[0] = '\0';
    f.r = dyad_reader_open(f.fp, "data/putin-rouhani.txt", DYAD_FMT_TEXT, "2017-05-23", &f.err);
    f.a = dyad_arena_new(0);
    memset(&f.w, 0, sizeof f.w);
    CHECK(f.r != NULL);
    if (!f.r) return;
    dyad_doc d;
    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.id, "putin-rouhani");
    CHECK_STR(d.date, "20170523");
    CHECK_STR(d.text, "Putin met Rouhani.\nThey talked.\n");
    CHECK(d.text_len == 32);
    CHECK(d.line == 1);
    CHECK_STR(d.title, "");
    CHECK_STR(d.parse, "");
    CHECK(next(&f, &d) == 0);
    done(&f);

    /* <stdin>, YYYYMMDD, BOM dropped */
    const char *b = "\xEF\xBB\xBFHello.";
    f.fp = mem(b, strlen(b));
    f.r = dyad_reader_open(f.fp, "<stdin>", DYAD_FMT_TEXT, "20170523", &f.err);
    f.a = dyad_arena_new(0);
    CHECK(f.r && next(&f, &d) == 1);
    CHECK_STR(d.id, "stdin");
    CHECK_STR(d.date, "20170523");
    CHECK_STR(d.text, "Hello.");
    done(&f);

    /* no date: "" */
    open_str(&f, "x", "notes", DYAD_FMT_TEXT);
    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.id, "notes");
    CHECK_STR(d.date, "");
    done(&f);

    /* the seed article: one document holding the whole file */
    const char *seed = T_SHARED("seed/putin-rouhani.txt", "the seed article as one document");
    if (!seed) return;
    FILE *fp = fopen(seed, "r");
    fseek(fp, 0, SEEK_END);
    long size = ftell(fp);
    rewind(fp);
    dyad_error err;
    dyad_reader *r = dyad_reader_open(fp, seed, DYAD_FMT_TEXT, "2017-05-23", &err);
    dyad_arena *a = dyad_arena_new(0);
    CHECK(dyad_reader_next(r, a, &d, &err) == 1);
    CHECK_STR(d.id, "putin-rouhani");
    CHECK((long)d.text_len == size);
    CHECK(strlen(d.text) == d.text_len);
    CHECK(dyad_reader_next(r, a, &d, &err) == 0);
    dyad_reader_close(r);
    dyad_arena_free(a);
    fclose(fp);
}

static void test_text_bad(void) {
    dyad_error err;
    const char *bad_dates[] = {"2017-13-01", "20170231", "yesterday", "2017-5-3", "2017-05-2x"};
    for (size_t i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; i++) {
        FILE *fp = mem("x", 1);
        err.msg[0] = '\0';
        dyad_reader *r = dyad_reader_open(fp, "a.txt", DYAD_FMT_TEXT, bad_dates[i], &err);
        CHECK(r == NULL);
        CHECK(contains(err.msg, "a.txt: bad date"));
        fclose(fp);
    }
    /* leap day is fine */
    FILE *fp = mem("x", 1);
    dyad_reader *r = dyad_reader_open(fp, "a.txt", DYAD_FMT_TEXT, "2016-02-29", &err);
    CHECK(r != NULL);
    dyad_reader_close(r);
    fclose(fp);

    /* invalid UTF-8: an error naming line and column, not a repair */
    fixture f;
    dyad_doc d;
    const char *s = "good line\nab\xFFz\n";
    open_str(&f, s, "in.txt", DYAD_FMT_TEXT);
    CHECK(next(&f, &d) == -1);
    CHECK(contains(f.err.msg, "in.txt:2: invalid UTF-8 (byte 0xFF) at column 3"));
    done(&f);

    /* a truncated multi-byte sequence at the end */
    open_str(&f, "caf\xC3", "in.txt", DYAD_FMT_TEXT);
    CHECK(next(&f, &d) == -1);
    CHECK(contains(f.err.msg, "in.txt:1: invalid UTF-8 (byte 0xC3) at column 4"));
    done(&f);

    /* overlong encoding and a surrogate are invalid too */
    open_str(&f, "\xC0\xAF", "in.txt", DYAD_FMT_TEXT);
    CHECK(next(&f, &d) == -1);
    done(&f);
    open_str(&f, "a\xED\xA0\x80", "in.txt", DYAD_FMT_TEXT);
    CHECK(next(&f, &d) == -1);
    CHECK(contains(f.err.msg, "column 2"));
    done(&f);

    /* NUL byte */
    open_mem(&f, "one\ntwo\nth\0ree", 14, "in.txt", DYAD_FMT_TEXT);
    CHECK(next(&f, &d) == -1);
    CHECK(contains(f.err.msg, "in.txt:3: NUL byte at column 3"));
    done(&f);

    /* longer than the maximum record size */
    open_str(&f, "0123456789abcdef", "in.txt", DYAD_FMT_TEXT);
    rd_set_max_record(f.r, 10);
    CHECK(next(&f, &d) == -1);
    CHECK(contains(f.err.msg, "longer than 10 bytes"));
    done(&f);

    check_read_error(DYAD_FMT_TEXT);

    /* empty input: one empty document */
    open_mem(&f, "", 0, "empty.txt", DYAD_FMT_TEXT);
    CHECK(next(&f, &d) == 1);
    CHECK(d.text_len == 0);
    CHECK_STR(d.text, "");
    CHECK(next(&f, &d) == 0);
    done(&f);
}

/* ---- JSON Lines */

static void test_jsonl_good(void) {
    fixture f;
    dyad_doc d;
    const char *s =
        "{\"id\":\"a1\",\"date\":\"2017-05-23\",\"title\":\"Headline\",\"text\":\"Body text.\","
        "\"source\":\"AP\",\"url\":\"http://x/y\",\"extra\":[1,{\"a\":null,\"b\":[true,false]}],"
        "\"n\":-1.5e3,\"b\":true,\"z\":null}\n"
        "\n"
        "   \t\n"
        "{\"text\": \"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\\\ \\/ \\n\\t\", \"date\": \"20170523\"}\r\n"
        "{ \"id\" : 42 , \"text\" : \"x\" , \"date\" : \"2017-05-23T10:00:00Z\", \"title\": null }\n"
        "{\"id\":\"last\",\"title\":\"Only a title\"}";
    open_str(&f, s, "news.jsonl", DYAD_FMT_JSONL);
    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.id, "a1");
    CHECK_STR(d.date, "20170523");
    CHECK_STR(d.title, "Headline");
    CHECK_STR(d.text, "Headline\n\nBody text.");
    CHECK(d.text_len == 20);
    CHECK_STR(d.source, "AP");
    CHECK_STR(d.url, "http://x/y");
    CHECK(d.line == 1);

    CHECK(next(&f, &d) == 1);
    CHECK(d.line == 4); /* lines 2 and 3 are blank */
    CHECK_STR(d.id, "news.jsonl:4");
    CHECK_STR(d.text, "caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\" \\ / \n\t");
    CHECK_STR(d.title, "");
    CHECK_STR(d.date, "20170523");

    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.id, "42");
    CHECK_STR(d.text, "x");
    CHECK_STR(d.date, "20170523");
    CHECK_STR(d.title, "");

    /* last line without '\n'; a title and no text */
    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.id, "last");
    CHECK_STR(d.text, "Only a title");
    CHECK_STR(d.title, "Only a title");
    CHECK(d.line == 6);
    CHECK(next(&f, &d) == 0);
    CHECK(f.w.n == 0);
    CHECK(dyad_reader_skipped(f.r) == 0);
    done(&f);

    /* the shared corpus: every line a document */
    const char *corpus = T_SHARED("corpus/synthetic-news.jsonl", "the corpus, a document a line");
    if (!corpus) return;
    memset(&f, 0, sizeof f);
    f.fp = fopen(corpus, "r");
    f.r = dyad_reader_open(f.fp, corpus, DYAD_FMT_JSONL, NULL, &f.err);
    f.a = dyad_arena_new(0);
    dyad_reader_on_warning(f.r, t_collect, &f.w);
    CHECK(count_docs(&f) == 4500);
    CHECK(f.w.n == 0);
    done(&f);
}

/* One bad line between two good ones: the bad one is skipped with a warning
 * that contains `want`, the good ones are read. */
static void jsonl_bad_line(const char *bad, size_t badlen, const char *want) {
    char buf[4096];
    const char *head = "{\"id\":\"g1\",\"text\":\"one\"}\n";
    const char *tail = "\n{\"id\":\"g2\",\"text\":\"two\"}\n";
    size_t n = 0;
    memcpy(buf + n, head, strlen(head)), n += strlen(head);
    memcpy(buf + n, bad, badlen), n += badlen;
    memcpy(buf + n, tail, strlen(tail)), n += strlen(tail);
    fixture f;
    dyad_doc d;
    open_mem(&f, buf, n, "in.jsonl", DYAD_FMT_JSONL);
    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.id, "g1");
    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.id, "g2");
    CHECK(d.line == 3);
    CHECK(next(&f, &d) == 0);
    CHECK(f.w.n == 1);
    CHECK(dyad_reader_skipped(f.r) == 1);
    if (!contains(f.w.last, want))
        fprintf(stderr, "  warning was: %s\n  wanted: %s\n", f.w.last, want);
    CHECK(contains(f.w.last, want));
    done(&f);
}
#define BAD(lit, want) jsonl_bad_line(lit, sizeof(lit) - 1, want)

static void test_jsonl_bad(void) {
    BAD("{\"text\":\"ab\xFF\"}", "in.jsonl:2: invalid UTF-8 (byte 0xFF) at column 12");
    BAD("{\"text\":\"a\0b\"}", "in.jsonl:2: NUL byte at column 11");
    /* the line's bytes are checked in its strings as they are read; a line
     * that is not UTF-8 is told so whatever else is wrong with it: in a
     * key, in a value skipped, outside any string, after a JSON error */
    BAD("{\"t\xC3(xt\":\"y\"}", "in.jsonl:2: invalid UTF-8 (byte 0xC3) at column 4");
    BAD("{\"x\":[\"a\xE2\x82\"],\"text\":\"y\"}", "in.jsonl:2: invalid UTF-8 (byte 0xE2) at column 9");
    BAD("{\"text\":\"y\"}\xFF", "in.jsonl:2: invalid UTF-8 (byte 0xFF) at column 13");
    BAD("{\"id\" \"x\",\"text\":\"\xFF\"}", "in.jsonl:2: invalid UTF-8 (byte 0xFF) at column 19");
    BAD("{\"text\":\"a surrogate \xED\xA0\x80\"}", "in.jsonl:2: invalid UTF-8 (byte 0xED) at column 22");
    BAD("{\"text\":\"overlong \xC0\xAF\"}", "in.jsonl:2: invalid UTF-8 (byte 0xC0) at column 19");
    BAD("{\"text\":\"y\",\0}", "in.jsonl:2: NUL byte at column 13");
    BAD("{\"id\" \"x\", \"text\":\"y\"}", "in.jsonl:2: unexpected '\"' after a key (expected ':') at column 7");
    BAD("{\"text\":\"y\"} extra", "in.jsonl:2: unexpected data after the end of the object at column 14");
    BAD("[1,2]", "in.jsonl:2: unexpected '[' at the start of the record (expected '{') at column 1");
    BAD("{\"text\":\"y\",}", "in.jsonl:2: expected a string key at column 13");
    BAD("{\"text\":\"y\" \"id\":\"x\"}", "expected ',' or '}' after a value at column 13");
    BAD("{\"text\":\"\\ud800x\"}", "high surrogate \\uD800 not followed by a low surrogate at column 10");
    BAD("{\"text\":\"\\udc00\"}", "lone low surrogate \\uDC00 at column 10");
    BAD("{\"text\":\"\\u12\"}", "bad \\u escape (expected 4 hex digits) at column 10");
    BAD("{\"text\":\"\\q\"}", "bad escape '\\q' in a string at column 10");
    BAD("{\"text\":\"\\u0000\"}", "\\u0000 (NUL) in a string at column 10");
    BAD("{\"text\":\"tab\there\"}", "raw control character 0x09 in a string at column 13");
    BAD("{\"text\":123}", "field \"text\" is not a string at column 9");
    BAD("{\"x\":01,\"text\":\"y\"}", "expected ',' or '}' after a value at column 7");
    BAD("{\"x\":tru,\"text\":\"y\"}", "bad literal (expected true) at column 6");
    BAD("{\"x\":[1 2],\"text\":\"y\"}", "unexpected '2' (expected ',' or ']') at column 9");
    BAD("{\"x\":-,\"text\":\"y\"}", "bad number: expected a digit at column 7");
    BAD("{\"title\":\"\",\"id\":\"z\"}", "record has no \"text\" (or \"title\") field, skipped");
    BAD("{\"text\":\"y\",\"date\":\"May 23\"}", "bad date \"May 23\"");
    /* truncated records */
    BAD("{\"id\":\"x\",\"text\":\"abc", "in.jsonl:2: truncated record: string not closed at column 18");
    BAD("{\"id\":\"x\",\"text\":\"abc\"", "in.jsonl:2: truncated record: end of line inside the object at column 23");
    BAD("{\"id\":", "truncated record: end of line where a value was expected at column 7");
}

/* UTF-8 of 2, 3 and 4 bytes in each place of a string read 16 bytes at
 * a time (and 8, and 1): decoded as it is, beside escapes. */
static void test_jsonl_utf8(void) {
    static const char *const chars[] = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\\n"};
    int bad = 0;
    for (size_t c = 0; c < 4; c++)
        for (size_t at = 0; at < 40; at++) {
            char line[128], want[64];
            char pad[41];
            memset(pad, 'a', at), pad[at] = 0;
            snprintf(line, sizeof line, "{\"text\":\"%s%s\\\"b%s\"}\n", pad, chars[c], chars[c]);
            const char *ch = c == 3 ? "\n" : chars[c];
            snprintf(want, sizeof want, "%s%s\"b%s", pad, ch, ch);
            fixture f;
            dyad_doc d;
            open_str(&f, line, "u.jsonl", DYAD_FMT_JSONL);
            bad += next(&f, &d) != 1 || strcmp(d.text, want) != 0 || f.w.n != 0;
            done(&f);
        }
    CHECK(bad == 0);
}

static void test_jsonl_limits(void) {
    fixture f;
    dyad_doc d;
    /* a line over the maximum is skipped, reading goes on at the next line */
    const char *s = "{\"id\":\"a\",\"text\":\"short\"}\n"
                    "{\"id\":\"b\",\"text\":\"this one is far too long for the limit\"}\n"
                    "{\"id\":\"c\",\"text\":\"ok\"}\n";
    open_str(&f, s, "in.jsonl", DYAD_FMT_JSONL);
    rd_set_max_record(f.r, 40);
    CHECK(next(&f, &d) == 1 && strcmp(d.id, "a") == 0);
    CHECK(next(&f, &d) == 1 && strcmp(d.id, "c") == 0);
    CHECK(d.line == 3);
    CHECK(next(&f, &d) == 0);
    CHECK(f.w.n == 1);
    CHECK_STR(f.w.last, "in.jsonl:2: record longer than 40 bytes, skipped");
    done(&f);

    /* 100000 nested arrays: refused without recursion, in linear time */
    size_t depth = 100000, n = 0;
    char *deep = malloc(2 * depth + 64);
    n += (size_t)sprintf(deep, "{\"x\":");
    memset(deep + n, '[', depth), n += depth;
    memset(deep + n, ']', depth), n += depth;
    n += (size_t)sprintf(deep + n, ",\"text\":\"y\"}\n{\"text\":\"after\"}\n");
    open_mem(&f, deep, n, "deep.jsonl", DYAD_FMT_JSONL);
    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.text, "after");
    CHECK(contains(f.w.last, "deep.jsonl:1: nesting deeper than 512 at column 518"));
    done(&f);
    free(deep);

    /* nesting within the limit is skipped correctly */
    const char *nested = "{\"x\":[[{\"a\":[{}]},[]],{}],\"text\":\"y\"}";
    open_str(&f, nested, "n.jsonl", DYAD_FMT_JSONL);
    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.text, "y");
    done(&f);

    /* a 10 MB line reads in bounded time */
    size_t big = 10u << 20;
    char *line = malloc(big + 64);
    n = (size_t)sprintf(line, "{\"id\":\"big\",\"text\":\"");
    memset(line + n, 'a', big), n += big;
    n += (size_t)sprintf(line + n, "\"}\n");
    clock_t t0 = clock();
    open_mem(&f, line, n, "big.jsonl", DYAD_FMT_JSONL);
    CHECK(next(&f, &d) == 1);
    CHECK(d.text_len == big);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    CHECK(secs < 30.0); /* generous for valgrind; quadratic time would take hours */
    done(&f);
    /* a 10 MB line of '[' is refused quickly */
    n = (size_t)sprintf(line, "{\"x\":");
    memset(line + n, '[', big), n += big;
    t0 = clock();
    open_mem(&f, line, n, "big.jsonl", DYAD_FMT_JSONL);
    CHECK(next(&f, &d) == 0);
    CHECK(f.w.n == 1);
    CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 30.0); /* generous for valgrind; quadratic time would take hours */
    done(&f);
    free(line);

    check_read_error(DYAD_FMT_JSONL);
}

/* ---- PETRARCH XML */

static const char *xml_good =
    "<?xml version='1.0' encoding='utf-8'?>\n"                              /* 1 */
    "<Validation>\n"                                                        /* 2 */
    "<!-- a comment\n   over <Sentence> two lines -->\n"                    /* 3-4 */
    "<Environment>\n"                                                       /* 5 */
    "    <Verbfile>verbs.txt</Verbfile>\n"                                  /* 6 */
    "    <Include> DEMO ACTOR </Include>  <!-- note -->\n"                 /* 7 */
    "</Environment>\n"                                                      /* 8 */
    "<Sentences>\n"                                                         /* 9 */
    "<Config option=\"require_dyad\" value=\"false\" />\n"                  /* 10 */
    "<Sentence category = 'DEMO' date=\"19950101\" id='D-1' evaluate=\"true\" source=\"AFP\">\n" /* 11 */
    "<!-- why -->\n"                                                        /* 12 */
    "<EventCoding eventcode=\"050\" sourcecode=\"ARN\" targetcode=\"GON\" />\n" /* 13 */
    "<PLEvent source=\"x\" />\n"                                            /* 14 */
    "<Text>\n"                                                              /* 15 */
    "Arnor &amp; Gondor &lt;met&gt; &quot;today&quot; &apos;x&apos; &#65;&#x42; caf&#xE9;  \n" /* 16 */
    "  second line.\n"                                                      /* 17 */
    "</Text>\n"                                                             /* 18 */
    "<Parse>\n1\tArnor\n</Parse></Sentence>\n"                              /* 19-21 */
    "<Config option=\"require_dyad\" value=\"true\"/>\n"                    /* 22 */
    "<Config option=\"comma_max\" value=\"8\"/>\n"                          /* 23 */
    "<Sentence date=\"1995-01-02\" sentence=\"FALSE\">\n"                   /* 24 */
    "<EventCoding noevents=\"True\"> </EventCoding>\n"                      /* 25 */
    "<Other><Text>not this</Text></Other>\n"                                /* 26 */
    "<Text><![CDATA[a <b> & c]]></Text>\n"                                  /* 27 */
    "</Sentence>\n"                                                         /* 28 */
    "<Sentence date=\"19950103\" id=\"E\" evaluate=\"False\">\n"            /* 29 */
    "<EventCoding error=\"dateline\" />\n"                                  /* 30 */
    "<EventCoding eventcode=\"040\" sourcecode=\"&quot;A B&quot;\" targetcode=\"C\" />\n" /* 31 */
    "<Text>Short.</Text>\n"                                                 /* 32 */
    "</Sentence>\n"                                                         /* 33 */
    "</Sentences>\n</Validation>\n";

static void test_xml_good(void) {
    fixture f;
    dyad_doc d;
    open_str(&f, xml_good, "v.xml", DYAD_FMT_XML);
    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.id, "D-1");
    CHECK_STR(d.date, "19950101");
    CHECK_STR(d.category, "DEMO");
    CHECK_STR(d.source, "AFP");
    CHECK(d.line == 11);
    CHECK(d.evaluate == 1);
    CHECK_STR(d.text, "Arnor & Gondor <met> \"today\" 'x' AB caf\xC3\xA9  \n  second line.");
    CHECK(d.text_len == strlen(d.text));
    CHECK_STR(d.parse, "\n1\tArnor\n");
    CHECK(d.has_gold == 1 && d.gold_noevents == 0 && d.ngold == 1);
    if (d.ngold == 1) {
        CHECK_STR(d.gold[0].source, "ARN");
        CHECK_STR(d.gold[0].target, "GON");
        CHECK_STR(d.gold[0].code, "050");
    }
    CHECK(d.nconfig == 1);
    if (d.nconfig == 1) {
        CHECK_STR(d.config[0].key, "require_dyad");
        CHECK_STR(d.config[0].value, "false");
    }
    size_t nenv = 0;
    const dyad_kv *env = dyad_reader_env(f.r, &nenv);
    CHECK(nenv == 2);
    if (nenv == 2) {
        CHECK_STR(env[0].key, "Verbfile");
        CHECK_STR(env[0].value, "verbs.txt");
        CHECK_STR(env[1].key, "Include");
        CHECK_STR(env[1].value, "DEMO ACTOR");
    }

    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.id, "v.xml:24");
    CHECK_STR(d.date, "19950102");
    CHECK(d.evaluate == 0);
    CHECK(d.has_gold == 1 && d.gold_noevents == 1 && d.ngold == 0);
    CHECK_STR(d.text, "a <b> & c");
    CHECK_STR(d.parse, "");
    CHECK_STR(d.category, "");
    CHECK(d.nconfig == 2);
    if (d.nconfig == 2) {
        CHECK_STR(d.config[0].key, "require_dyad");
        CHECK_STR(d.config[0].value, "true");
        CHECK_STR(d.config[1].key, "comma_max");
        CHECK_STR(d.config[1].value, "8");
    }

    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.id, "E");
    CHECK(d.evaluate == 0);
    CHECK(d.gold_noevents == 1 && d.ngold == 1);
    if (d.ngold == 1) CHECK_STR(d.gold[0].source, "\"A B\"");
    CHECK_STR(d.text, "Short.");
    CHECK(next(&f, &d) == 0);
    CHECK(f.w.n == 0);
    done(&f);

    /* a record with no gold: has_gold 0 */
    open_str(&f, "<Sentence date=' 20000101 '><Text>x</Text></Sentence>", "g.xml", DYAD_FMT_XML);
    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.date, "20000101");
    CHECK(d.has_gold == 0 && d.gold_noevents == 0 && d.ngold == 0 && d.nconfig == 0);
    CHECK(d.line == 1);
    done(&f);
}

static void test_xml_validation_file(void) {
    const char *path = T_SHARED("validation/petr2/PETR_Validate_records_2_02.dev.xml", "the validation file as records");
    if (!path) return;
    fixture f;
    memset(&f, 0, sizeof f);
    f.fp = fopen(path, "r");
    f.r = dyad_reader_open(f.fp, path, DYAD_FMT_XML, NULL, &f.err);
    f.a = dyad_arena_new(0);
    dyad_reader_on_warning(f.r, t_collect, &f.w);
    dyad_doc d;
    /* DEMO-01, read by hand from the file (lines 60-95) */
    CHECK(next(&f, &d) == 1);
    CHECK_STR(d.id, "DEMO-01");
    CHECK_STR(d.date, "19950101");
    CHECK_STR(d.category, "DEMO");
    CHECK_STR(d.text, "Arnor is about to restore full diplomatic ties with Gondor almost \n"
                      "five years after crowds trashed its embassy.");
    CHECK(d.ngold == 1 && d.has_gold && !d.gold_noevents);
    if (d.ngold == 1) {
        CHECK_STR(d.gold[0].source, "ARN");
        CHECK_STR(d.gold[0].target, "GON");
        CHECK_STR(d.gold[0].code, "050");
    }
    CHECK(d.evaluate == 1);
    CHECK(d.nconfig == 0);
    CHECK(strncmp(d.parse, "\n1\tArnor\tArnor\tPROPN\tNNP", 24) == 0);
    size_t nenv = 0;
    const dyad_kv *env = dyad_reader_env(f.r, &nenv);
    CHECK(nenv == 7);
    if (nenv == 7) {
        CHECK_STR(env[0].key, "Verbfile");
        CHECK_STR(env[0].value, "PETR_Validate_verbs_2_02.txt");
        CHECK_STR(env[1].key, "Actorfile");
        CHECK_STR(env[1].value, "PETR_Validate_actors_2_02.txt");
        CHECK_STR(env[6].key, "Include");
        CHECK_STR(env[6].value, "DEMO ACTOR VERB AGENT COMPOUND PATTERN DATE MODIFY SYNSET");
    }
    int n = 1, nfalse = 0, nnoev = 0, saw_compound03 = 0, saw_actor01 = 0;
    size_t ngold = 0;
    uint64_t last_line = d.line;
    int rc;
    while ((rc = next(&f, &d)) == 1) {
        n++;
        ngold += d.ngold;
        nfalse += !d.evaluate;
        nnoev += d.gold_noevents;
        CHECK(d.line > last_line);
        last_line = d.line;
        if (strcmp(d.id, "COMPOUND-03") == 0) {
            /* the first record after the first <Config> (line 719) */
            saw_compound03 = 1;
            CHECK(d.line == 721);
            CHECK(d.nconfig == 1);
            if (d.nconfig == 1) {
                CHECK_STR(d.config[0].key, "require_dyad");
                CHECK_STR(d.config[0].value, "false");
            }
            CHECK(d.ngold == 2);
        }
        if (strcmp(d.id, "ACTOR-01") == 0 && d.ngold > 0) {
            saw_actor01 = 1;
            CHECK_STR(d.gold[0].source, "\"GRYFFINDOR HEAD MINERVA MCGONAGALL\"");
            CHECK(d.evaluate == 0);
        }
    }
    CHECK(rc == 0);
    /* 140 <Sentence> records outside comments (grep finds 141 lines, one
     * of them in the header comment; an XML parser finds 140) */
    CHECK(n == 140);
    CHECK(nfalse == 5);
    CHECK(nnoev == 15);
    ngold += 1; /* DEMO-01 */
    CHECK(ngold == 161);
    CHECK(saw_compound03 && saw_actor01);
    CHECK_STR(d.id, "");
    CHECK(f.w.n == 0);
    CHECK(dyad_reader_skipped(f.r) == 0);
    done(&f);
}

/* Reads all of `xml`; checks the ids read (comma-separated), the number of
 * warnings and that one warning contains `want`. */
static void xml_case(const char *xml, size_t len, const char *ids, int nwarn, const char *want) {
    fixture f;
    dyad_doc d;
    open_mem(&f, xml, len, "bad.xml", DYAD_FMT_XML);
    char got[512] = "";
    int rc;
    while ((rc = next(&f, &d)) == 1) {
        if (got[0]) strcat(got, ",");
        strncat(got, d.id, 100);
    }
    CHECK(rc == 0);
    CHECK_STR(got, ids);
    if (f.w.n != nwarn) fprintf(stderr, "  %d warnings, wanted %d; last: %s\n", f.w.n, nwarn, f.w.last);
    CHECK(f.w.n == nwarn);
    CHECK(dyad_reader_skipped(f.r) == (uint64_t)nwarn);
    if (want && !contains(f.w.first, want) && !contains(f.w.last, want))
        fprintf(stderr, "  warnings: first \"%s\", last \"%s\"\n  wanted: %s\n", f.w.first, f.w.last, want);
    if (want) CHECK(contains(f.w.first, want) || contains(f.w.last, want));
    done(&f);
}
#define XML_CASE(lit, ids, nwarn, want) xml_case(lit, sizeof(lit) - 1, ids, nwarn, want)

/* An input that ends inside something (issue 14, item 11): the records
 * before it are read, then an error naming the line where it began. */
static void xml_error_case(const char *xml, size_t len, const char *ids, const char *want) {
    fixture f;
    dyad_doc d;
    open_mem(&f, xml, len, "bad.xml", DYAD_FMT_XML);
    char got[512] = "";
    int rc;
    while ((rc = next(&f, &d)) == 1) {
        if (got[0]) strcat(got, ",");
        strncat(got, d.id, 100);
    }
    CHECK(rc == -1);
    CHECK_STR(got, ids);
    if (!contains(f.err.msg, want)) fprintf(stderr, "  error \"%s\", wanted %s\n", f.err.msg, want);
    CHECK(contains(f.err.msg, want));
    done(&f);
}
#define XML_ERROR(lit, ids, want) xml_error_case(lit, sizeof(lit) - 1, ids, want)

#define GOOD1 "<Sentence date='20000101' id='ok1'><Text>one</Text></Sentence>\n"
#define GOOD2 "<Sentence date='20000101' id='ok2'><Text>two</Text></Sentence>\n"

static void test_xml_bad(void) {
    /* record without a date */
    XML_CASE(GOOD1 "<Sentence id='nodate'>\n<Text>x</Text></Sentence>\n" GOOD2, "ok1,ok2", 1,
             "bad.xml:2: <Sentence> without date=, skipped");
    XML_CASE(GOOD1 "<Sentence date='1995' id='x'><Text>x</Text></Sentence>\n" GOOD2, "ok1,ok2", 1,
             "bad.xml:2: bad date \"1995\"");
    /* record without <Text> */
    XML_CASE(GOOD1 "<Sentence date='20000101' id='x'></Sentence>\n" GOOD2, "ok1,ok2", 1,
             "bad.xml:2: <Sentence> without <Text>, skipped");
    XML_CASE("<Sentence date='20000101' id='x'/>\n" GOOD2, "ok2", 1, "bad.xml:1: empty <Sentence/>");
    /* unclosed <Sentence>: the next record starts */
    XML_CASE(GOOD1 "<Sentence date='20000101' id='x'>\n<Text>x</Text>\n" GOOD2, "ok1,ok2", 1,
             "bad.xml:4: <Sentence> not closed before the next <Sentence>; record at line 2 skipped");
    /* missing </Text> */
    XML_CASE(GOOD1 "<Sentence date='20000101' id='x'>\n<Text>x\n</Sentence>\n" GOOD2, "ok1,ok2", 1,
             "bad.xml:4: <Text> not closed before </Sentence>; record at line 2 skipped");
    XML_CASE(GOOD1 "<Sentence date='20000101' id='x'><Text>x\n<Parse>p</Parse></Sentence>\n" GOOD2,
             "ok1,ok2", 1, "<Text> not closed before <Parse>");
    /* missing </Text> and </Sentence> */
    XML_CASE(GOOD1 "<Sentence date='20000101' id='x'><Text>x\n" GOOD2, "ok1,ok2", 1,
             "bad.xml:3: <Sentence> not closed before the next <Sentence>; record at line 2 skipped");
    /* end of input inside a record */
    XML_ERROR(GOOD1 "<Sentence date='20000101' id='x'>\n<Text>abc", "ok1",
              "bad.xml:2: <Sentence> not closed at end of input (a truncated file?)");
    XML_CASE(GOOD1 "<Sentence date='20000101' id='x'>\n<Text>abc</Text>\n</Sentences>", "ok1", 1,
             "bad.xml:4: <Sentence> not closed; record at line 2 skipped");
    /* garbage between records: one warning per run */
    XML_CASE(GOOD1 "garbage <<< &&& <1> more garbage\n" GOOD2, "ok1,ok2", 1,
             "bad.xml:2: text outside a <Sentence> record, ignored");
    /* garbage inside a record */
    XML_CASE(GOOD1 "<Sentence date='20000101' id='x'>junk<Text>x</Text></Sentence>\n" GOOD2, "ok1,ok2", 1,
             "bad.xml:2: text outside <Text>; record at line 2 skipped");
    XML_CASE(GOOD1 "<Sentence date='20000101' id='x'><Text>a < b</Text></Sentence>\n" GOOD2, "ok1,ok2", 1,
             "'<' not followed by a tag name");
    /* broken attributes: the tag resynchronizes at the next '<' */
    XML_CASE(GOOD1 "<Sentence date='20000101 id='x'><Text>x</Text></Sentence>\n" GOOD2, "ok1,ok2", 1,
             "bad.xml:2: attribute x of <Sentence> has no value; record at line 2 skipped");
    XML_CASE(GOOD1 "<Sentence date=\"20000101\n<Text>x</Text></Sentence>\n" GOOD2, "ok1,ok2", 1,
             "'<' inside an attribute value of <Sentence> (missing quote?)");
    XML_CASE(GOOD1 "<Sentence date=20000101><Text>x</Text></Sentence>\n" GOOD2, "ok1,ok2", 1,
             "value of attribute date of <Sentence> not quoted");
    /* invalid UTF-8 and NUL inside <Text>: named by line */
    XML_CASE(GOOD1 "<Sentence date='20000101' id='x'>\n<Text>\nline\nab\xFE</Text></Sentence>\n" GOOD2,
             "ok1,ok2", 1, "bad.xml:5: invalid UTF-8 or NUL byte; record at line 2 skipped");
    {
        const char nul[] = GOOD1 "<Sentence date='20000101' id='x'>\n<Text>a\0b</Text></Sentence>\n" GOOD2;
        xml_case(nul, sizeof nul - 1, "ok1,ok2", 1, "bad.xml:3: invalid UTF-8 or NUL byte");
    }
    XML_CASE(GOOD1 "<Sentence date='20000101' id='\xFF'><Text>x</Text></Sentence>\n" GOOD2, "ok1,ok2", 1,
             "invalid UTF-8 in an attribute of <Sentence>");
    /* a comment that never ends */
    XML_ERROR(GOOD1 "<!-- no end\n" GOOD2, "ok1", "bad.xml:2: comment not closed (end of input)");
    /* ... inside a record: it swallowed every later record */
    XML_ERROR(GOOD1 "<Sentence date='20000101' id='x'>\n<!-- <Text>x</Text>\n</Sentence>\n" GOOD2,
              "ok1", "bad.xml:3: comment not closed (end of input)");
    XML_ERROR(GOOD1 "<Sentence date='20000101' id='x'><Text>a <!-- b</Text></Sentence>\n" GOOD2,
              "ok1", "bad.xml:2: comment not closed (end of input)");
    XML_ERROR(GOOD1 "<Sentence date='20000101' id='x'><Text><![CDATA[a</Text></Sentence>\n" GOOD2,
              "ok1", "bad.xml:2: CDATA section not closed (end of input)");
    /* a file cut between records, or in <Environment> */
    XML_ERROR("<Validation>\n<Sentences>\n" GOOD1, "ok1",
              "bad.xml:1: <Validation> not closed at end of input (a truncated file?)");
    XML_ERROR("<Environment>\n<Verbfile>v.txt</Verbfile>\n", "",
              "<Environment> not closed at end of input");
    /* closed: no error */
    XML_CASE("<Validation>\n<Sentences>\n" GOOD1 "</Sentences>\n</Validation>\n", "ok1", 0, NULL);
    XML_CASE("<Validation>\n<Sentences>\n<Sentence date='20000101' id='x'>\n</Sentences>\n</Validation>\n",
             "", 1, "<Sentence> not closed");
    /* a second <Text> */
    XML_CASE(GOOD1 "<Sentence date='20000101'><Text>a</Text><Text>b</Text></Sentence>\n" GOOD2,
             "ok1,ok2", 1, "a second <Text>");
    /* stray end tag in a record */
    XML_CASE(GOOD1 "<Sentence date='20000101'><Text>a</Text></Parse></Sentence>\n" GOOD2,
             "ok1,ok2", 1, "unexpected end tag in <Sentence>");
    /* an unknown element left open inside the record is tolerated */
    XML_CASE("<Sentence date='20000101' id='u'><Text>a</Text><Note>n</Sentence>\n" GOOD2, "u,ok2", 0, NULL);
    /* entities that are not entities stay as written */
    {
        fixture f;
        dyad_doc d;
        open_str(&f, "<Sentence date='20000101'><Text>AT&T &bogus; &#0; &#xD800; &#99999999; &</Text></Sentence>",
                 "e.xml", DYAD_FMT_XML);
        CHECK(next(&f, &d) == 1);
        CHECK_STR(d.text, "AT&T &bogus; &#0; &#xD800; &#99999999; &");
        done(&f);
    }
    /* fuzz finding: an element name that is not UTF-8 became an
     * <Environment> key; names are now checked like everything else */
    {
        fixture f;
        dyad_doc d;
        open_str(&f, "<Environment>\n<PLE\x8a\x91nt source='x' />\n<Verbfile>v.txt</Verbfile>\n</Environment>\n" GOOD1,
                 "n.xml", DYAD_FMT_XML);
        CHECK(next(&f, &d) == 1);
        size_t nenv = 0;
        const dyad_kv *env = dyad_reader_env(f.r, &nenv);
        CHECK(nenv == 1);
        if (nenv == 1) CHECK_STR(env[0].key, "Verbfile");
        CHECK(f.w.n == 1);
        CHECK(contains(f.w.last, "n.xml:2: tag name is not valid UTF-8 in <Environment>, ignored"));
        done(&f);
    }
    /* CRLF line ends */
    {
        fixture f;
        dyad_doc d;
        open_str(&f, "<Sentence date='20000101'>\r\n<Text>\r\na\r\nb\r\n</Text></Sentence>\r\n", "c.xml",
                 DYAD_FMT_XML);
        CHECK(next(&f, &d) == 1);
        CHECK_STR(d.text, "a\nb");
        done(&f);
    }
}

static void test_xml_limits(void) {
    fixture f;
    dyad_doc d;
    /* a record over the maximum size is skipped */
    open_str(&f, GOOD1 "<Sentence date='20000101' id='big'>\n<Text>0123456789012345678901234567890123456789"
                 "0123456789</Text></Sentence>\n" GOOD2, "big.xml", DYAD_FMT_XML);
    rd_set_max_record(f.r, 40);
    CHECK(next(&f, &d) == 1 && strcmp(d.id, "ok1") == 0);
    CHECK(next(&f, &d) == 1 && strcmp(d.id, "ok2") == 0);
    CHECK(next(&f, &d) == 0);
    CHECK(f.w.n == 1);
    CHECK(contains(f.w.last, "big.xml:3: record longer than 40 bytes; record at line 2 skipped"));
    done(&f);

    /* 1 MB of '<': one warning, linear time */
    size_t n = 1u << 20;
    char *lt = malloc(n + 200);
    memset(lt, '<', n);
    clock_t t0 = clock();
    open_mem(&f, lt, n, "lt.xml", DYAD_FMT_XML);
    CHECK(count_docs(&f) == -1); /* no element at all: not XML */
    CHECK(contains(f.err.msg, "lt.xml:1: no XML element found"));
    CHECK(f.w.n == 1);
    done(&f);
    /* ... and inside a record */
    size_t k = (size_t)sprintf(lt, "<Sentence date='20000101'><Text>");
    memset(lt + k, '<', n);
    k += n;
    k += (size_t)sprintf(lt + k, "</Text></Sentence>" GOOD2);
    open_mem(&f, lt, k, "lt.xml", DYAD_FMT_XML);
    CHECK(next(&f, &d) == 1 && strcmp(d.id, "ok2") == 0);
    CHECK(f.w.n == 1);
    done(&f);
    CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 30.0); /* generous for valgrind; quadratic time would take hours */
    /* a 1 MB comment and a 1 MB attribute value */
    k = (size_t)sprintf(lt, "<!--");
    memset(lt + k, '-', n), k += n;
    k += (size_t)sprintf(lt + k, "-->" GOOD2);
    open_mem(&f, lt, k, "c.xml", DYAD_FMT_XML);
    CHECK(count_docs(&f) == 1);
    CHECK(f.w.n == 0);
    done(&f);
    k = (size_t)sprintf(lt, "<Sentence date='20000101' id='");
    memset(lt + k, 'a', n), k += n;
    k += (size_t)sprintf(lt + k, "'><Text>x</Text></Sentence>");
    open_mem(&f, lt, k, "a.xml", DYAD_FMT_XML);
    CHECK(next(&f, &d) == 1);
    CHECK(strlen(d.id) == n);
    CHECK(f.w.n == 0);
    done(&f);
    free(lt);

    /* not XML at all */
    open_str(&f, "{\"id\":\"x\",\"text\":\"y\"}\n", "j.xml", DYAD_FMT_XML);
    CHECK(next(&f, &d) == -1);
    CHECK(contains(f.err.msg, "j.xml:1: no XML element found"));
    done(&f);

    /* empty input: no documents, no warning */
    open_mem(&f, "", 0, "e.xml", DYAD_FMT_XML);
    CHECK(next(&f, &d) == 0);
    CHECK(f.w.n == 0);
    done(&f);

    check_read_error(DYAD_FMT_XML);
}

int main(void) {
    test_format_from_name();
    test_text_good();
    test_text_bad();
    test_jsonl_good();
    test_jsonl_bad();
    test_jsonl_utf8();
    test_jsonl_limits();
    test_xml_good();
    test_xml_validation_file();
    test_xml_bad();
    test_xml_limits();
    return t_summary();
}
