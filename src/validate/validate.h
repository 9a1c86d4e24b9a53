/* validate.h -- internal pieces of the validation harness. */
#ifndef DYAD_VALIDATE_H
#define DYAD_VALIDATE_H
#include "dyad.h"

/* Scores a PLOVER gold JSON Lines file (plover.c). */
int validate_plover(const char *path, const dyad_validate_opts *o, dyad_validate_result *res,
                    dyad_error *err);

int conll_to_sentence(dyad_arena *a, const char *parse, dyad_sentence *out, dyad_error *err);
#endif
