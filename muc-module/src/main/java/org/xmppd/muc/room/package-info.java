/**
 * The XEP-0045 room engine, free of XML: rooms, occupants, affiliations and roles, the rules of
 * joining, moderating and configuring, and what each operation changes, returned as
 * {@link org.xmppd.muc.room.RoomEvent} values. Room options are small
 * {@link org.xmppd.muc.room.RoomFeature} classes (package {@code org.xmppd.muc.options});
 * persistence goes through {@link org.xmppd.storage.RoomStore}. The XML handlers in
 * {@code org.xmppd.muc.xml} parse stanzas into calls and render the events.
 */
package org.xmppd.muc.room;
