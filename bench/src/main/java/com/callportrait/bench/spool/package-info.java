/**
 * The spool benchmark ({@code spool}): what accepting an interaction record costs (journal
 * write + fsync) for several batch sizes.
 */
package com.callportrait.bench.spool;
