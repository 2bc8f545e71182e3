package org.xmppd.server.stream;

import java.nio.ByteBuffer;
import org.xmppd.codec.StreamErrorCondition;

/**
 * One XML stream a peer opened to this server (a client, a component), as the network layer
 * drives it. Input events come one at a time, in order, from the connection's ordered worker;
 * {@link #close} may come from any thread.
 */
public interface InboundStream {
    /** The connection is up: timers start. */
    void opened();

    /** Bytes read from the connection. */
    void received(ByteBuffer data);

    /** Nothing was read for half the idle time: keep the connection alive or give up on it. */
    void idle();

    /** The connection is gone, for whatever reason. */
    void connectionClosed();

    /** Ends the stream with a stream error, e.g. {@code system-shutdown}. */
    void close(StreamErrorCondition condition, String text);
}
