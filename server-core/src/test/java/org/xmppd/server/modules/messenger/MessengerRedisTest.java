package org.xmppd.server.modules.messenger;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.RedisImServer;

/** {@link MessengerTest} with rosters and presence in Redis. */
class MessengerRedisTest extends MessengerTest {
    @RegisterExtension
    static final RedisImServer REDIS = new RedisImServer();
    @RegisterExtension
    static final TestServer SERVER = REDIS.server();

    @Override
    protected TestServer server() {
        return SERVER;
    }
}
