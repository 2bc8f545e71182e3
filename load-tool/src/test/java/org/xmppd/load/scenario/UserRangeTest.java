package org.xmppd.load.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.IllegalFormatException;
import org.junit.jupiter.api.Test;
import org.xmppd.load.client.Account;

class UserRangeTest {
    @Test
    void indexesMapOntoTheRangeAndWrap() {
        UserRange users = new UserRange("user%d", 1, 3, "pw");
        assertEquals("user1", users.username(0));
        assertEquals("user3", users.username(2));
        assertEquals("user1", users.username(3));
        Account account = users.account(4, "idle4");
        assertEquals(new Account("user2", "pw", "idle4"), account);
    }

    @Test
    void patternsMayPad() {
        assertEquals("bench00042", new UserRange("bench%05d", 42, 10, "pw").username(0));
    }

    @Test
    void rejectsEmptyRangesAndBadPatterns() {
        assertThrows(IllegalArgumentException.class, () -> new UserRange("user%d", 1, 0, "pw"));
        assertThrows(IllegalFormatException.class, () -> new UserRange("user%s%d", 1, 5, "pw"));
    }
}
