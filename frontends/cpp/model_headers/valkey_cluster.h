/* slotlint model header <valkey/cluster.h>: the API of libvalkey 0.5.0 (library libvalkey) */
/* Written for slotlint from libvalkey's documented cluster API (README,
 * the declarations of cluster.h as documented): declarations only. Used only
 * when the real header is not found. */
#ifndef SLOTLINT_MODEL_VALKEY_CLUSTER_H
#define SLOTLINT_MODEL_VALKEY_CLUSTER_H
#include <valkey/async.h>
#include <valkey/valkey.h>

#define VALKEYCLUSTER_SLOTS 16384

#ifdef __cplusplus
extern "C" {
#endif

struct valkeyClusterAsyncContext;
typedef void(valkeyClusterCallbackFn)(struct valkeyClusterAsyncContext *, void *, void *);

typedef struct valkeyClusterNode {
  char *name;
  char *addr;
  char *host;
  int port;
  valkeyContext *con;
  valkeyAsyncContext *acon;
} valkeyClusterNode;

typedef struct valkeyClusterContext {
  int err;
  char errstr[128];
} valkeyClusterContext;

typedef struct valkeyClusterAsyncContext {
  valkeyClusterContext *cc;
  int err;
  char errstr[128];
} valkeyClusterAsyncContext;

typedef struct {
  const char *initial_nodes;
  int options;
  const struct timeval *connect_timeout;
  const struct timeval *command_timeout;
  const char *username;
  const char *password;
  int max_retry;
  int select_db;
  void (*event_callback)(const struct valkeyClusterContext *cc, int event, void *privdata);
  void *event_privdata;
  void (*connect_callback)(const valkeyContext *c, int status);
  void (*async_connect_callback)(struct valkeyAsyncContext *, int status);
  void (*async_disconnect_callback)(const struct valkeyAsyncContext *, int status);
  int (*attach_fn)(valkeyAsyncContext *ac, void *attach_data);
  void *attach_data;
  void *tls;
} valkeyClusterOptions;

valkeyClusterContext *valkeyClusterConnectWithOptions(const valkeyClusterOptions *options);
valkeyClusterContext *valkeyClusterConnect(const char *addrs);
valkeyClusterContext *valkeyClusterConnectWithTimeout(const char *addrs, const struct timeval tv);
void valkeyClusterFree(valkeyClusterContext *cc);
int valkeyClusterSetOptionTimeout(valkeyClusterContext *cc, const struct timeval tv);

void *valkeyClusterCommand(valkeyClusterContext *cc, const char *format, ...);
void *valkeyClusterCommandToNode(valkeyClusterContext *cc, valkeyClusterNode *node,
                                 const char *format, ...);
void *valkeyClustervCommand(valkeyClusterContext *cc, const char *format, va_list ap);
void *valkeyClusterCommandArgv(valkeyClusterContext *cc, int argc, const char **argv,
                               const size_t *argvlen);

int valkeyClusterAppendCommand(valkeyClusterContext *cc, const char *format, ...);
int valkeyClusterAppendCommandToNode(valkeyClusterContext *cc, valkeyClusterNode *node,
                                     const char *format, ...);
int valkeyClusterAppendCommandArgv(valkeyClusterContext *cc, int argc, const char **argv,
                                   const size_t *argvlen);
int valkeyClusterGetReply(valkeyClusterContext *cc, void **reply);
void valkeyClusterReset(valkeyClusterContext *cc);

valkeyClusterAsyncContext *valkeyClusterAsyncConnectWithOptions(const valkeyClusterOptions *options);
void valkeyClusterAsyncDisconnect(valkeyClusterAsyncContext *acc);
void valkeyClusterAsyncFree(valkeyClusterAsyncContext *acc);
int valkeyClusterAsyncCommand(valkeyClusterAsyncContext *acc, valkeyClusterCallbackFn *fn,
                              void *privdata, const char *format, ...);
int valkeyClusterAsyncCommandToNode(valkeyClusterAsyncContext *acc, valkeyClusterNode *node,
                                    valkeyClusterCallbackFn *fn, void *privdata,
                                    const char *format, ...);
int valkeyClusterAsyncCommandArgv(valkeyClusterAsyncContext *acc, valkeyClusterCallbackFn *fn,
                                  void *privdata, int argc, const char **argv,
                                  const size_t *argvlen);
int valkeyClusterAsyncCommandArgvToNode(valkeyClusterAsyncContext *acc, valkeyClusterNode *node,
                                        valkeyClusterCallbackFn *fn, void *privdata, int argc,
                                        const char **argv, const size_t *argvlen);

unsigned int valkeyClusterGetSlotByKey(char *key);
valkeyClusterNode *valkeyClusterGetNodeByKey(valkeyClusterContext *cc, char *key);

#ifdef __cplusplus
}
#endif
#endif
