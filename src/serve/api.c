/* api.c -- what `dyad serve` answers: the page's files and the JSON API.
 *
 *   GET /                     the page (web/index.html)
 *   GET /api/info             the store's counts and the PLOVER types
 *   GET /api/ties?a=RUS&b=IRN&by=month
 *                             the series of a dyad, every period from the
 *                             first to the last (empty ones too: the page
 *                             draws them as gaps)
 *   GET /api/partners?a=RUS   a country's (or actor's) partners, ranked
 *   GET /api/events?a=RUS&b=IRN&from=2026-03&to=2026-03
 *                             the events behind a count, with their sentences
 *
 * Every API call takes the filters from, to (2019, 2019-12, 2019-W50,
 * 2019-12-05), root (04 or 04,05), quad (1-4) and plover (a PLOVER type),
 * and format=json (default) or csv; download=1 makes it an attachment;
 * events take limit (default 1000, at most 10000) and one_way=1 (only a
 * to b: the events behind one bar). A value that is not
 * one of these is a 400 naming it. The answers are written by the ties
 * module (src/ties), the same as `dyad ties` prints. */
#include "serve/serve.h"

#include <stdlib.h>
#include <string.h>

typedef struct query {
    const char *a, *b, *format;
    dyad_period by;
    dyad_ties_opts o;
    char from[9], to[9];
    int download;
} query;

static int all_of(const char *s, const char *set, size_t min, size_t max) {
    size_t n = strlen(s);
    return n >= min && n <= max && strspn(s, set) == n;
}

#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

/* Reads and checks the parameters; 0, or -1 with r set to a 400. */
static int read_query(sv_param_fn param, void *req, query *q, sv_reply *r) {
    memset(q, 0, sizeof *q);
    q->a = param(req, "a");
    q->b = param(req, "b");
    const char *by = param(req, "by"), *from = param(req, "from"), *to = param(req, "to");
    const char *quad = param(req, "quad"), *limit = param(req, "limit");
    const char *dl = param(req, "download"), *one_way = param(req, "one_way");
    q->format = param(req, "format");
    q->o.root = param(req, "root");
    q->o.plover_type = param(req, "plover");
    if (!q->format || !*q->format) q->format = "json";
    if (q->o.root && !*q->o.root) q->o.root = NULL;
    if (q->o.plover_type && !*q->o.plover_type) q->o.plover_type = NULL;
    const char *who[2] = {q->a, q->b};
    for (int k = 0; k < 2; k++)
        if (who[k] && !all_of(who[k], UPPER, 3, 15)) {
            sv_reply_error(r, 400, "%s: a country (RUS) or an actor code (RUSGOV), capital "
                           "letters", k ? "b" : "a");
            return -1;
        }
    if (strcmp(q->format, "json") && strcmp(q->format, "csv")) {
        sv_reply_error(r, 400, "format: json or csv");
        return -1;
    }
    q->by = !by || !strcmp(by, "month") ? DYAD_BY_MONTH
            : !strcmp(by, "week")       ? DYAD_BY_WEEK
            : !strcmp(by, "year")       ? DYAD_BY_YEAR
            : !strcmp(by, "day")        ? DYAD_BY_DAY
                                        : (dyad_period)-1;
    if ((int)q->by < 0) {
        sv_reply_error(r, 400, "by: day, week, month or year");
        return -1;
    }
    if ((from && *from && dyad_ties_bound(from, 0, q->from) < 0) ||
        (to && *to && dyad_ties_bound(to, 1, q->to) < 0)) {
        sv_reply_error(r, 400, "from/to: a year (2019), month (2019-12), ISO week (2019-W50) "
                       "or day (2019-12-05)");
        return -1;
    }
    if (q->from[0]) q->o.from = q->from;
    if (q->to[0]) q->o.to = q->to;
    if (q->o.root && !all_of(q->o.root, "0123456789,", 2, 60)) {
        sv_reply_error(r, 400, "root: CAMEO codes of 2 to 4 digits, comma-separated (04,05)");
        return -1;
    }
    if (quad && *quad) {
        if (quad[0] < '1' || quad[0] > '4' || quad[1]) {
            sv_reply_error(r, 400, "quad: 1, 2, 3 or 4");
            return -1;
        }
        q->o.quad = quad[0] - '0';
    }
    if (q->o.plover_type && dyad_plover_type_index(q->o.plover_type) < 0) {
        sv_reply_error(r, 400, "plover: not a PLOVER event type");
        return -1;
    }
    q->o.limit = SV_DEFAULT_LIMIT;
    if (limit && *limit) {
        char *end;
        long n = strtol(limit, &end, 10);
        if (*end || n < 1 || n > SV_MAX_LIMIT) {
            sv_reply_error(r, 400, "limit: 1 to %d", SV_MAX_LIMIT);
            return -1;
        }
        q->o.limit = n;
    }
    q->download = dl && !strcmp(dl, "1");
    q->o.one_way = one_way && !strcmp(one_way, "1");
    q->o.fill = 1; /* every period, so that the page can draw gaps */
    return 0;
}

