/* test_coder.c -- the coder on hand-written sentences with the small test
 * dictionaries (tests/data/dict), each expectation worked out by hand from
 * those dictionaries; and the seed article with dyad's own dictionaries
 * when ../shared is present. */
#include "t.h"
#include "dyad.h"

typedef struct fixture {
    dyad_dict *dict;
    dyad_tagger *tagger;
    dyad_coder *coder;
    dyad_arena *arena;
} fixture;

static int setup(fixture *f, const char *dir) {
    dyad_error err = {{0}};
    memset(f, 0, sizeof *f);
    f->dict = dyad_dict_load_dir(dir, NULL, NULL, &err);
    f->tagger = dyad_tagger_new(&err);
    f->arena = dyad_arena_new(0);
    dyad_options o;
    dyad_options_default(&o);
    o.explain = 1;
    if (f->dict && f->tagger) f->coder = dyad_coder_new(f->dict, f->tagger, &o, &err);
    if (!f->coder) fprintf(stderr, "setup: %s\n", err.msg);
    return f->coder ? 0 : -1;
}

/* Recreates the fixture's coder with PETRARCH options: {"name", "value"}... */
static void set_options(fixture *f, const char *const opts[][2], size_t n) {
    dyad_options o;
    dyad_options_default(&o);
    dyad_error err = {{0}};
    for (size_t i = 0; i < n; i++) CHECK(dyad_options_set(&o, opts[i][0], opts[i][1], &err) == 0);
    dyad_coder_free(f->coder);
    f->coder = dyad_coder_new(f->dict, f->tagger, &o, &err);
}

static void teardown(fixture *f) {
    dyad_coder_free(f->coder);
    dyad_tagger_free(f->tagger);
    dyad_dict_free(f->dict);
    dyad_arena_free(f->arena);
}

/* Codes `text` of n bytes dated `date` (YYYYMMDD) into *res; 0 or -1. */
static int code_res(fixture *f, const char *text, size_t n, const char *date, dyad_result *res) {
    dyad_doc doc = {0};
    doc.id = doc.title = doc.source = doc.url = doc.category = doc.parse = "";
    doc.date = date;
    doc.text = text;
    doc.text_len = n;
    dyad_error err = {{0}};
    dyad_arena_reset(f->arena);
    int rc = dyad_code_doc(f->coder, f->arena, &doc, 0, res, &err);
    if (rc < 0) fprintf(stderr, "coding failed: %s\n", err.msg);
    return rc;
}

/* Codes `text` (dated `date`) and returns its events as "SRC TGT CODE"
 * joined by "; " in the order coded. */
static const char *code(fixture *f, const char *text, const char *date) {
    static char out[2048];
    dyad_result res;
    out[0] = 0;
    if (code_res(f, text, strlen(text), date, &res) < 0) {
        snprintf(out, sizeof out, "error");
        return out;
    }
    for (size_t i = 0; i < res.nevents; i++) {
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%s %s %s", i ? "; " : "", res.events[i].source,
                 res.events[i].target, res.events[i].code);
    }
    return out;
}

