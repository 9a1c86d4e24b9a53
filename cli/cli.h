/* cli.h -- the pieces of the dyad command shared by its subcommands. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include "dyad.h"

int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_ties(int argc, char **argv);
int cmd_serve(int argc, char **argv);

/* Prints "dyad: msg" to stderr; returns the exit status to use. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "dyad: write error: <strerror(errno)>"; returns 1. */
int cli_write_error(void);
/* 0 if standard output has had no write error, else cli_write_error(). */
int cli_output_ok(void);

/* The default dictionary directory (DYAD_DICT, the installed set, or the
 * source tree's data/dict). */
const char *cli_default_dict(void);

/* Loads a dictionary set from a directory or a compiled file, printing
 * problems to stderr unless quiet. */
dyad_dict *cli_load_dict(const char *path, int quiet, dyad_error *err);

/* "2017-05-23" or "20170523" -> 20170523; -1 if malformed. */
int32_t cli_parse_date(const char *s);
#endif
