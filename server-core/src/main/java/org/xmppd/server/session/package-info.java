/** Bound client sessions and the registry the router asks where a JID is connected. */
package org.xmppd.server.session;
