// alloc-count: an LD_PRELOAD library that counts heap allocations made by threads with a given name.
//
// Attune's capture thread ("attune-capture") must allocate nothing per ALSA period. This shim wraps
// malloc, calloc, realloc, posix_memalign, aligned_alloc and memalign, forwards them to glibc's own
// entry points, and counts the calls made on threads whose name (prctl PR_GET_NAME) equals
// $ALLOC_COUNT_THREAD. At exit it prints "alloc-count: THREAD N" to standard error. Recording 1 s and
// 10 s gives the same N when the per-period path allocates nothing (the rest is thread start-up).
//
// Build: cc -O2 -shared -fPIC -o alloc-count.so alloc-count.c
// Use:   ALLOC_COUNT_THREAD=attune-capture LD_PRELOAD=./alloc-count.so attune record ...
//        (ALLOC_COUNT_BACKTRACE=1 also prints a backtrace for each counted allocation)
#define _GNU_SOURCE
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <malloc.h>
#include <execinfo.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static atomic_long counted;
static __thread int inside;

static void count_if_watched(void) {
    if (inside) return;
    inside = 1;
    const char *watched = getenv("ALLOC_COUNT_THREAD");
    if (watched) {
        char name[17] = {0};
        prctl(PR_GET_NAME, name, 0, 0, 0);
        if (strcmp(name, watched) == 0) {
            atomic_fetch_add(&counted, 1);
            if (getenv("ALLOC_COUNT_BACKTRACE")) {  // where each counted allocation comes from
                void *frames[24];
                int depth = backtrace(frames, 24);
                backtrace_symbols_fd(frames, depth, 2);
                write(2, "--\n", 3);
            }
        }
    }
    inside = 0;
}

void *malloc(size_t size) { count_if_watched(); return __libc_malloc(size); }
void *calloc(size_t n, size_t size) { count_if_watched(); return __libc_calloc(n, size); }
void *realloc(void *p, size_t size) { count_if_watched(); return __libc_realloc(p, size); }
void *memalign(size_t alignment, size_t size) { count_if_watched(); return __libc_memalign(alignment, size); }
void *aligned_alloc(size_t alignment, size_t size) { count_if_watched(); return __libc_memalign(alignment, size); }
int posix_memalign(void **out, size_t alignment, size_t size) {
    count_if_watched();
    void *p = __libc_memalign(alignment, size);
    if (!p) return 12; /* ENOMEM */
    *out = p;
    return 0;
}

__attribute__((destructor)) static void report(void) {
    const char *watched = getenv("ALLOC_COUNT_THREAD");
    if (watched) fprintf(stderr, "alloc-count: %s %ld\n", watched, atomic_load(&counted));
}
