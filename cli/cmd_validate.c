/* cmd_validate.c -- `dyad validate FILE.xml`: the PETRARCH validation
 * harness; `dyad validate GOLD.jsonl`: PLOVER gold records scored as the
 * PLOVER scorer does. Exit status 0 when the file ran to the end, whatever
 * the score; 1 when it could not be read to its end or holds no record. */
#include "cli.h"
#include "opts.h"

#include <string.h>

static const char usage[] =
    "usage: dyad validate [options] FILE.xml | GOLD.jsonl\n"
    "  --dict DIR|FILE   dictionaries to use instead of the file's <Environment>\n"
    "                    (GOLD.jsonl: instead of dyad's own)\n"
    "  --use-parse       code from each record's <Parse> (CoNLL-U) instead of its <Text>\n"
    "  --events FILE     also write every coded event as JSON Lines\n"
    "  --quiet           only the table and the summary line\n"
    "  --threads N       threads that code (default: the online CPUs, or DYAD_THREADS);\n"
    "                    the report is the same, byte for byte, for every N\n"
    "PLOVER gold (GOLD.jsonl, as shared/validation/plover-gsr/), as score_plover.py:\n"
    "  --reciprocal      \"X and Y agreed\" records score X->Y and Y->X\n"
    "  --unmapped-fp     events with no PLOVER type (01, 02) are false positives\n";

int cmd_validate(int argc, char **argv) {
    dyad_validate_opts o = {0};
    const char *file = NULL, *events = NULL, *threads = NULL;
    o.report = stdout;
    o.default_date = cli_today(); /* the date of records that give none */
    o.on_warning = cli_warn;
    o.on_problem = cli_problem;
    const cli_opt table[] = {
        {"dict", 0, &o.dict, NULL},
        {"events", 0, &events, NULL},
        {"threads", 0, &threads, NULL},
        {"use-parse", 0, NULL, &o.use_parse},
        {"quiet", 0, NULL, &o.quiet},
        {"reciprocal", 0, NULL, &o.reciprocal},
        {"unmapped-fp", 0, NULL, &o.unmapped_fp},
        {0},
    };
    cli_args args;
    int bad = cli_opts_parse(argc, argv, table, usage, &args);
    if (bad) return bad < 0 ? 0 : bad;
    if ((o.threads = cli_opt_threads(threads)) < 0) return 2;
    if (args.noperands > 1) {
        fprintf(stderr, "dyad: one validation file at a time\n");
        return 2;
    }
    if (args.noperands) file = args.operands[0];
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
