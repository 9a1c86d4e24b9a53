/* opts.c -- the one option parser of every dyad command: a table of
 * options turned into getopt_long's, so that every command takes its
 * options anywhere on the line, in "--opt value" and "--opt=value" form,
 * and reports a bad one the same way (see opts.h). */
#include "opts.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define OPTS_MAX 64
#define HELP_ID 1000 /* getopt_long's value for --help; table entries are 1001.. */

static int usage_error(const char *usage, const char *fmt, const char *what) {
    fputs("dyad: ", stderr);
    fprintf(stderr, fmt, what);
    fprintf(stderr, "\n%s", usage);
    return 2;
}

/* The getopt_long table and short-option string for opts. */
static int build(const cli_opt *opts, struct option *lo, char *shorts) {
    int n = 0, k = 0;
    shorts[k++] = ':'; /* a missing value returns ':' */
    for (; opts[n].name; n++) {
        if (n >= OPTS_MAX - 2) return -1;
        lo[n] = (struct option){opts[n].name, opts[n].value ? required_argument : no_argument,
                                NULL, HELP_ID + 1 + n};
        if (opts[n].short_name) {
            shorts[k++] = opts[n].short_name;
            if (opts[n].value) shorts[k++] = ':';
        }
    }
    lo[n++] = (struct option){"help", no_argument, NULL, HELP_ID};
    lo[n] = (struct option){0, 0, 0, 0};
    shorts[k] = 0;
    return 0;
}

/* The table entry a getopt_long return value stands for, or NULL. */
static const cli_opt *entry(const cli_opt *opts, int c) {
    if (c > HELP_ID) return &opts[c - HELP_ID - 1];
    for (int i = 0; opts[i].name; i++)
        if (opts[i].short_name && opts[i].short_name == c) return &opts[i];
    return NULL;
}

int cli_opts_parse(int argc, char **argv, const cli_opt *opts, const char *usage, cli_args *out) {
    struct option lo[OPTS_MAX];
    char shorts[2 * OPTS_MAX + 2];
    if (build(opts, lo, shorts) < 0) return usage_error(usage, "%s", "too many options");
    opterr = 0;
    optind = 0; /* glibc: start afresh (a test may parse twice) */
    int c, li;
    while ((c = getopt_long(argc, argv, shorts, lo, &li)) != -1) {
        const char *arg = argv[optind - 1];
        if (c == HELP_ID) {
            fputs(usage, stdout);
            return -1;
        }
        if (c == ':') return usage_error(usage, "option '%s' needs a value", arg);
        const cli_opt *o = c == '?' ? NULL : entry(opts, c);
        if (!o) return usage_error(usage, "unknown option '%s'", arg);
        if (o->value) *o->value = optarg;
        else *o->flag = 1;
    }
    out->operands = argv + optind;
    out->noperands = argc - optind;
    return 0;
}

long cli_opt_count(const char *name, const char *value, long lo, long hi) {
    char *end;
    errno = 0;
    long v = strtol(value, &end, 10);
    if (errno || end == value || *end || v < lo || v > hi) {
        fprintf(stderr, "dyad: --%s takes a whole number from %ld to %ld, not '%s'\n", name, lo,
                hi, value);
        return -1;
    }
    return v;
}

int cli_opt_threads(const char *value) {
    const char *name = "threads", *env = getenv("DYAD_THREADS");
    if (!value && env && *env) {
        value = env;
        name = "threads (from DYAD_THREADS)";
    }
    if (value) return (int)cli_opt_count(name, value, 1, CLI_MAX_THREADS);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > CLI_MAX_THREADS ? CLI_MAX_THREADS : (int)n;
}
