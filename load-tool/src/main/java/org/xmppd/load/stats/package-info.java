/**
 * Measurement: latency percentiles (nearest rank, lost samples counted as infinitely late) and
 * the server process's CPU time and resident memory read from Linux {@code /proc}.
 */
package org.xmppd.load.stats;
