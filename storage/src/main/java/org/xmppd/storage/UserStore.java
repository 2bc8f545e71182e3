package org.xmppd.storage;

import java.util.List;
import java.util.Optional;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;

/**
 * Accounts and their SCRAM credentials (RFC 5802, RFC 7677). Passwords are never stored.
 *
 * <p>JIDs arrive normalized by jxmpp and are stored as given. A credential list holds at most
 * one credential per mechanism; a list naming a mechanism twice is an
 * {@link IllegalArgumentException}. Methods may block; backend failures are
 * {@link StorageException}s.
 */
public interface UserStore {
    /** Creates the account; false when it already exists (its credentials are left alone). */
    boolean create(EntityBareJid user, List<ScramCredential> credentials);

    boolean exists(EntityBareJid user);

    /** The user's credential for {@code mechanism}; empty for an unknown user or mechanism. */
    Optional<ScramCredential> credential(EntityBareJid user, String mechanism);

    /** Replaces all credentials (password change); false when no such user. */
    boolean replaceCredentials(EntityBareJid user, List<ScramCredential> credentials);

    /** Deletes the account and its credentials; false when no such user. */
    boolean delete(EntityBareJid user);

    /** Accounts of one domain, sorted by their string form. */
    List<EntityBareJid> list(DomainBareJid domain);
}
