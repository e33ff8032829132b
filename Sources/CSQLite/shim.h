#ifndef ATTUNE_CSQLITE_SHIM_H
#define ATTUNE_CSQLITE_SHIM_H
// The system SQLite (Debian's libsqlite3-dev), used through its C API by AttuneStore.
#include <sqlite3.h>
#endif
