/** XEP-0202 Entity Time. */
package org.xmppd.server.modules.time;
