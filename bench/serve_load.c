/* serve_load.c -- a bounded load test of `dyad serve` on loopback: C
 * clients (threads) send N requests in all, one at a time each, to
 * 127.0.0.1:PORT, each a fresh connection with "Connection: close", and
 * time each from connect to the end of the answer. Prints the count of
 * answers by status, failures, and p50/p90/p99/max latency in ms.
 *
 *   serve_load PORT N C PATH [PATH...]   (paths taken in turn)
 *
 * Exits 1 if any request failed or was not answered 200: the CLI test
 * (tests/cli/test_load.sh) asserts that; `make bench` prints the figures.
 * Bounded: N and C are capped (100000, 200), and every socket has a
 * 30 s timeout, so a stuck server fails the run instead of hanging it. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

typedef struct load {
    int port, n, npaths;
    char **paths;
    int next;               /* the next request to send */
    pthread_mutex_t lock;
    double *ms;             /* latency of each request */
    int *status;            /* its HTTP status, or 0 for a failure */
} load;

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* One GET; the HTTP status, or 0 if it failed. */
static int get(int port, const char *path) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    struct timeval tv = {30, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    char req[2048], buf[16384];
    int len = snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", path);
    int status = 0;
    if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0 && write(fd, req, (size_t)len) == len) {
        char head[16] = {0};
        size_t hn = 0;
        ssize_t got;
        while ((got = read(fd, buf, sizeof buf)) > 0)
            for (ssize_t k = 0; k < got && hn < sizeof head - 1; k++) head[hn++] = buf[k];
        if (got == 0 && hn >= 12 && !strncmp(head, "HTTP/1.", 7)) status = atoi(head + 9);
    }
    close(fd);
    return status;
}

static void *client(void *arg) {
    load *l = arg;
    for (;;) {
        pthread_mutex_lock(&l->lock);
        int i = l->next < l->n ? l->next++ : -1;
        pthread_mutex_unlock(&l->lock);
        if (i < 0) return NULL;
        double t0 = now_ms();
        l->status[i] = get(l->port, l->paths[i % l->npaths]);
        l->ms[i] = now_ms() - t0;
    }
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: serve_load PORT N C PATH [PATH...]\n");
        return 2;
    }
    load l = {atoi(argv[1]), atoi(argv[2]), argc - 4, argv + 4, 0, PTHREAD_MUTEX_INITIALIZER, 0, 0};
    int c = atoi(argv[3]);
    if (l.port <= 0 || l.n < 1 || l.n > 100000 || c < 1 || c > 200) {
        fprintf(stderr, "serve_load: PORT, N (1-100000) and C (1-200) please\n");
        return 2;
    }
    l.ms = calloc((size_t)l.n, sizeof *l.ms);
    l.status = calloc((size_t)l.n, sizeof *l.status);
    pthread_t *t = calloc((size_t)c, sizeof *t);
    if (!l.ms || !l.status || !t) return 1;
    double t0 = now_ms();
    for (int i = 0; i < c; i++) pthread_create(&t[i], NULL, client, &l);
    for (int i = 0; i < c; i++) pthread_join(t[i], NULL);
    double wall = now_ms() - t0;
    int ok = 0, failed = 0, other = 0;
    for (int i = 0; i < l.n; i++) {
        if (l.status[i] == 200) ok++;
        else if (l.status[i] == 0) failed++;
        else other++;
    }
    qsort(l.ms, (size_t)l.n, sizeof *l.ms, by_value);
#define PCT(p) l.ms[(int)((l.n - 1) * (p) / 100.0 + 0.5)]
    printf("requests %d  clients %d  ok %d  failed %d  not-200 %d  wall %.0f ms  %.0f req/s\n",
           l.n, c, ok, failed, other, wall, l.n / (wall / 1e3));
    printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f\n", PCT(50), PCT(90), PCT(99),
           l.ms[l.n - 1]);
    free(l.ms), free(l.status), free(t);
    return ok == l.n ? 0 : 1;
}
