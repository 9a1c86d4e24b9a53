/* cli.h -- the pieces of the dyad command shared by its subcommands. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include "dyad.h"

int cmd_code(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_merge(int argc, char **argv);
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

/* The library never prints: its warnings come to these hooks. cli_warn
 * prints "dyad: warning: MSG" (skipped records, items, pages, files);
 * cli_problem prints a dictionary's "file:line: problem" as it is. */
void cli_warn(void *ctx, const char *msg);
void cli_problem(void *ctx, const char *msg);

/* Loads a dictionary set from a directory or a compiled file, printing
 * problems to stderr unless quiet. */
dyad_dict *cli_load_dict(const char *path, int quiet, dyad_error *err);

/* Today's date by the system clock (UTC), YYYYMMDD: the date of documents
 * that give none, unless --date says otherwise. The library reads no clock. */
int32_t cli_today(void);
#endif
