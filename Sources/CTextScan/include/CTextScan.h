#ifndef C_TEXT_SCAN_H
#define C_TEXT_SCAN_H

#include <stddef.h>
#include <stdint.h>

/// The classes of 64 ASCII bytes from `block`, a bit per byte (byte 0 in bit 0): `*space` for white space (tab to
/// carriage return, and space), `*letter_or_number` for A–Z, a–z and 0–9. Every byte must be below 0x80.
void text_scan_classes64(const uint8_t *block, uint64_t *space, uint64_t *letter_or_number);

/// Counts the words (white-space-separated pieces holding a letter or number) ending in whole blocks of 64 ASCII
/// bytes from `bytes`, while a block and the byte after it (if any) are ASCII; `*in_word` is 1 while a piece with a
/// letter or number is open, before and after. Adds the words to `*count` and returns how many bytes it read (a
/// multiple of 64, 0 when the first block is not all ASCII).
size_t text_scan_ascii_words(const uint8_t *bytes, size_t length, long *count, uint64_t *in_word);

#endif
