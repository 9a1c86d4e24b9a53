/* fuzz_reader_xml.c -- libFuzzer target: the PETRARCH XML reader on any bytes.
 * Build: make build/fuzz/fuzz_reader_xml; run with -max_len=65536. */
#include "reader_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return fuzz_reader(data, size, DYAD_FMT_XML);
}
