package org.xmppd.storage.redis;

import java.util.List;
import java.util.function.Function;

import org.xmppd.storage.StorageException;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Runs store operations on the pooled client and turns Jedis failures into
 * {@link StorageException}s naming the Redis address and the failed action. Socket and pool
 * timeouts bound every call, so a lost Redis fails calls instead of hanging them.
 */
final class RedisExecutor {
    private final UnifiedJedis jedis;
    private final String where;

    /**
     * @param where the server for messages, e.g. {@code Redis at 127.0.0.1:6379}
     */
    RedisExecutor(UnifiedJedis jedis, String where) {
        this.jedis = jedis;
        this.where = where;
    }

    <T> T run(String action, Function<UnifiedJedis, T> work) {
        try {
            return work.apply(jedis);
        } catch (JedisException | IllegalStateException e) {
            throw new StorageException(where + ": " + action + " failed: Redis " + describe(e), e);
        }
    }

    /** Runs a Lua script: the unit of atomicity for writes touching several keys. */
    Object eval(String action, String script, List<String> keys, List<String> args) {
        return run(action, jedis -> jedis.eval(script, keys, args));
    }

    /** What went wrong, in the words {@code Storage.open} uses for other backends. */
    static String describe(RuntimeException e) {
        if (hasCause(e, JedisConnectionException.class)) {
            return "is unreachable: " + rootMessage(e);
        }
        if (hasCause(e, IllegalStateException.class)) {
            return "is no longer open (storage was closed): " + rootMessage(e);
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof JedisAccessControlException || message.startsWith("NOAUTH") || message.contains("AUTH")) {
            return "refused the login: " + rootMessage(e);
        }
        return "failed: " + rootMessage(e);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure's message, plus the innermost cause (e.g. "Connection refused") when different.
     * Jedis attaches the reasons of a failed connect as suppressed exceptions, not as the cause.
     */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root.getSuppressed().length > 0) {
            root = root.getSuppressed()[0];
        }
        String message = String.valueOf(failure.getMessage());
        return root == failure ? message : message + " (" + root + ")";
    }
}
