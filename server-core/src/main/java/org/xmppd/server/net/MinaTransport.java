package org.xmppd.server.net;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.filterchain.IoFilter.NextFilter;
import org.apache.mina.core.future.DefaultWriteFuture;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.core.write.DefaultWriteRequest;
import org.apache.mina.filter.ssl.DisableEncryptWriteRequest;
import org.apache.mina.filter.ssl.RecordSizedSslHandler;
import org.apache.mina.filter.ssl.SslFilter;
import org.apache.mina.filter.ssl.SslHandler;
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
        return new SslFilter(tls.context()) {
            /** The configured provider's engine, set up as MINA sets up its own. */
            @Override
            protected SSLEngine createEngine(IoSession session, InetSocketAddress address) {
                SSLEngine engine = tls.engines().get();
                engine.setUseClientMode(false);
                engine.setNeedClientAuth(false);
                engine.setEnabledProtocols(tls.protocols().toArray(String[]::new));
                return engine;
            }

            /** As MINA's, with a handler that sizes its write buffers to the writes. */
            @Override
            protected synchronized void onConnected(NextFilter next, IoSession session) throws SSLException {
                SslHandler handler = (SslHandler) session.getAttribute(SSL_HANDLER);
                if (handler == null) {
                    handler = new RecordSizedSslHandler(createEngine(session, null), EXECUTOR, session);
                    session.setAttribute(SSL_HANDLER, handler);
                }
                handler.open(next);
            }
        };
    }

    @Override
    public void send(String xml) {
        session.write(IoBuffer.wrap(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void send(byte[] utf8) {
        session.write(IoBuffer.wrap(utf8));
    }

    @Override
    public boolean canStartTls() {
        return tls != null && !isSecure();
    }

    @Override
    public void startTls(String proceed) {
        // RFC 6120 §5.4.3.3. The filter goes in first and the <proceed/> passes it in clear text
        // (MINA 2.2's DisableEncryptWriteRequest), so no ClientHello can reach the XML parser.
        // Adding the filter once the write completed raced: when the write finished before the
        // listener was attached, the listener ran late on this worker thread.
        session.getFilterChain().addFirst(TLS_FILTER, newTlsFilter(tls));
        IoBuffer data = IoBuffer.wrap(proceed.getBytes(StandardCharsets.UTF_8));
        session.getFilterChain().fireFilterWrite(new ClearTextWrite(data, new DefaultWriteFuture(session)));
    }

    /** A write the TLS filter lets through unencrypted. */
    private static final class ClearTextWrite extends DefaultWriteRequest implements DisableEncryptWriteRequest {
        ClearTextWrite(IoBuffer data, DefaultWriteFuture future) {
            super(data, future);
        }
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
