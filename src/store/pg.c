/* pg.c -- the event store in PostgreSQL (placeholder until libpq COPY lands). */
#include "store/store.h"

st_backend *st_pg_open(const char *url, dyad_error *err) {
    (void)url;
    dyad_error_set(err, "PostgreSQL stores are not supported yet");
    return NULL;
}
