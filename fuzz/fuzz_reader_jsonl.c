/* fuzz_reader_jsonl.c -- libFuzzer target: the JSON Lines reader on any bytes.
 * Build: make build/fuzz/fuzz_reader_jsonl; run with -max_len=65536. */
#include "reader_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzz_reader(data, size, DYAD_FMT_JSONL);
}
