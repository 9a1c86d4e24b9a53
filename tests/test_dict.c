/* test_dict.c -- the dictionary loader: counts, plurals and verb forms,
 * date restrictions, synsets, problems reported by file and line, the
 * compiled cache, and the Phoenix set when ../shared is present. */
#include "t.h"
#include "dyad.h"
#include "dict/dictInt.h"

static uint32_t word(const dyad_dict *d, const char *w) { return dict_word_find(d, w, strlen(w)); }

/* Does the phrase (blank-separated upper-case words) end at a node of trie t? */
static uint32_t phrase_val(const dyad_dict *d, const dtrie *t, const char *phrase) {
    char buf[256];
    snprintf(buf, sizeof buf, "%s", phrase);
    uint32_t node = 0;
    for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) {
        uint32_t id = word(d, w);
        node = id ? dtrie_child(t, node, id) : 0;
        if (!node) return 0;
    }
    return t->val[node];
}

static int has_form(const dyad_dict *d, const char *form) {
    uint32_t id = word(d, form);
    return id && dhash_get(&d->verb_index, id) != 0;
}

/* Does the coder's inline probe (dict_words_find_key) find every word of
 * d by its spelling, and no word by its spelling cut short or with a
 * letter more? The pool's last word is read byte by byte (dict_words_same:
 * its bytes would run past the pool), the others 8 at a time. */
static int words_found_inline(const dyad_dict *d) {
    dict_words w = dict_words_of(d);
    int bad = 0;
    for (uint32_t id = 1; id < dict_nwords(d); id++) {
        char buf[256];
        const char *s = dict_word_text(d, id);
        size_t n = strlen(s);
        if (n + 2 > sizeof buf) continue;
        memcpy(buf, s, n + 1);
        bad += dict_words_find_key(&w, buf, n, hash_key(buf, n)) != id;
        buf[n] = 'Q', buf[n + 1] = '\0'; /* a letter more: its own key, which no word has */
        bad += dict_words_find_key(&w, buf, n + 1, hash_key(buf, n + 1)) == id;
        /* the key of the word, with fewer bytes: the spelling check says no */
        if (n > 1) bad += dict_words_find_key(&w, buf, n - 1, hash_key(s, n)) == id;
    }
    return bad == 0 && dict_nwords(d) > 1;
}

/* Loads the set in dir, its problems collected in *p and its counts put
 * in *st; NULL (a failed check) when it would not load. */
static dyad_dict *load_counted(const char *dir, t_msgs *p, dyad_dict_stats *st) {
    dyad_error err = {{0}};
    dyad_dict *d = dyad_dict_load_dir(dir, t_collect, p, &err);
    CHECK(d != NULL);
    if (d) dyad_dict_get_stats(d, st);
    return d;
}

