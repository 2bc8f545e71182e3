package org.xmppd.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsConfigTest {

    @Test
    void defaultsToSelfSignedAndModernProtocols() {
        TlsConfig config = TlsConfig.defaults();
        assertFalse(config.hasCertificate());
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), config.protocols());
    }

    @Test
    void oldProtocolsAreRejectedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TlsConfig(null, null, List.of("TLSv1.3", "TLSv1.1")));
        assertTrue(e.getMessage().startsWith("protocols:") && e.getMessage().contains("TLSv1.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TlsConfig(null, null, List.of()));
    }

    @Test
    void providerDefaultsToOpenSslAndUnknownOnesAreRejected() {
        assertEquals("openssl", TlsConfig.defaults().provider());
        assertEquals("conscrypt", new TlsConfig(null, null, null, "conscrypt").provider());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TlsConfig(null, null, null, "gnutls"));
        assertEquals("provider: unknown TLS provider 'gnutls' (allowed: openssl, jdk, conscrypt)", e.getMessage());
    }

    @Test
    void certificateAndKeyGoTogether() {
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> new TlsConfig("cert.pem", null, null));
        assertTrue(noKey.getMessage().startsWith("private_key:"), noKey.getMessage());
        IllegalArgumentException noCert = assertThrows(IllegalArgumentException.class,
                () -> new TlsConfig(null, "key.pem", null));
        assertTrue(noCert.getMessage().startsWith("certificate:"), noCert.getMessage());
    }

    @Test
    void bindsFromSnakeCaseYaml() throws Exception {
        ObjectMapper mapper = YAMLMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        TlsConfig config = mapper.readValue("certificate: /etc/xmppd/fullchain.pem\n"
                + "private_key: /etc/xmppd/privkey.pem\nprotocols: [TLSv1.3]\nprovider: conscrypt\n", TlsConfig.class);
        assertEquals(new TlsConfig("/etc/xmppd/fullchain.pem", "/etc/xmppd/privkey.pem", List.of("TLSv1.3"), "conscrypt"),
                config);
        assertEquals(TlsConfig.defaults(), mapper.readValue("{}", TlsConfig.class));
        assertEquals(TlsConfig.defaults(), mapper.treeToValue(mapper.valueToTree(TlsConfig.defaults()), TlsConfig.class));
    }
}
