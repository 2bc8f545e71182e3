package org.xmppd.load.client;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.FilterEvent;
import org.apache.mina.filter.ssl.SslEvent;

/** Routes MINA events of a connection to its {@link XmppClient}, kept in a session attribute. */
final class ClientIoHandler extends IoHandlerAdapter {
    static final AttributeKey CLIENT = new AttributeKey(ClientIoHandler.class, "client");

    @Override
    public void sessionOpened(IoSession session) {
        client(session).opened(session);
    }

    @Override
    public void messageReceived(IoSession session, Object message) {
        client(session).received((IoBuffer) message);
    }

    @Override
    public void event(IoSession session, FilterEvent event) {
        if (event == SslEvent.SECURED) {
            client(session).tlsSecured();
        }
    }

    @Override
    public void sessionClosed(IoSession session) {
        client(session).closed();
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        client(session).failed(cause);
        session.closeNow();
    }

    private static XmppClient client(IoSession session) {
        return (XmppClient) session.getAttribute(CLIENT);
    }
}
