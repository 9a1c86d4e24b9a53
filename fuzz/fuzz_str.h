/* fuzz_str.h -- the string check of every fuzz target that reads
 * documents (readers and feeds): each string handed out is non-NULL and
 * NUL-free valid UTF-8. */
#ifndef FUZZ_STR_H
#define FUZZ_STR_H

#include "input/input.h"

#include <string.h>

static void fuzz_check_str(const char *s) {
    if (!s) __builtin_trap();
    if (rd_utf8_check(s, strlen(s)) != (size_t)-1) __builtin_trap();
}

/* fuzz_check_str on each of n strings. */
static void fuzz_check_strs(const char *const *s, size_t n) {
    for (size_t i = 0; i < n; i++) fuzz_check_str(s[i]);
}

#endif