static void test_mini(void) {
    t_msgs p = {0};
    dyad_dict_stats st;
    dyad_dict *d = load_counted("tests/data/dict", &p, &st);
    if (!d) return;
    CHECK(p.n == 0);
    CHECK(st.problems == 0);
    CHECK(st.synsets == 2);
    CHECK(st.patterns == 6);
    CHECK(st.verbs == 14); /* MEET ACCUSE BLAME RESTORE SEND ATTACK CARRY_OUT CRITICIZE CONDEMN SAY PLEDGE VOW AGREE ANNOUNCE */
    CHECK(st.transformations == 2);
    CHECK(st.actors == 4);
    CHECK(st.actor_phrases == 8);
    CHECK(st.date_restrictions == 5);
    CHECK(st.agents == 8);
    CHECK(st.discards == 2);
    CHECK(st.story_discards == 1);

    /* regular verb forms, irregular forms, multi-word verbs */
    CHECK(has_form(d, "ACCUSED") && has_form(d, "ACCUSES") && has_form(d, "ACCUSING"));
    CHECK(has_form(d, "CRITICIZED") && has_form(d, "CRITICIZING"));
    CHECK(has_form(d, "MET") && has_form(d, "MEETING"));
    CHECK(has_form(d, "BLAMED"));
    CHECK(has_form(d, "CARRIED")); /* main word of +CARRIED_OUT */

    /* agents: generated plurals, irregular plural, no plural, substitution */
    CHECK(phrase_val(d, &d->agent_trie, "PRESIDENTS") != 0);
    CHECK(phrase_val(d, &d->agent_trie, "FOREIGN MINISTERS") != 0);
    CHECK(phrase_val(d, &d->agent_trie, "ARMIES") != 0);
    CHECK(phrase_val(d, &d->agent_trie, "POLICES") == 0);
    CHECK(phrase_val(d, &d->agent_trie, "CONGRESSWOMEN") != 0);
    CHECK(phrase_val(d, &d->agent_trie, "CONGRESS") == 0);
    uint32_t hr = phrase_val(d, &d->agent_trie, "HUMAN RIGHTS GROUP");
    CHECK(hr && ((const dagent *)d->agents.v)[hr - 1].prefix == 1);

    /* actors and dates (YYMMDD dates before 2030 are 20YY, else 19YY) */
    CHECK_STR(dyad_dict_lookup_actor(d, "FREEDONIAN", 20200101, NULL), "FRE");
    CHECK_STR(dyad_dict_lookup_actor(d, "RUFUS FIREFLY", 19330601, NULL), "FREGOV");
    CHECK_STR(dyad_dict_lookup_actor(d, "FIREFLY", 19500101, NULL), "FREELI");
    CHECK_STR(dyad_dict_lookup_actor(d, "FIREFLY", 20200101, NULL), "FREGOV");
    CHECK_STR(dyad_dict_lookup_actor(d, "TRENTINO", 19330601, NULL), "SYLGOV");
    CHECK_STR(dyad_dict_lookup_actor(d, "TRENTINO", 19400101, NULL), "SYLELI"); /* the [CODE] default */
    CHECK(dyad_dict_lookup_actor(d, "RUFUS", 20200101, NULL) == NULL);

    /* synset members with plurals unless the label ends in '_' */
    uint32_t aid = dhash_get(&d->synset_names, hash_key("&AID", 4));
    CHECK(aid != 0);
    uint32_t w[1] = {word(d, "AIDS")};
    size_t len = 0;
    CHECK(aid && dict_synset_matches(d, aid - 1, w, 1, &len) && len == 1);
    uint32_t ties = dhash_get(&d->synset_names, hash_key("&TIES", 5));
    w[0] = word(d, "TIESS");
    CHECK(ties && w[0] == 0);

    /* the compiled cache gives the same answers */
    dyad_error err = {{0}};
    const char *path = "build/test_dict.dyc";
    CHECK(dyad_dict_compile(d, path, &err) == 0);
    dyad_dict *c = dyad_dict_load_compiled(path, &err);
    CHECK(c != NULL);
    if (c) {
        dyad_dict_stats cs;
        dyad_dict_get_stats(c, &cs);
        CHECK(cs.actor_phrases == st.actor_phrases && cs.patterns == st.patterns);
        CHECK_STR(dyad_dict_lookup_actor(c, "RUFUS FIREFLY", 19330601, NULL), "FREGOV");
        CHECK(phrase_val(c, &c->agent_trie, "CONGRESSWOMEN") != 0);
        /* words are found through the slots' pool offsets, text or compiled */
        CHECK(dict_word_find(c, "CONGRESSWOMEN", 13) == dict_word_find(d, "CONGRESSWOMEN", 13));
        CHECK(dict_word_find(c, "CONGRESSWOMEN", 13) != 0);
        CHECK(dict_word_find(c, "CONGRESSWOMENX", 14) == 0);
        CHECK(dict_word_find(c, "CONGRESSWOMENX", 13) != 0); /* the first 13 bytes only */
        CHECK(words_found_inline(d) && words_found_inline(c));
        dyad_dict_free(c);
    }
    /* a file of another format version is refused with a hint, not misread */
    FILE *fp = fopen(path, "r+b");
    CHECK(fp != NULL);
    if (fp) {
        fseek(fp, 7, SEEK_SET);
        fputc('0', fp); /* "DYADDIC8" -> "DYADDIC0" */
        fclose(fp);
        CHECK(dyad_dict_load_compiled(path, &err) == NULL);
        CHECK(strstr(err.msg, "another version of dyad") != NULL);
    }
    remove(path);
    dyad_dict_free(d);
}

/* Loads a verbs file, an actors file and an agents file (or none). */
static dyad_dict *load_files(const char *verbs, const char *actors, const char *agents, t_msgs *p,
                             dyad_error *err) {
    dyad_dict_files f = {0};
    f.verbs = verbs;
    f.actors[0] = actors;
    f.nactors = 1;
    f.agents = agents;
    return dyad_dict_load_files(&f, t_collect, p, err);
}

