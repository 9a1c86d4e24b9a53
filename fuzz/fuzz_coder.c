/* fuzz_coder.c -- libFuzzer target for analysis and coding together: any
 * bytes as a document, coded with dyad's own dictionaries (data/dict, so
 * run from the repository root) and written as JSON Lines. Events must
 * point at real sentences and carry codes; nothing may crash or leak. */
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct harness { /* made once: the harness's, not the library's */
    dyad_dict *dict;
    dyad_tagger *tagger;
    dyad_coder *coder;
} harness;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static harness h;
    dyad_error err;
    if (!h.coder) {
        h.dict = dyad_dict_load_dir("data/dict", NULL, NULL, &err);
        h.tagger = dyad_tagger_new(&err);
        dyad_options o;
        dyad_options_default(&o);
        o.explain = 1;
        o.require_dyad = size & 1; /* both settings get exercised */
        if (!h.dict || !h.tagger || !(h.coder = dyad_coder_new(h.dict, h.tagger, &o, &err))) abort();
    }
    dyad_arena *a = dyad_arena_new(0);
    if (!a) return 0;
    dyad_doc doc = {0};
    doc.id = doc.title = doc.source = doc.url = doc.category = doc.parse = "";
    doc.date = "20200101";
    doc.text = (const char *)data;
    doc.text_len = size;
    dyad_result res;
    if (dyad_code_doc(h.coder, a, &doc, 0, &res, &err) == 0) {
        for (size_t i = 0; i < res.nevents; i++) {
            const dyad_event *e = &res.events[i];
            if (e->sentence >= res.nsentences || !e->code[0] || !e->source[0]) abort();
        }
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        if (out) {
            if (dyad_write_events_jsonl(out, &doc, &res, &err) < 0) abort();
            fclose(out);
            free(buf);
        }
    }
    dyad_arena_free(a);
    return 0;
}
