/* slotlint model header <hircluster.h>: the API of hiredis-cluster 0.14.0 (library hiredis-cluster) */
/* hiredis-cluster's header included by its bare name (-I.../hiredis_cluster). */
#include <hiredis_cluster/hircluster.h>
