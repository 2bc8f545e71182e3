/**
 * External components (XEP-0114, Jabber Component Protocol): their {@code jabber:component:accept}
 * streams, the handshake, and the routing of their domains.
 */
package org.xmppd.server.component;
