/* cmd_ties.c -- `dyad ties`: how relations between two countries move.
 *
 *   dyad ties --db DB RUS IRN [--by month] [--format table|csv|json] [--plot F.svg]
 *   dyad ties --db DB RUS        the partners of RUS ranked by volume and tone
 *   dyad ties --db DB RUS IRN --events [--from 2019-12 --to 2019-12] [--root 04]
 *                                the events behind the counts, with their sentences
 *
 * --from/--to, --root and --quad filter the counts, the partners and the
 * events alike. A day or week table leaves out the periods with no events
 * (month and year tables keep them); --fill keeps them. --plover counts by PLOVER
 * type in place of the top codes. An event a document tells more than once
 * (headline, lead, body) counts once per (document, source, target, code);
 * --per-sentence counts every sentence's.
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
#include "opts.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: dyad ties --db DB COUNTRY [COUNTRY2] [options]\n"
    "  --db PATH|URL          the store written by 'dyad ingest'\n"
    "  --by day|week|month|year  period of the series (default month)\n"
    "  --format table|csv|json (default table)\n"
    "  --plot FILE.svg        also draw the series of the two countries (empty\n"
    "                         periods are gaps in its lines)\n"
    "  --events               list the events behind the counts, with their sentences\n"
    "  --from P, --to P       only events from the start of P / to the end of P\n"
    "                         (P: 2019, 2019-12, 2019-W50 or 2019-12-05)\n"
    "  --root CODE            only events whose CAMEO code begins with CODE (04, 042)\n"
    "  --quad N               only events of QuadClass N: 1 verbal cooperation,\n"
    "                         2 material cooperation, 3 verbal conflict, 4 material conflict\n"
    "  --plover               count by PLOVER event type instead of top codes\n"
    "  --fill                 keep periods with no events in day and week tables\n"
    "  --per-sentence         count every sentence's event; by default an event told\n"
    "                         more than once in a document (headline, lead, body)\n"
    "                         counts once per (document, source, target, code)\n"
    "With one country: its partners ranked by number of events, then tone.\n";

static int country_ok(const char *s) {
    size_t n = strlen(s);
    if (n != 3 && n != 6) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)s[i])) return 0;
    return 1;
}

static int root_ok(const char *s) {
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return n >= 2 && n <= 4;
}

typedef struct ties_args {
    const char *db, *by, *format, *plot, *from, *to, *cc[2];
    int ncc, events;
    dyad_ties_opts o;
    char from_day[9], to_day[9];
} ties_args;

/* Parses the options; 0, or the exit status of a usage error (or --help). */
static int parse(int argc, char **argv, ties_args *a) {
    a->by = "month";
    a->format = "table";
    const char *quad = NULL;
    const cli_opt table[] = {
        {"db", 0, &a->db, NULL},
        {"by", 0, &a->by, NULL},
        {"format", 0, &a->format, NULL},
        {"plot", 0, &a->plot, NULL},
        {"from", 0, &a->from, NULL},
        {"to", 0, &a->to, NULL},
        {"root", 0, &a->o.root, NULL},
        {"quad", 0, &quad, NULL},
        {"events", 0, NULL, &a->events},
        {"plover", 0, NULL, &a->o.plover},
        {"fill", 0, NULL, &a->o.fill},
        {"per-sentence", 0, NULL, &a->o.per_sentence},
        {0},
    };
    cli_args args;
    int bad = cli_opts_parse(argc, argv, table, usage, &args);
    if (bad) return bad;
    if (quad) {
        if (quad[0] < '1' || quad[0] > '4' || quad[1]) {
            fprintf(stderr, "dyad: --quad takes 1, 2, 3 or 4, not '%s'\n", quad);
            return 2;
        }
        a->o.quad = quad[0] - '0';
    }
    if (args.noperands > 2) {
        fprintf(stderr, "dyad: ties takes one or two countries\n%s", usage);
        return 2;
    }
    for (int i = 0; i < args.noperands; i++) a->cc[a->ncc++] = args.operands[i];
    if (a->o.root && !root_ok(a->o.root)) {
        fprintf(stderr, "dyad: --root takes a CAMEO code of 2 to 4 digits (04, 042), not '%s'\n",
                a->o.root);
        return 2;
    }
    const char *bound[2] = {a->from, a->to};
    char *day[2] = {a->from_day, a->to_day};
    for (int k = 0; k < 2; k++)
        if (bound[k] && dyad_ties_bound(bound[k], k, day[k]) < 0) {
            fprintf(stderr, "dyad: --%s '%s': expected a year (2019), month (2019-12), ISO week "
                            "(2019-W50) or day (2019-12-05)\n", k ? "to" : "from", bound[k]);
            return 2;
        }
    if (a->from) a->o.from = a->from_day;
    if (a->to) a->o.to = a->to_day;
    if (a->from && a->to && strcmp(a->from_day, a->to_day) > 0) {
        fprintf(stderr, "dyad: --from %s is after --to %s\n", a->from, a->to);
        return 2;
    }
    int sparse = !strcmp(a->by, "week") || !strcmp(a->by, "day");
    if (!sparse) a->o.fill = 1; /* months and years: every one is listed */
    if (!a->db || !a->ncc || (!sparse && strcmp(a->by, "month") && strcmp(a->by, "year")) ||
        (strcmp(a->format, "table") && strcmp(a->format, "csv") && strcmp(a->format, "json")) ||
        (a->plot && (a->ncc < 2 || a->events)) || (a->o.plover && (a->ncc < 2 || a->events))) {
        fputs(usage, stderr);
        return 2;
    }
    return 0;
}

