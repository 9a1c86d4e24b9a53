/* read_actors.c -- the PETRARCH/TABARI actor dictionary.
 *
 *   PRIMARY_PHRASE [CODE]        a new actor; the code is its default
 *   +SYNONYM_PHRASE              another name of the same actor
 *   PRIMARY_PHRASE               with no code: the primary lines after it,
 *                                up to a code or restriction, name the
 *                                same actor (actor_is_open)
 *   <TAB>[CODE 20130803-20210803] a date restriction (also >date, <date,
 *   <TAB>[CODE]                  or a bare default; [CODE date]: from it on);
 *                                dates YYYYMMDD or YYMMDD, else as PETRARCH-2
 *                                reads them (restr_date)
 *
 * Comments start with '#' or ';'. Every phrase goes into the actor trie,
 * pointing at its actor; when the same phrase appears twice, the first
 * entry keeps it and the repeat is counted. */
#include "dictInt.h"
#include "date/date.h"

#include <string.h>

typedef struct actor_state {
    int have_actor; /* a primary line has been seen */
} actor_state;

static char *cut_semicolon(char *s) {
    char *c = strchr(s, ';');
    if (c) *c = 0;
    return dict_strip_comment(s);
}

static int add_phrase(dyad_dict *d, dline *ln, const char *s, size_t n) {
    int64_t node = dict_trie_phrase(d, ln, &d->actor_trie, s, n, "actor");
    if (node <= 0) return (int)node;
    dphrase ph = {d->actors.n - 1, ln->file, ln->no};
    if (dvec_push(&d->phrases, sizeof ph, &ph) < 0) return -1;
    d->actor_trie.val[node] = d->phrases.n;
    d->stats.actor_phrases++;
    return 0;
}

/* A restriction's date: YYYYMMDD or YYMMDD, else as PETRARCH-2 reads a
 * malformed one (date_parse_compact_loose: "1920030320" is 19200303), which
 * is said as a problem; -1 when neither reads it. */
static int32_t restr_date(const char *s, size_t n, int *loose) {
    int32_t dt = date_parse_compact(s, n);
    if (dt >= 0) return dt;
    dt = date_parse_compact_loose(s, n);
    if (dt >= 0) *loose = 1;
    return dt;
}

/* "[CODE]" "[CODE >date]" "[CODE <date]" "[CODE d1-d2]" -> restriction;
 * "[CODE date]" (no sign) applies from the date on, as in PETRARCH-2,
 * where such a line matches every later date. */
static int parse_restriction(dyad_dict *d, dline *ln, const char *s, drestr *r) {
    const char *close = strchr(s, ']');
    if (s[0] != '[' || !close) {
        dict_problem(ln, "date restriction must look like [CODE d1-d2], line skipped");
        return 0;
    }
    const char *p = s + 1;
    while (*p == ' ') p++;
    const char *ce = p;
    while (ce < close && *ce != ' ') ce++;
    if (ce == p) {
        dict_problem(ln, "date restriction without a code, line skipped");
        return 0;
    }
    r->code = dict_str(d, p, (size_t)(ce - p));
    r->from = INT32_MIN;
    r->to = INT32_MAX;
    const char *q = ce;
    while (q < close && *q == ' ') q++;
    const char *qe = close;
    while (qe > q && qe[-1] == ' ') qe--;
    if (q == qe) return 1; /* a bare default */
    int loose = 0;
    const char *dash = memchr(q, '-', (size_t)(qe - q));
    if (*q == '>' || *q == '<' || !dash) {
        const char *ds = q + (*q == '>' || *q == '<');
        while (ds < qe && *ds == ' ') ds++;
        int32_t dt = restr_date(ds, (size_t)(qe - ds), &loose);
        if (dt < 0) goto bad;
        if (*q == '<') r->to = dt;
        else r->from = dt;
    } else {
        const char *fe = dash, *ts = dash + 1;
        while (fe > q && fe[-1] == ' ') fe--;
        while (ts < qe && *ts == ' ') ts++;
        r->from = restr_date(q, (size_t)(fe - q), &loose);
        r->to = restr_date(ts, (size_t)(qe - ts), &loose);
        if (r->from < 0 || r->to < 0) goto bad;
        if (r->from > r->to) {
            dict_problem(ln, "date range ends before it starts, line skipped");
            return 0;
        }
    }
    if (loose || (!dash && *q != '>' && *q != '<'))
        dict_problem(ln, "date in restriction '%.*s' read as PETRARCH-2 reads it", (int)(close - s + 1), s);
    return 1;
bad:
    dict_problem(ln, "malformed date in restriction '%.*s', line skipped", (int)(close - s + 1), s);
    return 0;
}

