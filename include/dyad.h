/* dyad.h -- public interface of libdyad, the political event-data coder.
 *
 * The pipeline, one source folder per stage, declared below in this order:
 *   date/      every date read: command line, documents, dictionaries, feeds,
 *              and the dates a sentence's words give an event
 *   input/     readers: plain text, JSON Lines, PETRARCH XML  -> dyad_doc
 *   feed/      RSS, Atom, web pages and directories           -> dyad_doc
 *              (util/shard.c: which documents a shard takes)
 *   text/      sentence splitting, tokenizing, normalizing, POS tagging
 *   dict/      PETRARCH-2 dictionaries: verbs, actors, agents, discards, issues
 *   coder/     phrase analysis and CAMEO coding, dated events -> dyad_event
 *   cameo/     CAMEO's facts: codes, names, Goldstein, QuadClass, PentaClass,
 *              PLOVER types, the country and sector of an actor code
 *   output/    writers: JSON Lines, PLOVER, Phoenix, GDELT
 *   store/     the event store: SQLite or PostgreSQL, each document once
 *   pipeline/  read -> code -> write or store, in threads, in input order
 *   ties/      a dyad's series, partners, event listings, SVG chart
 *   validate/  PETRARCH validation files and PLOVER gold records
 * (util/: the arena, errors; no other module.)
 *
 * Conventions: no global mutable state. Everything a document needs is
 * allocated from a dyad_arena owned by the caller and reset between
 * documents. Functions that can fail return 0 on success and -1 on failure,
 * filling a dyad_error with a message that names the file and line. Only the
 * CLI decides to exit. Loaded dictionaries and models are immutable and may be
 * shared by threads. */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

typedef struct dyad_error {
    char msg[512];
} dyad_error;

