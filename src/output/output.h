/* output.h -- internals shared by the event writers of src/output/. */
#ifndef DYAD_OUTPUT_H
#define DYAD_OUTPUT_H

#include "dyad.h"
#include "date/date.h"
#include "util/buf.h"

/* s[0..n) as a JSON string literal (with quotes); newlines and tabs become
 * blanks when `flat` is set, as in sentence text (jsonl.c). */
void out_json(FILE *out, const char *s, size_t n, int flat);
/* The same, appended to a line being built (no flattening). */
void out_json_buf(byte_buf *l, const char *s, size_t n);

/* The text of an event's sentence: its length, and its start in doc->text
 * (0 and 0 when the result has no such sentence). */
size_t out_sentence(const dyad_doc *doc, const dyad_result *res, const dyad_event *e,
                    size_t *start);

#endif
