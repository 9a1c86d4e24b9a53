/* error.c -- error messages as values.
 *
 * Library functions never print or exit; they fill a dyad_error and return
 * -1, and the caller (ultimately the CLI) decides what to do. */
#include "dyad.h"

#include <stdarg.h>

int dyad_error_set(dyad_error *err, const char *fmt, ...) {
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return -1;
}
