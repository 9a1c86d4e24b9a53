/* test_own_dicts.c -- dyad's own dictionaries (data/dict): every UN member
 * state (and the observers, Kosovo and Taiwan) resolves by name and by
 * adjective, every head of state and government in office on 2026-01-01
 * resolves, the dated lookups the project promises hold, and the set
 * loads without a single problem. Names go through the tokenizer, as they
 * would in a sentence. */
#include "t.h"
#include "dyad.h"

static dyad_dict *dict;
static dyad_tagger *tagger;
static dyad_arena *arena;

static void no_problem(void *ctx, const char *msg) {
    (*(int *)ctx)++;
    fprintf(stderr, "problem: %s\n", msg);
}

static const char *lookup(const char *name, int32_t date) {
    dyad_sentence s;
    dyad_error err = {{0}};
    dyad_arena_reset(arena);
    if (dyad_analyze_sentence(tagger, arena, name, strlen(name), &s, &err) < 0) return NULL;
    char folded[512] = "";
    for (uint32_t i = 0; i < s.ntokens; i++) {
        size_t n = strlen(folded);
        snprintf(folded + n, sizeof folded - n, "%s%s", i ? " " : "", s.tokens[i].upper);
    }
    return dyad_dict_lookup_actor(dict, folded, date, arena);
}

static void check_name(const char *name, const char *code, int32_t date, const char *file, int line) {
    const char *got = lookup(name, date);
    if (got && !strcmp(got, code)) {
        t_passed++;
        return;
    }
    t_failed++;
    fprintf(stderr, "%s:%d: \"%s\" on %d gives %s, expected %s\n", file, line, name, date,
            got ? got : "nothing", code);
}

/* Reads a TSV of code<TAB>name[<TAB>adjective] and checks every name. */
static int check_table(const char *path, int32_t date) {
    FILE *fp = fopen(path, "r");
    if (!fp) {
        T_SKIP(path);
        return 0;
    }
    char line[1024];
    int lineno = 0, rows = 0;
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#') continue;
        char *code = strtok(line, "\t"), *name = strtok(NULL, "\t"), *adj = strtok(NULL, "\t");
        if (!code || !name) continue;
        rows++;
        check_name(name, code, date, path, lineno);
        if (adj) check_name(adj, code, date, path, lineno);
    }
    fclose(fp);
    return rows;
}

int main(void) {
    dyad_error err = {{0}};
    int problems = 0;
    dict = dyad_dict_load_dir("data/dict", no_problem, &problems, &err);
    tagger = dyad_tagger_new(&err);
    arena = dyad_arena_new(0);
    CHECK(dict && tagger && arena);
    if (!dict || !tagger) return t_summary();
    CHECK(problems == 0);

    /* the lookups promised in the README */
    check_name("Hassan Rouhani", "IRNGOV", 20170523, __FILE__, __LINE__);
    check_name("Hassan Rouhani", "IRNELI", 20230101, __FILE__, __LINE__);
    check_name("Ebrahim Raisi", "IRNGOV", 20220601, __FILE__, __LINE__);
    check_name("Donald Trump", "USAGOV", 20190101, __FILE__, __LINE__);
    check_name("Donald Trump", "USAELI", 20220101, __FILE__, __LINE__);
    check_name("Donald Trump", "USAGOV", 20250301, __FILE__, __LINE__);
    check_name("Angela Merkel", "DEUGOV", 20200101, __FILE__, __LINE__);
    check_name("Angela Merkel", "DEUELI", 20230101, __FILE__, __LINE__);
    check_name("Recep Tayyip Erdogan", "TURGOV", 20200101, __FILE__, __LINE__);
    check_name("Recep Tayyip Erdoğan", "TURGOV", 20200101, __FILE__, __LINE__);
    check_name("Vladimir Putin", "RUSGOV", 20170523, __FILE__, __LINE__);
    check_name("the Kremlin", "RUSGOV", 20170523, __FILE__, __LINE__);

    int members = check_table("tests/data/un-members.tsv", 20260101);
    CHECK(members >= 197); /* 193 members, 2 observers, Kosovo, Taiwan */
    int leaders = check_table("tests/data/leaders-2026-europe-americas-oceania.tsv", 20260101) +
                  check_table("tests/data/leaders-2026-africa-mideast-asia.tsv", 20260101);
    CHECK(leaders > 250);
    dyad_arena_free(arena);
    dyad_tagger_free(tagger);
    dyad_dict_free(dict);
    return t_summary();
}
