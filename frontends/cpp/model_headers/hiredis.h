/* slotlint model header <hiredis/hiredis.h>: the API of hiredis 1.2.0 (library hiredis) */
/* Written for slotlint from hiredis's documented API (README, hiredis.h's
 * declarations as documented): declarations only, what a program calling
 * hiredis needs to parse. Used only when the real header is not found. */
#ifndef SLOTLINT_MODEL_HIREDIS_H
#define SLOTLINT_MODEL_HIREDIS_H
#include <stdarg.h>
#include <stddef.h>
#include <sys/time.h>

#define HIREDIS_MAJOR 1
#define HIREDIS_MINOR 2
#define HIREDIS_PATCH 0

#define REDIS_ERR -1
#define REDIS_OK 0

#define REDIS_ERR_IO 1
#define REDIS_ERR_EOF 3
#define REDIS_ERR_PROTOCOL 4
#define REDIS_ERR_OOM 5
#define REDIS_ERR_TIMEOUT 6
#define REDIS_ERR_OTHER 2

#define REDIS_REPLY_STRING 1
#define REDIS_REPLY_ARRAY 2
#define REDIS_REPLY_INTEGER 3
#define REDIS_REPLY_NIL 4
#define REDIS_REPLY_STATUS 5
#define REDIS_REPLY_ERROR 6
#define REDIS_REPLY_DOUBLE 7
#define REDIS_REPLY_BOOL 8
#define REDIS_REPLY_MAP 9
#define REDIS_REPLY_SET 10
#define REDIS_REPLY_ATTR 11
#define REDIS_REPLY_PUSH 12
#define REDIS_REPLY_BIGNUM 13
#define REDIS_REPLY_VERB 14

#ifdef __cplusplus
extern "C" {
#endif

typedef struct redisReply {
  int type;
  long long integer;
  double dval;
  size_t len;
  char *str;
  char vtype[4];
  size_t elements;
  struct redisReply **element;
} redisReply;

typedef struct redisContext {
  int err;
  char errstr[128];
  int fd;
  int flags;
  char *obuf;
} redisContext;

typedef struct {
  int type;
  int options;
  const struct timeval *connect_timeout;
  const struct timeval *command_timeout;
  void *privdata;
  void (*free_privdata)(void *);
} redisOptions;

redisContext *redisConnectWithOptions(const redisOptions *options);
redisContext *redisConnect(const char *ip, int port);
redisContext *redisConnectWithTimeout(const char *ip, int port, const struct timeval tv);
redisContext *redisConnectNonBlock(const char *ip, int port);
redisContext *redisConnectUnix(const char *path);
redisContext *redisConnectUnixWithTimeout(const char *path, const struct timeval tv);
int redisReconnect(redisContext *c);
int redisSetTimeout(redisContext *c, const struct timeval tv);
int redisEnableKeepAlive(redisContext *c);
void redisFree(redisContext *c);

int redisBufferRead(redisContext *c);
int redisBufferWrite(redisContext *c, int *done);
int redisGetReply(redisContext *c, void **reply);
int redisGetReplyFromReader(redisContext *c, void **reply);

int redisAppendFormattedCommand(redisContext *c, const char *cmd, size_t len);
int redisvAppendCommand(redisContext *c, const char *format, va_list ap);
int redisAppendCommand(redisContext *c, const char *format, ...);
int redisAppendCommandArgv(redisContext *c, int argc, const char **argv, const size_t *argvlen);

void *redisvCommand(redisContext *c, const char *format, va_list ap);
void *redisCommand(redisContext *c, const char *format, ...);
void *redisCommandArgv(redisContext *c, int argc, const char **argv, const size_t *argvlen);

int redisvFormatCommand(char **target, const char *format, va_list ap);
int redisFormatCommand(char **target, const char *format, ...);
void redisFreeCommand(char *cmd);

void freeReplyObject(void *reply);

#ifdef __cplusplus
}
#endif
#endif
