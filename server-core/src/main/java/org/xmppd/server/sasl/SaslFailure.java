package org.xmppd.server.sasl;

import java.util.Locale;

/** The SASL failure conditions of RFC 6120 §6.5, each a child element of {@code <failure/>}. */
public enum SaslFailure {
    /** §6.5.1: the client sent {@code <abort/>}. */
    ABORTED,
    /** §6.5.2: the account is disabled. */
    ACCOUNT_DISABLED,
    /** §6.5.3: the credentials have expired. */
    CREDENTIALS_EXPIRED,
    /** §6.5.4: the mechanism needs a confidential (TLS) channel. */
    ENCRYPTION_REQUIRED,
    /** §6.5.5: the base64 data could not be decoded. */
    INCORRECT_ENCODING,
    /** §6.5.6: the authorization identity is not one this entity may act as. */
    INVALID_AUTHZID,
    /** §6.5.7: the mechanism is not offered. */
    INVALID_MECHANISM,
    /** §6.5.8: the request is syntactically wrong. */
    MALFORMED_REQUEST,
    /** §6.5.9: the mechanism is weaker than policy allows. */
    MECHANISM_TOO_WEAK,
    /** §6.5.10: wrong credentials (or an unknown user; the two are indistinguishable on purpose). */
    NOT_AUTHORIZED,
    /** §6.5.11: a temporary error on the server side, e.g. the credential store is unreachable. */
    TEMPORARY_AUTH_FAILURE;

    /** The element name in the {@code urn:ietf:params:xml:ns:xmpp-sasl} namespace, e.g. {@code not-authorized}. */
    public String elementName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
