package org.xmppd.server.modules.mam;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.TestServer;

/** The MAM tests with archives in the embedded H2 database (the default). */
class H2MamTest extends MamTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer();

    @Override
    protected TestServer server() {
        return SERVER;
    }
}
