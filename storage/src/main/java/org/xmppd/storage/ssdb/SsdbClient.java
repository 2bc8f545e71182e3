package org.xmppd.storage.ssdb;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.nutz.ssdb4j.spi.Cmd;
import org.nutz.ssdb4j.spi.Response;
import org.nutz.ssdb4j.spi.SSDBStream;
import org.xmppd.storage.SsdbConfig;
import org.xmppd.storage.StorageException;

/**
 * Sends SSDB commands over a pool of {@link NoDelayStream}s (ssdb4j's protocol code, our sockets)
 * and turns failures into {@link StorageException}s naming the server and the action. Arguments
 * are always bytes: ssdb4j's {@code Object} methods send {@code null} as the text "null".
 *
 * <p>Every command the stores send is idempotent (reads, setting a field to a value, deleting
 * fields), so a call that fails on a pooled connection the server has since closed (a restart) is
 * sent once more on a fresh one. A timeout is not retried: it already took the full timeout.
 */
final class SsdbClient implements AutoCloseable {
    private final GenericObjectPool<SSDBStream> pool;
    private final String where;

    SsdbClient(SsdbConfig config) {
        this.pool = new GenericObjectPool<>(new ConnectionFactory(config), poolConfig(config));
        this.where = "SSDB at " + config.address();
    }

    /** Checks the server answers (and takes the password), so a bad address fails at start. */
    void ping() {
        Response reply;
        try {
            reply = send(Cmd.ping);
        } catch (RuntimeException e) {
            throw new StorageException(where + " " + describe(e), e);
        }
        if (!reply.ok()) {
            // "noauth" when the server wants a password and storage.ssdb.password is empty.
            throw new StorageException(where + " refused the connection: it answered '" + reply.stat + "' to ping"
                    + ("noauth".equals(reply.stat) ? " (set storage.ssdb.password)" : ""));
        }
    }

    /**
     * Sends one command.
     *
     * @return the reply data; empty for {@code not_found}
     * @throws StorageException when the server cannot be reached or answers an error
     */
    List<byte[]> call(String action, Cmd cmd, byte[]... args) {
        Response reply;
        try {
            reply = send(cmd, args);
        } catch (RuntimeException e) {
            throw new StorageException(where + ": " + action + " failed: SSDB " + describe(e), e);
        }
        if (reply.notFound()) {
            return List.of();
        }
        if (!reply.ok()) {
            throw new StorageException(where + ": " + action + " failed: SSDB answered '" + reply.stat + "' to "
                    + string(cmd.bytes()) + (reply.datas.isEmpty() ? "" : " (" + reply.listString() + ")"));
        }
        return reply.datas;
    }

    /** Sends a command whose reply is one integer (a count or 0/1). */
    long callForLong(String action, Cmd cmd, byte[]... args) {
        List<byte[]> reply = call(action, cmd, args);
        return reply.isEmpty() ? 0 : Long.parseLong(string(reply.get(0)));
    }

    private Response send(Cmd cmd, byte[]... args) {
        try {
            return sendOnce(cmd, args);
        } catch (BrokenConnection first) {
            if (hasCause(first, SocketTimeoutException.class)) {
                throw first;
            }
            try {
                return sendOnce(cmd, args);
            } catch (BrokenConnection second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private Response sendOnce(Cmd cmd, byte[]... args) {
        SSDBStream stream;
        try {
            stream = pool.borrowObject();
        } catch (Exception e) {
            String refused = NoDelayStream.PASSWORD_REFUSED;
            throw new StorageException(rootMessage(e).startsWith(refused) ? rootMessage(e)
                    : "is unreachable: " + rootMessage(e), e);
        }
        Response reply;
        try {
            reply = stream.req(cmd, args);
        } catch (RuntimeException e) {
            invalidate(stream, e);
            throw new BrokenConnection(e);
        }
        pool.returnObject(stream);
        return reply;
    }

    private void invalidate(SSDBStream stream, RuntimeException failure) {
        try {
            pool.invalidateObject(stream);
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String string(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static String describe(RuntimeException e) {
        if (e instanceof StorageException) {
            return e.getMessage();
        }
        if (hasCause(e, SocketTimeoutException.class)) {
            return "did not answer in time: " + rootMessage(e);
        }
        return "connection failed: " + rootMessage(e);
    }

    private static GenericObjectPoolConfig<SSDBStream> poolConfig(SsdbConfig config) {
        GenericObjectPoolConfig<SSDBStream> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(config.maxPoolSize());
        pool.setMaxIdle(config.maxPoolSize());
        // A caller waits at most the timeout for a free connection, never forever.
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(Duration.ofMillis(config.timeoutMs()));
        // Cheap (no round trip): drops connections that failed; stale ones are retried above.
        pool.setTestOnBorrow(true);
        // No process-wide JMX registration: two servers may run in one JVM.
        pool.setJmxEnabled(false);
        return pool;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's text, e.g. "Connection refused". */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** A request that failed on its connection (which is dropped from the pool). */
    private static final class BrokenConnection extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BrokenConnection(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