static void test_bad(void) {
    t_msgs p = {0};
    dyad_error err = {{0}};
    dyad_dict *d = load_files("tests/data/baddict/bad.verbs.txt", "tests/data/baddict/bad.actors.txt",
                              "tests/data/baddict/bad.agents.txt", &p, &err);
    CHECK(d != NULL); /* bad lines are skipped, the load completes */
    CHECK(p.n == 19);
    /* verbs lines 4-9, actors 1,2,4,5,6,7,10, agents 1-6 */
    int want[] = {4, 5, 6, 7, 8, 9, 1, 2, 4, 5, 6, 7, 10, 1, 2, 3, 4, 5, 6};
    for (int i = 0; i < 19 && i < p.n; i++) CHECK(p.lines[i] == want[i]);
    CHECK(strstr(p.last, "bad.agents.txt:6:") != NULL);
    if (d) {
        dyad_dict_stats st;
        dyad_dict_get_stats(d, &st);
        CHECK(st.problems == 19);
        CHECK_STR(dyad_dict_lookup_actor(d, "GOODLAND CITY", 20200101, NULL), "GDL");
        CHECK(has_form(d, "SAID") == 0); /* SAY is regular to the loader: SAYED */
        CHECK(has_form(d, "SAYS"));
    }
    dyad_dict_free(d);

    /* a missing file is an error, not a crash */
    d = load_files("tests/data/baddict/no-such-file.txt", "tests/data/baddict/bad.actors.txt",
                   "tests/data/baddict/bad.agents.txt", &p, &err);
    CHECK(d == NULL && strstr(err.msg, "no-such-file.txt") != NULL);
    CHECK(dyad_dict_load_dir("tests/data/no-such-dir", NULL, NULL, &err) == NULL);
    CHECK(dyad_dict_load_compiled("tests/data/dict/mini.verbs.txt", &err) == NULL);
    CHECK(strstr(err.msg, "not a compiled dyad dictionary") != NULL);
}

/* Primary lines with no code before a code or a restriction name one
 * actor with the lines after them, as PETRARCH reads the format; an entry
 * still open at the end of the file has no code. */
static void test_open_entries(void) {
    t_msgs p = {0};
    dyad_error err = {{0}};
    dyad_dict *d = load_files("tests/data/dict/mini.verbs.txt", "tests/data/opendict/open.actors.txt",
                              NULL, &p, &err);
    CHECK(d != NULL);
    if (!d) return;
    dyad_dict_stats st;
    dyad_dict_get_stats(d, &st);
    CHECK(p.n == 0);
    CHECK(st.actors == 4); /* Groucho's three names, Pinky's two, Trentino, Harpo */
    CHECK(st.actor_phrases == 7);
    CHECK_STR(dyad_dict_lookup_actor(d, "GROUCHO MARX", 19350101, NULL), "FREGOV");
    CHECK_STR(dyad_dict_lookup_actor(d, "CAPTAIN SPAULDING", 19350101, NULL), "FREGOV");
    CHECK_STR(dyad_dict_lookup_actor(d, "HUGO HACKENBUSH", 20200101, NULL), "FRE");
    CHECK_STR(dyad_dict_lookup_actor(d, "CHICOLINI", 20200101, NULL), "SYL");
    CHECK_STR(dyad_dict_lookup_actor(d, "TRENTINO", 20200101, NULL), "SYLGOV");
    CHECK(dyad_dict_lookup_actor(d, "HARPO", 20200101, NULL) == NULL);
    dyad_dict_free(d);
}

/* Restriction dates PETRARCH-2 reads although they are malformed are read
 * as it reads them, each said as a problem: "1933010100" is 1933-01-01,
 * "3512311" is 1935-12-31, and "[CODE 19330101]" applies from that day. */
static void test_loose_dates(void) {
    t_msgs p = {0};
    dyad_error err = {{0}};
    dyad_dict *d = load_files("tests/data/dict/mini.verbs.txt", "tests/data/loosedates/loose.actors.txt",
                              NULL, &p, &err);
    CHECK(d != NULL);
    if (!d) return;
    CHECK(p.n == 3);
    CHECK_STR(dyad_dict_lookup_actor(d, "FREEDONIAN", 19320101, NULL), "FRE");
    CHECK_STR(dyad_dict_lookup_actor(d, "FREEDONIA", 19340601, NULL), "FREOCC");
    CHECK_STR(dyad_dict_lookup_actor(d, "FREEDONIA", 19360101, NULL), "FRE");
    CHECK(dyad_dict_lookup_actor(d, "RUFUS FIREFLY", 19320101, NULL) == NULL);
    CHECK_STR(dyad_dict_lookup_actor(d, "RUFUS FIREFLY", 19500101, NULL), "FREGOV");
    CHECK_STR(dyad_dict_lookup_actor(d, "TRENTINO", 19351231, NULL), "SYLGOV");
    CHECK(dyad_dict_lookup_actor(d, "TRENTINO", 19360101, NULL) == NULL);
    dyad_dict_free(d);
}

/* Found by fuzz_dict: a block header with a malformed code, then patterns
 * (they once went to a block that did not exist). */
