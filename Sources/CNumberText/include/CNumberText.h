#ifndef C_NUMBER_TEXT_H
#define C_NUMBER_TEXT_H

#include <stddef.h>

/// Writes `value` with `places` decimal places, as printf's "%.*f" does, into `buffer` (NUL-terminated); returns the
/// number of characters it needed, as snprintf does.
int number_text_decimals(char *buffer, size_t size, double value, int places);

#endif
