#include "csystem.h"
#ifdef __linux__
#include <malloc.h>
#include <sys/prctl.h>
int teilhabe_become_subreaper(void) { return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); }
int teilhabe_release_memory(size_t threshold) {
    struct mallinfo2 m = mallinfo2();
    return m.fordblks < threshold ? 0 : malloc_trim(0);
}
#else
int teilhabe_become_subreaper(void) { return -1; }
int teilhabe_release_memory(size_t threshold) { (void)threshold; return 0; }
#endif
