/* test_util.c -- util/: the growable byte buffer, the growth helper,
 * going back to a mark in an arena, and FNV-1a against the published test
 * vectors (the values are in files dyad writes, so they must not move). */
#include "t.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/bytes8.h"
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

/* What was allocated before a mark stays, what came after goes, also
 * when it filled blocks of its own; rewinding twice to one mark is fine. */
static void test_rewind(void) {
    dyad_arena *a = dyad_arena_new(1024);
    char *kept = dyad_arena_strdup(a, "kept");
    size_t used = dyad_arena_used(a);
    arena_mark m = arena_mark_now(a);
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 100; i++) CHECK(dyad_arena_alloc(a, 100) != NULL); /* ~10 blocks */
        CHECK(dyad_arena_alloc(a, 5000) != NULL); /* one larger than a block */
        CHECK(dyad_arena_used(a) > used + 10000);
        arena_rewind(a, m);
        CHECK(dyad_arena_used(a) == used);
        CHECK_STR(kept, "kept");
    }
    /* the next allocation takes the place of the first one given up */
    char *again = dyad_arena_strdup(a, "next");
    arena_rewind(a, m);
    CHECK(dyad_arena_strdup(a, "more") == again);
    dyad_arena_free(a);
}

/* A reset within a bound keeps a small block for the next use and gives a
 * big one back, so the arena holds a block of its default size again: two
 * allocations of 640 bytes no longer fit one after the other in it. */
static int adjacent_after_reset(size_t keep_max) {
    dyad_arena *a = dyad_arena_new(1024);
    CHECK(dyad_arena_alloc(a, 100000) != NULL); /* a 128 KB block, the largest */
    arena_reset_within(a, keep_max);
    CHECK(dyad_arena_used(a) == 0);
    char *p1 = dyad_arena_alloc(a, 640), *p2 = dyad_arena_alloc(a, 640);
    int adjacent = p1 && p2 == p1 + 640;
    dyad_arena_free(a);
    return adjacent;
}

static void test_reset_within(void) {
    dyad_arena *a = dyad_arena_new(1024);
    char *small = dyad_arena_alloc(a, 100);
    arena_reset_within(a, 4096);
    CHECK(dyad_arena_alloc(a, 100) == small); /* the small block, kept */
    dyad_arena_free(a);
    CHECK(!adjacent_after_reset(4096));  /* the big block given back */
    CHECK(adjacent_after_reset(1 << 20)); /* within the bound: kept */
}

static void test_hash(void) {
    /* FNV-1a reference values (Fowler, Noll, Vo: the published test suite) */
    CHECK(hash_fnv64("", 0) == 0xcbf29ce484222325ULL);
    CHECK(hash_fnv64("a", 1) == 0xaf63dc4c8601ec8cULL);
    CHECK(hash_fnv64("foobar", 6) == 0x85944171f73967e8ULL);
    /* FNV-1a 32 (feed/nesting.c folds names with its step): the known vectors */
    uint32_t h32 = HASH_FNV32_SEED;
    CHECK(h32 == 0x811c9dc5u);
    CHECK(hash_fnv32_step(h32, 'a') == 0xe40c292cu);
    for (const char *p = "foobar"; *p; p++) h32 = hash_fnv32_step(h32, (unsigned char)*p);
    CHECK(h32 == 0xbf9cf968u);
    uint64_t h = HASH_FNV64_SEED;
    for (const char *p = "foobar"; *p; p++) h = hash_fnv64_step(h, (unsigned char)*p);
    CHECK(h == hash_fnv64("foobar", 6));
    CHECK(hash_key("foobar", 6) == 0x85944171f73967e8ULL && hash_key("", 0) != 0);
    size_t n = 99;
    CHECK(hash_key_str("foobar", &n) == hash_key("foobar", 6) && n == 6);
    CHECK(hash_key_str("", &n) == hash_key("", 0) && n == 0);
}