int cmd_ties(int argc, char **argv) {
    ties_args a = {0};
    int bad = parse(argc, argv, &a);
    if (bad) return bad < 0 ? 0 : bad;
    const char *db = a.db, **cc = a.cc, *format = a.format, *plot = a.plot;
    int ncc = a.ncc;
    dyad_period per = !strcmp(a.by, "week")  ? DYAD_BY_WEEK
                      : !strcmp(a.by, "day") ? DYAD_BY_DAY
                      : !strcmp(a.by, "year") ? DYAD_BY_YEAR : DYAD_BY_MONTH;
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
    if (a.events) {
        long n = 0;
        if (dyad_ties_events(stdout, s, cc[0], ncc > 1 ? cc[1] : NULL, &a.o, format, &n, &err) < 0)
            rc = cli_fail("%s", err.msg);
        else if (n == 0)
            fprintf(stderr, "dyad: no events for %s%s%s in %s\n", cc[0], ncc > 1 ? "-" : "",
                    ncc > 1 ? cc[1] : "", where);
    } else if (ncc == 1) {
        dyad_partner *p = NULL;
        size_t n = 0;
        if (dyad_partners_query(s, cc[0], &a.o, &p, &n, &err) < 0 ||
            dyad_partners_write(stdout, cc[0], p, n, format, &err) < 0)
            rc = cli_fail("%s", err.msg);
        else if (n == 0)
            fprintf(stderr, "dyad: no events for %s in %s\n", cc[0], where);
        free(p);
    } else {
        dyad_ties t;
        if (dyad_ties_query(s, cc[0], cc[1], per, &a.o, &t, &err) < 0) {
            rc = cli_fail("%s", err.msg);
        } else {
            if (dyad_ties_write(stdout, &t, format, &err) < 0) rc = cli_fail("%s", err.msg);
            if (t.n == 0 && !t.undated)
                fprintf(stderr, "dyad: no events between %s and %s in %s\n", cc[0], cc[1], where);
            if (t.undated)
                fprintf(stderr, "dyad: note: %ld counted events between %s and %s have no date "
                                "and are in no period (ingest them again with --date and --replace)\n",
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
