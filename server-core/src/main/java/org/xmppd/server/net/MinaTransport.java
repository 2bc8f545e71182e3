package org.xmppd.server.net;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;
import org.xmppd.server.sasl.ChannelBinding;
import org.xmppd.server.stream.Transport;

/** A stream's connection over a MINA session. */
final class MinaTransport implements Transport {
    static final String TLS_FILTER = "tls";

    private final IoSession session;
    private final TlsSettings tls;

    MinaTransport(IoSession session, TlsSettings tls) {
        this.session = session;
        this.tls = tls;
    }

    static SslFilter newTlsFilter(TlsSettings tls) {
        SslFilter filter = new SslFilter(tls.context());
        filter.setEnabledProtocols(tls.protocols().toArray(String[]::new));
        filter.setNeedClientAuth(false);
        return filter;
    }

    @Override
    public void send(String xml) {
        session.write(IoBuffer.wrap(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public boolean canStartTls() {
        return tls != null && !isSecure();
    }

    @Override
    public void startTls(String proceed) {
        // MINA 2.2: the <proceed/> must be on the wire in clear text before the filter is added.
        // The write completes on this session's IO processor, which also reads the ClientHello
        // afterwards, so the filter is in place before any TLS record arrives.
        session.write(IoBuffer.wrap(proceed.getBytes(StandardCharsets.UTF_8)))
                .addListener(future -> session.getFilterChain().addFirst(TLS_FILTER, newTlsFilter(tls)));
    }

    @Override
    public boolean isSecure() {
        return session.getFilterChain().contains(TLS_FILTER);
    }

    @Override
    public List<ChannelBinding> channelBindings() {
        return isSecure() ? tls.channelBindings() : List.of();
    }

    @Override
    public void close() {
        session.closeOnFlush();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) session.getRemoteAddress();
    }
}
