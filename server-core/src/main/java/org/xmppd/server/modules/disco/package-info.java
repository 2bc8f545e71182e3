/** XEP-0030 Service Discovery. */
package org.xmppd.server.modules.disco;
