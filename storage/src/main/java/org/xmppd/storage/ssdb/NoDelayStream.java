package org.xmppd.storage.ssdb;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.nutz.ssdb4j.SSDBs;
import org.nutz.ssdb4j.impl.AbstractIoSSDBStream;
import org.nutz.ssdb4j.spi.Cmd;
import org.nutz.ssdb4j.spi.Response;

/**
 * One SSDB connection, connected (and authenticated) on construction. Unlike ssdb4j's own
 * socket stream it sets TCP_NODELAY: without it a request larger than the output buffer (a batch
 * of archived stanzas) waits about 40 ms for Nagle and the server's delayed ACK. A connection that
 * failed once is closed, so the pool drops it.
 */
final class NoDelayStream extends AbstractIoSSDBStream {
    /** How a refused {@code auth} is reported (the start of the failure's message). */
    static final String PASSWORD_REFUSED = "refused the password";
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Socket socket = new Socket();

    /**
     * @param password the {@code auth} password, or null
     * @throws IOException when the server cannot be reached or refuses the password
     */
    NoDelayStream(String host, int port, int timeoutMs, byte[] password) throws IOException {
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            in = new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES);
            out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
            if (password != null) {
                SSDBs.sendCmd(out, Cmd.auth, password);
                Response reply = SSDBs.readResp(in);
                if (!reply.ok()) {
                    throw new IOException(PASSWORD_REFUSED + " (it answered '" + reply.stat + "' to auth)");
                }
            }
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    protected Response whenError(Throwable e) {
        try {
            socket.close();
        } catch (IOException closing) {
            e.addSuppressed(closing);
        }
        return super.whenError(e);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
