#ifndef ATTUNE_CEDGELIBC_SHIM_H
#define ATTUNE_CEDGELIBC_SHIM_H
// The C library for the Embedded Swift edge build (cross/build-edge.sh), from Debian's arm64 glibc
// headers. On x86-64 `import Glibc` provides these; Embedded Swift has no Glibc overlay, so this module
// imports the headers directly, plus the two things Swift cannot import from them as they are.
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

// `errno` is a macro over a thread-local location.
static inline int attune_errno(void) { return errno; }
// `open` is variadic, which Swift does not import.
static inline int attune_open_read_only(const char *path) { return open(path, O_RDONLY | O_CLOEXEC); }
#endif
