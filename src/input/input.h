/* input.h -- internals shared by the input readers (plain text, JSON Lines,
 * PETRARCH XML).
 *
 * The public API (dyad_reader_*) lives in reader.c; each format has its own
 * file with one `rd_*_next` function. All readers pull bytes through an
 * rd_src (a chunked, line-counting view of the FILE*) and build a record in
 * reader-owned buffers that are reused from record to record, so memory is
 * bounded by the largest record (max_record, 16 MiB by default) and never by
 * the length of the input. Only a record that is returned is copied into the
 * caller's arena; skipped records cost no arena memory. */
#ifndef DYAD_INPUT_H
#define DYAD_INPUT_H

#include "dyad.h"
#include "util/buf.h"
#include "util/bytes8.h"
#include "date/date.h"

#define RD_MAX_RECORD_DEFAULT DYAD_MAX_TEXT

#define RD_CHUNK 65536
/* Record buffers larger than this are freed after their record, not kept
 * for the next one (a 15 MB record's would stay for the whole run). */
#define RD_KEEP_BUFFER ((size_t)1 << 20)


/* ---- the byte source: a FILE* read in chunks, counting lines */
typedef struct rd_src {
    FILE *fp;
    unsigned char *buf;
    size_t pos, len;
    int eof, err;   /* err: errno of a read error, or -1 when unknown */
    uint64_t line;  /* line of the next byte (1-based) */
} rd_src;

int rd_src_init(rd_src *s, FILE *fp);   /* -1 on OOM */
void rd_src_free(rd_src *s);
size_t rd_src_fill(rd_src *s);          /* bytes now buffered; 0 at end or error */

static inline int rd_src_peek(rd_src *s) {
    if (s->pos < s->len || rd_src_fill(s)) return s->buf[s->pos];
    return -1;
}
static inline int rd_src_get(rd_src *s) {
    int c = rd_src_peek(s);
    if (c >= 0) {
        s->pos++;
        if (c == '\n') s->line++;
    }
    return c;
}
/* Skips a UTF-8 byte-order mark; call once, before reading anything. */
void rd_src_skip_bom(rd_src *s);

/* Reads one line (without its '\n') into `out`. Returns 1 for a line, 0 at
 * end of input, -1 on a read error. A line longer than `max` bytes is read
 * to its end but not stored: *too_long is set and out holds a prefix. */
int rd_src_getline(rd_src *s, byte_buf *out, size_t max, int *too_long);

/* ---- UTF-8 */
/* Offset of the first byte that is not valid UTF-8 (or a NUL byte), or
 * (size_t)-1 if all of s[0..n) is valid. */
size_t rd_utf8_check(const char *s, size_t n);
/* The length of the valid UTF-8 sequence at s (n bytes there, s[0] not
 * ASCII), or 0 when it is not one. */
size_t rd_utf8_seq(const char *s, size_t n);
/* Encodes code point cp (valid scalar value) into out; returns bytes (1-4). */
int rd_utf8_put(char *out, uint32_t cp);

/* ---- XML lexer state (xml_lex.c) */
typedef enum rd_xml_type {
    RD_XML_EOF,
    RD_XML_TEXT,   /* character data (or CDATA) */
    RD_XML_START,  /* <name attrs> */
    RD_XML_EMPTY,  /* <name attrs/> */
    RD_XML_END,    /* </name> */
    RD_XML_OTHER,  /* comment, <?...?>, <!DOCTYPE...>: nothing to use */
    RD_XML_BAD     /* malformed markup; `bad` says what */
} rd_xml_type;

#define RD_XML_NAME_MAX 128

typedef struct rd_xml_tok {
    rd_xml_type type;
    uint64_t line;               /* line where the token starts */
    char name[RD_XML_NAME_MAX];  /* element name for START/EMPTY/END */
    byte_buf attrs;                /* key\0value\0 ... (values decoded) */
    size_t nattrs;
    int nonspace;                /* TEXT: has non-whitespace characters */
    uint64_t nonspace_line;      /* TEXT: line of the first of them */
    int overflow;                /* TEXT: the sink's limit was reached */
    uint64_t bad_line;           /* TEXT: line of invalid UTF-8 / NUL, or 0 */
    char bad[192];               /* BAD: what is wrong */
    int bad_start;               /* BAD: in the start tag <name ...> (name is set) */
    int unterminated;            /* BAD: a comment, CDATA, <!..>, <?..?> or attribute value
                                    still open at the end of the input */
} rd_xml_tok;

