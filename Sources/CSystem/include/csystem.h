#ifndef TEILHABE_CSYSTEM_H
#define TEILHABE_CSYSTEM_H
/// Makes this process the reaper of its orphaned descendants (Linux prctl); returns 0 on success.
int teilhabe_unterreaper_werden(void);
#endif
