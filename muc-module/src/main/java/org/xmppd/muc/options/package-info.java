/**
 * The room options of XEP-0045 §10.2, one small {@link org.xmppd.muc.room.RoomFeature} class
 * each: its form field, its disco#info feature or {@code muc#roominfo} field, and the rule it
 * enforces. {@link org.xmppd.muc.options.StandardOptions} lists them in the order they run.
 */
package org.xmppd.muc.options;
