/* slotlint model header <valkey/async.h>: the API of libvalkey 0.5.0 (library libvalkey) */
/* Written for slotlint from libvalkey's documented asynchronous API:
 * declarations only. Used only when the real header is not found. */
#ifndef SLOTLINT_MODEL_VALKEY_ASYNC_H
#define SLOTLINT_MODEL_VALKEY_ASYNC_H
#include <valkey/valkey.h>

#ifdef __cplusplus
extern "C" {
#endif

struct valkeyAsyncContext;
typedef void(valkeyCallbackFn)(struct valkeyAsyncContext *, void *, void *);
typedef void(valkeyConnectCallback)(struct valkeyAsyncContext *, int status);
typedef void(valkeyDisconnectCallback)(const struct valkeyAsyncContext *, int status);

typedef struct valkeyAsyncContext {
  valkeyContext c;
  int err;
  char *errstr;
  void *data;
} valkeyAsyncContext;

valkeyAsyncContext *valkeyAsyncConnectWithOptions(const valkeyOptions *options);
valkeyAsyncContext *valkeyAsyncConnect(const char *ip, int port);
valkeyAsyncContext *valkeyAsyncConnectUnix(const char *path);
int valkeyAsyncSetConnectCallback(valkeyAsyncContext *ac, valkeyConnectCallback *fn);
int valkeyAsyncSetDisconnectCallback(valkeyAsyncContext *ac, valkeyDisconnectCallback *fn);
void valkeyAsyncDisconnect(valkeyAsyncContext *ac);
void valkeyAsyncFree(valkeyAsyncContext *ac);

int valkeyvAsyncCommand(valkeyAsyncContext *ac, valkeyCallbackFn *fn, void *privdata,
                        const char *format, va_list ap);
int valkeyAsyncCommand(valkeyAsyncContext *ac, valkeyCallbackFn *fn, void *privdata,
                       const char *format, ...);
int valkeyAsyncCommandArgv(valkeyAsyncContext *ac, valkeyCallbackFn *fn, void *privdata, int argc,
                           const char **argv, const size_t *argvlen);
int valkeyAsyncFormattedCommand(valkeyAsyncContext *ac, valkeyCallbackFn *fn, void *privdata,
                                const char *cmd, size_t len);

#ifdef __cplusplus
}
#endif
#endif
