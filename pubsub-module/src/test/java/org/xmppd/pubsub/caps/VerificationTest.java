package org.xmppd.pubsub.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xmppd.server.module.Xml;

/** The XEP-0115 §5.2 and §5.3 examples, and what a client's answer must hash to. */
class VerificationTest {
    private static final String INFO = "http://jabber.org/protocol/disco#info";

    @Test
    void simpleGenerationExample() {
        String query = "<query xmlns='" + INFO + "' node='http://code.google.com/p/exodus#QgayPKawpkPSDYmwT/WM94uAlu0='>"
                + "<identity category='client' name='Exodus 0.9.1' type='pc'/>"
                + "<feature var='http://jabber.org/protocol/caps'/>"
                + "<feature var='http://jabber.org/protocol/disco#info'/>"
                + "<feature var='http://jabber.org/protocol/disco#items'/>"
                + "<feature var='http://jabber.org/protocol/muc'/></query>";
        assertEquals(Optional.of("QgayPKawpkPSDYmwT/WM94uAlu0="), Verification.of(Xml.parseElement(query), "sha-1"));
    }

    @Test
    void complexGenerationExampleWithLanguagesAndAForm() {
        String query = "<query xmlns='" + INFO + "' node='http://psi-im.org#q07IKJEyjvHSyhy//CH0CxmKi8w='>"
                + "<identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>"
                + "<identity xml:lang='el' category='client' name='Ψ 0.11' type='pc'/>"
                + "<feature var='http://jabber.org/protocol/caps'/>"
                + "<feature var='http://jabber.org/protocol/disco#info'/>"
                + "<feature var='http://jabber.org/protocol/disco#items'/>"
                + "<feature var='http://jabber.org/protocol/muc'/>"
                + "<x xmlns='jabber:x:data' type='result'>"
                + "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:dataforms:softwareinfo</value></field>"
                + "<field var='ip_version'><value>ipv4</value><value>ipv6</value></field>"
                + "<field var='os'><value>Mac</value></field>"
                + "<field var='os_version'><value>10.5.1</value></field>"
                + "<field var='software'><value>Psi</value></field>"
                + "<field var='software_version'><value>0.11</value></field></x></query>";
        assertEquals(Optional.of("q07IKJEyjvHSyhy//CH0CxmKi8w="), Verification.of(Xml.parseElement(query), "sha-1"));
    }

    @Test
    void unknownHashFunctionsCannotBeChecked() {
        assertEquals(Optional.empty(), Verification.of(Xml.parseElement("<query xmlns='" + INFO + "'/>"), "md-99"));
    }
}
