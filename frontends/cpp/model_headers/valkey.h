/* slotlint model header <valkey/valkey.h>: the API of libvalkey 0.5.0 (library libvalkey) */
/* Written for slotlint from libvalkey's documented API (README, the
 * declarations of valkey.h as documented): declarations only, what a program
 * calling libvalkey needs to parse. Used only when the real header is not
 * found. */
#ifndef SLOTLINT_MODEL_VALKEY_H
#define SLOTLINT_MODEL_VALKEY_H
#include <stdarg.h>
#include <stddef.h>
#include <sys/time.h>

#define LIBVALKEY_VERSION_MAJOR 0
#define LIBVALKEY_VERSION_MINOR 5
#define LIBVALKEY_VERSION_PATCH 0

#define VALKEY_ERR -1
#define VALKEY_OK 0

#define VALKEY_REPLY_STRING 1
#define VALKEY_REPLY_ARRAY 2
#define VALKEY_REPLY_INTEGER 3
#define VALKEY_REPLY_NIL 4
#define VALKEY_REPLY_STATUS 5
#define VALKEY_REPLY_ERROR 6

#ifdef __cplusplus
extern "C" {
#endif

typedef struct valkeyReply {
  int type;
  long long integer;
  double dval;
  size_t len;
  char *str;
  size_t elements;
  struct valkeyReply **element;
} valkeyReply;

typedef struct valkeyContext {
  int err;
  char errstr[128];
  int fd;
  int flags;
} valkeyContext;

typedef struct {
  int type;
  int options;
  const struct timeval *connect_timeout;
  const struct timeval *command_timeout;
  void *privdata;
} valkeyOptions;

valkeyContext *valkeyConnectWithOptions(const valkeyOptions *options);
valkeyContext *valkeyConnect(const char *ip, int port);
valkeyContext *valkeyConnectWithTimeout(const char *ip, int port, const struct timeval tv);
valkeyContext *valkeyConnectNonBlock(const char *ip, int port);
valkeyContext *valkeyConnectUnix(const char *path);
valkeyContext *valkeyConnectUnixWithTimeout(const char *path, const struct timeval tv);
int valkeyReconnect(valkeyContext *c);
int valkeySetTimeout(valkeyContext *c, const struct timeval tv);
void valkeyFree(valkeyContext *c);

int valkeyGetReply(valkeyContext *c, void **reply);
int valkeyAppendFormattedCommand(valkeyContext *c, const char *cmd, size_t len);
int valkeyvAppendCommand(valkeyContext *c, const char *format, va_list ap);
int valkeyAppendCommand(valkeyContext *c, const char *format, ...);
int valkeyAppendCommandArgv(valkeyContext *c, int argc, const char **argv, const size_t *argvlen);
void *valkeyvCommand(valkeyContext *c, const char *format, va_list ap);
void *valkeyCommand(valkeyContext *c, const char *format, ...);
void *valkeyCommandArgv(valkeyContext *c, int argc, const char **argv, const size_t *argvlen);

int valkeyFormatCommand(char **target, const char *format, ...);
void valkeyFreeCommand(char *cmd);
void freeReplyObject(void *reply);

#ifdef __cplusplus
}
#endif
#endif
