/* load.c -- assembling a dictionary set from files or from a directory.
 *
 * A directory is scanned and each file is given to the reader its name
 * calls for (case-insensitive): "verbs" or "CAMEO" -> verbs, "actors" ->
 * actors, "agents" -> agents, "discards" -> discards, "issue" -> issues; a
 * file "*.dyc" is a compiled set. Other files are ignored. Files are read
 * in name order so that a load is reproducible. */
#include "dictInt.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static dyad_dict *dict_new(void) {
    dyad_dict *d = calloc(1, sizeof *d);
    if (!d) return NULL;
    if (dtrie_init(&d->actor_trie) || dtrie_init(&d->agent_trie) ||
        dtrie_init(&d->discard_trie) || dtrie_init(&d->issue_trie)) {
        dict_free_arrays(d);
        free(d);
        return NULL;
    }
    dict_str(d, "", 0); /* offset 0 is "none" */
    dict_word(d, "", 0);
    return d;
}

dyad_dict *dyad_dict_load_files(const dyad_dict_files *f, dyad_problem_fn on_problem, void *ctx,
                                dyad_error *err) {
    dyad_dict *d = dict_new();
    if (!d) {
        dyad_error_set(err, "out of memory");
        return NULL;
    }
    int rc = 0;
    if (!rc && f->verbs) rc = dict_read_verbs(d, f->verbs, on_problem, ctx, err);
    for (size_t i = 0; !rc && i < f->nactors; i++)
        rc = dict_read_actors(d, f->actors[i], on_problem, ctx, err);
    if (!rc && f->agents) rc = dict_read_agents(d, f->agents, on_problem, ctx, err);
    if (!rc && f->discards) rc = dict_read_discards(d, f->discards, on_problem, ctx, err);
    if (!rc && f->issues) rc = dict_read_issues(d, f->issues, on_problem, ctx, err);
    if (rc) {
        dyad_dict_free(d);
        return NULL;
    }
    dict_finish_tries(d);
    return d;
}

static int has(const char *name, const char *part) {
    size_t n = strlen(part);
    for (const char *p = name; *p; p++)
        if (!strncasecmp(p, part, n)) return 1;
    return 0;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads a directory's file names, sorted. Caller frees. */
static char **list_dir(const char *dir, size_t *n, dyad_error *err) {
    DIR *dp = opendir(dir);
    if (!dp) {
        dyad_error_set(err, "%s: %s", dir, strerror(errno));
        return NULL;
    }
    char **names = NULL;
    size_t cap = 0;
    *n = 0;
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (e->d_name[0] == '.') continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) break;
            names = p;
        }
        names[(*n)++] = strdup(e->d_name);
    }
    closedir(dp);
    if (names) qsort(names, *n, sizeof *names, cmp_str);
    return names;
}

dyad_dict *dyad_dict_load_dir(const char *dir, dyad_problem_fn on_problem, void *ctx,
                              dyad_error *err) {
    size_t n;
    char **names = list_dir(dir, &n, err);
    if (!names) {
        if (!err || !err->msg[0]) dyad_error_set(err, "%s: no dictionary files", dir);
        return NULL;
    }
    char paths[32][4096];
    size_t np = 0;
    dyad_dict_files f = {0};
    const char *compiled = NULL;
    for (size_t i = 0; i < n && np < 32; i++) {
        const char *nm = names[i];
        char *path = paths[np];
        snprintf(path, sizeof paths[0], "%s/%s", dir, nm);
        int used = 1;
        if (has(nm, ".dyc")) compiled = path;
        else if (has(nm, "verbs") || has(nm, "CAMEO")) f.verbs = path;
        else if (has(nm, "actors") && f.nactors < 16) f.actors[f.nactors++] = path;
        else if (has(nm, "agents")) f.agents = path;
        else if (has(nm, "discards")) f.discards = path;
        else if (has(nm, "issue")) f.issues = path;
        else used = 0;
        if (used) np++;
    }
    dyad_dict *d = NULL;
    if (compiled && !f.verbs && !f.nactors) d = dyad_dict_load_compiled(compiled, err);
    else if (!f.verbs && !f.nactors && !f.agents)
        dyad_error_set(err, "%s: no dictionary files (expected *verbs*, *actors*, *agents*...)", dir);
    else d = dyad_dict_load_files(&f, on_problem, ctx, err);
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return d;
}

void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *st) { *st = d->stats; }
