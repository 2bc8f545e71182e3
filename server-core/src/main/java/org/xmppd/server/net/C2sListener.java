package org.xmppd.server.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Function;
import java.time.Duration;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.xmppd.codec.StreamErrorCondition;
import org.apache.mina.filter.executor.ExecutorFilter;
import org.apache.mina.filter.executor.OrderedThreadPoolExecutor;
import org.apache.mina.core.session.IoEventType;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.xmppd.server.stream.InboundStream;
import org.xmppd.server.stream.Transport;

/**
 * A stream listener: clients in plain text with STARTTLS (5222) or direct TLS (5223, XEP-0368),
 * or external components (5347, XEP-0114, plain; no TLS settings). The chain is
 * [tls] -> ordered executor -> handler, so TLS and reads stay on the IO processors and stream
 * work runs on the shared workers in per-connection order.
 */
public final class C2sListener implements AutoCloseable {
    private final NioSocketAcceptor acceptor;

    /**
     * @param directTls wrap connections in TLS from the first byte
     * @param tls TLS settings, or null when TLS is unavailable
     * @param idleSeconds the idle time: after half of it without input the stream pings
     */
    public C2sListener(boolean directTls, TlsSettings tls, OrderedThreadPoolExecutor workers, int idleSeconds,
            Function<Transport, ? extends InboundStream> streams) {
        acceptor = new NioSocketAcceptor();
        acceptor.setReuseAddress(true);
        // Unbinding must leave connections open, so a stopping server can still send each stream
        // its system-shutdown error (RFC 6120 §4.9.3.22); MINA closes them by default.
        acceptor.setCloseOnDeactivation(false);
        acceptor.setBacklog(1024);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        acceptor.getSessionConfig().setIdleTime(IdleStatus.READER_IDLE, Math.max(1, idleSeconds / 2));
        if (directTls) {
            acceptor.getFilterChain().addLast(MinaTransport.TLS_FILTER, MinaTransport.newTlsFilter(tls));
        }
        acceptor.getFilterChain().addLast("workers", new ExecutorFilter(workers,
                IoEventType.SESSION_OPENED, IoEventType.MESSAGE_RECEIVED, IoEventType.SESSION_IDLE,
                IoEventType.SESSION_CLOSED, IoEventType.EXCEPTION_CAUGHT));
        acceptor.setHandler(new C2sIoHandler(tls, streams));
    }

    public InetSocketAddress bind(InetSocketAddress address) throws IOException {
        acceptor.bind(address);
        return acceptor.getLocalAddress();
    }

    /** Ends every open stream on this listener with {@code condition}. */
    public void shutdownStreams() {
        for (IoSession session : acceptor.getManagedSessions().values()) {
            Object stream = session.getAttribute(C2sIoHandler.STREAM);
            if (stream instanceof InboundStream s) {
                s.close(StreamErrorCondition.SYSTEM_SHUTDOWN, "The server is shutting down");
            } else {
                session.closeNow();
            }
        }
    }

    /** Waits, at most {@code grace}, until every connection of this listener is closed. */
    public void awaitDisconnected(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (acceptor.getManagedSessionCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops accepting; open connections are left to their streams. */
    public void unbind() {
        acceptor.unbind();
    }

    @Override
    public void close() {
        acceptor.unbind();
        acceptor.dispose(true);
    }
}