static void test_fuzz_regressions(void) {
    t_msgs p = {0};
    dyad_error err = {{0}};
    dyad_dict_files f = {0};
    f.verbs = "tests/data/baddict2/fuzz-bad-header.verbs.txt";
    dyad_dict *d = dyad_dict_load_files(&f, t_collect, &p, &err);
    CHECK(d != NULL);
    CHECK(p.n >= 2); /* the header, and the lines left without a block */
    if (d) {
        dyad_dict_stats st;
        dyad_dict_get_stats(d, &st);
        CHECK(st.problems == (size_t)p.n);
    }
    dyad_dict_free(d);
}

/* Writes a verbs file: a block header, `pad` bytes of `fill` (with '#' in
 * front when fill is not a NUL) as line 3, then a verb. */
static void write_verbs(const char *path, size_t pad, char fill) {
    FILE *fp = fopen(path, "wb");
    if (!fp) return;
    fputs("--- MEET [040] ---\nMEET\n", fp);
    if (fill) fputc('#', fp);
    for (size_t i = fill ? 1 : 0; i < pad; i++) fputc(fill, fp);
    fputs("\nSPEAK\n", fp);
    fclose(fp);
}

/* Issue 14.16: a dictionary line has a length cap; read errors and NUL
 * bytes are reported with the file and line, never taken for the end. */
static void test_line_limits(void) {
    t_msgs p = {0};
    dyad_error err = {{0}};
    dyad_dict_files f = {0};
    const char *path = "build/test_dict_long.verbs.txt";
    f.verbs = path;
    /* a line of exactly DICT_LINE_MAX bytes is read */
    write_verbs(path, DICT_LINE_MAX, 'x');
    dyad_dict *d = dyad_dict_load_files(&f, t_collect, &p, &err);
    CHECK(d != NULL && p.n == 0);
    if (d) CHECK(has_form(d, "SPEAKS"));
    dyad_dict_free(d);
    /* one byte more: the load is refused, naming the file and line */
    write_verbs(path, DICT_LINE_MAX + 1, 'x');
    d = dyad_dict_load_files(&f, t_collect, &p, &err);
    CHECK(d == NULL);
    CHECK(strstr(err.msg, "test_dict_long.verbs.txt:3: line longer than 65536 bytes") != NULL);
    dyad_dict_free(d);
    /* a NUL byte: a problem at its line, the line skipped, the rest read */
    write_verbs(path, 1, 0);
    p = (t_msgs){0};
    d = dyad_dict_load_files(&f, t_collect, &p, &err);
    CHECK(d != NULL && p.n == 1);
    CHECK(strstr(p.last, "test_dict_long.verbs.txt:3: NUL byte") != NULL);
    if (d) CHECK(has_form(d, "SPEAKS"));
    dyad_dict_free(d);
    remove(path);
    /* a read error (here: a directory) is an error with file and line */
    f.verbs = "tests/data/dict";
    d = dyad_dict_load_files(&f, t_collect, &p, &err);
    CHECK(d == NULL && strstr(err.msg, "tests/data/dict:1: read error: Is a directory") != NULL);
}

static void test_phoenix(void) {
    const char *dir = T_SHARED("dictionaries/phoenix", "Phoenix counts");
    if (!dir) return;
    char path[4096];
    snprintf(path, sizeof path, "%s", dir);
    t_msgs p = {0};
    dyad_dict_stats st;
    dyad_dict *d = load_counted(path, &p, &st);
    if (!d) return;
    /* counted by hand from the files with grep: lines starting "- " in
     * CAMEO.2.0.txt (4668, of which 8 are malformed or use undefined
     * synsets), "&" lines (40), "~" lines (8) */
    CHECK(st.synsets == 40);
    CHECK(st.transformations == 8);
    CHECK(st.patterns + 8 == 4668);
    CHECK(st.actor_phrases > 34000 && st.actor_phrases < 35000);
    CHECK(st.agents > 1900 && st.agents < 2400);
    CHECK(st.discards + st.story_discards > 490 && st.discards + st.story_discards < 520);
    CHECK(st.problems == (size_t)p.n);
    CHECK_STR(dyad_dict_lookup_actor(d, "HASSAN ROUHANI", 20170523, NULL), "IRNGOV");
    /* code-less primary lines that join the entry after them: "U.N._"
     * before the Secretaries General's block ([IGOUNO]), Brezhnev's names
     * before his restrictions (RUSGOV 641014-821110) */
    CHECK_STR(dyad_dict_lookup_actor(d, "U.N.", 19950101, NULL), "IGOUNO");
    CHECK_STR(dyad_dict_lookup_actor(d, "SECRETARY BREZHNEV", 19750101, NULL), "RUSGOV");
    dyad_dict_free(d);
}

int main(void) {
    test_mini();
    test_bad();
    test_open_entries();
    test_loose_dates();
    test_fuzz_regressions();
    test_line_limits();
    test_phoenix();
    return t_summary();
}
