/**
 * XEP-0077 In-Band Registration: account creation before login (when the configuration allows
 * it, rate-limited per address), and password change and account removal for logged-in users.
 */
package org.xmppd.server.modules.register;
