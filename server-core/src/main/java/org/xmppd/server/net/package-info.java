/** TCP listeners over Apache MINA: TLS filters, ordered workers, and the stream transport. */
package org.xmppd.server.net;
