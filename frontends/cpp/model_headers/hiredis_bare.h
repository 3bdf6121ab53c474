/* slotlint model header <hiredis.h>: the API of hiredis 1.2.0 (library hiredis) */
/* hiredis's header included by its bare name (-I.../hiredis). */
#include <hiredis/hiredis.h>
