/** XEP-0115: Entity Capabilities of the server. */
package org.xmppd.server.modules.caps;
