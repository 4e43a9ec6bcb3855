#ifndef TEILHABE_CSYSTEM_H
#define TEILHABE_CSYSTEM_H
#include <stddef.h>
/// Makes this process the reaper of its orphaned descendants (Linux prctl); returns 0 on success.
int teilhabe_unterreaper_werden(void);
/// Gives memory freed by the program back to the system (glibc malloc_trim) when at least `ab`
/// bytes lie free in malloc's arenas; 1 if any was given back.
int teilhabe_speicher_zurueckgeben(size_t ab);
#endif
