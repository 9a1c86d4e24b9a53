/* output.h -- internals shared by the event writers of src/output/. */
#ifndef DYAD_OUTPUT_H
#define DYAD_OUTPUT_H

#include "dyad.h"

/* s[0..n) as a JSON string literal (with quotes); newlines and tabs become
 * blanks when `flat` is set, as in sentence text (jsonl.c). */
void out_json(FILE *out, const char *s, size_t n, int flat);

#endif
