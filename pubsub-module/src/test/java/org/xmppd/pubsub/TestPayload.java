package org.xmppd.pubsub;

import java.io.IOException;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** A {@code <data xmlns='node'>text</data>} PEP payload Smack's PepManager can hand to listeners. */
record TestPayload(String namespace, String text) implements ExtensionElement {
    @Override
    public String getElementName() {
        return "data";
    }

    @Override
    public String getNamespace() {
        return namespace;
    }

    @Override
    public CharSequence toXML(XmlEnvironment enclosingNamespace) {
        return "<data xmlns='" + namespace + "'>" + text + "</data>";
    }

    /** Parses it for any namespace it is registered under. */
    static final class Provider extends ExtensionElementProvider<TestPayload> {
        @Override
        public TestPayload parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
                throws XmlPullParserException, IOException {
            String namespace = parser.getNamespace();
            String text = parser.nextText();
            return new TestPayload(namespace, text);
        }
    }
}
