/* server.c -- the HTTP side of `dyad serve`, on libmicrohttpd (Debian's
 * libmicrohttpd-dev; no HTTP parsing of dyad's own).
 *
 * Safe by default:
 *   - it listens on 127.0.0.1 unless told another address;
 *   - a pool of threads (MHD's thread pool, `threads` of them) serves at
 *     most `max_connections` connections; idle ones close after 15 s;
 *   - only GET and HEAD: any other method is 405 (with Allow);
 *   - a request with a body (Content-Length above 0 or chunked) is 413;
 *   - a request target above SV_MAX_URL bytes is 414 (MHD itself refuses a
 *     request whose head does not fit its 32 KiB buffer);
 *   - a path with "..", "//", a backslash or a control byte is 400, after
 *     MHD's %-decoding, so %2e%2e is refused too; the page's files come
 *     from arrays built into dyad, never from the file system;
 *   - the store is opened read-only (pool.c) and every query binds its
 *     values (src/store).
 * Every answer says nosniff, no-store and a Content-Security-Policy that
 * allows nothing but the page's own files. */
#include "serve/serve.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct dyad_server {
    struct MHD_Daemon *mhd;
    sv_pool pool;
    int port;
};

/* The tags a request starts with (set from its raw target, before MHD
 * splits it): a pointer that is never dereferenced. */
static const char tag_ok, tag_long;

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c) {
    (void)cls, (void)c;
    return (void *)(strlen(uri) > SV_MAX_URL ? &tag_long : &tag_ok);
}

void sv_reply_error(sv_reply *r, int status, const char *fmt, ...) {
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->status = status;
    r->type = "application/json; charset=utf-8";
    r->body_static = 0;
    r->filename[0] = 0;
    FILE *f = open_memstream(&r->body, &r->len);
    if (!f) {
        r->body = (char *)"{\"error\":\"out of memory\"}\n";
        r->len = strlen(r->body);
        r->body_static = 1;
        return;
    }
    fputs("{\"error\":", f);
    dyad_json_string(f, msg);
    fputs("}\n", f);
    fclose(f);
}

static const char *get_param(void *req, const char *name) {
    return MHD_lookup_connection_value(req, MHD_GET_ARGUMENT_KIND, name);
}

static int path_ok(const char *url) {
    if (url[0] != '/' || strstr(url, "..") || strstr(url, "//") || strchr(url, '\\')) return 0;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p < 0x20 || *p == 0x7f) return 0;
    return 1;
}

