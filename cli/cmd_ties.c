/* cmd_ties.c -- `dyad ties`: how relations between two countries move.
 *
 *   dyad ties --db DB RUS IRN [--by month] [--format table|csv|json] [--plot F.svg]
 *   dyad ties --db DB RUS        the partners of RUS ranked by volume and tone
 *
 * Countries are the first three letters of actor codes (six for IGO, NGO,
 * IMG and MNC codes: IGOUNO); see dyad_actor_country.
 *
 * The store is opened read-only: ties changes nothing, waits for no
 * ingest, and refuses a file that is not a dyad store. No events for the
 * countries asked: the header alone (valid CSV / JSON), a note on stderr,
 * status 0 -- an empty answer, not an error. The same country twice is a
 * usage error (status 2). */
#include "cli.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: dyad ties --db DB COUNTRY [COUNTRY2] [options]\n"
    "  --db PATH|URL          the store written by 'dyad ingest'\n"
    "  --by week|month|year   period of the series (default month)\n"
    "  --format table|csv|json (default table)\n"
    "  --plot FILE.svg        also draw the series of the two countries\n"
    "With one country: its partners ranked by number of events, then tone.\n";

static int country_ok(const char *s) {
    size_t n = strlen(s);
    if (n != 3 && n != 6) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)s[i])) return 0;
    return 1;
}

int cmd_ties(int argc, char **argv) {
    const char *db = NULL, *by = "month", *format = "table", *plot = NULL, *cc[2] = {NULL, NULL};
    int ncc = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(argv[i], "--db") && i + 1 < argc) db = argv[++i];
        else if (!strcmp(argv[i], "--by") && i + 1 < argc) by = argv[++i];
        else if (!strcmp(argv[i], "--format") && i + 1 < argc) format = argv[++i];
        else if (!strcmp(argv[i], "--plot") && i + 1 < argc) plot = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "dyad: unknown option '%s'\n%s", argv[i], usage);
            return 2;
        } else if (ncc < 2) cc[ncc++] = argv[i];
        else {
            fprintf(stderr, "dyad: ties takes one or two countries\n%s", usage);
            return 2;
        }
    }
    dyad_period per = !strcmp(by, "week") ? DYAD_BY_WEEK : !strcmp(by, "year") ? DYAD_BY_YEAR
                                                                              : DYAD_BY_MONTH;
    if (!db || !ncc || (strcmp(by, "week") && strcmp(by, "month") && strcmp(by, "year")) ||
        (strcmp(format, "table") && strcmp(format, "csv") && strcmp(format, "json")) ||
        (plot && ncc < 2)) {
        fputs(usage, stderr);
        return 2;
    }
    if (!*db || !strcmp(db, ":memory:")) {
        fprintf(stderr, "dyad: --db '%s': the store must be a file or a postgresql:// URL\n", db);
        return 2;
    }
    if (ncc == 2 && !strcmp(cc[0], cc[1])) {
        fprintf(stderr, "dyad: ties needs two different countries ('%s' twice); for the partners "
                        "of %s give it alone\n", cc[0], cc[0]);
        return 2;
    }
    for (int i = 0; i < ncc; i++)
        if (!country_ok(cc[i])) {
            fprintf(stderr, "dyad: '%s' is not a country code (three capital letters: RUS, or "
                            "six for IGO/NGO/IMG/MNC: IGOUNO)\n", cc[i]);
            return 2;
        }
    if (strncmp(db, "postgres", 8) && access(db, R_OK) != 0) /* do not create an empty store */
        return cli_fail("%s: no such store (write one with 'dyad ingest --db %s ...')", db, db);
    dyad_error err = {{0}};
    dyad_store_opts ro = {0};
    ro.read_only = 1; /* a reader: changes nothing, takes no lock, refuses a foreign file */
    dyad_store *s = dyad_store_open(db, &ro, &err);
    if (!s) return cli_fail("%s", err.msg);
    char where[300];
    dyad_store_mask(db, db, where, sizeof where);
    int rc = 0;
    if (ncc == 1) {
        dyad_partner *p = NULL;
        size_t n = 0;
        if (dyad_partners_query(s, cc[0], &p, &n, &err) < 0 ||
            dyad_partners_write(stdout, cc[0], p, n, format, &err) < 0)
            rc = cli_fail("%s", err.msg);
        else if (n == 0)
            fprintf(stderr, "dyad: no events for %s in %s\n", cc[0], where);
        free(p);
    } else {
        dyad_ties t;
        if (dyad_ties_query(s, cc[0], cc[1], per, &t, &err) < 0) {
            rc = cli_fail("%s", err.msg);
        } else {
            if (dyad_ties_write(stdout, &t, format, &err) < 0) rc = cli_fail("%s", err.msg);
            if (t.n == 0 && !t.undated)
                fprintf(stderr, "dyad: no events between %s and %s in %s\n", cc[0], cc[1], where);
            if (t.undated)
                fprintf(stderr, "dyad: note: %ld counted events between %s and %s have no date "
                                "and are in no period (ingest them with --date)\n",
                        t.undated, cc[0], cc[1]);
            if (plot && !rc) {
                FILE *f = fopen(plot, "w");
                if (!f) rc = cli_fail("%s: cannot write", plot);
                else {
                    if (dyad_ties_svg(f, &t, &err) < 0) rc = cli_fail("%s: %s", plot, err.msg);
                    if (fclose(f) != 0 && !rc) rc = cli_fail("%s: write failed", plot);
                }
            }
            dyad_ties_free(&t);
        }
    }
    dyad_store_close(s, NULL);
    return rc;
}
