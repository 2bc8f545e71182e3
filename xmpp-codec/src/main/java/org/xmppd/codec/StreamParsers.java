package org.xmppd.codec;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;

/**
 * Makes the {@link XmppStreamParser}s of a server. They share one table of the element and
 * attribute names nearly every client stream uses, learnt once from {@link #COMMON_NAMES}: a
 * parser that meets no other name keeps no name table of its own (a parser with its own tables
 * holds about 3 KiB, most of an idle connection's parser state). A parser copies the table before
 * adding a name a peer sent, and never adds names back, so peers cannot grow what others share.
 * Thread-safe.
 */
public final class StreamParsers {
    /** A client stream touching the names of login, roster, presence, chat and the common XEPs. */
    static final String COMMON_NAMES = "<?xml version='1.0'?>"
            + "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
            + " to='example.org' from='a@example.org' version='1.0' xml:lang='en' id='x'>"
            + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"
            + "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'>x</auth>"
            + "<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>x</response>"
            + "<authenticate xmlns='urn:xmpp:sasl:2' mechanism='x'><initial-response>x</initial-response>"
            + "<user-agent id='x'><software>x</software><device>x</device></user-agent></authenticate>"
            + "<iq type='set' id='x' to='x' from='x'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
            + "<resource>x</resource><jid>x</jid></bind><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/>"
            + "<query xmlns='jabber:iq:roster' ver='x' node='x'><item jid='x' name='x' subscription='x' ask='x'"
            + " approved='x'><group>x</group></item><feature var='x'/><identity category='x' type='x'/></query>"
            + "<ping xmlns='urn:xmpp:ping'/><enable xmlns='urn:xmpp:carbons:2'/><blocklist xmlns='urn:xmpp:blocking'/>"
            + "<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='x' max_items='x'/>"
            + "<publish node='x'><item id='x'/></publish></pubsub><vCard xmlns='vcard-temp'/>"
            + "<error type='x' by='x'><text>x</text></error></iq>"
            + "<presence type='x' to='x'><show>x</show><status>x</status><priority>0</priority>"
            + "<c xmlns='http://jabber.org/protocol/caps' hash='x' node='x' ver='x' ext='x'/>"
            + "<x xmlns='vcard-temp:x:update'><photo>x</photo></x><nick xmlns='http://jabber.org/protocol/nick'/>"
            + "<delay xmlns='urn:xmpp:delay' stamp='x' from='x'/><idle xmlns='urn:xmpp:idle:1' since='x'/></presence>"
            + "<message type='chat' id='x' to='x' xml:lang='x'><body>x</body><subject>x</subject>"
            + "<thread parent='x'>x</thread><request xmlns='urn:xmpp:receipts'/><received id='x'/>"
            + "<markable xmlns='urn:xmpp:chat-markers:0'/><displayed id='x'/><active"
            + " xmlns='http://jabber.org/protocol/chatstates'/><composing/><paused/><inactive/><gone/>"
            + "<origin-id xmlns='urn:xmpp:sid:0' id='x'/><stanza-id by='x' id='x'/>"
            + "<store xmlns='urn:xmpp:hints'/><no-store/><no-copy/><private xmlns='urn:xmpp:carbons:2'/>"
            + "<replace xmlns='urn:xmpp:message-correct:0' id='x'/><reactions xmlns='urn:xmpp:reactions:0' id='x'>"
            + "<reaction>x</reaction></reactions><encrypted xmlns='eu.siacs.conversations.axolotl'>"
            + "<header sid='x'><key rid='x' prekey='x'>x</key><iv>x</iv></header><payload>x</payload></encrypted>"
            + "<encryption xmlns='urn:xmpp:eme:0' namespace='x' name='x'/></message>"
            + "<enable xmlns='urn:xmpp:sm:3' resume='true' max='x'/><r xmlns='urn:xmpp:sm:3'/>"
            + "<a xmlns='urn:xmpp:sm:3' h='0'/><resume xmlns='urn:xmpp:sm:3' previd='x' h='0'/>"
            + "<inactive xmlns='urn:xmpp:csi:0'/><active xmlns='urn:xmpp:csi:0'/></stream:stream>";

    private final ParserLimits limits;
    private final AsyncXMLInputFactory factory = XmppStreamParser.newFactory();

    public StreamParsers(ParserLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        learn(COMMON_NAMES);
    }

    /** A parser for one stream (a stream restart needs a new one). */
    public XmppStreamParser newParser(StreamHandler handler) {
        return new XmppStreamParser(limits, handler, factory);
    }

    public ParserLimits limits() {
        return limits;
    }

    /** Reads {@code xml} to its end and closes the reader: only then does Aalto keep its names. */
    private void learn(String xml) {
        try {
            AsyncXMLStreamReader<AsyncByteArrayFeeder> reader = factory.createAsyncForByteArray();
            byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
            reader.getInputFeeder().feedInput(bytes, 0, bytes.length);
            reader.getInputFeeder().endOfInput();
            while (reader.next() != AsyncXMLStreamReader.END_DOCUMENT) {
                // every event is only read, so that the names are learnt
            }
            reader.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the built-in name list is not well-formed", e);
        }
    }
}
