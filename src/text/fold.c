/* fold.c -- the public face of the tokenizer's case and accent folding, for
 * callers that build tokens themselves (CoNLL-U parses, name lookups). */
#include "dyad.h"
#include "text/text.h"

char *dyad_fold_upper(dyad_arena *a, const char *s, size_t n) { return text_fold_upper(a, s, n); }