static void test_rules(void) {
    fixture f;
    if (setup(&f, "tests/data/dict") < 0) {
        CHECK(0);
        return;
    }
    /* active voice, bare verb code */
    CHECK_STR(code(&f, "Freedonia accused Sylvania on Monday.", "20200601"), "FRE SYL 112");
    /* passive: the "by" phrase is the source */
    CHECK_STR(code(&f, "Sylvania was criticized by Freedonia.", "20200601"), "FRE SYL 111");
    /* a pattern with a target in a prepositional phrase and a paired code */
    CHECK_STR(code(&f, "Freedonia met with Sylvania.", "20200601"), "FRE SYL 040; SYL FRE 040");
    /* a noun-phrase pattern with a synset: {DIPLOMATIC &TIES_} -> 064 */
    CHECK_STR(code(&f, "Freedonia restored diplomatic relations with Sylvania.", "20200601"),
              "FRE SYL 064");
    /* told in the future, the same act is an intention (031 + the 064's detail) */
    CHECK_STR(code(&f, "Freedonia will restore diplomatic relations with Sylvania.", "20200601"),
              "FRE SYL 0314");
    /* synset member with a generated plural, and (TO +) */
    CHECK_STR(code(&f, "Freedonia sent aid to Sylvania.", "20200601"), "FRE SYL 073");
    /* SEND's block code is "---": no pattern, no event */
    CHECK_STR(code(&f, "Freedonia sent letters to Sylvania.", "20200601"), "");
    /* agents combine with actors; date restrictions pick the code */
    CHECK_STR(code(&f, "Freedonian troops attacked Sylvania.", "20200601"), "FREMIL SYL 190");
    CHECK_STR(code(&f, "Rufus Firefly condemned Sylvania.", "20200601"), "FREGOV SYL 111");
    CHECK_STR(code(&f, "Rufus Firefly condemned Sylvania.", "19500601"), "FREELI SYL 111");
    /* compound subject: one event per actor */
    CHECK_STR(code(&f, "Sylvania and Trentino condemned Freedonia.", "19330601"),
              "SYL FRE 111; SYLGOV FRE 111");
    /* ... but Sylvania's own government (SYLGOV in 1933) condemning Sylvania
     * is no dyad: an actor and its own state */
    CHECK_STR(code(&f, "Freedonia and Trentino condemned Sylvania.", "19330601"), "FRE SYL 111");
    /* agent of actor ("troops from Freedonia") */
    CHECK_STR(code(&f, "Troops from Freedonia attacked Sylvania.", "20200601"), "FREMIL SYL 190");
    /* a participle between a possessive and its noun is an adjective, no
     * verb: "Sylvania's attacked convoy" is not Sylvania attacking */
    CHECK_STR(code(&f, "Freedonia condemned Sylvania's attacked convoy near Trentino.", "20200601"),
              "FRE SYL 111");
    /* a multi-word verb and a pattern after it */
    CHECK_STR(code(&f, "Freedonia carried out strikes on Sylvania.", "20200601"), "FRE SYL 195");
    /* coordinated verb: the second verb keeps the first one's subject */
    CHECK_STR(code(&f, "Freedonia criticized Sylvania and accused Trentino.", "19330601"),
              "FRE SYL 111; FRE SYLGOV 112");
    /* a pronoun stands for the latest subject */
    CHECK_STR(code(&f, "Freedonia said it accused Sylvania.", "20200601"), "FRE SYL 112");
    /* transformations: "A says B attacked" -> A accuses B (112);
     * "A says A will do Q to B" -> A does Q to B, Q as the inner act codes
     * alone: an attack a statement says A would make is a threat (138) */
    CHECK_STR(code(&f, "Freedonia said Sylvania attacked Trentino.", "19330601"), "FRE SYL 112");
    CHECK_STR(code(&f, "Freedonia said it would attack Sylvania.", "20200601"), "FRE SYL 138");
    /* a participle after the object does not end the verb's phrases; a
     * comparative's "than" does not end a prepositional phrase */
    CHECK_STR(code(&f, "Freedonia sent aid to Sylvanian troops stationed abroad.", "20200601"),
              "FRE SYLMIL 073");
    CHECK_STR(code(&f, "Sylvania was attacked by Freedonia with more than 400 drones.", "20200601"),
              "FRE SYL 195");
    /* a gerund after a preposition is no event of its own, nor its infinitive */
    CHECK_STR(code(&f, "Freedonia accused Sylvania of trying to attack Trentino.", "19330601"),
              "FRE SYL 112");
    /* an agent word the tagger reads as an adjective stays in its phrase */
    CHECK_STR(code(&f, "The Freedonia military attacked Sylvania.", "20200601"), "FREMIL SYL 190");
    /* coordinated adjectives name two actors sharing the agent */
    CHECK_STR(code(&f, "Freedonian and Sylvanian troops attacked Trentino.", "19330601"),
              "FREMIL SYLGOV 190; SYLMIL SYLGOV 190");
    /* what failed did not happen; a vow to do harm is a threat */
    CHECK_STR(code(&f, "Freedonia failed to condemn Sylvania.", "20200601"), "");
    CHECK_STR(code(&f, "Freedonia vowed to attack Sylvania.", "20200601"), "FRE SYL 138");
    /* a cooperative act announced with "would" is an intention: 073 -> 0333;
     * ANNOUNCE shares SAY's code (010), so SAY's transformation passes the
     * intention on alone, as PETRARCH-2 matches transformations by code */
    CHECK_STR(code(&f, "Freedonia announced it would send aid to Sylvania.", "20200601"),
              "FRE SYL 0333");
    CHECK_STR(code(&f, "Freedonia sent aid to Sylvania.", "20200601"), "FRE SYL 073");
    /* agreeing to do something is an intention to do it: agree + meet = 036 */
    CHECK_STR(code(&f, "Freedonia agreed to meet with Sylvania.", "20200601"), "FRE SYL 036");
    /* negation of a conflict verb reads as cooperation (050) */
    CHECK_STR(code(&f, "Freedonia did not criticize Sylvania.", "20200601"), "FRE SYL 050");
    /* sentence discard: a stem matches "CUPS" too; story discard drops all;
     * as PETRARCH-2 matches them, on the words of the sentence split at
     * blanks, with a word after them: "Cup." at the end holds no "CUP" */
    CHECK_STR(code(&f, "Freedonia accused Sylvania at the World Cups in Trentino.", "20200601"), "");
    CHECK_STR(code(&f, "Freedonia accused Sylvania at the World Cup.", "20200601"), "FRE SYL 112");
    CHECK_STR(code(&f, "Freedonia accused Sylvania. The Olympics began.", "20200601"), "");
    CHECK_STR(code(&f, "Freedonia accused Sylvania. An exact matching thing.", "20200601"),
              "FRE SYL 112");
    /* no actor, no event; self-events are dropped */
    CHECK_STR(code(&f, "The crowd accused the police.", "20200601"), "");
    CHECK_STR(code(&f, "Freedonia accused Freedonian troops.", "20200601"), "FRE FREMIL 112");
    /* issues: counted per sentence; an ignore phrase cancels them */
    dyad_result res;
    const char *t1 = "Freedonia accused Sylvania of human rights abuses and of breaking sanctions.";
    CHECK(code_res(&f, t1, strlen(t1), "20200601", &res) == 0);
    CHECK(res.nevents == 1 && !strcmp(res.events[0].issues, "RIGHTS 1, SANCTIONS 1"));
    const char *t2 = "Freedonia accused Sylvania over human rights and the rights of way.";
    CHECK(code_res(&f, t2, strlen(t2), "20200601", &res) == 0);
    CHECK(res.nevents == 1 && !strcmp(res.events[0].issues, ""));
    /* explain names the pattern and the entries */
    const char *t3 = "Freedonia met with Sylvania.";
    CHECK(code_res(&f, t3, strlen(t3), "20200601", &res) == 0);
    CHECK(res.nevents == 2 && res.events[0].explain &&
          strstr(res.events[0].explain, "mini.verbs.txt:12") &&
          strstr(res.events[0].explain, "mini.actors.txt:2"));
    teardown(&f);
}

