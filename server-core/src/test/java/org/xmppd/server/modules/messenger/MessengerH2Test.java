package org.xmppd.server.modules.messenger;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;

/** {@link MessengerTest} on the default H2 storage. */
class MessengerH2Test extends MessengerTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }
}
