package org.xmppd.server.modules;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.util.StringUtils;
import org.jxmpp.jid.Jid;

/**
 * An IQ request with a payload written as XML text: for the requests Smack's managers refuse to
 * build (empty, malformed, addressed to someone else), to check the server's errors.
 */
public class RawIq extends IQ {
    private final String innerXml;

    /**
     * @param to        the address, or null for the sender's own account
     * @param innerXml  the payload's children, or "" for an empty payload
     */
    public RawIq(IQ.Type type, Jid to, String element, String namespace, String innerXml) {
        super(StanzaBuilder.buildIqData(StringUtils.randomString(12)).ofType(type).to(to), element, namespace);
        this.innerXml = innerXml;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        if (innerXml.isEmpty()) {
            xml.setEmptyElement();
        } else {
            xml.rightAngleBracket();
            xml.append(innerXml);
        }
        return xml;
    }

    /** Sends the request and returns the error the server answered with; fails on a result. */
    public static StanzaError errorOf(XMPPConnection connection, RawIq request) {
        return assertThrows(XMPPException.XMPPErrorException.class,
                () -> connection.sendIqRequestAndWaitForResponse(request)).getStanzaError();
    }

    /** Sends the request and returns the result; throws on an error. */
    public static IQ resultOf(XMPPConnection connection, RawIq request) throws Exception {
        return connection.sendIqRequestAndWaitForResponse(request);
    }
}
