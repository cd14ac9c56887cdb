#ifndef MEMORY_ALLOCATOR_H
#define MEMORY_ALLOCATOR_H

/// jemalloc's settings for the `build-site` executable, read by jemalloc when the process starts (jemalloc(3),
/// "malloc_conf"). Linking this target is what puts jemalloc in place of glibc's malloc.
extern const char *malloc_conf;

#endif
