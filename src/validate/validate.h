/* validate.h -- internal pieces of the validation harness. */
#ifndef DYAD_VALIDATE_H
#define DYAD_VALIDATE_H
#include "dyad.h"

int conll_to_sentence(dyad_arena *a, const char *parse, dyad_sentence *out, dyad_error *err);
#endif
