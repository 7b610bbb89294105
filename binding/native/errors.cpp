// The thread-local record of the last native error.
#include "shim.h"

static thread_local std::string last_error;
static thread_local bool has_error = false;

void ts_set_error(const char* message) {
    last_error = message ? message : "";
    has_error = true;
}

void ts_clear_error() {
    last_error.clear();
    has_error = false;
}

// Returns the message of the last error on this thread, or nullptr if none.
// The pointer stays valid until the next error or ts_clear_error on this thread.
TS_EXPORT const char* ts_last_error() {
    return has_error ? last_error.c_str() : nullptr;
}

TS_EXPORT void ts_clear_last_error() {
    ts_clear_error();
}
