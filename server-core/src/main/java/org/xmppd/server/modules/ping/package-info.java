/** XEP-0199 XMPP Ping. */
package org.xmppd.server.modules.ping;
