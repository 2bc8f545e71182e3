/** XEP-0357 push notifications: registrations of app servers per account, and the publishes to them. */
package org.xmppd.server.modules.push;