/* new_actor_length: unknown proper-noun phrases become actors named by their text */
static void test_new_actors(void) {
    fixture f;
    if (setup(&f, "tests/data/dict") < 0) {
        CHECK(0);
        return;
    }
    CHECK_STR(code(&f, "The Ministry of Magic accused Sylvania.", "20200601"), "");
    dyad_options o;
    dyad_error err = {{0}};
    CHECK(dyad_options_set(&o, "no_such_option", "1", &err) == -1);
    static const char *const opts[][2] = {{"new_actor_length", "4"}};
    set_options(&f, opts, 1);
    CHECK_STR(code(&f, "The Ministry of Magic accused Sylvania.", "20200601"),
              "\"THE MINISTRY OF MAGIC\" SYL 112");
    /* longer than the limit: not an actor */
    CHECK_STR(code(&f, "The Grand Old Ministry of Magic accused Sylvania.", "20200601"), "");
    teardown(&f);
}

/* comma options: a comma-delimited clause of the configured length is left out */
static void test_comma_options(void) {
    fixture f;
    if (setup(&f, "tests/data/dict") < 0) {
        CHECK(0);
        return;
    }
    static const char *const opts[][2] = {{"comma_min", "1"}, {"comma_max", "3"}};
    set_options(&f, opts, 2);
    /* the internal clause "Sylvania said" (2 words) goes: Freedonia accused Trentino */
    CHECK_STR(code(&f, "Freedonia, Sylvania said, accused Trentino.", "19330601"), "FRE SYLGOV 112");
    /* a comma between modifiers is no clause boundary */
    CHECK_STR(code(&f, "Freedonia restored complete, diplomatic relations with Sylvania.", "20200601"),
              "FRE SYL 064");
    teardown(&f);
}

