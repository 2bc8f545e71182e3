/** XEP-0049: Private XML Storage. */
package org.xmppd.server.modules.privatexml;
