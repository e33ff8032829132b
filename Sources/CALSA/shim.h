#ifndef ATTUNE_CALSA_SHIM_H
#define ATTUNE_CALSA_SHIM_H
// libasound's public API, for AttuneAudio. Only headers from Debian's libasound2-dev.
#include <alsa/asoundlib.h>

// alsa-lib prints its own diagnostics to stderr ("ALSA lib pcm.c:…"). Attune reports every failure
// itself as one typed, actionable line, so the library's copy is dropped. The handler is variadic,
// which Swift cannot define, hence these few lines of C.
static void attune_alsa_quiet_error_handler(const char *file, int line, const char *function, int err, const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err; (void)fmt;
}

static inline int attune_alsa_silence_library_errors(void) {
    return snd_lib_error_set_handler(attune_alsa_quiet_error_handler);
}
#endif
