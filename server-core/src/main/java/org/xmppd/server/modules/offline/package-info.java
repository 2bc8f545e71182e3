/** XEP-0160 offline messages: kept while the recipient has no available resource, delivered at its return. */
package org.xmppd.server.modules.offline;