static void test_robust(void) {
    fixture f;
    if (setup(&f, "tests/data/dict") < 0) {
        CHECK(0);
        return;
    }
    /* a sentence of 300 actor names, 1 MB of punctuation, no boundaries */
    size_t n = 300 * 11 + 64;
    char *big = malloc(1 << 20);
    strcpy(big, "Freedonia accused ");
    for (int i = 0; i < 300; i++) strcat(big, "Sylvania, ");
    strcat(big, "Freedonia.");
    const char *r = code(&f, big, "20200601");
    CHECK(strncmp(r, "error", 5) != 0);
    memset(big, ',', (1 << 20) - 1);
    big[(1 << 20) - 1] = 0;
    CHECK_STR(code(&f, big, "20200601"), "");
    /* a 5,000-word sentence */
    big[0] = 0;
    for (int i = 0; i < 5000; i++) strcat(big, i % 7 ? "word " : "Freedonia ");
    strcat(big, "accused Sylvania.");
    r = code(&f, big, "20200601");
    CHECK(strncmp(r, "error", 5) != 0);
    for (size_t i = 0; i < (1 << 20) - 1; i++) big[i] = "Freedonia accused Sylvania "[i % 27];
    r = code(&f, big, "20200601");
    CHECK(strncmp(r, "error", 5) != 0);
    (void)n;
    free(big);
    teardown(&f);
}

/* The seed article with dyad's own dictionaries: the events each listed
 * sentence must give, and none from the others named. */
static void test_seed(void) {
    const char *path = T_SHARED("seed/putin-rouhani.txt", "the seed article");
    if (!path) return;
    FILE *fp = fopen(path, "r");
    char *text = calloc(1, 65536);
    size_t len = fread(text, 1, 65535, fp);
    fclose(fp);
    fixture f;
    if (setup(&f, "data/dict") < 0) {
        CHECK(0);
        free(text);
        return;
    }
    dyad_result res;
    CHECK(code_res(&f, text, len, "20170523", &res) == 0);
    struct { const char *starts, *events; } want[] = {
        {"Putin calls Rouhani", "RUSGOV IRNGOV 041; IRNGOV RUSGOV 041"},
        {"Days after his election victory", "IRNGOV RUSGOV 041; RUSGOV IRNGOV 041"},
        {"The Kremlin has not disclosed", NULL},
        {"However since Putin appears", "RUSGOV IRNGOV 051"},
        {"Putin is unlikely", ""},
        {"The post Putin calls Rouhani", ""},
    };
    for (size_t w = 0; w < sizeof want / sizeof want[0]; w++) {
        int found = 0;
        for (size_t i = 0; i < res.nsentences; i++) {
            const dyad_sentence *s = &res.sentences[i];
            size_t k = strlen(want[w].starts);
            if (s->end - s->start < k || strncmp(text + s->start, want[w].starts, k)) continue;
            found = 1;
            char got[512] = "";
            for (size_t e = 0; e < res.nevents; e++) {
                if (res.events[e].sentence != i) continue;
                size_t n = strlen(got);
                snprintf(got + n, sizeof got - n, "%s%s %s %s", n ? "; " : "", res.events[e].source,
                         res.events[e].target, res.events[e].code);
            }
            if (want[w].events) {
                if (strcmp(got, want[w].events)) fprintf(stderr, "seed: \"%s...\"\n", want[w].starts);
                CHECK_STR(got, want[w].events);
            }
        }
        CHECK(found);
    }
    teardown(&f);
    free(text);
}

/* The JSON Lines the writer gives for a document's events (to free). */
static char *jsonl_of(const dyad_doc *doc, const dyad_result *res) {
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    dyad_error err = {{0}};
    CHECK(fp && dyad_write_events_jsonl(fp, doc, res, &err) == 0);
    if (fp) fclose(fp);
    return buf;
}

