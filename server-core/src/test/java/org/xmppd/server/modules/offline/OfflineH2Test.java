package org.xmppd.server.modules.offline;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;

/** {@link OfflineTest} on the default H2 storage. */
class OfflineH2Test extends OfflineTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }
}
