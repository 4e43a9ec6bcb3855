#include "csystem.h"
#ifdef __linux__
#include <sys/prctl.h>
int teilhabe_unterreaper_werden(void) { return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); }
#else
int teilhabe_unterreaper_werden(void) { return -1; }
#endif