/* The JSON Lines writer spells numbers itself: check them against the
 * CAMEO table's weights as printf would write them, including a negative
 * weight below one (-0.1), the extremes and a sentence index of 10 digits. */
static void test_jsonl_numbers(void) {
    const char *codes[] = {"011", "010", "190", "057", "1823", "20"};
    for (size_t k = 0; k < sizeof codes / sizeof codes[0]; k++) {
        const dyad_cameo *c = dyad_cameo_find(codes[k]);
        CHECK(c != NULL);
        if (!c) continue;
        dyad_doc doc = {.id = "d1", .date = "20260102", .text = "X.", .text_len = 2};
        dyad_event e = {"AAA", "BBB", codes[k], "A", "B", "V", 4000000000u, "", NULL, 20260102,
                        DYAD_DATE_DOCUMENT};
        dyad_result res = {NULL, 0, &e, 1, NULL};
        char *buf = jsonl_of(&doc, &res);
        char want[128];
        snprintf(want, sizeof want, "\"quad_class\":%d,\"goldstein\":%.1f,", c->quad_class, c->goldstein);
        CHECK(buf && strstr(buf, want) != NULL);
        CHECK(buf && strstr(buf, "\"sentence\":4000000000,") != NULL);
        CHECK(buf && strstr(buf, "\"date\":\"2026-01-02\"") != NULL);
        free(buf);
    }
}

/* Every line of a document starts with its id, title and url (escaped
 * once for all its lines): a title with a quote, a url that is null; the
 * sentence text flattened (newline and tab as blanks) and its other
 * control bytes as \u00XX, lowercase, past a 16-byte run. */
static void test_jsonl_doc_lines(void) {
    const char *text = "He said \"no\".\n\tThen 0123456789abcdef\x1f\x01 left.";
    dyad_doc doc = {.id = "d\\1", .date = "20260102", .title = "A \"q\"", .text = text,
                    .text_len = strlen(text)};
    dyad_sentence sent[2] = {{0, 13, NULL, 0}, {13, (uint32_t)strlen(text), NULL, 0}};
    dyad_event ev[2] = {{"AAA", "BBB", "010", "A", "B", "V", 0, "", NULL, 20260102, DYAD_DATE_DOCUMENT},
                        {"BBB", "AAA", "190", "B", "A", "W", 1, "x", NULL, 20260102, DYAD_DATE_DOCUMENT}};
    dyad_result res = {sent, 2, ev, 2, NULL};
    char *buf = jsonl_of(&doc, &res);
    const char *head = "{\"doc_id\":\"d\\\\1\",\"title\":\"A \\\"q\\\"\",\"url\":null,\"sentence\":";
    char *second = buf ? strchr(buf, '\n') : NULL;
    CHECK(buf && !strncmp(buf, head, strlen(head)));
    CHECK(second && !strncmp(second + 1, head, strlen(head)));
    CHECK(buf && strstr(buf, "\"sentence\":0,\"sentence_text\":\"He said \\\"no\\\".\",") != NULL);
    CHECK(buf && strstr(buf, "\"sentence\":1,\"sentence_text\":\"  Then 0123456789abcdef"
                             "\\u001f\\u0001 left.\",\"date\":\"2026-01-02\",\"source\":\"BBB\"") != NULL);
    CHECK(second && !strcmp(strchr(second, '}'), "}\n"));
    free(buf);
}

/* JSON strings: each byte that must be escaped, before, inside and after
 * the 8-byte runs the writer passes plain bytes by; UTF-8 as it is. */
