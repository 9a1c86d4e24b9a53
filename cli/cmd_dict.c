/* cmd_dict.c -- `dyad dict`: stats, lookup and compile.
 *
 *   dyad dict stats [--dict DIR|FILE]          entry counts and every problem
 *   dyad dict lookup [--dict D] [--date D] NAME the actor code on a date
 *   dyad dict compile [--dict DIR] -o FILE     the compiled cache (.dyc) */
#include "cli.h"
#include "opts.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: dyad dict stats   [--dict DIR|FILE]\n"
    "       dyad dict lookup  [--dict DIR|FILE] [--date YYYY-MM-DD] NAME\n"
    "       dyad dict compile [--dict DIR] -o FILE\n"
    "Without --dict, dyad's own dictionaries are used.\n";

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int stats(const char *path) {
    dyad_error err = {{0}};
    double t0 = now_ms();
    dyad_dict *d = cli_load_dict(path, 0, &err);
    double ms = now_ms() - t0;
    if (!d) return cli_fail("%s", err.msg);
    dyad_dict_stats s;
    dyad_dict_get_stats(d, &s);
    printf("dictionaries:       %s\n", path ? path : cli_default_dict());
    printf("verbs:              %zu (%zu forms)\n", s.verbs, s.verb_forms);
    printf("verb patterns:      %zu\n", s.patterns);
    printf("synsets:            %zu\n", s.synsets);
    printf("transformations:    %zu\n", s.transformations);
    printf("actors:             %zu\n", s.actors);
    printf("actor phrases:      %zu\n", s.actor_phrases);
    printf("date restrictions:  %zu\n", s.date_restrictions);
    printf("agents:             %zu (%zu phrases with plurals)\n", s.agents, s.agent_phrases);
    printf("discards:           %zu sentence, %zu story\n", s.discards, s.story_discards);
    printf("issues:             %zu\n", s.issues);
    printf("duplicate phrases:  %zu (first entry kept)\n", s.duplicate_phrases);
    printf("problems:           %zu (each listed on stderr as file:line)\n", s.problems);
    printf("load time:          %.2f ms\n", ms);
    dyad_dict_free(d);
    return 0;
}

/* Folds the name the way sentences are folded (accents, case) by running
 * it through the tokenizer, then asks the dictionary. */
static int lookup(const char *path, const char *date_s, const char *name) {
    int32_t date = date_s ? dyad_date_parse(date_s) : cli_today();
    if (date < 0) {
        fprintf(stderr, "dyad: bad --date '%s' (expected YYYY-MM-DD)\n", date_s);
        return 2;
    }
    dyad_error err = {{0}};
    dyad_dict *d = cli_load_dict(path, 1, &err);
    if (!d) return cli_fail("%s", err.msg);
    dyad_tagger *t = dyad_tagger_new(&err);
    dyad_arena *a = dyad_arena_new(0);
    dyad_sentence s;
    int rc = 1;
    if (t && a && dyad_analyze_sentence(t, a, name, strlen(name), &s, &err) == 0) {
        size_t len = 0;
        for (uint32_t i = 0; i < s.ntokens; i++) len += strlen(s.tokens[i].upper) + 1;
        char *folded = dyad_arena_alloc(a, len + 1);
        for (uint32_t i = 0; i < s.ntokens; i++) {
            if (i) strcat(folded, " ");
            strcat(folded, s.tokens[i].upper);
        }
        const char *code = dyad_dict_lookup_actor(d, folded, date, a);
        if (code) {
            printf("%s\n", code);
            rc = 0;
        } else {
            fprintf(stderr, "dyad: '%s' is not an actor in these dictionaries on %d\n", name, date);
        }
    } else {
        rc = cli_fail("%s", err.msg);
    }
    dyad_arena_free(a);
    dyad_tagger_free(t);
    dyad_dict_free(d);
    return rc;
}

static int compile(const char *path, const char *out) {
    if (!out) return cli_fail("dict compile needs -o FILE");
    dyad_error err = {{0}};
    dyad_dict *d = cli_load_dict(path, 0, &err);
    if (!d) return cli_fail("%s", err.msg);
    int rc = dyad_dict_compile(d, out, &err);
    dyad_dict_free(d);
    if (rc) return cli_fail("%s", err.msg);
    return 0;
}

int cmd_dict(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help")) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const char *dict = NULL, *date = NULL, *out = NULL, *name = NULL;
    const cli_opt table[] = {
        {"dict", 0, &dict, NULL},
        {"date", 0, &date, NULL},
        {"output", 'o', &out, NULL},
        {0},
    };
    cli_args args;
    int bad = cli_opts_parse(argc - 1, argv + 1, table, usage, &args);
    if (bad) return bad < 0 ? 0 : bad;
    if (args.noperands > 1) {
        fprintf(stderr, "dyad: one NAME only (quote names with spaces)\n");
        return 2;
    }
    if (args.noperands) name = args.operands[0];
    if (!strcmp(argv[1], "stats")) return stats(dict);
    if (!strcmp(argv[1], "compile")) return compile(dict, out);
    if (!strcmp(argv[1], "lookup")) {
        if (!name) {
            fputs(usage, stderr);
            return 2;
        }
        return lookup(dict, date, name);
    }
    fprintf(stderr, "dyad: unknown dict command '%s'\n%s", argv[1], usage);
    return 2;
}
