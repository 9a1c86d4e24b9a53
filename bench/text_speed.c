/* text_speed.c -- speed of the text stage alone: dyad_analyze over the
 * "text" field of every line of a JSON Lines corpus, repeated, reporting
 * sentences and tokens per second on one core.
 *
 * usage: text_speed FILE.jsonl [ROUNDS] */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Decodes the JSON string starting after the opening quote at *p into out
 * (\uXXXX as UTF-8, surrogate pairs not joined); returns its length. */
static size_t json_string(const char *p, char *out) {
    size_t o = 0;
    while (*p && *p != '"') {
        if (*p != '\\') { out[o++] = *p++; continue; }
        p++;
        char c = *p ? *p++ : '\0';
        if (c == 'n') out[o++] = '\n';
        else if (c == 't') out[o++] = '\t';
        else if (c == 'r') out[o++] = '\r';
        else if (c == 'b' || c == 'f') out[o++] = ' ';
        else if (c == 'u') {
            unsigned v = (unsigned)strtoul((char[5]){p[0], p[1], p[2], p[3], 0}, NULL, 16);
            p += 4;
            if (v < 0x80) out[o++] = (char)v;
            else if (v < 0x800) { out[o++] = (char)(0xC0 | v >> 6); out[o++] = (char)(0x80 | (v & 63)); }
            else { out[o++] = (char)(0xE0 | v >> 12); out[o++] = (char)(0x80 | ((v >> 6) & 63)); out[o++] = (char)(0x80 | (v & 63)); }
        } else if (c) out[o++] = c;
    }
    out[o] = '\0';
    return o;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: %s FILE.jsonl [ROUNDS]\n", argv[0]); return 2; }
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    FILE *f = fopen(argv[1], "r");
    if (!f) { fprintf(stderr, "cannot open %s\n", argv[1]); return 1; }
    size_t cap = 1024, n = 0;
    char **docs = malloc(cap * sizeof *docs);
    size_t *lens = malloc(cap * sizeof *lens);
    char *line = NULL;
    size_t lcap = 0;
    while (getline(&line, &lcap, f) > 0) {
        char *t = strstr(line, "\"text\": \"");
        size_t skip = 9;
        if (!t) { t = strstr(line, "\"text\":\""); skip = 8; }
        if (!t) continue;
        if (n == cap) { cap *= 2; docs = realloc(docs, cap * sizeof *docs); lens = realloc(lens, cap * sizeof *lens); }
        docs[n] = malloc(strlen(t) + 1);
        lens[n] = json_string(t + skip, docs[n]);
        n++;
    }
    free(line);
    fclose(f);
    dyad_error err;
    dyad_tagger *tg = dyad_tagger_new(&err);
    if (!tg) { fprintf(stderr, "%s\n", err.msg); return 1; }
    dyad_arena *a = dyad_arena_new(1 << 20);
    size_t sentences = 0, tokens = 0, bytes = 0;
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < n; i++) {
            dyad_sentence *s;
            size_t ns;
            dyad_arena_reset(a);
            if (dyad_analyze(tg, a, docs[i], lens[i], &s, &ns, &err)) { fprintf(stderr, "%s\n", err.msg); return 1; }
            sentences += ns;
            for (size_t k = 0; k < ns; k++) tokens += s[k].ntokens;
            bytes += lens[i];
        }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    /* CPU time of this thread: other load on the machine does not count */
    double sec = (double)(c1.tv_sec - c0.tv_sec) + (double)(c1.tv_nsec - c0.tv_nsec) / 1e9;
    printf("%zu documents x %d rounds: %zu sentences, %zu tokens, %.1f MB in %.3f s CPU "
           "(%.3f s wall)\n", n, rounds, sentences, tokens, (double)bytes / 1e6, sec, wall);
    printf("%.0f sentences/s, %.0f tokens/s, %.2f us/sentence (%.1f tokens/sentence)\n",
           (double)sentences / sec, (double)tokens / sec, 1e6 * sec / (double)sentences,
           (double)tokens / (double)sentences);
    for (size_t i = 0; i < n; i++) free(docs[i]);
    free(docs);
    free(lens);
    dyad_arena_free(a);
    dyad_tagger_free(tg);
    return 0;
}
