package org.xmppd.codec;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.nio.ByteBuffer;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * The non-blocking parser of one inbound XML stream (RFC 6120 §4): bytes in, in whatever pieces the
 * network delivers, and {@link StreamHandler} events out — the stream header, each complete
 * top-level element, the stream close.
 *
 * <p>Parsing is Aalto's async StAX reader; this class tracks depth, builds elements, and enforces
 * the restricted XML profile of RFC 6120 §11 and the {@link ParserLimits}. Namespaces declared on
 * the stream header stay in the reader's context, so a stanza inherits the header's default
 * namespace and may use its prefixes (the failure behind Openfire's OF-2556).
 *
 * <p>One instance per stream; not thread-safe. A stream restart (RFC 6120 §5.4.3.3, §6.4.6) needs
 * a new instance. After a {@link StreamErrorException} the parser is dead: every later
 * {@code feed} throws that exception again. Bytes after {@code </stream:stream>} are ignored.
 */
public final class XmppStreamParser {
    /**
     * Aalto gets at most this many bytes at a time, so the size limits are checked between slices
     * and a large read cannot build much more than the limit before failing.
     */
    private static final int SLICE_BYTES = 8192;
    private static final byte[] NO_BYTES = new byte[0];

    private enum State { PROLOG, OPEN, CLOSED }

    private final ParserLimits limits;
    private final StreamHandler handler;
    private final AsyncXMLStreamReader<AsyncByteArrayFeeder> reader;
    private final ElementAssembler assembler = new ElementAssembler();
    private final PrologGuard prologGuard = new PrologGuard();
    /** The start of a UTF-8 character whose other bytes have not arrived yet (see {@link Utf8}). */
    private final byte[] carry = new byte[4];
    private State state = State.PROLOG;
    /** Bytes handed to Aalto so far. */
    private long fed;
    /** Where the header, the current top-level element, or the run between two of them began. */
    private long unitStart;
    private StreamErrorException failure;
    private byte[] scratch;
    private int carryLength;

    /** A parser with name tables of its own; servers use {@link StreamParsers} instead. */
    public XmppStreamParser(ParserLimits limits, StreamHandler handler) {
        this(limits, handler, newFactory());
    }

    XmppStreamParser(ParserLimits limits, StreamHandler handler, AsyncXMLInputFactory factory) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.reader = factory.createAsyncForByteArray();
    }

    /**
     * A factory for the restricted profile. Each reader made from it starts from the factory's
     * name tables and copies them before adding a name; a reader adds its names back only when
     * closed, which this class never does, so peers' names never reach the factory.
     */
    static AsyncXMLInputFactory newFactory() {
        AsyncXMLInputFactory factory = new InputFactoryImpl();
        // RFC 6120 §11.1: no DTD, and no entity is ever expanded or fetched. An entity reference
        // then surfaces as an ENTITY_REFERENCE event (or an error in an attribute), refused below.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        factory.setProperty(XMLInputFactory.IS_VALIDATING, Boolean.FALSE);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("External entities are never resolved: " + systemId);
        });
        // Peer-chosen names must not pile up in the JVM-wide string pool.
        factory.setProperty(XMLInputFactory2.P_INTERN_NAMES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory2.P_INTERN_NS_URIS, Boolean.FALSE);
        return factory;
    }

    /**
     * Parses {@code length} bytes of {@code data} from {@code offset}; any split is fine, even one
     * byte or inside a UTF-8 sequence. The array may be reused once this returns.
     */
    public void feed(byte[] data, int offset, int length) throws StreamErrorException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (failure != null) {
            throw failure;
        }
        if (state == State.CLOSED) {
            return;
        }
        try {
            int end = offset + length;
            int pos = carryLength > 0 ? completeCarry(data, offset, end) : offset;
            while (pos < end && state != State.CLOSED) {
                int sliceEnd = Math.min(end, pos + SLICE_BYTES);
                int cut = Utf8.completeEnd(data, pos, sliceEnd);
                if (cut > pos) {
                    feedSlice(data, pos, cut - pos);
                }
                pos = cut;
                if (cut < sliceEnd && sliceEnd == end) {
                    System.arraycopy(data, cut, carry, 0, end - cut);
                    carryLength = end - cut;
                    pos = end;
                }
            }
        } catch (XMLStreamException e) {
            failure = XmlFaults.toStreamError(e, state == State.PROLOG && prologGuard.sawDoctype());
            throw failure;
        } catch (StreamErrorException e) {
            failure = e;
            throw e;
        }
    }

    /** Parses the buffer's remaining bytes; its position moves to its limit. */
    public void feed(ByteBuffer data) throws StreamErrorException {
        if (data.hasArray()) {
            int length = data.remaining();
            feed(data.array(), data.arrayOffset() + data.position(), length);
            data.position(data.position() + length);
            return;
        }
        if (scratch == null) {
            scratch = new byte[SLICE_BYTES];
        }
        while (data.hasRemaining()) {
            int length = Math.min(scratch.length, data.remaining());
            data.get(scratch, 0, length);
            feed(scratch, 0, length);
        }
    }

    /** Adds the first bytes of {@code data} to the carried partial character; feeds it once whole. */
    private int completeCarry(byte[] data, int offset, int end) throws XMLStreamException, StreamErrorException {
        int needed = Utf8.sequenceLength(carry[0]);
        int pos = offset;
        while (carryLength < needed && pos < end) {
            carry[carryLength++] = data[pos++];
        }
        if (carryLength == needed) {
            carryLength = 0;
            feedSlice(carry, 0, needed);
        }
        return pos;
    }

    private void feedSlice(byte[] data, int offset, int length) throws XMLStreamException, StreamErrorException {
        if (state == State.PROLOG) {
            prologGuard.scan(data, offset, length);
        }
        reader.getInputFeeder().feedInput(data, offset, length);
        fed += length;
        while (state != State.CLOSED) {
            int event = reader.next();
            if (event == AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                // Aalto keeps what it needs of a partial token; without this it would hold on to the
                // caller's read buffer (16 KiB under TLS) for as long as the connection idles.
                reader.getInputFeeder().feedInput(NO_BYTES, 0, 0);
                break;
            }
            onEvent(event);
        }
        if (state != State.CLOSED) {
            checkSize(fed);
        }
    }

    private void onEvent(int event) throws XMLStreamException, StreamErrorException {
        switch (event) {
            case XMLStreamConstants.START_DOCUMENT -> checkDeclaration();
            case XMLStreamConstants.START_ELEMENT -> startElement();
            case XMLStreamConstants.END_ELEMENT -> endElement();
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text();
            case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION,
                    XMLStreamConstants.NOTATION_DECLARATION, XMLStreamConstants.ENTITY_REFERENCE,
                    XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.COMMENT ->
                    throw XmlFaults.restricted(event);
            default -> {
                // END_DOCUMENT cannot come before the root closes; nothing else carries content.
            }
        }
    }

    /** RFC 6120 §11.6: UTF-8 only; the XML declaration may say so but nothing else. */
    private void checkDeclaration() throws StreamErrorException {
        String encoding = reader.getCharacterEncodingScheme();
        if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
            throw new StreamErrorException(StreamErrorCondition.UNSUPPORTED_ENCODING,
                    "Only UTF-8 is supported (RFC 6120 §11.6), not " + encoding);
        }
    }

    private void startElement() throws XMLStreamException, StreamErrorException {
        if (state == State.PROLOG) {
            openStream();
            return;
        }
        if (assembler.depth() == 0) {
            unitStart = reader.getLocationInfo().getStartingByteOffset();
        }
        if (assembler.depth() >= limits.maxDepth()) {
            throw new StreamErrorException(StreamErrorCondition.POLICY_VIOLATION,
                    "Elements nested deeper than " + limits.maxDepth());
        }
        checkSize(reader.getLocationInfo().getEndingByteOffset());
        assembler.start(reader);
    }

    /** RFC 6120 §4.9.3.1 and §4.9.3.10: the root must be {@code stream} in the streams namespace. */
    private void openStream() throws XMLStreamException, StreamErrorException {
        if (!reader.getLocalName().equals("stream")) {
            throw new StreamErrorException(StreamErrorCondition.BAD_FORMAT,
                    "The root element must be <stream:stream>");
        }
        if (!ElementAssembler.namespaceOf(reader).equals(Namespaces.STREAMS)) {
            throw new StreamErrorException(StreamErrorCondition.INVALID_NAMESPACE,
                    "The stream namespace must be " + Namespaces.STREAMS);
        }
        String contentNamespace = "";
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            if (prefix == null || prefix.isEmpty()) {
                contentNamespace = reader.getNamespaceURI(i);
            }
        }
        state = State.OPEN;
        unitStart = reader.getLocationInfo().getEndingByteOffset();
        handler.streamOpened(new StreamOpen(ElementAssembler.attributes(reader), contentNamespace));
    }

    private void endElement() throws XMLStreamException, StreamErrorException {
        if (assembler.depth() == 0) {
            state = State.CLOSED;
            handler.streamClosed();
            return;
        }
        Element element = assembler.end();
        if (element != null) {
            long end = reader.getLocationInfo().getEndingByteOffset();
            checkSize(end);
            unitStart = end;
            handler.element(element);
        }
    }

    private void text() throws XMLStreamException, StreamErrorException {
        if (assembler.depth() > 0) {
            assembler.text(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
            return;
        }
        // Whitespace between top-level elements is a keepalive (RFC 6120 §4.6.1); it is dropped,
        // and the size budget restarts after it so an idle stream never trips the limit.
        if (!reader.isWhiteSpace()) {
            throw new StreamErrorException(StreamErrorCondition.BAD_FORMAT,
                    "Character data is not allowed between top-level elements");
        }
        unitStart = reader.getLocationInfo().getEndingByteOffset();
    }

    /** RFC 6120 §13.12: fails as soon as the current unit passes the limit, complete or not. */
    private void checkSize(long position) throws StreamErrorException {
        if (position - unitStart > limits.maxStanzaBytes()) {
            String what = state == State.PROLOG ? "Stream header" : "Top-level element";
            throw new StreamErrorException(StreamErrorCondition.POLICY_VIOLATION,
                    what + " larger than " + limits.maxStanzaBytes() + " bytes");
        }
    }
}
