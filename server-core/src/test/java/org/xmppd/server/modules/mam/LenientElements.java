package org.xmppd.server.modules.mam;

import java.io.IOException;

import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.ParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/**
 * Smack 4.5 has no providers for some elements these tests exchange, and its generic one trips an
 * assertion (tests run with -ea) on the default namespace declaration the parser reports; this
 * reads them as plain elements: name, namespace and unprefixed attributes, content skipped.
 */
final class LenientElements extends ExtensionElementProvider<StandardExtensionElement> {
    private LenientElements() {
    }

    static void register() {
        LenientElements provider = new LenientElements();
        ProviderManager.addExtensionProvider("origin-id", StanzaIds.NAMESPACE, provider);
        ProviderManager.addExtensionProvider("retract", MessageRetraction.NAMESPACE, provider);
        ProviderManager.addExtensionProvider("retracted", MessageRetraction.NAMESPACE, provider);
        ProviderManager.addExtensionProvider("fallback", "urn:xmpp:fallback:0", provider);
        ProviderManager.addExtensionProvider("reactions", "urn:xmpp:reactions:0", provider);
        ProviderManager.addExtensionProvider("displayed", "urn:xmpp:chat-markers:0", provider);
    }

    @Override
    public StandardExtensionElement parse(XmlPullParser parser, int depth, XmlEnvironment environment)
            throws XmlPullParserException, IOException {
        StandardExtensionElement.Builder element = StandardExtensionElement.builder(parser.getName(),
                parser.getNamespace());
        for (int i = 0; i < parser.getAttributeCount(); i++) {
            String prefix = parser.getAttributePrefix(i);
            if (prefix == null || prefix.isEmpty()) {
                element.addAttribute(parser.getAttributeName(i), parser.getAttributeValue(i));
            }
        }
        ParserUtils.forwardToEndTagOfDepth(parser, depth);
        return element.build();
    }
}
