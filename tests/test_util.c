/* test_util.c -- util/: the growable byte buffer, the growth helper and
 * FNV-1a against the published test vectors (the values are in files dyad
 * writes, so they must not move). */
#include "t.h"
#include "util/buf.h"
#include "util/hash.h"

static void test_buf(void) {
    byte_buf b = {0};
    CHECK(byte_buf_reserve(&b, 0) == 0 && b.p && b.p[0] == 0 && b.len == 0);
    CHECK(byte_buf_puts(&b, "abc") == 0 && b.len == 3);
    CHECK(byte_buf_putc(&b, 'd') == 0);
    CHECK_STR(b.p, "abcd");
    for (int i = 0; i < 10000; i++) byte_buf_put(&b, "0123456789", 10);
    CHECK(b.len == 4 + 100000 && b.cap > b.len && b.p[b.len] == 0 && !b.oom);
    CHECK(!memcmp(b.p + 4 + 99990, "0123456789", 10));
    byte_buf_clear(&b);
    CHECK(b.len == 0 && b.p[0] == 0);
    CHECK(byte_buf_put(&b, "x", 0) == 0 && b.len == 0);
    byte_buf_free(&b);
    CHECK(b.p == NULL && b.cap == 0);
}

static void test_grow(void) {
    int *v = NULL;
    size_t cap = 0;
    CHECK(util_grow(&v, &cap, 1, sizeof *v, 8) == 0 && cap == 8);
    for (int i = 0; i < 8; i++) v[i] = i;
    CHECK(util_grow(&v, &cap, 9, sizeof *v, 8) == 0 && cap == 16 && v[7] == 7);
    CHECK(util_grow(&v, &cap, 3, sizeof *v, 8) == 0 && cap == 16); /* no shrinking */
    size_t before = cap;
    CHECK(util_grow(&v, &cap, (size_t)-1 / 2, sizeof *v, 8) == -1 && cap == before && v[7] == 7);
    free(v);
}

static void test_hash(void) {
    /* FNV-1a reference values (Fowler, Noll, Vo: the published test suite) */
    CHECK(hash_fnv64("", 0) == 0xcbf29ce484222325ULL);
    CHECK(hash_fnv64("a", 1) == 0xaf63dc4c8601ec8cULL);
    CHECK(hash_fnv64("foobar", 6) == 0x85944171f73967e8ULL);
    CHECK(hash_fnv32("", 0) == 0x811c9dc5u);
    CHECK(hash_fnv32("a", 1) == 0xe40c292cu);
    CHECK(hash_fnv32("foobar", 6) == 0xbf9cf968u);
    uint64_t h = HASH_FNV64_SEED;
    for (const char *p = "foobar"; *p; p++) h = hash_fnv64_step(h, (unsigned char)*p);
    CHECK(h == hash_fnv64("foobar", 6));
    CHECK(hash_key("foobar", 6) == 0x85944171f73967e8ULL && hash_key("", 0) != 0);
}

int main(void) {
    test_buf();
    test_grow();
    test_hash();
    return t_summary();
}
