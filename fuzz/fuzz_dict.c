/* fuzz_dict.c -- libFuzzer target for the dictionary readers: the same
 * bytes are read as a verb, actor, agent, discard and issue file; every
 * line must be taken or reported, never crash. The loaded set is then
 * compiled, mapped back and asked the same question. */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void count(void *ctx, const char *msg) {
    (*(size_t *)ctx)++;
    if (!strchr(msg, ':')) abort(); /* every problem names file:line */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char path[64], dyc[64];
    snprintf(path, sizeof path, "/tmp/fuzz_dict_%d.txt", (int)getpid());
    snprintf(dyc, sizeof dyc, "/tmp/fuzz_dict_%d.dyc", (int)getpid());
    FILE *fp = fopen(path, "wb");
    if (!fp) return 0;
    fwrite(data, 1, size, fp);
    fclose(fp);
    dyad_dict_files f = {0};
    f.verbs = path;
    f.actors[0] = path;
    f.nactors = 1;
    f.agents = path;
    f.discards = path;
    f.issues = path;
    size_t problems = 0;
    dyad_error err;
    dyad_dict *d = dyad_dict_load_files(&f, count, &problems, &err);
    if (!d) return 0;
    dyad_dict_stats st;
    dyad_dict_get_stats(d, &st);
    if (st.problems != problems) abort();
    const char *a = dyad_dict_lookup_actor(d, "A B", 20200101, NULL);
    if (dyad_dict_compile(d, dyc, &err) == 0) {
        dyad_dict *c = dyad_dict_load_compiled(dyc, &err);
        if (!c) abort();
        const char *b = dyad_dict_lookup_actor(c, "A B", 20200101, NULL);
        if ((a == NULL) != (b == NULL) || (a && strcmp(a, b))) abort();
        dyad_dict_free(c);
    }
    dyad_dict_free(d);
    return 0;
}
