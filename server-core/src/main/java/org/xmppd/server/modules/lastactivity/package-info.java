/** XEP-0012 last activity of the server (uptime) and of accounts (time since their last logout). */
package org.xmppd.server.modules.lastactivity;
