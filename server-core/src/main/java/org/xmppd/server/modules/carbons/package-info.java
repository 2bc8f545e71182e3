/** XEP-0280: Message Carbons. */
package org.xmppd.server.modules.carbons;
