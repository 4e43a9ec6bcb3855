#ifndef TEILHABE_CSYSTEM_H
#define TEILHABE_CSYSTEM_H
#include <stddef.h>
/// Makes this process the reaper of its orphaned descendants (Linux prctl); returns 0 on success.
int teilhabe_become_subreaper(void);
/// Gives memory freed by the program back to the system (glibc malloc_trim) when at least `threshold`
/// bytes lie free in malloc's arenas; 1 if any was given back.
int teilhabe_release_memory(size_t threshold);
#endif
