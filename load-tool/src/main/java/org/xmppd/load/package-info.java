/**
 * The {@code load-tool} command line: picocli subcommands {@code login}, {@code chat},
 * {@code muc}, {@code pubsub}, {@code idle} and {@code register}, each driving any XMPP server
 * given host, port, domain and a user range.
 */
package org.xmppd.load;