/* Reads the next token. Character data is decoded (entities) and appended
 * to `sink` while sink->len < limit (sink may be NULL to discard it).
 * Returns 0, or -1 on out-of-memory. */
int rd_xml_next(rd_src *s, rd_xml_tok *t, byte_buf *sink, size_t limit);
/* Value of attribute `key` in a START/EMPTY token, or NULL. */
const char *rd_xml_attr(const rd_xml_tok *t, const char *key);

/* ---- a list of owned key/value strings (Environment, Config) */
#define RD_KV_MAX 1024
#define RD_KV_MAX_BYTES ((size_t)1 << 20)
typedef struct rd_kvlist {
    dyad_kv *kv;
    size_t n, cap, bytes;
} rd_kvlist;
/* Sets (or replaces) key: 0, 1 when the list is full, -1 on OOM. */
int rd_kv_set(rd_kvlist *l, const char *key, const char *value);
void rd_kv_free(rd_kvlist *l);

/* ---- XML record-assembly state (xml.c) */
enum { RD_XA_ID, RD_XA_DATE, RD_XA_CATEGORY, RD_XA_SOURCE, RD_XA_EVALUATE, RD_XA_SENTENCE,
       RD_XA_COUNT };

typedef struct rd_xml {
    rd_xml_tok tok;
    int mode;               /* top level, <Environment>, one of its children, a record */
    int seen_element;       /* any element seen at all */
    int seen_content;       /* any non-whitespace text or bad markup seen */
    int in_garbage;         /* a run of bad markup/text at top level: warn once */
    size_t depth;           /* elements open at top level (<Validation>, <Sentences>) */
    char root[RD_XML_NAME_MAX]; /* the outermost of them, and its line */
    uint64_t root_line;
    rd_kvlist env, config;
    byte_buf scratch;         /* the text of an <Environment> child */
    char env_key[RD_XML_NAME_MAX];
    /* the record being read: its strings are in reader->rec */
    uint64_t rec_line;
    int part;               /* body, <Text>, <Parse>, skipping an element, bad */
    char skip_name[RD_XML_NAME_MAX];
    size_t skip_depth;
    size_t attr[RD_XA_COUNT];   /* offsets in rec, (size_t)-1 when absent */
    size_t text_off, parse_off; /* (size_t)-1 when absent */
    int has_gold, noevents;
    byte_buf gold;            /* size_t[3] offsets (source, target, code) per event */
} rd_xml;

/* ---- the reader */
struct dyad_reader {
    dyad_format fmt;
    char *name;
    rd_src src;
    size_t max_record;
    dyad_warn_fn warn;
    void *warn_ctx;
    uint64_t skipped;
    char date[9];   /* text: the default date, "" if none */
    int started;    /* the first next() has run (BOM skipped) */
    int done;       /* text: the one document has been read */
    byte_buf line;    /* jsonl: the current line; text: the whole input */
    byte_buf rec;     /* decoded fields of the current record */
    rd_xml xml;
};

/* Reports a skipped record: "name:line: msg" to the hook, counted. */
void rd_warn(dyad_reader *r, uint64_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Error naming the input and line; returns -1. */
int rd_fail(dyad_reader *r, dyad_error *err, uint64_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* -1 with a read-error message (uses r->src.err). */
int rd_read_error(dyad_reader *r, dyad_error *err);

int rd_text_next(dyad_reader *r, dyad_arena *a, dyad_doc *doc, dyad_error *err);
int rd_jsonl_next(dyad_reader *r, dyad_arena *a, dyad_doc *doc, dyad_error *err);
int rd_xml_next_doc(dyad_reader *r, dyad_arena *a, dyad_doc *doc, dyad_error *err);
void rd_xml_free(rd_xml *x);

/* Fills the string fields of doc with "" (never NULL). */
void rd_doc_clear(dyad_doc *doc);

/* For tests and fuzzers: the longest record accepted (default 16 MiB). */
void rd_set_max_record(dyad_reader *r, size_t max);

#endif
