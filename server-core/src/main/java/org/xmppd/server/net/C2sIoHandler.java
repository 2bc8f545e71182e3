package org.xmppd.server.net;

import java.io.IOException;
import java.util.function.Function;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xmppd.server.stream.InboundStream;
import org.xmppd.server.stream.Transport;

/**
 * Connects MINA sessions to streams (client or component). Runs behind an ordered executor
 * filter, so each session's events arrive one at a time and in order, off the IO processors.
 */
final class C2sIoHandler extends IoHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(C2sIoHandler.class);
    static final AttributeKey STREAM = new AttributeKey(C2sIoHandler.class, "stream");

    private final TlsSettings tls;
    private final Function<Transport, ? extends InboundStream> streams;

    C2sIoHandler(TlsSettings tls, Function<Transport, ? extends InboundStream> streams) {
        this.tls = tls;
        this.streams = streams;
    }

    @Override
    public void sessionOpened(IoSession session) {
        InboundStream stream = streams.apply(new MinaTransport(session, tls));
        session.setAttribute(STREAM, stream);
        stream.opened();
    }

    @Override
    public void messageReceived(IoSession session, Object message) {
        InboundStream stream = stream(session);
        if (stream != null) {
            stream.received(((IoBuffer) message).buf());
        }
    }

    /** Nothing read for the idle period: the stream pings and closes if no answer comes. */
    @Override
    public void sessionIdle(IoSession session, IdleStatus status) {
        InboundStream stream = stream(session);
        if (stream != null && status == IdleStatus.READER_IDLE) {
            stream.idle();
        }
    }

    @Override
    public void sessionClosed(IoSession session) {
        InboundStream stream = stream(session);
        if (stream != null) {
            stream.connectionClosed();
        }
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("connection {} failed: {}", session.getRemoteAddress(), cause.toString());
        } else {
            LOG.warn("connection {} failed", session.getRemoteAddress(), cause);
        }
        session.closeNow();
    }

    private static InboundStream stream(IoSession session) {
        return (InboundStream) session.getAttribute(STREAM);
    }
}
