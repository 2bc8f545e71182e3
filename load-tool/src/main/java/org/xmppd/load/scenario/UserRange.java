package org.xmppd.load.scenario;

import java.util.Locale;
import java.util.Objects;
import org.xmppd.load.client.Account;

/**
 * The provisioned accounts: {@code count} usernames made from {@code pattern} (a
 * {@link String#format} pattern with one integer, e.g. {@code user%d}) and the numbers
 * {@code first} .. {@code first + count - 1}, all with one password.
 */
public record UserRange(String pattern, int first, int count, String password) {
    public UserRange {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(password, "password");
        if (count < 1) {
            throw new IllegalArgumentException("the user range needs at least one user: " + count);
        }
        String.format(Locale.ROOT, pattern, first);
    }

    /** The {@code index}-th connection's account; indexes beyond the range wrap around. */
    public Account account(int index, String resource) {
        return new Account(username(index), password, resource);
    }

    public String username(int index) {
        return String.format(Locale.ROOT, pattern, first + Math.floorMod(index, count));
    }
}
