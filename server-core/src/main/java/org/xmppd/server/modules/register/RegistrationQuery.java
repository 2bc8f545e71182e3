package org.xmppd.server.modules.register;

import java.util.Optional;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.xmppd.codec.Element;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;

/** The {@code jabber:iq:register} payloads (XEP-0077 §3) and the registration stream feature (§4). */
final class RegistrationQuery {
    static final String NAMESPACE = "jabber:iq:register";
    static final String FEATURE_NAMESPACE = "http://jabber.org/features/iq-register";
    static final Element FEATURE = Element.of("register", FEATURE_NAMESPACE);

    private RegistrationQuery() {
    }

    /** §3.1 example 2: the fields a new account needs. */
    static Element form() {
        return Element.builder("query", NAMESPACE)
                .textChild("instructions", NAMESPACE,
                        "Choose a username and password to create an account on this server.")
                .child(Element.of("username", NAMESPACE))
                .child(Element.of("password", NAMESPACE))
                .build();
    }

    /** §3.1 example 3: the entity is registered; the password is never stored, so it stays empty. */
    static Element registered(Localpart username) {
        return Element.builder("query", NAMESPACE)
                .child(Element.of("registered", NAMESPACE))
                .textChild("username", NAMESPACE, username.toString())
                .child(Element.of("password", NAMESPACE))
                .build();
    }

    static boolean isRemove(Element query) {
        return query.childOrNull("remove", NAMESPACE) != null;
    }

    /** The text of field {@code name}; empty when the field is absent. */
    static Optional<String> field(Element query, String name) {
        return query.childText(name, NAMESPACE);
    }

    /**
     * The username as a localpart, prepared with PRECIS UsernameCaseMapped (RFC 7622 §3.3).
     *
     * @throws StanzaErrorException {@code not-acceptable} when it is absent, empty or not a valid localpart
     */
    static Localpart username(Element query) throws StanzaErrorException {
        String text = field(query, "username").map(String::strip).orElse("");
        if (text.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "A username is required");
        }
        try {
            return Localpart.from(text);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "The username is not allowed in an address: " + text);
        }
    }
}
