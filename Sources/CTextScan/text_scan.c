// Word counting for reading times over runs of ASCII, 64 bytes at a time. Each byte's class comes from vector
// compares (SSE2, which every x86-64 processor has), gathered into one 64-bit word per class with movemask; the
// pieces are then followed through the 64 bits in six doubling shifts (`counted64`). In Swift, without a way to
// gather a vector compare into bits, the classes took twenty-odd steps for each 8 bytes and the count was 2.3% of a
// build's instructions. `ReadingTime` in Swift says what a word is; `WordScanTests` checks these against it.
#include "CTextScan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The classes of 64 ASCII bytes from `block`, a bit per byte (byte 0 in bit 0): `*space` for white space (tab to
/// carriage return, and space), `*letter_or_number` for A–Z, a–z and 0–9. Every byte must be below 0x80.
static void classes64(const uint8_t *block, uint64_t *space, uint64_t *letter_or_number) {
#if defined(__SSE2__)
    uint64_t spaces = 0, words = 0;
    for (int lane = 0; lane < 4; lane++) {
        __m128i bytes = _mm_loadu_si128((const __m128i *)(block + 16 * lane));
        // Signed compares: every byte is below 0x80.
        __m128i blank = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' ')),
                                     _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(8)), _mm_cmplt_epi8(bytes, _mm_set1_epi8(14))));
        // A–Z as a–z: nothing else lands on a–z.
        __m128i folded = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
        __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
        __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(bytes, _mm_set1_epi8('9' + 1)));
        spaces |= (uint64_t)(uint16_t)_mm_movemask_epi8(blank) << (16 * lane);
        words |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_or_si128(letter, digit)) << (16 * lane);
    }
    *space = spaces;
    *letter_or_number = words;
#else
    uint64_t spaces = 0, words = 0;
    for (int index = 0; index < 64; index++) {
        uint8_t byte = block[index];
        uint8_t folded = byte | 0x20;
        if (byte == ' ' || (byte >= 9 && byte <= 13)) spaces |= (uint64_t)1 << index;
        if ((folded >= 'a' && folded <= 'z') || (byte >= '0' && byte <= '9')) words |= (uint64_t)1 << index;
    }
    *space = spaces;
    *letter_or_number = words;
#endif
}

/// How many words end in 64 bytes of these classes, and whether a piece holding a letter or number is still open
/// after them: a word ends at white space after a piece that saw a letter or number, which is spread along each run
/// of other bytes, the run open at byte 0 included, in doubling shifts. (`ReadingTime.counted` in Swift.)
static inline long counted64(uint64_t space, uint64_t letter_or_number, uint64_t *in_word) {
    uint64_t other = ~space;
    uint64_t seen = letter_or_number | (other & ~(other + 1) & (0 - *in_word));
    uint64_t run = other;
    for (int shift = 1; shift < 64; shift *= 2) {
        seen |= (seen << shift) & run;
        run &= run << shift;
    }
    uint64_t ended = space & ((seen << 1) | *in_word);
    *in_word = (seen >> 63) & 1;
    return __builtin_popcountll(ended);
}

size_t text_scan_ascii_words(const uint8_t *bytes, size_t length, long *count, uint64_t *in_word) {
    size_t index = 0;
    while (index + 64 <= length) {
        uint64_t high = 0;
        for (int lane = 0; lane < 8; lane++) {
            uint64_t word;
            __builtin_memcpy(&word, bytes + index + 8 * lane, 8);
            high |= word;
        }
        // A block with a byte from 0x80, or followed by one (a character that may join the block's last), is left
        // to the caller.
        if ((high & 0x8080808080808080ULL) != 0 || (index + 64 < length && bytes[index + 64] >= 0x80)) break;
        uint64_t space, letter_or_number;
        classes64(bytes + index, &space, &letter_or_number);
        *count += counted64(space, letter_or_number, in_word);
        index += 64;
    }
    return index;
}
