// A cmark-gfm allocator (`cmark_mem`) that hands out memory from a per-thread arena, for one document at a time.
//
// cmark-gfm allocates every node, every text and every buffer of a parse and of its HTML one by one, and frees them
// one by one again: through jemalloc, that was about 4% of a 10,000-report build's samples (BENCHMARKS.md). Here an
// allocation moves a pointer along a large block, a free does nothing (or steps back, for the last allocation),
// and the whole block is reused for the next document once the parse, the walk and the render are over.
//
// cmark-gfm's own arena (`cmark_get_arena_mem_allocator`) does the same, but keeps one arena for the process, which
// two threads parsing at once would share; this one is the calling thread's, so documents still parse on every core.
// cmark-gfm frees each node through the allocator it was made with, and joins only nodes of one allocator, so a
// tree made here stays here (CmarkNodes makes its nodes with the tree's allocator).
//
// Under AddressSanitizer (`make test`, the fuzzer) the memory not handed out is poisoned, so a use of cmark-gfm's
// memory after its document is done is still reported, as it would be with malloc.
#include <pthread.h>
#include <sanitizer/asan_interface.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include "CmarkArena.h"

enum {
    // Every allocation starts 16 bytes from a 16-byte boundary, after its size, as malloc's do.
    ALIGNMENT = 16,
    HEADER = 16,
    // The first block of a thread; later ones double, so a long document needs few.
    FIRST_BLOCK = 256 * 1024,
    // A block larger than this is not kept for the next document, so a thread keeps at most this much between
    // documents (`serve` lives long, and one huge document would otherwise hold its memory for good).
    KEPT_BLOCK = 4 * 1024 * 1024,
};

typedef struct block {
    struct block *previous;
    size_t size;
    size_t used;
    // Where the last allocation's header starts: it alone can grow in place, or be given back.
    size_t last;
    _Alignas(ALIGNMENT) unsigned char bytes[];
} block;

typedef struct arena {
    block *current;
    unsigned depth;
} arena;

static _Thread_local arena local;
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static void free_blocks(block *first) {
    while (first) {
        block *previous = first->previous;
        free(first);
        first = previous;
    }
}

// A thread that ends gives its blocks back (the key's value is only a reminder that it has some).
static void thread_ended(void *unused) {
    (void)unused;
    free_blocks(local.current);
    local.current = NULL;
}

static void make_exit_key(void) {
    pthread_key_create(&exit_key, thread_ended);
}

static void out_of_memory(void) {
    // What cmark-gfm's own allocator does when the system has no memory left.
    fprintf(stderr, "[cmark] arena could not allocate memory, aborting\n");
    abort();
}

static size_t rounded(size_t size) {
    if (size > SIZE_MAX / 2) out_of_memory();
    return (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
}

static block *new_block(size_t needed) {
    size_t size = local.current ? local.current->size * 2 : FIRST_BLOCK;
    if (size < needed) size = needed;
    block *made = malloc(sizeof(block) + size);
    if (!made) out_of_memory();
    if (!local.current) {
        pthread_once(&exit_key_once, make_exit_key);
        pthread_setspecific(exit_key, &local);
    }
    made->previous = local.current;
    made->size = size;
    made->used = 0;
    made->last = SIZE_MAX;
    ASAN_POISON_MEMORY_REGION(made->bytes, size);
    local.current = made;
    return made;
}

static void *allocate(size_t size) {
    size_t needed = HEADER + rounded(size);
    block *current = local.current;
    if (!current || current->size - current->used < needed) current = new_block(needed);
    unsigned char *start = current->bytes + current->used;
    ASAN_UNPOISON_MEMORY_REGION(start, needed);
    *(size_t *)start = size;
    current->last = current->used;
    current->used += needed;
    return start + HEADER;
}

static int is_last(block *current, void *pointer) {
    return current && current->last != SIZE_MAX && (unsigned char *)pointer == current->bytes + current->last + HEADER;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) out_of_memory();
    void *pointer = allocate(count * size);
    memset(pointer, 0, count * size);
    return pointer;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (!pointer) return allocate(size);
    size_t *old_size = (size_t *)((unsigned char *)pointer - HEADER);
    block *current = local.current;
    // The last allocation grows where it is when the block has room (cmark-gfm's buffers grow this way).
    if (is_last(current, pointer)) {
        size_t needed = HEADER + rounded(size);
        if (current->size - current->last >= needed) {
            ASAN_UNPOISON_MEMORY_REGION(current->bytes + current->last, needed);
            *old_size = size;
            current->used = current->last + needed;
            return pointer;
        }
    }
    void *moved = allocate(size);
    memcpy(moved, pointer, *old_size < size ? *old_size : size);
    return moved;
}

static void arena_free(void *pointer) {
    // The last allocation is given back at once; any other waits for the end of the document.
    block *current = local.current;
    if (pointer && is_last(current, pointer)) {
        ASAN_POISON_MEMORY_REGION(current->bytes + current->last, current->used - current->last);
        current->used = current->last;
        current->last = SIZE_MAX;
    }
}

static cmark_mem arena_allocator = {arena_calloc, arena_realloc, arena_free};

cmark_mem *_Nonnull cmark_thread_arena_begin(void) {
    local.depth += 1;
    return &arena_allocator;
}

void cmark_thread_arena_end(void) {
    if (local.depth == 0 || --local.depth > 0) return;
    block *current = local.current;
    if (!current) return;
    // The newest block is the largest: it is kept, empty, unless it is too large to keep.
    free_blocks(current->previous);
    current->previous = NULL;
    if (current->size > KEPT_BLOCK) {
        free(current);
        local.current = NULL;
        return;
    }
    ASAN_POISON_MEMORY_REGION(current->bytes, current->size);
    current->used = 0;
    current->last = SIZE_MAX;
}