static enum MHD_Result send_reply(struct MHD_Connection *c, sv_reply *r) {
    struct MHD_Response *res = MHD_create_response_from_buffer(
        r->len, r->body, r->body_static ? MHD_RESPMEM_PERSISTENT : MHD_RESPMEM_MUST_FREE);
    if (!res) {
        if (!r->body_static) free(r->body);
        return MHD_NO;
    }
    MHD_add_response_header(res, "Content-Type", r->type);
    MHD_add_response_header(res, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(res, "Cache-Control", "no-store");
    MHD_add_response_header(res, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(res, "Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    if (r->status == MHD_HTTP_METHOD_NOT_ALLOWED) MHD_add_response_header(res, "Allow", "GET, HEAD");
    if (r->filename[0]) {
        char cd[120];
        snprintf(cd, sizeof cd, "attachment; filename=\"%s\"", r->filename);
        MHD_add_response_header(res, "Content-Disposition", cd);
    }
    enum MHD_Result ok = MHD_queue_response(c, (unsigned)r->status, res);
    MHD_destroy_response(res);
    return ok;
}

static int has_body(struct MHD_Connection *c) {
    const char *len = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
    const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding");
    return (len && strtoull(len, NULL, 10) > 0) || te;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload, size_t *upload_size, void **state) {
    (void)version, (void)upload;
    dyad_server *s = cls;
    sv_reply r = {0};
    *upload_size = 0; /* a body is never read: the answer below refuses it */
    if (*state == &tag_long)
        sv_reply_error(&r, MHD_HTTP_URI_TOO_LONG, "request target longer than %d bytes",
                       SV_MAX_URL);
    else if (strcmp(method, "GET") && strcmp(method, "HEAD"))
        sv_reply_error(&r, MHD_HTTP_METHOD_NOT_ALLOWED, "method %.20s not allowed (GET, HEAD)",
                       method);
    else if (has_body(c))
        sv_reply_error(&r, MHD_HTTP_CONTENT_TOO_LARGE, "a request body is not accepted");
    else if (!path_ok(url))
        sv_reply_error(&r, MHD_HTTP_BAD_REQUEST, "bad path");
    else
        sv_route(&s->pool, url, get_param, c, &r);
    return send_reply(c, &r);
}

/* "127.0.0.1:8080", "[::1]:8080", ":8080" (127.0.0.1) into addr. */
static int parse_listen(const char *listen, struct sockaddr_storage *addr, int *v6,
                        dyad_error *err) {
    char host[64];
    const char *colon = strrchr(listen, ':');
    char *end;
    long port = colon ? strtol(colon + 1, &end, 10) : -1;
    if (!colon || !colon[1] || *end || port < 0 || port > 65535 ||
        (size_t)(colon - listen) >= sizeof host)
        return dyad_error_set(err, "--listen '%.80s': expected HOST:PORT (127.0.0.1:8080)", listen);
    snprintf(host, sizeof host, "%.*s", (int)(colon - listen), listen);
    memset(addr, 0, sizeof *addr);
    *v6 = host[0] == '[';
    if (*v6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)addr;
        size_t n = strlen(host);
        if (n < 3 || host[n - 1] != ']') return dyad_error_set(err, "--listen '%.80s': bad IPv6 address", listen);
        host[n - 1] = 0;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((uint16_t)port);
        if (inet_pton(AF_INET6, host + 1, &a->sin6_addr) != 1)
            return dyad_error_set(err, "--listen '%.80s': bad IPv6 address", listen);
    } else {
        struct sockaddr_in *a = (struct sockaddr_in *)addr;
        a->sin_family = AF_INET;
        a->sin_port = htons((uint16_t)port);
        if (inet_pton(AF_INET, host[0] ? host : "127.0.0.1", &a->sin_addr) != 1)
            return dyad_error_set(err, "--listen '%.80s': the host must be an IP address "
                                  "(127.0.0.1, 0.0.0.0, [::1])", listen);
    }
    return 0;
}

dyad_server *dyad_serve_start(const dyad_serve_opts *o, dyad_error *err) {
    struct sockaddr_storage addr;
    int v6 = 0;
    unsigned threads = o->threads > 0 ? (unsigned)o->threads : 4;
    unsigned maxc = o->max_connections > 0 ? (unsigned)o->max_connections : 64;
    if (parse_listen(o->listen ? o->listen : "127.0.0.1:8080", &addr, &v6, err) < 0) return NULL;
    dyad_server *s = calloc(1, sizeof *s);
    if (!s) {
        dyad_error_set(err, "out of memory");
        return NULL;
    }
    if (sv_pool_open(&s->pool, o->db, threads, err) < 0) {
        free(s);
        return NULL;
    }
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | (v6 ? MHD_USE_IPv6 : 0);
    s->mhd = MHD_start_daemon(
        flags, 0, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
        MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT, maxc,
        MHD_OPTION_CONNECTION_TIMEOUT, 15u, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32768,
        MHD_OPTION_LISTEN_BACKLOG_SIZE, 256u, MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
        MHD_OPTION_END);
    if (!s->mhd) {
        sv_pool_close(&s->pool);
        free(s);
        dyad_error_set(err, "cannot listen on %s (in use, or not an address of this machine?)",
                       o->listen ? o->listen : "127.0.0.1:8080");
        return NULL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : 0;
    return s;
}

int dyad_serve_port(const dyad_server *s) { return s->port; }

void dyad_serve_stop(dyad_server *s) {
    if (!s) return;
    MHD_stop_daemon(s->mhd);
    sv_pool_close(&s->pool);
    free(s);
}

const sv_asset *sv_asset_find(const char *path) {
    for (const sv_asset *a = sv_assets; a->path; a++)
        if (!strcmp(a->path, path)) return a;
    return NULL;
}