/* printf-style: fills err (if non-NULL) and returns -1. */
int dyad_error_set(dyad_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---------------------------------------------------------------- arena */

/* A bump allocator: many small allocations, freed all at once. */
typedef struct dyad_arena dyad_arena;

dyad_arena *dyad_arena_new(size_t block_size);
void dyad_arena_free(dyad_arena *a);
void dyad_arena_reset(dyad_arena *a);           /* keeps the first block */
void *dyad_arena_alloc(dyad_arena *a, size_t n); /* 16-byte aligned, zeroed; aborts never, NULL on OOM */
void *dyad_arena_alloc_uninit(dyad_arena *a, size_t n); /* the same, not zeroed */
char *dyad_arena_strndup(dyad_arena *a, const char *s, size_t n);
char *dyad_arena_strdup(dyad_arena *a, const char *s);
size_t dyad_arena_used(const dyad_arena *a);

/* ---------------------------------------------------------------- dates */
/* src/date/: every date dyad reads (command line, documents, dictionary
 * restrictions, feeds, sentences). Dates are YYYYMMDD integers; 0 is none. */

/* "YYYY-MM-DD" or "YYYYMMDD", a real calendar date of years 1-9999; -1 if
 * not (the --date of the command line). */
int32_t dyad_date_parse(const char *s);

/* Where an event's date came from: its sentence's words resolved against
 * the document date, the document date itself, or nowhere. */
typedef enum dyad_date_kind {
    DYAD_DATE_NONE, DYAD_DATE_DOCUMENT, DYAD_DATE_TODAY, DYAD_DATE_YESTERDAY,
    DYAD_DATE_TOMORROW, DYAD_DATE_LAST_WEEK, DYAD_DATE_NEXT_WEEK, DYAD_DATE_LAST_MONTH,
    DYAD_DATE_AGO, DYAD_DATE_WEEKDAY, DYAD_DATE_NEXT_WEEKDAY, DYAD_DATE_MONTH_DAY
} dyad_date_kind;
/* "none", "document", "yesterday", "last week", "weekday", ... */
const char *dyad_date_kind_name(dyad_date_kind k);

/* ---------------------------------------------------------------- input */

/* The most text one document may have, whatever its format: 16 MiB. A
 * longer JSON Lines or XML record, feed item or web page is skipped with a
 * warning naming file and line (plain text: an error); a file that is read
 * whole (RSS, Atom, HTML) may not be larger either. */
#define DYAD_MAX_TEXT ((size_t)16 << 20)

typedef enum dyad_format {
    DYAD_FMT_TEXT,  /* the whole stream is one document */
    DYAD_FMT_JSONL, /* one JSON object per line: id, date, title, text, source, url */
    DYAD_FMT_XML    /* PETRARCH <Sentence> records */
} dyad_format;

/* A gold event from a PETRARCH validation record. */
typedef struct dyad_gold {
    const char *source, *target, *code;
} dyad_gold;

/* A key/value pair: <Config option= value=>, <Environment> children. */
typedef struct dyad_kv {
    const char *key, *value;
} dyad_kv;

/* One document. All strings are NUL-terminated, valid UTF-8, and owned by
 * the arena passed to dyad_reader_next. Missing fields are "" (never NULL). */
typedef struct dyad_doc {
    const char *id;
    const char *date;       /* "YYYYMMDD" or "" when unknown */
    const char *title;
    const char *text;
    size_t text_len;
    const char *source, *url;
    uint64_t line;          /* input line where the record starts (1-based) */
    int one_sentence;       /* the text is one sentence, coded unsplit (a PETRARCH
                             * record); every command codes it so (dyad_code_doc) */

    /* PETRARCH XML records only */
    const char *category;   /* category="..." */
    const char *parse;      /* raw <Parse> content (CoNLL-U), "" if none */
    int evaluate;           /* 0 when evaluate="false" or sentence="false" */
    int has_gold;           /* an <EventCoding> element was present */
    int gold_noevents;      /* noevents="True" or error=... */
    dyad_gold *gold;
    size_t ngold;
    const dyad_kv *config;  /* <Config> options in force at this record */
    size_t nconfig;
} dyad_doc;

typedef struct dyad_reader dyad_reader;

/* Opens a reader on an already-open stream. `name` is used in messages
 * (a path, or "<stdin>"). For DYAD_FMT_TEXT `default_date` ("YYYYMMDD" or
 * NULL) becomes the document date and the id is derived from the name. */
dyad_reader *dyad_reader_open(FILE *fp, const char *name, dyad_format fmt,
                              const char *default_date, dyad_error *err);
void dyad_reader_close(dyad_reader *r);

/* Reads the next document into *doc, allocating from `a`.
 * Returns 1 for a document, 0 at end of input, -1 on an error that stops
 * the run (err names the input and line). A malformed record that can be
 * skipped is skipped: it is counted and a warning goes to the warning hook. */
int dyad_reader_next(dyad_reader *r, dyad_arena *a, dyad_doc *doc, dyad_error *err);

/* Warnings for skipped records: "name:line: message". The library never
 * prints: without a hook (fn NULL, the default) they are only counted. */
typedef void (*dyad_warn_fn)(void *ctx, const char *msg);
void dyad_reader_on_warning(dyad_reader *r, dyad_warn_fn fn, void *ctx);
uint64_t dyad_reader_skipped(const dyad_reader *r);

/* XML only: the <Environment> children (Verbfile, Actorfile, ..., Include),
 * available once the first record has been read. */
const dyad_kv *dyad_reader_env(const dyad_reader *r, size_t *n);

/* Where a document's date came from (dyad_doc_find_date). */
typedef enum dyad_date_from {
    DYAD_DATE_FROM_NONE, /* nowhere: the document stays undated */
    DYAD_DATE_FROM_META, /* its metadata: JSON "date", feed item date, page <meta>/<time> */
    DYAD_DATE_FROM_TEXT, /* a full date in its dateline or first lines */
    DYAD_DATE_FROM_NAME  /* a YYYY-MM-DD or YYYYMMDD in its file name */
} dyad_date_from;
/* Dates a document that has no date of its own: from a full date in its
 * first lines, else from `name` (its file; NULL: none). doc->date is set
 * (allocated from a) when one is found; a dated document is left as it is
 * (DYAD_DATE_FROM_META). */
dyad_date_from dyad_doc_find_date(dyad_doc *doc, const char *name, dyad_arena *a);

/* ---------------------------------------------------------------- shards */
/* --shard K/N (src/util/shard.c): worker K of N takes the documents whose
 * key (a document's id; for the files of a directory, the file's path
 * below it) hashes to K; N workers together cover an input exactly once. */
typedef struct dyad_shard {
    uint32_t k, n; /* 1 <= k <= n; n = 0 or 1: everything */
} dyad_shard;
/* "K/N" -> *out; -1 (err says why) unless 1 <= K <= N <= 1000000. */
int dyad_shard_parse(const char *spec, dyad_shard *out, dyad_error *err);
/* The stable 64-bit hash a key is sharded by (it never changes). */
uint64_t dyad_shard_hash(const char *key);
/* Does shard s (NULL: all) take key? */
int dyad_shard_takes(const dyad_shard *s, const char *key);

/* ---------------------------------------------------------------- feeds */

typedef enum dyad_feed_format {
    DYAD_FEED_AUTO,  /* guess from the name (and the first bytes of .xml files) */
    DYAD_FEED_TEXT, DYAD_FEED_JSONL, DYAD_FEED_XML, /* the dyad_reader formats */
    DYAD_FEED_RSS,   /* RSS 2.0: one document per <item> */
    DYAD_FEED_ATOM,  /* Atom: one document per <entry> */
    DYAD_FEED_HTML,  /* one web page: the article body */
    DYAD_FEED_DIR    /* every file of a directory, each by its own format */
} dyad_feed_format;

/* "auto|text|jsonl|xml|rss|atom|html|dir" -> format; -1 if unknown. */
int dyad_feed_format_parse(const char *name, dyad_feed_format *out);
/* The format of a path: a directory, .rss, .atom, .html/.htm, .jsonl/.json,
 * .xml (RSS, Atom or PETRARCH XML by its root element), else text. */
dyad_feed_format dyad_feed_format_guess(const char *path);

typedef struct dyad_feed dyad_feed;
/* Opens a file, a directory or "-" (standard input). */
dyad_feed *dyad_feed_open(const char *path, dyad_feed_format fmt, const char *default_date,
                          dyad_error *err);
/* As dyad_reader_next: 1 a document, 0 the end, -1 an error naming file and
 * line. Skipped items are warned about (dyad_feed_on_warning) and counted. After -1, call
 * again: a directory goes on with its next file (one bad file does not stop
 * the walk), a single file then ends (0). */
int dyad_feed_next(dyad_feed *f, dyad_arena *a, dyad_doc *doc, dyad_error *err);
void dyad_feed_close(dyad_feed *f);
/* Warnings about skipped items, pages and files ("name:line: message"), of
 * this feed and every file of a directory; without a hook only counted. */
void dyad_feed_on_warning(dyad_feed *f, dyad_warn_fn fn, void *ctx);
uint64_t dyad_feed_skipped(const dyad_feed *f);
/* Bytes of input read so far and in all (0 when unknown, e.g. a pipe). */
void dyad_feed_progress(const dyad_feed *f, uint64_t *done, uint64_t *total);
/* PETRARCH XML: the file's <Environment> (dyad_reader_env); else none. */
const dyad_kv *dyad_feed_env(const dyad_feed *f, size_t *n);
/* Reads only shard s of the input (NULL: all): a directory's files by
 * their path below it (others are not opened), else documents by id. */
void dyad_feed_set_shard(dyad_feed *f, const dyad_shard *s);

/* Removes syndication boilerplate: WordPress "The post TITLE appeared first
 * on SITE." and "Read more" / "Continue reading" lines. The result is
 * allocated from `a`. */
char *dyad_strip_boilerplate(dyad_arena *a, const char *text, size_t len, size_t *out_len);

/* ---------------------------------------------------------------- text */

/* Penn Treebank part-of-speech tags. */
typedef enum dyad_pos {
    DYAD_POS_NONE = 0,
    DYAD_POS_CC, DYAD_POS_CD, DYAD_POS_DT, DYAD_POS_EX, DYAD_POS_FW, DYAD_POS_IN,
    DYAD_POS_JJ, DYAD_POS_JJR, DYAD_POS_JJS, DYAD_POS_LS, DYAD_POS_MD, DYAD_POS_NN,
    DYAD_POS_NNS, DYAD_POS_NNP, DYAD_POS_NNPS, DYAD_POS_PDT, DYAD_POS_POS,
    DYAD_POS_PRP, DYAD_POS_PRPS /* PRP$ */, DYAD_POS_RB, DYAD_POS_RBR, DYAD_POS_RBS,
    DYAD_POS_RP, DYAD_POS_SYM, DYAD_POS_TO, DYAD_POS_UH, DYAD_POS_VB, DYAD_POS_VBD,
    DYAD_POS_VBG, DYAD_POS_VBN, DYAD_POS_VBP, DYAD_POS_VBZ, DYAD_POS_WDT,
    DYAD_POS_WP, DYAD_POS_WPS /* WP$ */, DYAD_POS_WRB,
    DYAD_POS_COMMA /* , */, DYAD_POS_PERIOD /* . ! ? */, DYAD_POS_COLON /* : ; -- ... */,
    DYAD_POS_LQUOTE /* `` */, DYAD_POS_RQUOTE /* '' */, DYAD_POS_LRB /* -LRB- */,
    DYAD_POS_RRB /* -RRB- */, DYAD_POS_HASH /* # */, DYAD_POS_DOLLAR /* $ */,
    DYAD_POS_COUNT
} dyad_pos;

const char *dyad_pos_name(dyad_pos p);        /* "NNP", "PRP$", ",", ... */
dyad_pos dyad_pos_from_name(const char *name); /* DYAD_POS_NONE if unknown */

typedef struct dyad_token {
    const char *text;  /* surface form (NFC, curly quotes/dashes made ASCII) */
    const char *upper; /* upper-case, accents folded to ASCII: dictionary key */
    const char *lower; /* ASCII letters lower-cased, other bytes as in text */
    uint32_t start, end; /* byte offsets of the token in the document text */
    uint8_t pos;       /* dyad_pos */
    uint8_t flags;     /* DYAD_TOKEN_* (dyad_analyze sets them; 0: nothing known) */
} dyad_token;

/* The token's bytes in the document, start..end, are its text and nothing
 * else, all ASCII letters and digits ("Friday", "2024"; not "mid-March",
 * "U.S.", "Erdoğan", a word with a soft hyphen dropped from it). */
#define DYAD_TOKEN_PLAIN 1

typedef struct dyad_sentence {
    uint32_t start, end; /* byte offsets in the document text */
    dyad_token *tokens;
    uint32_t ntokens;
} dyad_sentence;

/* The tagger's lexicon and rules: loaded once, immutable, shareable. */
typedef struct dyad_tagger dyad_tagger;
dyad_tagger *dyad_tagger_new(dyad_error *err);
void dyad_tagger_free(dyad_tagger *t);

/* Splits `text` into sentences, tokenizes them (Treebank convention) and
 * tags every token. Output is allocated from `a`. Never fails on any byte
 * sequence; very long sentences are cut at max_tokens (0 = default 400). */
int dyad_analyze(const dyad_tagger *t, dyad_arena *a, const char *text, size_t len,
                 dyad_sentence **out, size_t *nout, dyad_error *err);

/* Tokenize + tag a single sentence without splitting (for validation records
 * that are one sentence each). */
int dyad_analyze_sentence(const dyad_tagger *t, dyad_arena *a, const char *text,
                          size_t len, dyad_sentence *out, dyad_error *err);

/* ---------------------------------------------------------------- dictionaries */

typedef struct dyad_dict dyad_dict;

/* Files that make up a dictionary set; NULL entries are absent. */
typedef struct dyad_dict_files {
    const char *verbs, *actors[16], *agents, *discards, *issues;
    size_t nactors;
} dyad_dict_files;

/* Problems found while loading: "file:line: message", one per skipped line. */
typedef void (*dyad_problem_fn)(void *ctx, const char *msg);

/* Loads every dictionary in a directory (by name: *verbs*|CAMEO* -> verbs,
 * *actors* -> actors, *agents* -> agents, *discards* -> discards,
 * *Issue* -> issues), or a compiled cache file. */
dyad_dict *dyad_dict_load_dir(const char *dir, dyad_problem_fn on_problem, void *ctx,
                              dyad_error *err);
dyad_dict *dyad_dict_load_files(const dyad_dict_files *files, dyad_problem_fn on_problem,
                                void *ctx, dyad_error *err);
dyad_dict *dyad_dict_load_compiled(const char *path, dyad_error *err);
/* The same, the file mapped read-only and shared instead of read: the
 * processes of a node share one copy. The file must then not be truncated
 * or rewritten in place while in use (SIGBUS): replace it by rename, as
 * `dyad dict compile` does. */
dyad_dict *dyad_dict_map_compiled(const char *path, dyad_error *err);
int dyad_dict_compile(const dyad_dict *d, const char *path, dyad_error *err);
void dyad_dict_free(dyad_dict *d);

typedef struct dyad_dict_stats {
    size_t verbs, verb_forms, patterns, synsets, transformations;
    size_t actors, actor_phrases, date_restrictions;
    size_t agents, agent_phrases, discards, story_discards, issues;
    size_t duplicate_phrases; /* same phrase twice: the first entry is kept */
    size_t problems;
} dyad_dict_stats;
void dyad_dict_get_stats(const dyad_dict *d, dyad_dict_stats *st);

/* Looks a name up as the actor dictionary would in a sentence: returns the
 * code that applies on `date` (YYYYMMDD as an integer), or NULL. */
const char *dyad_dict_lookup_actor(const dyad_dict *d, const char *name, int32_t date,
                                   dyad_arena *a);

/* ---------------------------------------------------------------- coder */

typedef struct dyad_options {
    int require_dyad;     /* 1: an event needs both source and target */
    int new_actor_length; /* 0: off */
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
    int explain;          /* record why each event was coded */
    /* 1: PETRARCH-2's convention, "X will give Y aid" and "X could attack"
     * code the act; 0 (default): CAMEO's, an act told in the future is an
     * intention (03x), one that only could or may happen is no event */
    int future_as_act;
    /* 1 (default): a story's dateline ("NAIROBI, Kenya -") gives its country
     * to actors named only by their sector ("police", "protesters") */
    int dateline_country;
    /* 1: PETRARCH-2's convention, an actor named only by its sector whose
     * country neither the sentence nor the dateline gives ("the
     * government", "insurgents") codes as ---GOV, ---INS; 0 (default):
     * such an actor gives no event */
    int sector_actors;
    /* 1 (default): an act told in a relative clause ("X, who attacked Y,
     * said ...") is coded; 0: PETRARCH-2's convention, which codes the
     * clauses its verb phrases nest, not those inside a noun phrase */
    int relative_acts;
    /* the date (YYYYMMDD) of a document that gives none: its events carry
     * it and its actors are looked up on it. The library reads no clock:
     * the CLI passes --date, else the system clock's day. 0: such events
     * are undated and their actors take their undated codes */
    int32_t default_date;
    /* if set, receives every sentence's analysis (units [..], verb groups <..>) */
    void (*trace)(void *ctx, const char *line);
    void *trace_ctx;
} dyad_options;

void dyad_options_default(dyad_options *o);
/* Applies a PETRARCH <Config option= value=>; -1 on an unknown option. */
int dyad_options_set(dyad_options *o, const char *option, const char *value,
                     dyad_error *err);

typedef struct dyad_event {
    const char *source, *target; /* actor codes ("" when absent) */
    const char *code;            /* CAMEO code, e.g. "041" */
    const char *source_text, *target_text, *verb;
    uint32_t sentence;           /* index of the sentence in the document */
    const char *issues;          /* "CODE n, CODE n" or "" */
    const char *explain;         /* human-readable reasons, or NULL */
    int32_t date;                /* YYYYMMDD the event happened (0: none), on
                                    which its actors were looked up */
    uint8_t date_kind;           /* dyad_date_kind: where the date came from */
} dyad_event;

typedef struct dyad_coder dyad_coder;
dyad_coder *dyad_coder_new(const dyad_dict *d, const dyad_tagger *t,
                           const dyad_options *o, dyad_error *err);
void dyad_coder_free(dyad_coder *c);

typedef struct dyad_result {
    dyad_sentence *sentences;
    size_t nsentences;
    dyad_event *events;
    size_t nevents;
    /* NULL, or per event: the index of the headline's sentence when the
     * story's headline told this lead event already (the same source and
     * target countries and CAMEO root), else -1 */
    int32_t *repeat_of;
} dyad_result;

/* Codes one document. `as_one_sentence` skips sentence splitting (used for
 * validation records). Everything is allocated from `a`. Sentences are
 * analysed and coded one at a time: unless `as_one_sentence`, the result's
 * sentences carry their offsets only (tokens NULL, ntokens 0). */
int dyad_code_doc(const dyad_coder *c, dyad_arena *a, const dyad_doc *doc,
                  int as_one_sentence, dyad_result *out, dyad_error *err);

/* Codes sentences analysed elsewhere (e.g. from a CoNLL-U parse): the
 * tokens need text, upper and pos. The result points at `sents`. */
int dyad_code_sentences(const dyad_coder *c, dyad_arena *a, const dyad_doc *doc,
                        dyad_sentence *sents, size_t nsents, dyad_result *out,
                        dyad_error *err);

/* Upper-case, accent-folded form of a word (Erdoğan -> ERDOGAN), as the
 * tokenizer makes token.upper. */
char *dyad_fold_upper(dyad_arena *a, const char *s, size_t n);

/* ---------------------------------------------------------------- cameo */
/* src/cameo/: CAMEO's facts, in one place for the coder, the outputs, the
 * store and ties. */

typedef struct dyad_cameo {
    const char *code, *name;
    double goldstein;
    int quad_class;
} dyad_cameo;

/* The CAMEO event-code table; NULL for an unknown code. */
const dyad_cameo *dyad_cameo_find(const char *code);
/* QuadClass of a code by its root: 1 verbal cooperation (01-05), 2 material
 * cooperation (06-09), 3 verbal conflict (10-14), 4 material conflict
 * (15-20); 0 when the code has no CAMEO root. */
int dyad_cameo_quad_class(const char *code);
/* Phoenix's PentaClass of a code: 0 neutral .. 4 material conflict. */
int dyad_cameo_penta_class(const char *code);

/* A CAMEO code in PLOVER's terms (2021 table): event type ("CONSULT"), mode
 * ("phone", or "") and contexts ("military;legal", or ""). */
typedef struct dyad_plover {
    const char *code, *type, *mode, *context;
} dyad_plover;
/* The row of a code, else of its 3-digit parent, else of its root; NULL
 * for roots 01 and 02 (no PLOVER type) and codes that are not CAMEO's. */
const dyad_plover *dyad_cameo_plover(const char *code);
/* PLOVER's 16 event types in order, cooperation to conflict: the i-th, or
 * NULL past the last; and the index of a type (-1 if it is not one). */
const char *dyad_plover_type(size_t i);
int dyad_plover_type_index(const char *type);

/* The country of an actor code: its first three letters; codes of
 * international and non-state bodies (IGO, NGO, IMG, MNC) keep six
 * (IGOUNO, NGOAMN) so they stay apart. Returns the length (0 if none). */
size_t dyad_actor_country(const char *code, char out[8]);
/* What follows the country in an actor code (RUSGOV: "GOV"), or "". */
const char *dyad_actor_sector(const char *code);

/* ---------------------------------------------------------------- output */

/* Writes one JSON Lines record per event. Returns -1 on a write error. */
int dyad_write_events_jsonl(FILE *out, const dyad_doc *doc, const dyad_result *res,
                            dyad_error *err);

/* Writes s as a JSON string literal (with quotes). */
void dyad_json_string(FILE *out, const char *s);

/* PLOVER/POLECAT-style JSON Lines: event type, mode and context, actors
 * with text, code, country and sector (src/output/plover.c). */
int dyad_write_events_plover(FILE *out, const dyad_doc *doc, const dyad_result *res,
                             dyad_error *err);
/* Phoenix's tab-separated event layout (src/output/phoenix.c). */
int dyad_write_events_phoenix(FILE *out, const dyad_doc *doc, const dyad_result *res,
                              dyad_error *err);
/* A GDELT 2.0 style event table, 61 columns (src/output/gdelt.c); event ids
 * are taken from *next_id, which is advanced. */
int dyad_write_events_gdelt(FILE *out, const dyad_doc *doc, const dyad_result *res,
                            uint64_t *next_id, dyad_error *err);

/* A coded document as one JSON line (src/output/coded.c): everything
 * dyad_store_add takes, so that coding and storing can be done apart (a
 * store path ending in .jsonl writes these; `dyad merge` reads them). */
int dyad_write_coded(FILE *out, const dyad_doc *doc, const dyad_result *res, const char *input,
                     dyad_error *err);
/* Such a line (without its newline) read back (src/input/coded.c): the
 * document, its sentences' offsets and events, and its input, allocated
 * from a. -1 (err: what is wrong, at which column) when it is not a
 * well-formed coded document. */
int dyad_coded_read(const char *line, size_t len, dyad_arena *a, dyad_doc *doc,
                    dyad_result *res, const char **input, dyad_error *err);

/* ---------------------------------------------------------------- store */

typedef struct dyad_store dyad_store;

typedef struct dyad_store_opts {
    int one_a_day;      /* count one event per (date, source, target, code) */
    int batch;          /* documents per transaction (0: 500) */
    double near_dup;    /* MinHash Jaccard estimate that makes a near copy (0: 0.8, <0: off) */
    int read_only;      /* only look: no schema, no lock, dyad_store_add refused */
    /* 1: a document whose id is stored is recoded: its row takes the new
     * fields, its sentences and events are replaced (SQLite stores only) */
    int replace;
    /* 1: keep only the sentences that events come from; 0 (default): every
     * sentence of a document, those that coded nothing too */
    int event_sentences_only;
} dyad_store_opts;

typedef enum dyad_store_status {
    DYAD_STORED,     /* a new document */
    DYAD_DUP_ID,     /* a document with this id is stored already: nothing added */
    DYAD_DUP_TEXT,   /* the same normalised text is stored already: nothing added */
    DYAD_NEAR_COPY,  /* stored and linked to its original; its events not counted */
    DYAD_EMPTY,      /* no words in its text or title: nothing added */
    DYAD_REPLACED    /* opts.replace: the stored document of this id was recoded */
} dyad_store_status;

typedef struct dyad_store_added {
    dyad_store_status status;
    int64_t doc, original;  /* store keys (original: the stored copy, or 0) */
    double similarity;      /* NEAR_COPY: estimated Jaccard similarity */
    size_t events, counted; /* events stored, and of them counted in ties */
} dyad_store_added;

/* A path (SQLite file, created if absent) or postgresql://... A path
 * ending in .jsonl is no database: every document added is written to it
 * as a coded document (dyad_coded_read), for a store to take later (dyad
 * merge); it is written as PATH.part and takes its name once closed whole.
 * Opened read_only it is an empty store (dyad_store_has: 0). */
dyad_store *dyad_store_open(const char *url, const dyad_store_opts *o, dyad_error *err);
/* Adds a coded document (input: the file it came from, for the record). */
int dyad_store_add(dyad_store *s, const dyad_doc *doc, const dyad_result *res,
                   const char *input, dyad_store_added *out, dyad_error *err);
int dyad_store_commit(dyad_store *s, dyad_error *err);
/* Is a document with this id (1) or this normalised text (2) stored
 * already? 0 if not. Lets a reader skip coding what a store has (a second,
 * read_only handle can ask this from another thread). */
int dyad_store_has(dyad_store *s, const dyad_doc *doc, dyad_error *err);
/* After a failed add or commit: how many added documents were rolled back
 * with the open batch (the store keeps whole batches only). */
size_t dyad_store_rolled_back(const dyad_store *s);
/* Commits what is pending and closes; frees s even when it fails. */
int dyad_store_close(dyad_store *s, dyad_error *err);
/* text with every password written in url (postgresql://u:PASSWORD@..,
 * ?password=..) replaced by ***: for any message that may name a store. */
void dyad_store_mask(const char *text, const char *url, char *out, size_t cap);


typedef struct dyad_store_counts {
    int64_t documents, near_copies, sentences, events, counted;
} dyad_store_counts;
int dyad_store_count(dyad_store *s, dyad_store_counts *c, dyad_error *err);
/* 1 when no document is stored, 0 when some is, -1 error: one indexed
 * probe, where dyad_store_count scans whole tables. */
int dyad_store_empty(dyad_store *s, dyad_error *err);

/* One counted event as the series see it. */
typedef struct dyad_store_event {
    const char *date;             /* event date YYYYMMDD */
    const char *src_country, *tgt_country, *code;
    int quad_class;
    double goldstein;
    int64_t doc;                  /* the document's store key */
    const char *source, *target;  /* actor codes */
    /* dyad_store_events only (else NULL / 0): the event behind a count */
    const char *source_text, *target_text;
    const char *doc_id, *title, *url, *sentence_text;
    const char *explain;          /* why it was coded ("": not stored) */
    uint32_t sentence;
} dyad_store_event;
typedef void (*dyad_store_event_fn)(void *ctx, const dyad_store_event *e);
/* Which counted events a scan reads: those between countries a and b
 * (either direction), or of a with anyone when b is NULL; dated from
 * `from` to `to` (YYYYMMDD, both included; NULL: no bound). With a bound,
 * undated events are left out. */
typedef struct dyad_store_query {
    const char *a, *b;
    const char *from, *to;
} dyad_store_query;
/* The events of q, by date when q has two countries. */
int dyad_store_scan(dyad_store *s, const dyad_store_query *q, dyad_store_event_fn fn, void *ctx,
                    dyad_error *err);
/* The same events with their actors' words, document, sentence and
 * reasons, by date (then as stored). */
int dyad_store_events(dyad_store *s, const dyad_store_query *q, dyad_store_event_fn fn,
                      void *ctx, dyad_error *err);

/* ---------------------------------------------------------------- pipeline */
/* src/pipeline/: read -> code -> write or store, the one way every command
 * (code, ingest, validate) takes. One reader thread reads the inputs
 * (dyad_feed) into a ring of slots, each with its own arena; `threads`
 * threads code them in parallel with the one loaded, immutable coder; the
 * caller's thread hands them to the sink strictly in input order, so the
 * sink writes the same bytes in the same order for every number of
 * threads. The reader's warnings reach the hook in that order too, from
 * the caller's thread. With one thread nothing runs in another. */

typedef enum dyad_pipeline_kind {
    DYAD_PIPELINE_DOC,          /* a document read: coded (res), or not */
    DYAD_PIPELINE_INPUT_FAILED, /* an input, or a file of a directory, cannot be
                                   read (msg); a directory goes on with its next file */
    DYAD_PIPELINE_INPUT_END     /* an input is over (after a failure too) */
} dyad_pipeline_kind;

/* What the sink gets. Everything is valid during the call only. */
typedef struct dyad_pipeline_item {
    dyad_pipeline_kind kind;
    const char *input;          /* the input as given ("-": standard input) */
    dyad_feed_format format;    /* its format (given, or guessed) */
    const dyad_doc *doc;        /* DOC */
    const dyad_result *res;     /* DOC: its events; NULL when it was not coded */
    int mark;                   /* DOC: the route's mark (0: it was to be coded) */
    const char *msg;            /* DOC not coded for an error, INPUT_FAILED: why */
    size_t ndocs;               /* INPUT_END: documents read from the input */
    uint64_t skipped;           /* INPUT_END: records, items, files its readers skipped */
    uint64_t done, total;       /* bytes of all inputs read so far, and in all (0: unknown) */
    dyad_arena *arena;          /* the document's arena, for the sink's own use */
} dyad_pipeline_item;

typedef struct dyad_pipeline_opts {
    int threads;                  /* threads that code (0, 1: only the caller's) */
    dyad_feed_format format;      /* of every input (AUTO: dyad_feed_format_guess) */
    const char *default_date;     /* of documents that give none (YYYY-MM-DD), or NULL */
    const dyad_shard *shard;      /* NULL: every document */
    const dyad_coder *coder;      /* codes every document the route leaves to code */
    dyad_warn_fn on_warning;      /* the readers' warnings (with warn_ctx); NULL: none */
    void *warn_ctx;
    /* Optional, in the reading thread, in input order, for each document
     * read: 0 code it (with *coder, o->coder unless it is changed), > 0
     * pass it to the sink uncoded with that mark, -1 stop the run there
     * (err) once the items before it are sunk. */
    int (*route)(void *ctx, const dyad_feed *f, const dyad_doc *doc, const dyad_coder **coder,
                 dyad_error *err);
    /* Optional, in any coding thread: codes a document instead of
     * dyad_code_doc; it may only read what threads share. */
    int (*code)(void *ctx, const dyad_coder *c, dyad_arena *a, const dyad_doc *doc,
                dyad_result *res, dyad_error *err);
    /* In the caller's thread, in input order: 0 go on, > 0 stop the run
     * (dyad_pipeline_run returns it), -1 stop with err. */
    int (*sink)(void *ctx, const dyad_pipeline_item *it, dyad_error *err);
    void *ctx;                    /* of route, code and sink */
} dyad_pipeline_opts;

/* Reads inputs[0..n) (files, directories, feeds, "-"), codes every document
 * and hands each item to the sink. 0 when everything was sunk; the sink's
 * value when it stopped the run; -1 (err) when the route or the sink
 * failed or no thread could be started. */
int dyad_pipeline_run(const char *const *inputs, size_t n, const dyad_pipeline_opts *o,
                      dyad_error *err);

/* ---------------------------------------------------------------- ties */

typedef enum dyad_period { DYAD_BY_WEEK, DYAD_BY_MONTH, DYAD_BY_YEAR, DYAD_BY_DAY } dyad_period;

/* Which counted events a series, a partner list or a listing takes. */
typedef struct dyad_ties_opts {
    const char *from, *to;    /* first and last day, "YYYYMMDD", or NULL */
    const char *root;         /* CAMEO code prefixes ("04", "042", "04,05"), or NULL for all */
    int quad;                 /* QuadClass 1-4, or 0 for all */
    const char *plover_type;  /* a PLOVER event type ("CONSULT"), or NULL for all */
    long limit;               /* dyad_ties_events lists at most this many (0: all) */
    int fill;                 /* tables keep the periods with no events */
    int plover;               /* tables count by PLOVER type (not top codes) */
    /* 0 (default): an event told more than once in one document (headline,
     * lead, body) counts once per (document, source, target, code);
     * 1: every sentence's event counts */
    int per_sentence;
    int one_way;              /* dyad_ties_events: only a -> b (a bar of one direction) */
} dyad_ties_opts;
/* Does an event pass the dates, roots, QuadClass and PLOVER type of o
 * (NULL: all do)? With dates, undated events do not. */
int dyad_ties_match(const dyad_ties_opts *o, const dyad_store_event *e);
/* The two sides of a series are countries (RUS, IGOUNO) or longer actor
 * codes that begin with one (RUSGOV: Russia's government). Which way does
 * an event go between a and b: 0 a -> b, 1 b -> a, -1 neither (b NULL: 0
 * a -> anyone, 1 anyone -> a)? */
int dyad_ties_direction(const char *a, const char *b, const dyad_store_event *e);
/* The first (end = 0) or last (end = 1) day of "2019", "2019-12",
 * "2019-12-05" or "2019-W50" (ISO week) as YYYYMMDD; -1 if malformed. */
int dyad_ties_bound(const char *s, int end, char out[9]);

#define DYAD_PLOVER_TYPES 16
typedef struct dyad_tie_row {
    char period[12];          /* "2026-W11", "2026-03", "2026", "2026-03-14" */
    int dir;                  /* 0: a -> b, 1: b -> a */
    long n, quad[5];          /* events, and by QuadClass 1..4 */
    double gsum;              /* Goldstein sum (mean = gsum / n) */
    char top[3][4];           /* the most frequent codes */
    long topn[3];
    /* by PLOVER type in dyad_plover_type order; the last: codes without one */
    long plover[DYAD_PLOVER_TYPES + 1];
} dyad_tie_row;

typedef struct dyad_ties {
    char a[16], b[16];        /* countries or actor codes (dyad_ties_direction) */
    dyad_period by;
    dyad_tie_row *rows;       /* sorted by period, then direction; every period
                                 from the first to the last (empty ones too) */
    size_t n;
    long undated;             /* counted events without a date: not in any period */
    int fill, plover;         /* from the options: how the table is written */
} dyad_ties;

/* o: NULL for every event, periods filled, top codes. */
int dyad_ties_query(dyad_store *s, const char *a, const char *b, dyad_period by,
                    const dyad_ties_opts *o, dyad_ties *out, dyad_error *err);
/* Lists the events behind the counts of a and b (or of a with anyone, b
 * NULL) that pass o, by date, with their sentences and (csv, json) the
 * reasons they were coded; the same events the counts count (once per
 * document unless o->per_sentence); fmt "table", "csv" or "json". *n: how
 * many were listed. */
int dyad_ties_events(FILE *out, dyad_store *s, const char *a, const char *b,
                     const dyad_ties_opts *o, const char *fmt, long *n, dyad_error *err);
void dyad_ties_free(dyad_ties *t);
/* fmt: "table", "csv" or "json". */
int dyad_ties_write(FILE *out, const dyad_ties *t, const char *fmt, dyad_error *err);
/* An SVG chart: Goldstein sum and event counts per period, both directions. */
int dyad_ties_svg(FILE *out, const dyad_ties *t, dyad_error *err);

typedef struct dyad_partner {
    char country[8];
    long n, out, in, quad[5];
    double gsum;
} dyad_partner;
/* The partners of country a ranked by volume (then tone), of the events
 * that pass o (NULL: all); *out is malloc'd. */
int dyad_partners_query(dyad_store *s, const char *a, const dyad_ties_opts *o,
                        dyad_partner **out, size_t *n, dyad_error *err);
int dyad_partners_write(FILE *out, const char *a, const dyad_partner *p, size_t n,
                        const char *fmt, dyad_error *err);

/* ---------------------------------------------------------------- serve */

/* A local web page and JSON API over a store (src/serve/): the series of a
 * dyad, a country's partners and the events behind a count, served by
 * libmicrohttpd from a bounded pool of threads, each with its own
 * read-only handle on the store. The page's files are built into dyad. */
typedef struct dyad_server dyad_server;
typedef struct dyad_serve_opts {
    const char *db;        /* store path or postgresql:// URL, opened read-only */
    const char *listen;    /* "HOST:PORT" ("[::1]:PORT"); NULL: 127.0.0.1:8080;
                              port 0: any free one (dyad_serve_port says which) */
    int threads;           /* worker threads (0: 4) */
    int max_connections;   /* open connections at once (0: 64); more wait in the backlog */
} dyad_serve_opts;
/* Opens the store and starts serving in threads of its own; NULL and err
 * when the store or the address cannot be used. */
dyad_server *dyad_serve_start(const dyad_serve_opts *o, dyad_error *err);
int dyad_serve_port(const dyad_server *s);
/* Stops serving (waits for the requests under way), closes the store. */
void dyad_serve_stop(dyad_server *s);


/* ---------------------------------------------------------------- validation */

typedef struct dyad_validate_opts {
    const char *dict;     /* overrides <Environment>; NULL: from the file */
    int use_parse;        /* code from <Parse> instead of <Text> */
    int quiet;            /* only the summary table and line */
    FILE *report;         /* the human-readable report (stdout) */
    FILE *events;         /* JSON Lines of every coded event, or NULL */
    /* PLOVER gold only: as score_plover.py's --reciprocal and --unmapped-fp */
    int reciprocal, unmapped_fp;
    int32_t default_date; /* the date of records that give none (0: none) */
    int threads;          /* threads that code (dyad_pipeline_run; 0, 1: one);
                             the report is the same for every number */
    /* skipped records and the dictionaries' problems ("file:line:
     * message"), both with warn_ctx; NULL: only counted (the library never
     * prints) */
    dyad_warn_fn on_warning;
    dyad_problem_fn on_problem;
    void *warn_ctx;
} dyad_validate_opts;

typedef struct dyad_validate_result {
    size_t passed, failed, skipped;
} dyad_validate_result;

/* Runs a PETRARCH validation file (XML), or scores PLOVER gold records
 * (.jsonl: the figures of the PLOVER scorer, coded as dyad code codes, with
 * o->dict); -1 if it could not be run to the end. */
int dyad_validate(const char *path, const dyad_validate_opts *o, dyad_validate_result *res,
                  dyad_error *err);
/* Is path a PLOVER gold file (.jsonl or .json)? */
int dyad_validate_is_plover(const char *path);

#ifdef __cplusplus
}
#endif
#endif
