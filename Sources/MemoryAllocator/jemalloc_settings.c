// The `build-site` executable allocates with jemalloc (Debian's libjemalloc2) rather than glibc's malloc. A build
// makes and frees millions of small strings and arrays on every core; glibc spent about a sixth of a full build in
// malloc and free (`_int_malloc`, `unlink_chunk`, `malloc_consolidate`), and jemalloc's per-thread caches cut the
// build's CPU time by about a fifth (BENCHMARKS.md, stop 11).
//
// Freed pages go back to the system within a second (dirty_decay_ms), without first being kept as "muzzy" pages
// (muzzy_decay_ms:0), so that the build's peak memory stays near what it holds live.
#include "MemoryAllocator.h"

const char *malloc_conf = "dirty_decay_ms:1000,muzzy_decay_ms:0";
