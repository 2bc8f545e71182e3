/** XEP-0352 client state indication: what an inactive client is spared until it is active again. */
package org.xmppd.server.stream.csi;
