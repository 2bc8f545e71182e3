/** End-to-end tests of the seed messenger features that sit on RFC 6121: contact list, status, chat. */
package org.xmppd.server.modules.messenger;
