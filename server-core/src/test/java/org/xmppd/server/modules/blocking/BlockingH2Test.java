package org.xmppd.server.modules.blocking;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;

/** {@link BlockingTest} on the default H2 storage. */
class BlockingH2Test extends BlockingTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }
}
