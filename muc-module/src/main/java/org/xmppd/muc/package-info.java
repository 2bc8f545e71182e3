/**
 * XEP-0045 Multi-User Chat as a module: a service at {@code conference.<domain>} for each served
 * domain, configured under {@code module_options.muc}.
 */
package org.xmppd.muc;
