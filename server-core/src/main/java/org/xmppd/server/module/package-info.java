/**
 * The module SPI: the only API a server feature sees. A module registers IQ handlers by
 * (type, element, namespace), message and presence handlers, and disco entries with its
 * {@link org.xmppd.server.module.ModuleContext}.
 */
package org.xmppd.server.module;
