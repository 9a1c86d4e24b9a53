/* split.c -- sentence boundaries over the token stream.
 *
 * Working on tokens rather than bytes means the hard cases are already
 * settled by the tokenizer: "3.5" and "U.S." are single tokens, so only a
 * free-standing . ! ? (or an abbreviation followed by a sentence starter)
 * can end a sentence. Closing quotes and brackets after the period stay with
 * the sentence they close. A blank line always ends a sentence (a headline
 * has no period), as does the line break after a byline, time stamp or
 * caption line and before one (meta_break); a sentence that reaches
 * TEXT_MAX_TOKENS is cut, so a
 * document without any boundary still comes out in bounded pieces. */
#include "text/text.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

/* Is token t the word lit? The first byte is asked first: the word lists
 * below are read for many tokens, and most differ there. */
static int tok_is(const norm_text *nt, const raw_token *t, const char *lit) {
    size_t n = t->e - t->s;
    return nt->s[t->s] == lit[0] && strlen(lit) == n && memcmp(nt->s + t->s, lit, n) == 0;
}

static int is_closer(const norm_text *nt, const raw_token *t) {
    return t->kind == TOK_RQUOTE || tok_is(nt, t, ")") || tok_is(nt, t, "]") ||
           tok_is(nt, t, "}");
}

/* Capitalized words that begin sentences far more often than they follow an
 * abbreviation inside one: after "U.S." or "Inc." they mark a new sentence. */
static int is_sentence_starter(const norm_text *nt, const raw_token *t) {
    static const char *const starters[] = {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That",
        "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "In", "On", "At",
        "But", "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "As",
        "However", "Meanwhile", "Also", "Some", "Many", "Most", "No", "Not", "What", "Why",
        "How", "Who", "Where", "Earlier", "Later", "Last", "Since", "Although", "Despite",
        "Under", "According", "For", "From", "With", "Both", "Such", "Several", "One",
    };
    for (size_t i = 0; i < sizeof starters / sizeof starters[0]; i++)
        if (tok_is(nt, t, starters[i])) return 1;
    return 0;
}

static int starts_lower(const norm_text *nt, const raw_token *t) {
    unsigned char c = (unsigned char)nt->s[t->s];
    return c >= 'a' && c <= 'z';
}

