/* main.c -- the dyad command: dispatches to a subcommand.
 *
 *   dyad code [options] [FILE...]     code documents, JSON Lines on stdout
 *   dyad validate FILE.xml            run a PETRARCH validation file
 *   dyad dict stats|lookup|compile    inspect and compile dictionaries
 *   dyad ingest --db DB FILE...       code documents into an event store
 *   dyad merge --db DB FILE.jsonl...  coded documents (ingest --db X.jsonl) into one
 *   dyad ties --db DB A [B]           the series of a dyad, a country's partners
 *   dyad serve --db DB                a local web page and JSON API over a store
 *
 * Only this layer prints usage and chooses exit codes: 0 success, 1 the
 * run could not complete (including a write error on standard output:
 * main checks the final flush of every command), 2 bad usage. */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef DYAD_DICT_DEFAULT
#define DYAD_DICT_DEFAULT "/usr/local/share/dyad/dyad.dyc"
#endif

static const char usage[] =
    "usage: dyad <command> [options]\n"
    "\n"
    "commands:\n"
    "  code [FILE...]          code news text into CAMEO events (JSON Lines)\n"
    "  validate FILE.xml       score a PETRARCH validation file\n"
    "  dict stats              count dictionary entries and report problems\n"
    "  dict lookup NAME        the actor code a name has on a date\n"
    "  dict compile -o FILE    write a compiled dictionary cache\n"
    "  ingest --db DB FILE...  code news (files, feeds, pages, directories) into a store\n"
    "  merge --db DB FILE...   add coded documents (ingest --db X.jsonl) to one store\n"
    "  ties --db DB A [B]      events between two countries per period; A's partners\n"
    "  serve --db DB           a local web page (and JSON API) over a store\n"
    "\n"
    "Run 'dyad <command> --help' for the options of a command.\n";

int cli_fail(const char *fmt, ...) {
    /* one write, so that a message from another thread cannot cut it */
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "dyad: %s\n", msg);
    return 1;
}

static int is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* The default dictionaries, first found: $DYAD_DICT; the compiled set the
 * build put next to the binary (dyad.dyc); the source tree's data/dict; the
 * installed set. */
const char *cli_default_dict(void) {
    const char *env = getenv("DYAD_DICT");
    if (env && *env) return env;
    static char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 64);
    if (n > 0) {
        buf[n] = 0;
        char *slash = strrchr(buf, '/');
        if (slash) {
            char probe[4200];
            snprintf(probe, sizeof probe, "%.*s/dyad.dyc", (int)(slash - buf), buf);
            if (is_file(probe)) {
                snprintf(buf, sizeof buf, "%s", probe);
                return buf;
            }
        }
        for (int up = 0; up < 3; up++) {
            char *slash = strrchr(buf, '/');
            if (!slash) break;
            *slash = 0;
            char probe[4200];
            snprintf(probe, sizeof probe, "%s/data/dict", buf);
            if (is_dir(probe)) {
                strcat(buf, "/data/dict");
                return buf;
            }
        }
    }
    return DYAD_DICT_DEFAULT;
}

void cli_problem(void *ctx, const char *msg) {
    (void)ctx;
    fprintf(stderr, "%s\n", msg);
}

void cli_warn(void *ctx, const char *msg) {
    (void)ctx;
    fprintf(stderr, "dyad: warning: %s\n", msg);
}

dyad_dict *cli_load_dict(const char *path, int quiet, dyad_error *err) {
    if (!path) path = cli_default_dict();
    if (is_dir(path)) return dyad_dict_load_dir(path, quiet ? NULL : cli_problem, NULL, err);
    /* DYAD_DICT_SHARED=1 (scripts/slurm-array.sh sets it): the tasks on a
     * node share the compiled file's pages; it must then be replaced only
     * by rename while they run */
    const char *shared = getenv("DYAD_DICT_SHARED");
    if (shared && !strcmp(shared, "1")) return dyad_dict_map_compiled(path, err);
    return dyad_dict_load_compiled(path, err);
}

int32_t cli_today(void) {
    time_t now = time(NULL);
    struct tm tm;
    if (!gmtime_r(&now, &tm)) return 0;
    return (int32_t)((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday);
}

int cli_write_error(void) {
    int e = errno;
    if (e) return cli_fail("write error: %s", strerror(e));
    return cli_fail("write error on standard output");
}

int cli_output_ok(void) { return ferror(stdout) ? cli_write_error() : 0; }

/* Everything written to standard output reached it, or status 1: a full
 * disk or a closed descriptor is an error, never a silent exit 0. A
 * command that failed already has said why; its status stays. */
static int finish(int rc) {
    int failed = ferror(stdout);
    errno = 0;
    if (fflush(stdout) != 0) failed = 1;
    int e = errno;
    if (fclose(stdout) != 0 && !e) e = errno, failed = 1;
    if (!failed) return rc;
    if (rc == 0) {
        errno = e;
        cli_write_error();
    }
    return rc ? rc : 1;
}

static int run(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("dyad %s\n", DYAD_VERSION);
        return 0;
    }
    if (!strcmp(argv[1], "code")) return cmd_code(argc - 1, argv + 1);
    if (!strcmp(argv[1], "validate")) return cmd_validate(argc - 1, argv + 1);
    if (!strcmp(argv[1], "dict")) return cmd_dict(argc - 1, argv + 1);
    if (!strcmp(argv[1], "ingest")) return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(argv[1], "merge")) return cmd_merge(argc - 1, argv + 1);
    if (!strcmp(argv[1], "ties")) return cmd_ties(argc - 1, argv + 1);
    if (!strcmp(argv[1], "serve")) return cmd_serve(argc - 1, argv + 1);
    fprintf(stderr, "dyad: unknown command '%s'\n%s", argv[1], usage);
    return 2;
}

int main(int argc, char **argv) { return finish(run(argc, argv)); }
