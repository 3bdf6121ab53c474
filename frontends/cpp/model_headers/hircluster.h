/* slotlint model header <hiredis_cluster/hircluster.h>: the API of hiredis-cluster 0.14.0 (library hiredis-cluster) */
/* Written for slotlint from hiredis-cluster's documented API (Nordix/
 * hiredis-cluster README): declarations only. Used only when the real
 * header is not found. */
#ifndef SLOTLINT_MODEL_HIRCLUSTER_H
#define SLOTLINT_MODEL_HIRCLUSTER_H
#include <hiredis/hiredis.h>
#include <hiredis/async.h>

#define HIRCLUSTER_FLAG_NULL 0x0
#define HIRCLUSTER_FLAG_ADD_SLAVE 0x1000
#define HIRCLUSTER_FLAG_ROUTE_USE_SLOTS 0x4000

#ifdef __cplusplus
extern "C" {
#endif

typedef struct cluster_node redisClusterNode;

typedef struct redisClusterContext {
  int err;
  char errstr[128];
  int flags;
  struct timeval *connect_timeout;
  struct timeval *command_timeout;
  int max_retry_count;
} redisClusterContext;

struct redisClusterAsyncContext;
typedef void(redisClusterCallbackFn)(struct redisClusterAsyncContext *, void *, void *);

typedef struct redisClusterAsyncContext {
  redisClusterContext *cc;
  int err;
  char errstr[128];
  void *data;
} redisClusterAsyncContext;

redisClusterContext *redisClusterContextInit(void);
void redisClusterFree(redisClusterContext *cc);
int redisClusterSetOptionAddNode(redisClusterContext *cc, const char *addr);
int redisClusterSetOptionAddNodes(redisClusterContext *cc, const char *addrs);
int redisClusterSetOptionConnectBlock(redisClusterContext *cc);
int redisClusterSetOptionConnectNonBlock(redisClusterContext *cc);
int redisClusterSetOptionUsername(redisClusterContext *cc, const char *username);
int redisClusterSetOptionParseSlaves(redisClusterContext *cc);
int redisClusterSetOptionRouteUseSlots(redisClusterContext *cc);
int redisClusterSetOptionMaxRedirect(redisClusterContext *cc, int max_redirect_count);
int redisClusterSetOptionPassword(redisClusterContext *cc, const char *password);
int redisClusterSetOptionConnectTimeout(redisClusterContext *cc, const struct timeval tv);
int redisClusterSetOptionTimeout(redisClusterContext *cc, const struct timeval tv);
int redisClusterSetOptionMaxRetry(redisClusterContext *cc, int max_retry_count);
int redisClusterConnect2(redisClusterContext *cc);
redisClusterContext *redisClusterConnect(const char *addrs, int flags);
redisClusterContext *redisClusterConnectWithTimeout(const char *addrs, const struct timeval tv,
                                                    int flags);

void *redisClusterFormattedCommand(redisClusterContext *cc, char *cmd, int len);
void *redisClustervCommand(redisClusterContext *cc, const char *format, va_list ap);
void *redisClusterCommand(redisClusterContext *cc, const char *format, ...);
void *redisClusterCommandToNode(redisClusterContext *cc, redisClusterNode *node,
                                const char *format, ...);
void *redisClusterCommandArgv(redisClusterContext *cc, int argc, const char **argv,
                              const size_t *argvlen);

int redisClusterAppendFormattedCommand(redisClusterContext *cc, char *cmd, int len);
int redisClustervAppendCommand(redisClusterContext *cc, const char *format, va_list ap);
int redisClusterAppendCommand(redisClusterContext *cc, const char *format, ...);
int redisClusterAppendCommandArgv(redisClusterContext *cc, int argc, const char **argv,
                                  const size_t *argvlen);
int redisClusterAppendCommandToNode(redisClusterContext *cc, redisClusterNode *node,
                                    const char *format, ...);
int redisClusterGetReply(redisClusterContext *cc, void **reply);
void redisClusterReset(redisClusterContext *cc);

redisClusterAsyncContext *redisClusterAsyncContextInit(void);
redisClusterAsyncContext *redisClusterAsyncConnect(const char *addrs, int flags);
int redisClusterAsyncSetConnectCallback(redisClusterAsyncContext *acc, redisConnectCallback *fn);
int redisClusterAsyncSetDisconnectCallback(redisClusterAsyncContext *acc,
                                           redisDisconnectCallback *fn);
int redisClusterAsyncConnect2(redisClusterAsyncContext *acc);
void redisClusterAsyncDisconnect(redisClusterAsyncContext *acc);
void redisClusterAsyncFree(redisClusterAsyncContext *acc);
int redisClusterAsyncFormattedCommand(redisClusterAsyncContext *acc, redisClusterCallbackFn *fn,
                                      void *privdata, char *cmd, int len);
int redisClustervAsyncCommand(redisClusterAsyncContext *acc, redisClusterCallbackFn *fn,
                              void *privdata, const char *format, va_list ap);
int redisClusterAsyncCommand(redisClusterAsyncContext *acc, redisClusterCallbackFn *fn,
                             void *privdata, const char *format, ...);
int redisClusterAsyncCommandToNode(redisClusterAsyncContext *acc, redisClusterNode *node,
                                   redisClusterCallbackFn *fn, void *privdata, const char *format,
                                   ...);
int redisClusterAsyncCommandArgv(redisClusterAsyncContext *acc, redisClusterCallbackFn *fn,
                                 void *privdata, int argc, const char **argv,
                                 const size_t *argvlen);

#ifdef __cplusplus
}
#endif
#endif
