# Makefile -- builds libdyad and the dyad CLI.
#   make          release build: build/release/{libdyad.a,dyad}
#   make test     AddressSanitizer + UBSan build, then every test
#   make run      install missing Debian packages, build, code the sample
#   make bench    speed and memory figures (prints them; asserts nothing)
#   make fuzz     libFuzzer targets (clang), FUZZ_SECONDS each
CC      ?= cc
CSTD    := -std=c11 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Werror -Wno-unused-parameter -Wno-format-truncation
INC     := -Iinclude -Isrc -I/usr/include/libxml2 -I/usr/include/postgresql
LIBS    := -lm -lsqlite3 -lxml2 -lgumbo -lpq -lmicrohttpd -lpthread

# text/: the tagger's WordNet lexicon is generated at build time from Debian's
# wordnet-base (never committed); see src/text/gen/wordnet_gen.c.
WORDNET  ?= /usr/share/wordnet
GEN_LEX  := build/gen/wordnet_lex.c
# serve/: the web page's files (web/) built into the binary as C arrays
WEB_FILES := $(sort $(wildcard web/*.html web/*.js web/*.css web/*.svg))
GEN_WEB  := build/gen/web_assets.c
SRC      := $(sort $(wildcard src/*/*.c)) $(GEN_LEX) $(GEN_WEB)
TESTS    := $(sort $(wildcard tests/test_*.c))
FUZZERS  := $(sort $(wildcard fuzz/fuzz_*.c))
CLI_SRC  := $(sort $(wildcard cli/*.c))
HDRS     := $(wildcard include/*.h src/*/*.h)
# each object's header dependencies, written by the compiler beside it
# (build/.../x.d): a changed header rebuilds exactly the objects that use it
DEPFLAGS := -MMD -MP
DICT_FILES := $(sort $(wildcard data/dict/*.txt))

# ---- release
REL       := build/release
# No loop unrolling or peeling and no tail duplication (-ftracer), which
# -fprofile-use turns on: they grow the hot code, and one sentence's pass
# through the coder's rules already fills the 32 KB instruction cache
# (callgrind, 1000 corpus stories: a quarter fewer instruction-cache
# misses for 3% more instructions; see README, Speed).
REL_SIZE  := -fno-unroll-loops -fno-peel-loops -fno-tracer
REL_CFLAGS := $(CSTD) -O3 $(REL_SIZE) -g $(WARN) $(INC)
# Link-time optimization of the release objects (not of the instrumented
# build, whose counters it would not change): the compiler inlines across
# files and lays out hot functions together with their callers
# (callgrind, 1000 corpus stories: 2.3% fewer instructions, 1% lower cost).
# Fat objects, so that libdyad.a links without LTO too.
REL_LTO   := -flto=auto -ffat-lto-objects
REL_OBJ   := $(SRC:%.c=$(REL)/%.o)

all: $(REL)/dyad $(REL)/dyad.dyc

# Profile-guided: an instrumented build in $(PGO_DIR) first codes the repository's
# own news sentences (scripts/pgo-train.sh); the release objects are then
# compiled with that branch profile (gcc -fprofile-use): some 6% fewer
# instructions a sentence and better branch layout. `make PGO=0` skips it.
PGO       ?= 1
PGO_DIR   := build/pgo
PGO_OBJ   := $(SRC:%.c=$(PGO_DIR)/%.o)
PGO_GEN   := -fprofile-generate -fprofile-update=single
# both builds name a file's profile alike (build/pgo/prof/src/coder/units.c.gcda),
# which also gives its static functions the same profile ids
PGO_AUX    = -dumpdir $(PGO_DIR)/prof/$(dir $<) -dumpbase $(notdir $<)
ifeq ($(PGO),1)
PROFILE_USE = -fprofile-use -fprofile-partial-training -Wno-missing-profile $(PGO_AUX)
PROFILE_DEP := $(PGO_DIR)/trained
endif

$(PGO_DIR)/%.o: %.c Makefile
	@mkdir -p $(dir $@) $(PGO_DIR)/prof/$(dir $<)
	$(CC) $(REL_CFLAGS) $(DEPFLAGS) $(PGO_GEN) $(PGO_AUX) -c $< -o $@

$(PGO_DIR)/dyad: $(CLI_SRC) $(PGO_OBJ) $(HDRS)
	$(CC) $(REL_CFLAGS) $(PGO_GEN) $(CLI_SRC) $(PGO_OBJ) $(LIBS) -o $@

$(PGO_DIR)/trained: $(PGO_DIR)/dyad scripts/pgo-train.sh $(DICT_FILES) tests/data/wire-2014-2025.tsv tests/data/verb-sentences.tsv
	find $(PGO_DIR)/prof -name '*.gcda' -delete
	bash scripts/pgo-train.sh $(PGO_DIR)/dyad
	touch $@

# dyad's own dictionaries, compiled at build time: the default set
$(REL)/dyad.dyc: $(REL)/dyad $(DICT_FILES)
	$(REL)/dyad dict compile --dict data/dict -o $@

PREFIX ?= /usr/local
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/dyad/dict
	install -m 755 $(REL)/dyad $(DESTDIR)$(PREFIX)/bin/dyad
	install -m 644 $(REL)/dyad.dyc $(DESTDIR)$(PREFIX)/share/dyad/dyad.dyc
	install -m 644 $(DICT_FILES) $(DESTDIR)$(PREFIX)/share/dyad/dict/

# text/: generated lexicon (see GEN_LEX above)
$(GEN_LEX): src/text/gen/wordnet_gen.c src/text/lexhash.h
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) -O2 $(WARN) $(INC) $< -o build/gen/wordnet_gen
	build/gen/wordnet_gen $(WORDNET) > $@.tmp && mv $@.tmp $@

# serve/: the page's files as C arrays (see GEN_WEB above)
$(GEN_WEB): src/serve/gen/embed_gen.c $(WEB_FILES)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) -O2 $(WARN) $< -o build/gen/embed_gen
	build/gen/embed_gen $(WEB_FILES) > $@.tmp && mv $@.tmp $@

$(REL)/%.o: %.c Makefile $(PROFILE_DEP)
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) $(REL_LTO) $(DEPFLAGS) $(PROFILE_USE) -c $< -o $@

$(REL)/libdyad.a: $(REL_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(REL)/dyad: $(CLI_SRC) $(REL)/libdyad.a $(HDRS)
	$(CC) $(REL_CFLAGS) $(REL_LTO) $(CLI_SRC) $(REL)/libdyad.a $(LIBS) -o $@

# text/: tagger accuracy against a PETRARCH validation file's parses
$(REL)/tagger_accuracy: bench/tagger_accuracy.c $(REL)/libdyad.a $(HDRS)
	$(CC) $(REL_CFLAGS) $< $(REL)/libdyad.a $(LIBS) -o $@
$(REL)/text_speed: bench/text_speed.c $(REL)/libdyad.a $(HDRS)
	$(CC) $(REL_CFLAGS) $< $(REL)/libdyad.a $(LIBS) -o $@

# ---- sanitizer builds: one rule set for each, made by sanitizer_build
# $(call sanitizer_build,DIR,CFLAGS-VARIABLE): DIR's library objects,
# DIR/libdyad.a, and DIR/tests/test_X from tests/test_X.c
define sanitizer_build
$(1)/%.o: %.c Makefile
	@mkdir -p $$(dir $$@)
	$$(CC) $$($(2)) $$(DEPFLAGS) -c $$< -o $$@

$(1)/libdyad.a: $$(SRC:%.c=$(1)/%.o)
	@rm -f $$@
	ar rcs $$@ $$^

$(1)/tests/%: tests/%.c $$(wildcard tests/*.h) $(1)/libdyad.a $$(HDRS)
	@mkdir -p $$(dir $$@)
	$$(CC) $$($(2)) $$< $(1)/libdyad.a $$(LIBS) -o $$@
endef

# AddressSanitizer + UBSan: the dyad binary and every test
ASAN        := build/asan
ASAN_CFLAGS := $(CSTD) -O1 -g $(WARN) $(INC) -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
ASAN_OBJ    := $(SRC:%.c=$(ASAN)/%.o)
TEST_BINS   := $(TESTS:tests/%.c=$(ASAN)/tests/%)
$(eval $(call sanitizer_build,$(ASAN),ASAN_CFLAGS))

$(ASAN)/dyad: $(CLI_SRC) $(ASAN)/libdyad.a $(HDRS)
	$(CC) $(ASAN_CFLAGS) $(CLI_SRC) $(ASAN)/libdyad.a $(LIBS) -o $@

# ThreadSanitizer: the pipeline's C test, whose threads share one coder
# (src/pipeline/); a data race fails `make test`
TSAN        := build/tsan
TSAN_CFLAGS := $(CSTD) -O1 -g $(WARN) $(INC) -fsanitize=thread
TSAN_OBJ    := $(SRC:%.c=$(TSAN)/%.o)
$(eval $(call sanitizer_build,$(TSAN),TSAN_CFLAGS))

# serve/: the load generator of tests/cli/test_load.sh and the bench
build/serve_load: bench/serve_load.c
	@mkdir -p build
	$(CC) $(CSTD) -O2 $(WARN) $< -lpthread -o $@

# the nevers (scripts/nevers.sh) first: a broken rule fails before any test runs;
# then the pipeline's test under ThreadSanitizer (it stops at the first race)
test: $(ASAN)/dyad $(TEST_BINS) build/serve_load $(TSAN)/tests/test_pipeline
	bash scripts/nevers.sh
	TSAN_OPTIONS="halt_on_error=1" $(TSAN)/tests/test_pipeline
	ASAN_OPTIONS=detect_leaks=1 bash tests/run.sh $(ASAN)

# ---- the demo
run:
	bash scripts/install-deps.sh
	$(MAKE) all
	$(REL)/dyad code --table --date 2026-03-14 data/sample/phone-call.txt

# ---- benchmarks
bench: $(REL)/dyad $(REL)/dyad.dyc $(REL)/tagger_accuracy build/serve_load
	bash bench/serve.sh $(REL)/dyad build/serve_load
	bash bench/run.sh $(REL)/dyad

# ---- fuzzing (clang + libFuzzer)
FUZZ         := build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS  := $(CSTD) -O1 -g $(INC) -fsanitize=fuzzer,address,undefined
FUZZ_OBJ     := $(SRC:%.c=$(FUZZ)/%.o)
FUZZ_BINS    := $(FUZZERS:fuzz/%.c=$(FUZZ)/%)

# the library once, instrumented for coverage (fuzzer-no-link: no main),
# and every fuzzer linked against it
$(FUZZ)/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(CSTD) -O1 -g $(INC) $(DEPFLAGS) -fsanitize=fuzzer-no-link,address,undefined -c $< -o $@

$(FUZZ)/libdyad.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ)/%: fuzz/%.c $(FUZZ)/libdyad.a $(HDRS) $(wildcard fuzz/*.h)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) $< $(FUZZ)/libdyad.a $(LIBS) -o $@

fuzz: $(FUZZ_BINS)
	@for f in $(FUZZ_BINS); do \
	    n=$$(basename $$f); mkdir -p build/fuzz-corpus/$$n; \
	    echo "== $$n ($(FUZZ_SECONDS)s)"; \
	    $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build/fuzz-corpus/$$n fuzz/corpus/$$n 2>&1 | tail -n 3 || exit 1; \
	done

clean:
	rm -rf build

-include $(REL_OBJ:.o=.d) $(ASAN_OBJ:.o=.d) $(PGO_OBJ:.o=.d) $(FUZZ_OBJ:.o=.d) $(TSAN_OBJ:.o=.d)

.PHONY: all test run bench fuzz clean install
