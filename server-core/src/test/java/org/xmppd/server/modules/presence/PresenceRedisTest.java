package org.xmppd.server.modules.presence;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;
import org.xmppd.server.modules.RedisImServer;

/** {@link PresenceTest} with rosters and presence in Redis. */
class PresenceRedisTest extends PresenceTest {
    @RegisterExtension
    static final RedisImServer REDIS = new RedisImServer();
    @RegisterExtension
    static final TestServer SERVER = REDIS.server();

    @Override
    protected TestServer server() {
        return SERVER;
    }
}
