/**
 * XEP-0045 on the wire: thin handlers that turn stanzas addressed to the service, a room or an
 * occupant into {@link org.xmppd.muc.room.RoomService} calls, and a publisher that renders the
 * resulting events into stanzas, serialized once per variant and written to every session.
 */
package org.xmppd.muc.xml;
