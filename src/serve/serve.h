/* serve.h -- internals of `dyad serve`: the pool of read-only store handles,
 * the HTTP answer a handler builds, the API handlers and the embedded
 * files of the page.
 *
 * server.c owns libmicrohttpd: it refuses what is not a plain GET or HEAD
 * of a sane path and hands the rest to sv_route (api.c), which answers
 * with a sv_reply; it never sees a socket. */
#ifndef DYAD_SERVE_H
#define DYAD_SERVE_H

#include "dyad.h"

#include <pthread.h>

#define SV_MAX_URL 4096      /* longer request targets: 414 */
#define SV_MAX_LIMIT 10000   /* events listed by one request at most */
#define SV_DEFAULT_LIMIT 1000

/* The store handles, one per worker thread; a request borrows one. */
typedef struct sv_pool {
    pthread_mutex_t lock;
    pthread_cond_t freed;
    dyad_store **all, **idle;
    size_t n, nidle;
} sv_pool;
int sv_pool_open(sv_pool *p, const char *db, size_t n, dyad_error *err);
dyad_store *sv_pool_take(sv_pool *p);
void sv_pool_give(sv_pool *p, dyad_store *s);
void sv_pool_close(sv_pool *p);

/* What a handler answers: status, type and body (malloc'd, or static). */
typedef struct sv_reply {
    int status;
    const char *type;
    char *body;
    size_t len;
    int body_static;         /* body is not to be freed */
    char filename[64];       /* set: the body is a download of this name */
} sv_reply;
/* A JSON error answer {"error": msg}. */
void sv_reply_error(sv_reply *r, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Reads one query parameter of the request (NULL when absent). */
typedef const char *(*sv_param_fn)(void *req, const char *name);

/* Answers GET path (already checked: no "..", no "//"). */
void sv_route(sv_pool *pool, const char *path, sv_param_fn param, void *req, sv_reply *r);

/* The page's files, built into dyad from web/ (build/gen/web_assets.c). */
typedef struct sv_asset {
    const char *path;        /* "/index.html" */
    const char *type;        /* its Content-Type */
    const unsigned char *data;
    size_t len;
} sv_asset;
extern const sv_asset sv_assets[];  /* ends with a NULL path */
const sv_asset *sv_asset_find(const char *path);
#endif
