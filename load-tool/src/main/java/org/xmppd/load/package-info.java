/**
 * The {@code load-tool} command line: picocli subcommands {@code login}, {@code chat},
 * {@code idle} and {@code register}, each driving any XMPP server given host, port, domain and a
 * user range. MUC and PubSub scenarios come with the MUC and PubSub modules.
 */
package org.xmppd.load;
