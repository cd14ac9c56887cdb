// A number written by C's own formatting, called from Swift without a variadic call: Swift passes a variadic
// argument through `CVarArg`, boxing it and asking the runtime about its type each time (`__VaListBuilder`), which
// was 2% of a 1,000-report build for the risk charts' coordinates.
#include <stdio.h>
#include "CNumberText.h"

int number_text_decimals(char *buffer, size_t size, double value, int places) {
    return snprintf(buffer, size, "%.*f", places, value);
}
