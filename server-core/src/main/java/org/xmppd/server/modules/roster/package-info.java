/**
 * RFC 6121 §2-3: rosters (get, set, remove, pushes to interested resources, XEP-0237
 * versioning) and the presence subscription state machine that changes them.
 */
package org.xmppd.server.modules.roster;
