package org.xmppd.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xmppd.server.tls.TlsConfig;

/** {@code tls.provider: openssl}: logins over STARTTLS and direct TLS, then a chat. */
class OpenSslTlsTest {
    @RegisterExtension
    static final TestServer SERVER = new TestServer(config -> config.withTls(
            new TlsConfig(null, null, null, "openssl")));

    @Test
    void starttlsAndDirectTlsLogInAndChat() throws Exception {
        NativeTlsChat.logInAndChat(SERVER);
    }
}
