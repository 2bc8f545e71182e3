/** The {@code sm} module entry: switches XEP-0198 stream management on and carries its options. */
package org.xmppd.server.modules.sm;
