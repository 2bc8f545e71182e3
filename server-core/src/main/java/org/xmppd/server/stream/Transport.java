package org.xmppd.server.stream;

import java.net.InetSocketAddress;
import java.util.List;
import org.xmppd.server.sasl.ChannelBinding;

/**
 * The connection under a stream, whatever carries it (TCP now; WebSocket and BOSH later).
 * Writes are thread-safe and never block.
 */
public interface Transport {
    /** Queues UTF-8 text for the peer. */
    void send(String xml);

    /** Queues text already encoded in UTF-8 (shared by many streams, so never modified). */
    default void send(byte[] utf8) {
        send(new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** True when STARTTLS can be offered on this connection. */
    boolean canStartTls();

    /** Writes {@code proceed} in clear text, then switches the connection to TLS (RFC 6120 §5.4.3.3). */
    void startTls(String proceed);

    boolean isSecure();

    /** Channel-binding data of the current TLS connection (empty without TLS). */
    List<ChannelBinding> channelBindings();

    /** Closes after everything queued has been written. */
    void close();

    InetSocketAddress remoteAddress();
}
