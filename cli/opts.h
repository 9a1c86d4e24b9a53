/* opts.h -- the one option parser of every dyad command (getopt_long).
 *
 * A command lists its options in a table; cli_opts_parse reads them in any
 * order, before or after the files, as "--opt value" or "--opt=value", and
 * leaves the operands (files, names) in order. Every command so behaves
 * alike: an unknown option or a missing value is a usage error (status 2),
 * --help prints the command's usage on standard output. */
#ifndef DYAD_CLI_OPTS_H
#define DYAD_CLI_OPTS_H

typedef struct cli_opt {
    const char *name;    /* long name without "--" */
    char short_name;     /* a one-letter alias ('o' for -o), or 0 */
    const char **value;  /* an option with a value: where it goes */
    int *flag;           /* a flag: set to 1 */
} cli_opt;

typedef struct cli_args {
    char **operands; /* what is not an option, in order (points into argv) */
    int noperands;
} cli_args;

/* Parses argv[1..argc) (argv[0] is the command's name) against opts,
 * ended by an entry with a NULL name. 0: parsed; -1: --help was asked and
 * printed (exit 0); 2: a usage error, printed with usage (exit 2). argv is
 * reordered: the operands move to its end. */
int cli_opts_parse(int argc, char **argv, const cli_opt *opts, const char *usage, cli_args *out);

/* A whole number in [lo, hi] for option `name`; else prints a usage error
 * and returns -1. */
long cli_opt_count(const char *name, const char *value, long lo, long hi);

/* The number of threads that code (code, ingest, validate): --threads
 * (value, or NULL when not given), else the DYAD_THREADS environment
 * variable, else the online CPUs. A bad value (not 1 to CLI_MAX_THREADS)
 * is a usage error: printed, and -1. */
#define CLI_MAX_THREADS 1024
int cli_opt_threads(const char *value);
#endif
