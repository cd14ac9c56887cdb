// The two public headers of Debian's cmark-gfm packages: the parser and GitHub's extensions.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