/* Runs one of the ties module's writers into the reply. */
typedef int (*writer_fn)(FILE *out, dyad_store *s, const query *q, dyad_error *err);

static void run(sv_pool *pool, const query *q, const char *what, writer_fn w, sv_reply *r) {
    dyad_error err = {{0}};
    FILE *f = open_memstream(&r->body, &r->len);
    if (!f) {
        sv_reply_error(r, 500, "out of memory");
        return;
    }
    dyad_store *s = sv_pool_take(pool);
    int rc = w(f, s, q, &err);
    sv_pool_give(pool, s);
    fclose(f);
    if (rc < 0) {
        free(r->body);
        r->body = NULL;
        /* the arguments were checked: what is left is the store's fault */
        sv_reply_error(r, strstr(err.msg, "capital letters") ? 400 : 500, "%s", err.msg);
        return;
    }
    int csv = !strcmp(q->format, "csv");
    r->status = 200;
    r->type = csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
    if (q->download)
        snprintf(r->filename, sizeof r->filename, "dyad-%s-%.15s%s%.15s.%s", what, q->a,
                 q->b ? "-" : "", q->b ? q->b : "", q->format);
}

static int write_ties(FILE *out, dyad_store *s, const query *q, dyad_error *err) {
    dyad_ties t;
    if (dyad_ties_query(s, q->a, q->b, q->by, &q->o, &t, err) < 0) return -1;
    int rc = dyad_ties_write(out, &t, q->format, err);
    dyad_ties_free(&t);
    return rc;
}

static int write_partners(FILE *out, dyad_store *s, const query *q, dyad_error *err) {
    dyad_partner *p = NULL;
    size_t n = 0;
    int rc = dyad_partners_query(s, q->a, &q->o, &p, &n, err);
    if (rc == 0) rc = dyad_partners_write(out, q->a, p, n, q->format, err);
    free(p);
    return rc;
}

static int write_events(FILE *out, dyad_store *s, const query *q, dyad_error *err) {
    long n = 0;
    return dyad_ties_events(out, s, q->a, q->b, &q->o, q->format, &n, err);
}

static int write_info(FILE *out, dyad_store *s, const query *q, dyad_error *err) {
    (void)q;
    dyad_store_counts c;
    if (dyad_store_count(s, &c, err) < 0) return -1;
    fprintf(out, "{\"version\":\"%s\",\"documents\":%lld,\"near_copies\":%lld,"
            "\"sentences\":%lld,\"events\":%lld,\"counted\":%lld,\"plover_types\":[",
            DYAD_VERSION, (long long)c.documents, (long long)c.near_copies,
            (long long)c.sentences, (long long)c.events, (long long)c.counted);
    for (size_t i = 0; i < DYAD_PLOVER_TYPES; i++) {
        if (i) fputc(',', out);
        dyad_json_string(out, dyad_plover_type(i));
    }
    fputs("]}\n", out);
    return 0;
}

static void api(sv_pool *pool, const char *name, sv_param_fn param, void *req, sv_reply *r) {
    static const struct { const char *name; writer_fn w; int need; } calls[] = {
        {"info", write_info, 0}, {"ties", write_ties, 2},
        {"partners", write_partners, 1}, {"events", write_events, 1}};
    query q;
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
        if (strcmp(name, calls[i].name)) continue;
        if (read_query(param, req, &q, r) < 0) return;
        if ((calls[i].need >= 1 && !q.a) || (calls[i].need == 2 && !q.b)) {
            sv_reply_error(r, 400, "/api/%s needs %s", name, calls[i].need == 2 ? "a and b" : "a");
            return;
        }
        if (q.b && !strcmp(name, "partners")) q.b = NULL;
        if (q.b && !strcmp(q.a, q.b)) {
            sv_reply_error(r, 400, "a and b are the same");
            return;
        }
        run(pool, &q, name, calls[i].w, r);
        return;
    }
    sv_reply_error(r, 404, "no such API call: /api/%.40s", name);
}

void sv_route(sv_pool *pool, const char *path, sv_param_fn param, void *req, sv_reply *r) {
    if (!strncmp(path, "/api/", 5)) {
        api(pool, path + 5, param, req, r);
        return;
    }
    const sv_asset *a = sv_asset_find(strcmp(path, "/") ? path : "/index.html");
    if (!a) {
        sv_reply_error(r, 404, "not found");
        return;
    }
    r->status = 200;
    r->type = a->type;
    r->body = (char *)a->data;
    r->len = a->len;
    r->body_static = 1;
}
