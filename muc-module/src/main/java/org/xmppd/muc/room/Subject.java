package org.xmppd.muc.room;

import java.time.Instant;
import org.xmppd.codec.Element;

/**
 * The room's subject (XEP-0045 §8.1).
 *
 * @param text    the subject; empty when cleared
 * @param nick    who set it, or null (set by the service or before a restart by nobody known)
 * @param payload the message that set it (opaque to the engine), or null when restored from storage
 * @param time    when it was set
 */
public record Subject(String text, String nick, Element payload, Instant time) {
}
