package org.xmppd.server.modules.presence;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;

/** {@link PresenceTest} on the default H2 storage. */
class PresenceH2Test extends PresenceTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }
}
