#ifndef C_NUMBER_TEXT_H
#define C_NUMBER_TEXT_H

#include <stddef.h>

/// Writes `value` with one decimal place, as printf's "%.1f" does, into `buffer` (NUL-terminated); returns the
/// number of characters it needed, as snprintf does.
int number_text_one_decimal(char *buffer, size_t size, double value);

#endif
