#ifndef ATTUNE_CALSA_SHIM_H
#define ATTUNE_CALSA_SHIM_H
// libasound's public API, for AttuneAudio. Only headers from Debian's libasound2-dev.
#include <alsa/asoundlib.h>
#endif
