#ifndef CMARK_ARENA_H
#define CMARK_ARENA_H

// Declared here without cmark-gfm's header, which the CCmarkGFM module includes for Swift: the same struct from two
// modules would be two types (as CmarkParallelParsing declares cmark_parser).
struct cmark_mem;

/// The calling thread's arena, as a cmark-gfm allocator, for one parse and render and everything made from it.
/// Calls nest; the memory they handed out is reused once the outermost `cmark_thread_arena_end` returns, so nothing
/// allocated through it may be used after that.
struct cmark_mem *_Nonnull cmark_thread_arena_begin(void);

/// Ends the innermost `cmark_thread_arena_begin` on this thread.
void cmark_thread_arena_end(void);

#endif