/* "PHRASE [CODE] ; comment" -> phrase length and code (0 if none) */
static int split_code(dyad_dict *d, dline *ln, char *s, size_t *phrase_len, uint32_t *code) {
    char *open = strchr(s, '[');
    *code = 0;
    if (!open) {
        *phrase_len = strlen(s);
        return 1;
    }
    char *close = strchr(open, ']');
    if (!close) {
        dict_problem(ln, "'[' without ']', line skipped");
        return 0;
    }
    char *c = open + 1;
    while (*c == ' ') c++;
    char *ce = close;
    while (ce > c && ce[-1] == ' ') ce--;
    if (ce > c) *code = dict_str(d, c, (size_t)(ce - c));
    size_t n = (size_t)(open - s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    *phrase_len = n;
    return 1;
}

/* Whether the last entry is still open: a primary line with neither a
 * code nor a date restriction yet. The primary lines that follow it, up to
 * the first code or restriction, are more names of the same actor, as
 * PETRARCH and TABARI read the format ("LEONID_BREZHNEV_", then
 * "SECRETARY_BREZHNEV", then the restrictions: one actor), not actors of
 * their own with no code. */
static int actor_is_open(const dyad_dict *d) {
    const dactor *a = (const dactor *)dvec_at(&d->actors, sizeof *a, d->actors.n - 1);
    return !a->code && !a->r_count;
}

static int actor_line(dline *ln, char *raw, void *state) {
    actor_state *st = state;
    dyad_dict *d = ln->d;
    char *s = cut_semicolon(raw);
    if (!*s) return 0;
    if (s[0] == '[') { /* a date restriction (TAB-indented in the format) */
        if (!st->have_actor) {
            dict_problem(ln, "date restriction before any actor, line skipped");
            return 0;
        }
        drestr r;
        if (!parse_restriction(d, ln, s, &r)) return 0;
        dactor *a = (dactor *)dvec_at(&d->actors, sizeof *a, d->actors.n - 1);
        if (!a->r_count) a->r_first = d->restrs.n;
        if (dvec_push(&d->restrs, sizeof r, &r) < 0) return -1;
        a = (dactor *)dvec_at(&d->actors, sizeof *a, d->actors.n - 1);
        a->r_count++;
        d->stats.date_restrictions++;
        return 0;
    }
    if (s[0] == '+') {
        if (!st->have_actor) {
            dict_problem(ln, "synonym before any actor, line skipped");
            return 0;
        }
        size_t n;
        uint32_t code;
        if (!split_code(d, ln, s + 1, &n, &code)) return 0;
        return add_phrase(d, ln, s + 1, n);
    }
    size_t n;
    uint32_t code;
    if (!split_code(d, ln, s, &n, &code)) return 0;
    if (n == 0) {
        dict_problem(ln, "code without a phrase, line skipped");
        return 0;
    }
    /* "PHRASE [CODE date-date]": a restriction on the primary line (TABARI) */
    drestr r;
    int dated = code && strchr(dict_s(d, code), ' ');
    if (dated) {
        char *open = strchr(s + n, '[');
        code = 0;
        if (!parse_restriction(d, ln, open, &r)) return 0;
    }
    if (!st->have_actor || !actor_is_open(d)) { /* else another name of the open entry */
        dactor fresh = {dict_str(d, s, n), 0, 0, 0, ln->file, ln->no};
        if (dvec_push(&d->actors, sizeof fresh, &fresh) < 0) return -1;
        st->have_actor = 1;
        d->stats.actors++;
    }
    dactor *a = (dactor *)dvec_at(&d->actors, sizeof *a, d->actors.n - 1);
    a->code = code;
    if (dated) {
        if (dvec_push(&d->restrs, sizeof r, &r) < 0) return -1;
        a->r_first = d->restrs.n - 1;
        a->r_count = 1;
        d->stats.date_restrictions++;
    }
    return add_phrase(d, ln, s, n);
}

int dict_read_actors(dyad_dict *d, const char *path, dyad_problem_fn fn, void *ctx,
                     dyad_error *err) {
    actor_state st = {0};
    return dict_read_lines(path, d, fn, ctx, actor_line, &st, err);
}
