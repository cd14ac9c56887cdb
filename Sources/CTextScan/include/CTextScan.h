#ifndef C_TEXT_SCAN_H
#define C_TEXT_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// Counts the words (white-space-separated pieces holding a letter or number) ending in whole blocks of 64 ASCII
/// bytes from `bytes`, while a block and the byte after it (if any) are ASCII; `*in_word` is 1 while a piece with a
/// letter or number is open, before and after. Adds the words to `*count` and returns how many bytes it read (a
/// multiple of 64, 0 when the first block is not all ASCII).
size_t text_scan_ascii_words(const uint8_t *bytes, size_t length, long *count, uint64_t *in_word);

#endif