/* The 8-byte tests, each byte value in each of the 8 places. */
static void test_bytes8(void) {
    int bad = 0;
    for (int place = 0; place < 8; place++)
        for (int c = 0; c < 256; c++) {
            char w[8] = "abcdefgh";
            w[place] = (char)c;
            uint64_t v = bytes8_load(w);
            bad += bytes8_printable(v) != (c >= 0x20 && c < 0x7F);
            bad += (bytes8_json_mask(v) != 0) != (c < 0x20 || c == '"' || c == '\\');
            bad += (bytes8_equal(v, 'q') != 0) != (c == 'q');
            bad += bytes8_count_high(v) != (c >= 0x80);
            /* a word's run ends at the byte that is no letter, digit or
             * non-ASCII byte other than 0xEF, or goes on past the 8 */
            int plain = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
                        (c >= 0x80 && c != 0xEF);
            uint64_t end = bytes8_word_end(v);
            bad += (end ? (int)bytes8_first(end) : 8) != (plain ? 8 : place);
        }
    CHECK(bad == 0);
    CHECK(bytes8_count_high(bytes8_load("\x80\xff\xc3\xa9\x80\x81\x90\xa0")) == 8);
    CHECK(bytes8_count_high(bytes8_load("\x80" "a\xc3" "b\x80" "c\x90" "d")) == 4);
    /* the same bytes, every length to 20, a difference in each place */
    const char *text = "the quick brown fox jumps";
    for (size_t n = 0; n <= 20; n++) {
        char copy[32];
        memcpy(copy, text, n);
        bad += !bytes8_same(copy, text, n);
        for (size_t k = 0; k < n; k++) {
            copy[k] ^= 0x20;
            bad += bytes8_same(copy, text, n);
            copy[k] ^= 0x20;
        }
    }
    CHECK(bad == 0);
    /* the first of several ends counts, whatever follows it */
    CHECK(bytes8_first(bytes8_word_end(bytes8_load("US-led\0\xef"))) == 2);
    CHECK(bytes8_first(bytes8_word_end(bytes8_load("caf\xc3\xa9\xef\xbf\xbd"))) == 5);
    CHECK(bytes8_first(bytes8_word_end(bytes8_load("Zz09@[`{"))) == 4);
}

/* The three scans (16 bytes at a time, then 8, then one): one byte that
 * stops each in every place of every length to 40, the scan starting at
 * every offset; a stopping byte before the start is not seen. */
static void test_scans(void) {
    static const unsigned char json_stop[] = {'"', '\\', 0x00, 0x01, 0x0A, 0x1F};
    static const unsigned char json_go[] = {' ', '!', '#', '[', ']', 0x7F, 0x80, 0xC3, 0xFF};
    static const unsigned char ascii_stop[] = {0x00, 0x80, 0xC3, 0xEF, 0xFF};
    static const unsigned char ascii_go[] = {0x01, 0x0A, ' ', '"', '\\', 0x7F};
    static const unsigned char digit_stop[] = {'0', '5', '9'};
    static const unsigned char digit_go[] = {'/', ':', 'a', ' ', 0x00, 0xB0, 0xB9, 0xFF, 0x7F};
    int bad = 0;
    char buf[48];
    for (size_t n = 0; n <= 40; n++)
        for (size_t from = 0; from <= n; from++)
            for (size_t k = 0; k <= n; k++) { /* k == n: no stopping byte */
                for (size_t v = 0; v < sizeof json_stop; v++) {
                    for (size_t i = 0; i < n; i++) buf[i] = (char)json_go[(i + v) % sizeof json_go];
                    if (k < n) buf[k] = (char)json_stop[v];
                    size_t want = k >= from && k < n ? k : n;
                    bad += bytes8_json_plain_end(buf + from, buf + n) != buf + want;
                }
                for (size_t v = 0; v < sizeof digit_stop; v++) {
                    for (size_t i = 0; i < n; i++) buf[i] = (char)digit_go[(i + v) % sizeof digit_go];
                    if (k < n) buf[k] = (char)digit_stop[v];
                    size_t want = k >= from && k < n ? k : n;
                    bad += bytes8_digit(buf + from, buf + n) != buf + want;
                }
                for (size_t v = 0; v < sizeof ascii_stop; v++) {
                    for (size_t i = 0; i < n; i++) buf[i] = (char)ascii_go[(i + v) % sizeof ascii_go];
                    if (k < n) buf[k] = (char)ascii_stop[v];
                    size_t want = k >= from && k < n ? k : n;
                    bad += bytes8_ascii_end(buf + from, buf + n) != buf + want;
                }
            }
    CHECK(bad == 0);
    /* two stopping bytes: the first counts */
    const char *two = "abcdefghijklmnopqrstu\x01vw\"";
    CHECK(bytes8_json_plain_end(two, two + 25) == two + 21);
}

int main(void) {
    test_buf();
    test_grow();
    test_rewind();
    test_reset_within();
    test_hash();
    test_bytes8();
    test_scans();
    return t_summary();
}
