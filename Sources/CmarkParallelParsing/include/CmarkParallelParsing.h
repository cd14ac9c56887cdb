#ifndef CMARK_PARALLEL_PARSING_H
#define CMARK_PARALLEL_PARSING_H

/// Whether cmark-gfm's own calls to switch its extensions' trigger characters on and off have reached this target's
/// `cmark_manage_extensions_special_characters` (which never switches them off) since the process started. Asked
/// after a first parse: if they have, parsers no longer write anything they share, and may run at once.
int cmark_parallel_parsing_is_safe(void);

#endif
