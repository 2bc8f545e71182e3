/**
 * The composition root and the command line: {@link org.xmppd.dist.Main} is what
 * {@code bin/xmppd} runs, {@link org.xmppd.dist.Bootstrap} builds storage and server from the
 * configuration and nothing else in the server creates its own dependencies.
 */
package org.xmppd.dist;
