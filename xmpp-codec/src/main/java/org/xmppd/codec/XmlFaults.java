package org.xmppd.codec;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/** Maps what the XML reader rejects or reports to the RFC 6120 stream error it calls for. */
final class XmlFaults {
    private XmlFaults() {
    }

    /** RFC 6120 §11.1: constructs an XMPP stream must never carry. */
    static StreamErrorException restricted(int event) {
        String what = switch (event) {
            case XMLStreamConstants.DTD -> "Document type declarations";
            case XMLStreamConstants.ENTITY_DECLARATION, XMLStreamConstants.NOTATION_DECLARATION ->
                    "Entity and notation declarations";
            case XMLStreamConstants.ENTITY_REFERENCE -> "Entity references other than the predefined five";
            case XMLStreamConstants.PROCESSING_INSTRUCTION -> "Processing instructions";
            case XMLStreamConstants.COMMENT -> "Comments";
            default -> "XML event " + event;
        };
        return new StreamErrorException(StreamErrorCondition.RESTRICTED_XML,
                what + " are not allowed (RFC 6120 §11.1)");
    }

    /**
     * The stream error for a reader failure. Aalto reports some restricted constructs only as
     * errors: an entity reference inside an attribute value, and a DTD with an internal subset
     * (seen by {@link PrologGuard}, hence {@code sawDoctype}).
     */
    static StreamErrorException toStreamError(XMLStreamException e, boolean sawDoctype) {
        String message = firstLine(e.getMessage());
        if (sawDoctype) {
            return new StreamErrorException(StreamErrorCondition.RESTRICTED_XML,
                    "Document type declarations are not allowed (RFC 6120 §11.1)");
        }
        if (message.contains("ENTITY_REFERENCE")) {
            return new StreamErrorException(StreamErrorCondition.RESTRICTED_XML,
                    "Entity references other than the predefined five are not allowed (RFC 6120 §11.1)");
        }
        if (message.contains("Unbound namespace prefix")) {
            // RFC 6120 §4.9.3.2: a prefix the peer never declared.
            return new StreamErrorException(StreamErrorCondition.BAD_NAMESPACE_PREFIX, message);
        }
        return new StreamErrorException(StreamErrorCondition.NOT_WELL_FORMED, message);
    }

    /** Aalto appends the location on further lines; the peer only needs the reason. */
    private static String firstLine(String message) {
        if (message == null) {
            return "XML parse error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