static int starts_upper(const norm_text *nt, const raw_token *t) {
    unsigned char c = (unsigned char)nt->s[t->s];
    return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Words a line can end with only in the middle of a wrapped sentence. */
static int is_function_word(const norm_text *nt, const raw_token *t) {
    static const char *const words[] = {
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "by", "from", "and",
        "or", "but", "as", "that", "which", "who", "his", "her", "its", "their", "our", "is",
        "are", "was", "were", "has", "have", "had", "will", "would", "than", "into", "about",
        "after", "before", "over", "under", "between", "against", "during", "said", NULL};
    for (size_t i = 0; words[i]; i++)
        if (tok_is(nt, t, words[i])) return 1;
    return 0;
}

/* A headline on the first line of a document, followed by a single line
 * break and the story: "Putin calls Rouhani, reaffirms ties\nDays after". The
 * line has no final punctuation, does not end in a function word, and the
 * next line starts with a capital. Only the first line: elsewhere a line
 * break is taken as wrapping. */
static int headline_break(const norm_text *nt, const raw_tokens *toks, size_t start, size_t i) {
    if (start != 0 || i + 1 >= toks->n || i + 1 > 40) return 0;
    const raw_token *t = &toks->v[i], *next = &toks->v[i + 1];
    if (!(next->flags & TF_NEWLINE) || (next->flags & TF_PARA)) return 0;
    if (t->kind != TOK_WORD && t->kind != TOK_NUMBER && t->kind != TOK_RQUOTE) return 0;
    if (is_function_word(nt, t)) return 0;
    for (size_t k = 1; k <= i; k++)
        if (toks->v[k].flags & TF_NEWLINE) return 0; /* not the first line */
    return starts_upper(nt, next) || next->kind == TOK_LQUOTE;
}

/* Words that open a line of a page's furniture rather than of the story:
 * a byline ("By Jane Roe"), a time stamp ("Updated: ...", "Published
 * 3 May"), a photo caption or credit ("Photo: ...", "Credit: ..."). */
static int is_meta_word(const norm_text *nt, const raw_token *t) {
    static const char *const words[] = {"By", "BY", "Updated", "UPDATED", "Published",
                                        "Posted", "Photo", "Photograph", "Image", "Credit",
                                        "Caption", "File", NULL};
    for (size_t i = 0; words[i]; i++)
        if (tok_is(nt, t, words[i])) return 1;
    return 0;
}

/* A line of its own: a byline, a time stamp or a caption ends at its line
 * break, and the line before one ends there too, so none of them merges
 * into a sentence of the story ("By Jane Roe\nUpdated: 3 May 2024\nANKARA -
 * ..."). A meta word counts only at the start of a line, and "By" only
 * before a capitalised name ("By then" is a sentence). */
static int meta_line(const norm_text *nt, const raw_tokens *toks, size_t i) {
    return (i == 0 || (toks->v[i].flags & (TF_NEWLINE | TF_PARA))) && is_meta_word(nt, &toks->v[i]) &&
           (!tok_is(nt, &toks->v[i], "By") || (i + 1 < toks->n && starts_upper(nt, &toks->v[i + 1]) &&
                                               !is_sentence_starter(nt, &toks->v[i + 1])));
}

static int meta_break(const norm_text *nt, const raw_tokens *toks, size_t start, size_t i) {
    if (i + 1 >= toks->n || !(toks->v[i + 1].flags & TF_NEWLINE)) return 0;
    return meta_line(nt, toks, start) || meta_line(nt, toks, i + 1);
}

/* A line that ends with a colon, followed by a line that begins with a
 * capital or a quote, introduces what follows ("The following statement
 * was issued today by the Spokesman:\nThe Secretary-General condemns ...")
 * rather than running into it: a sentence ends there. */
static int colon_break(const norm_text *nt, const raw_tokens *toks, size_t i) {
    if (i + 1 >= toks->n) return 0;
    const raw_token *t = &toks->v[i], *next = &toks->v[i + 1];
    return t->kind == TOK_PUNCT && tok_is(nt, t, ":") && (next->flags & TF_NEWLINE) &&
           (starts_upper(nt, next) || next->kind == TOK_LQUOTE);
}

/* If a sentence ends after token i, returns the index just past it (closers
 * included) and sets *add_period; else 0. */
static size_t boundary_after(const norm_text *nt, const raw_tokens *toks, size_t i,
                             int *add_period) {
    const raw_token *t = &toks->v[i];
    int stop = t->kind == TOK_PUNCT && (tok_is(nt, t, ".") || tok_is(nt, t, "!") ||
                                        tok_is(nt, t, "?"));
    int ellipsis = t->kind == TOK_PUNCT && tok_is(nt, t, "...");
    int abbrev = (t->flags & TF_ABBREV) && !(t->flags & TF_TITLE);
    if (!stop && !ellipsis && !abbrev) return 0;
    size_t j = i + 1;
    while (j < toks->n && is_closer(nt, &toks->v[j]) && !(toks->v[j].flags & TF_PARA)) j++;
    *add_period = 0;
    if (j >= toks->n) { *add_period = abbrev; return j; }
    const raw_token *next = &toks->v[j];
    if (next->flags & TF_PARA) { *add_period = abbrev; return j; }
    if (stop) {
        if (starts_lower(nt, next)) return 0;
        if (next->kind == TOK_PUNCT && strchr(",;:", nt->s[next->s])) return 0;
        return j;
    }
    if (ellipsis) {
        if (!(next->flags & TF_SPACE)) return 0;
        return (next->kind == TOK_LQUOTE || is_sentence_starter(nt, next)) ? j : 0;
    }
    /* an abbreviation that may end a sentence (U.S., Inc., etc.) */
    if (next->kind == TOK_LQUOTE || (starts_upper(nt, next) && is_sentence_starter(nt, next))) {
        *add_period = 1;
        return j;
    }
    return 0;
}

/* The first token from i on where a sentence may end, or `limit` (where a
 * sentence reaches its most tokens), or the last token, if sooner. Most
 * tokens are words inside a line, where none can: one test of their kind
 * and flags and of the next token's line break passes them by. */
static size_t next_may_end(const raw_tokens *toks, size_t i, size_t limit) {
    if (limit > toks->n - 1) limit = toks->n - 1;
    const raw_token *t = toks->v + i, *stop = toks->v + limit;
    for (; t < stop; t++)
        if (t->kind == TOK_PUNCT || (t->flags & (TF_ABBREV | TF_PARA)) || (t[1].flags & TF_NEWLINE))
            break;
    return (size_t)(t - toks->v);
}

/* Appends range [first, last) to *v, growing it (malloc'd). */
static int push_range(sent_range **v, size_t *n, size_t *cap, size_t first, size_t last, int add) {
    if (util_grow(v, cap, *n + 1, sizeof **v, 64) < 0) return -1;
    (*v)[*n].first = (uint32_t)first;
    (*v)[*n].last = (uint32_t)last;
    (*v)[*n].add_period = (uint32_t)add;
    (*n)++;
    return 0;
}

int text_split(const norm_text *nt, const raw_tokens *toks, sent_range **out, size_t *nout,
               dyad_error *err) {
    size_t cap = 0, n = 0;
    sent_range *v = NULL;
    *out = NULL;
    *nout = 0;
    size_t start = 0, i = 0;
    while (i < toks->n) {
        i = next_may_end(toks, i, start + TEXT_MAX_TOKENS);
        if (i >= toks->n) break;
        size_t end = 0;
        int add = 0;
        if (i > start && (toks->v[i].flags & TF_PARA)) end = i;
        else if (i - start >= TEXT_MAX_TOKENS) end = i;
        else if (headline_break(nt, toks, start, i) || meta_break(nt, toks, start, i) ||
                 (i > start && colon_break(nt, toks, i)))
            end = i + 1;
        else {
            end = boundary_after(nt, toks, i, &add);
            if (end && end - start > TEXT_MAX_TOKENS) end = start + TEXT_MAX_TOKENS, add = 0;
            if (end && end - start == TEXT_MAX_TOKENS) add = 0;
        }
        if (!end) { i++; continue; }
        if (push_range(&v, &n, &cap, start, end, add)) goto oom;
        start = i = end;
    }
    if (start < toks->n && push_range(&v, &n, &cap, start, toks->n, 0)) goto oom;
    *out = v;
    *nout = n;
    return 0;
oom:
    free(v);
    return dyad_error_set(err, "%s:%d: out of memory", __FILE__, __LINE__);
}
