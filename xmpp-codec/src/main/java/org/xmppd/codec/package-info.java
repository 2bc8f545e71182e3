/**
 * The XMPP codec: a non-blocking stream parser ({@link org.xmppd.codec.XmppStreamParser}) that
 * turns socket bytes into a stream header, immutable {@link org.xmppd.codec.Element}s and a stream
 * close; the serializer ({@link org.xmppd.codec.XmlWriter}); typed stanza views; RFC 6120 stream
 * and stanza error conditions; and JID parsing at the edge ({@link org.xmppd.codec.Jids}).
 *
 * <p>The codec knows nothing of sessions or sockets (see DESIGN.md, "The way a stanza travels").
 */
package org.xmppd.codec;
