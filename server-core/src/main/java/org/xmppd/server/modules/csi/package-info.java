/** The {@code csi} module entry: switches XEP-0352 client state indication on. */
package org.xmppd.server.modules.csi;
