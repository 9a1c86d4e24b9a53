/* cmd_validate.c -- `dyad validate FILE.xml`: the PETRARCH validation
 * harness; `dyad validate GOLD.jsonl`: PLOVER gold records scored as the
 * PLOVER scorer does. Exit status 0 when the file ran to the end, whatever
 * the score; 1 when it could not be read to its end or holds no record. */
#include "cli.h"

#include <string.h>

static const char usage[] =
    "usage: dyad validate [options] FILE.xml | GOLD.jsonl\n"
    "  --dict DIR|FILE   dictionaries to use instead of the file's <Environment>\n"
    "                    (GOLD.jsonl: instead of dyad's own)\n"
    "  --use-parse       code from each record's <Parse> (CoNLL-U) instead of its <Text>\n"
    "  --events FILE     also write every coded event as JSON Lines\n"
    "  --quiet           only the table and the summary line\n"
    "PLOVER gold (GOLD.jsonl, as shared/validation/plover-gsr/), as score_plover.py:\n"
    "  --reciprocal      \"X and Y agreed\" records score X->Y and Y->X\n"
    "  --unmapped-fp     events with no PLOVER type (01, 02) are false positives\n";

int cmd_validate(int argc, char **argv) {
    dyad_validate_opts o = {0};
    const char *file = NULL, *events = NULL;
    o.report = stdout;
    o.default_date = cli_today(); /* the date of records that give none */
    o.on_warning = cli_warn;
    o.on_problem = cli_problem;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help")) {
            fputs(usage, stdout);
            return 0;
        } else if (!strcmp(argv[i], "--dict") && i + 1 < argc) o.dict = argv[++i];
        else if (!strcmp(argv[i], "--events") && i + 1 < argc) events = argv[++i];
        else if (!strcmp(argv[i], "--use-parse")) o.use_parse = 1;
        else if (!strcmp(argv[i], "--quiet")) o.quiet = 1;
        else if (!strcmp(argv[i], "--reciprocal")) o.reciprocal = 1;
        else if (!strcmp(argv[i], "--unmapped-fp")) o.unmapped_fp = 1;
        else if (argv[i][0] == '-') {
            fprintf(stderr, "dyad: unknown option '%s'\n%s", argv[i], usage);
            return 2;
        } else if (!file) file = argv[i];
        else {
            fprintf(stderr, "dyad: one validation file at a time\n");
            return 2;
        }
    }
    if (!file) {
        fputs(usage, stderr);
        return 2;
    }
    if (!o.dict && dyad_validate_is_plover(file)) o.dict = cli_default_dict();
    if (events && !(o.events = fopen(events, "w"))) return cli_fail("%s: cannot write", events);
    dyad_validate_result res;
    dyad_error err = {{0}};
    int rc = dyad_validate(file, &o, &res, &err);
    if (o.events && fclose(o.events) != 0 && !rc) return cli_fail("%s: write error", events);
    if (rc) return cli_fail("%s", err.msg);
    return 0;
}
