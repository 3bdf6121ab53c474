/* slotlint model header <hiredis/async.h>: the API of hiredis 1.2.0 (library hiredis) */
/* Written for slotlint from hiredis's documented asynchronous API:
 * declarations only. Used only when the real header is not found. */
#ifndef SLOTLINT_MODEL_HIREDIS_ASYNC_H
#define SLOTLINT_MODEL_HIREDIS_ASYNC_H
#include <hiredis/hiredis.h>

#ifdef __cplusplus
extern "C" {
#endif

struct redisAsyncContext;
typedef void(redisCallbackFn)(struct redisAsyncContext *, void *, void *);
typedef void(redisDisconnectCallback)(const struct redisAsyncContext *, int status);
typedef void(redisConnectCallback)(const struct redisAsyncContext *, int status);

typedef struct redisAsyncContext {
  redisContext c;
  int err;
  char *errstr;
  void *data;
} redisAsyncContext;

redisAsyncContext *redisAsyncConnectWithOptions(const redisOptions *options);
redisAsyncContext *redisAsyncConnect(const char *ip, int port);
redisAsyncContext *redisAsyncConnectUnix(const char *path);
int redisAsyncSetConnectCallback(redisAsyncContext *ac, redisConnectCallback *fn);
int redisAsyncSetDisconnectCallback(redisAsyncContext *ac, redisDisconnectCallback *fn);
void redisAsyncDisconnect(redisAsyncContext *ac);
void redisAsyncFree(redisAsyncContext *ac);

void redisAsyncHandleRead(redisAsyncContext *ac);
void redisAsyncHandleWrite(redisAsyncContext *ac);

int redisvAsyncCommand(redisAsyncContext *ac, redisCallbackFn *fn, void *privdata,
                       const char *format, va_list ap);
int redisAsyncCommand(redisAsyncContext *ac, redisCallbackFn *fn, void *privdata,
                      const char *format, ...);
int redisAsyncCommandArgv(redisAsyncContext *ac, redisCallbackFn *fn, void *privdata, int argc,
                          const char **argv, const size_t *argvlen);
int redisAsyncFormattedCommand(redisAsyncContext *ac, redisCallbackFn *fn, void *privdata,
                               const char *cmd, size_t len);

#ifdef __cplusplus
}
#endif
#endif
