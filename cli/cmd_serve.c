/* cmd_serve.c -- `dyad serve`: a local web page over a store.
 *
 *   dyad serve --db DB [--listen 127.0.0.1:8080] [--threads N]
 *
 * Serves until SIGINT or SIGTERM (the signals are blocked before the
 * server's threads start, so only this thread takes them), then stops
 * cleanly: the requests under way finish, the store is closed. The line
 * "dyad: serving ... at http://HOST:PORT/" on stderr names the port
 * (--listen 127.0.0.1:0 takes any free one). */
#include "cli.h"
#include "opts.h"

#include <malloc.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: dyad serve --db DB [--listen HOST:PORT] [--threads N]\n"
    "  --db PATH|URL          the store written by 'dyad ingest' (opened read-only)\n"
    "  --listen HOST:PORT     address to serve on (default 127.0.0.1:8080; port 0: any\n"
    "                         free port). Anything but 127.0.0.1 or [::1] lets other\n"
    "                         machines read the store.\n"
    "  --threads N            worker threads, each with its own store handle (default 4)\n"
    "Open the printed address in a browser; the JSON API is under /api/.\n";

int cmd_serve(int argc, char **argv) {
    dyad_serve_opts o = {0};
    const char *threads = NULL;
    const cli_opt table[] = {
        {"db", 0, &o.db, NULL},
        {"listen", 0, &o.listen, NULL},
        {"threads", 0, &threads, NULL},
        {0},
    };
    cli_args args;
    int bad = cli_opts_parse(argc, argv, table, usage, &args);
    if (bad) return bad < 0 ? 0 : bad;
    if (threads && (o.threads = (int)cli_opt_count("threads", threads, 1, 64)) < 0) return 2;
    if (args.noperands || !o.db || !*o.db) {
        fputs(usage, stderr);
        return 2;
    }
    if (strncmp(o.db, "postgres", 8) && access(o.db, R_OK) != 0)
        return cli_fail("%s: no such store (write one with 'dyad ingest --db %s ...')", o.db, o.db);
    /* a request's buffers (a series, its events, the answer) are freed and
     * allocated again at the next: kept in the heap rather than mapped and
     * unmapped each time (page faults were a seventh of a request's time) */
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    dyad_error err = {{0}};
    dyad_server *s = dyad_serve_start(&o, &err);
    if (!s) return cli_fail("%s", err.msg);
    const char *listen = o.listen ? o.listen : "127.0.0.1:8080";
    char where[300];
    dyad_store_mask(o.db, o.db, where, sizeof where);
    int hostlen = (int)(strrchr(listen, ':') - listen);
    fprintf(stderr, "dyad: serving %s at http://%.*s:%d/ (Ctrl-C stops)\n", where,
            hostlen ? hostlen : 9, hostlen ? listen : "127.0.0.1", dyad_serve_port(s));
    int sig = 0;
    sigwait(&stop, &sig);
    dyad_serve_stop(s);
    fprintf(stderr, "dyad: serve stopped (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;
}