static void test_json_escapes(void) {
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    CHECK(fp != NULL);
    if (!fp) return;
    dyad_json_string(fp, "\"0123456789\"abc\\def\tghi\x01jklmnopqrstuvwxyz\nErdo\xc4\x9f" "an\r");
    dyad_json_string(fp, "");
    dyad_json_string(fp, "01234567");
    fclose(fp);
    CHECK_STR(buf, "\"\\\"0123456789\\\"abc\\\\def\\tghi\\u0001jklmnopqrstuvwxyz\\nErdo\xc4\x9f"
                   "an\\r\"\"\"\"01234567\"");
    free(buf);
    /* one byte to escape in each place of strings of every length to 40
     * (16-byte blocks, 8-byte words and single bytes): the rest copied */
    int bad = 0;
    for (size_t n = 1; n <= 40; n++)
        for (size_t k = 0; k < n; k++) {
            char in[41], want[64];
            memset(in, 'a', n), in[n] = 0;
            in[k] = k % 3 == 0 ? '"' : k % 3 == 1 ? '\x1f' : '\\';
            const char *esc = k % 3 == 0 ? "\\\"" : k % 3 == 1 ? "\\u001f" : "\\\\";
            snprintf(want, sizeof want, "\"%.*s%s%.*s\"", (int)k, in, esc, (int)(n - k - 1), in + k + 1);
            buf = NULL, len = 0;
            fp = open_memstream(&buf, &len);
            if (!fp) return;
            dyad_json_string(fp, in);
            fclose(fp);
            bad += strcmp(buf, want) != 0;
            free(buf);
        }
    CHECK(bad == 0);
}

/* The date of the events of `text` (document date `date`) as "YYYYMMDD
 * kind": they all have the first one's. */
static const char *event_date(fixture *f, const char *text, const char *date) {
    static char when[64];
    dyad_result r;
    if (code_res(f, text, strlen(text), date, &r) < 0 || !r.nevents) return "no event";
    const dyad_event *e = r.events;
    for (size_t i = 1; i < r.nevents; i++)
        if (r.events[i].date != e->date) return "dates differ";
    snprintf(when, sizeof when, "%08d %s", (int)e->date,
             dyad_date_kind_name((dyad_date_kind)e->date_kind));
    return when;
}

/* The coder reads a sentence for its date only when one of its words is a
 * date word: a plain word by its class, a token with other bytes in it
 * ("Sept.", "Friday-Saturday", an accent, "Ja" of "Jan't") by the words of
 * its text. Dates worked out by hand: 2020-06-03 was a Wednesday. */
static void test_sentence_dates(void) {
    fixture f;
    if (setup(&f, "tests/data/dict") < 0) {
        CHECK(0);
        return;
    }
    CHECK_STR(event_date(&f, "Freedonia accused Sylvania.", "20200603"), "20200603 document");
    CHECK_STR(event_date(&f, "Freedonia accused Sylvania of weekly mayhem.", "20200603"),
              "20200603 document");
    CHECK_STR(event_date(&f, "Freedonia accused Sylvania.", ""), "00000000 none");
    /* an actor is looked up on its sentence's date, not the document's:
     * Firefly governs Freedonia from 2020-01-01 (FREELI before); a week
     * before 2020-01-02 is 2019-12-26 */
    CHECK_STR(code(&f, "Rufus Firefly condemned Sylvania.", "20200102"), "FREGOV SYL 111");
    CHECK_STR(code(&f, "Rufus Firefly condemned Sylvania last week.", "20200102"), "FREELI SYL 111");
    CHECK_STR(event_date(&f, "Rufus Firefly condemned Sylvania last week.", "20200102"),
              "20191226 last week");
    CHECK_STR(event_date(&f, "Freedonia accused Sylvania on Monday.", "20200603"),
              "20200601 weekday");
    CHECK_STR(event_date(&f, "Freedonia accused Sylvania yesterday.", "20200603"),
              "20200602 yesterday");
    CHECK_STR(event_date(&f, "Freedonia accused Sylvania today.", "20200603"), "20200603 today");
    CHECK_STR(event_date(&f, "Freedonia accused Sylvania on Sept. 30.", "20201005"),
              "20200930 month day");
    CHECK_STR(event_date(&f, "Freedonia accused Sylvania at the Friday-Saturday talks.", "20200603"),
              "20200529 weekday");
    CHECK_STR(event_date(&f, "Freedonia accused Sylvania on Monday\xc3\xa9.", "20200603"),
              "20200601 weekday");
    CHECK_STR(event_date(&f, "Freedonia accused Sylvania on 5 Jan't.", "20200110"),
              "20200105 month day");
    teardown(&f);
}

int main(void) {
    test_jsonl_numbers();
    test_json_escapes();
    test_jsonl_doc_lines();
    test_sentence_dates();
    test_rules();
    test_new_actors();
    test_comma_options();
    test_robust();
    test_seed();
    return t_summary();
}
