/** XEP-0313: Message Archive Management for accounts, with XEP-0359 stanza ids and XEP-0424 tombstones. */
package org.xmppd.server.modules.mam;
