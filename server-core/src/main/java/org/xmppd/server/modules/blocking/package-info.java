/** XEP-0191: Blocking Command, with the block list kept in the user data store and cached. */
package org.xmppd.server.modules.blocking;
