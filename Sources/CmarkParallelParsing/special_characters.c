// Lets cmark-gfm parse documents on every core at once.
//
// cmark-gfm 0.29 keeps its extensions' trigger characters (`~` for strikethrough, `:` and `w` for autolinks) in one
// process-wide table in libcmark-gfm (`SPECIAL_CHARS` in inlines.c). Every parse switches them on before it parses
// inlines and off when it is done, through `cmark_manage_extensions_special_characters`; so two parsers at once
// switch each other's characters off mid-parse, and lose strikethrough and links (MarkdownConcurrencyTests saw 1 to
// 51 pages of 600 differ). Until stop 20 a lock let one document parse at a time, and the other core often waited.
//
// Every parser build-site makes attaches the same five extensions (MarkdownRenderer.makeParser), so every parse
// needs the same characters switched on. This definition takes the library's place (the executable's symbol comes
// first when the dynamic linker resolves libcmark-gfm's own call, which goes through its PLT): it switches them on
// as the library does, and never switches them off. After the first parse the table no longer changes.
//
// Where the library's calls do not come here (a cmark-gfm linked to call itself directly, or a platform that binds
// each call to the library it was linked against, as macOS does), the library switches its characters on and off
// itself, `cmark_parallel_parsing_is_safe` answers 0, and MarkdownRenderer keeps the lock.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>
#include "CmarkParallelParsing.h"

typedef struct cmark_parser cmark_parser;
typedef void (*manage_special_characters)(cmark_parser *parser, int add);

static atomic_int reached;

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    atomic_store_explicit(&reached, 1, memory_order_relaxed);
    if (!add) return;
    // The library's own definition, the next one after this executable's. Each call switches on the characters of
    // the parser's extensions: the same bytes, set to the same value, whichever thread gets there.
    static _Atomic(manage_special_characters) library;
    manage_special_characters switchOn = atomic_load_explicit(&library, memory_order_acquire);
    if (switchOn == NULL) {
        switchOn = (manage_special_characters)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        atomic_store_explicit(&library, switchOn, memory_order_release);
    }
    if (switchOn != NULL) switchOn(parser, add);
}

int cmark_parallel_parsing_is_safe(void) {
    return atomic_load_explicit(&reached, memory_order_relaxed);
}
