/* pool.c -- the store handles of `dyad serve`: one read-only handle per
 * worker thread, opened at start (so a bad store fails at once, not at the
 * first request). An SQLite handle must not be used by two threads at a
 * time, so a request takes one for its query and gives it back. Each
 * query is a new read transaction: a store in WAL mode that an ingest is
 * writing shows what was committed before the request. */
#include "serve/serve.h"

#include <stdlib.h>

int sv_pool_open(sv_pool *p, const char *db, size_t n, dyad_error *err) {
    p->all = calloc(n, sizeof *p->all);
    p->idle = calloc(n, sizeof *p->idle);
    p->n = p->nidle = 0;
    if (!p->all || !p->idle) {
        free(p->all), free(p->idle);
        return dyad_error_set(err, "out of memory");
    }
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->freed, NULL);
    dyad_store_opts ro = {0};
    ro.read_only = 1;
    for (; p->n < n; p->n++) {
        p->all[p->n] = dyad_store_open(db, &ro, err);
        if (!p->all[p->n]) {
            sv_pool_close(p);
            return -1;
        }
        p->idle[p->nidle++] = p->all[p->n];
    }
    return 0;
}

dyad_store *sv_pool_take(sv_pool *p) {
    pthread_mutex_lock(&p->lock);
    while (p->nidle == 0) pthread_cond_wait(&p->freed, &p->lock);
    dyad_store *s = p->idle[--p->nidle];
    pthread_mutex_unlock(&p->lock);
    return s;
}

void sv_pool_give(sv_pool *p, dyad_store *s) {
    pthread_mutex_lock(&p->lock);
    p->idle[p->nidle++] = s;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->lock);
}

void sv_pool_close(sv_pool *p) {
    for (size_t i = 0; i < p->n; i++) dyad_store_close(p->all[i], NULL);
    free(p->all), free(p->idle);
    p->all = p->idle = NULL;
    p->n = p->nidle = 0;
    pthread_cond_destroy(&p->freed);
    pthread_mutex_destroy(&p->lock);
}
