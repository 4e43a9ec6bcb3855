#include "csystem.h"
#ifdef __linux__
#include <malloc.h>
#include <sys/prctl.h>
int teilhabe_unterreaper_werden(void) { return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); }
int teilhabe_speicher_zurueckgeben(size_t ab) {
    struct mallinfo2 m = mallinfo2();
    return m.fordblks < ab ? 0 : malloc_trim(0);
}
#else
int teilhabe_unterreaper_werden(void) { return -1; }
int teilhabe_speicher_zurueckgeben(size_t ab) { (void)ab; return 0; }
#endif
