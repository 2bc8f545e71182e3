/** XEP-0092 Software Version. */
package org.xmppd.server.modules.version;
