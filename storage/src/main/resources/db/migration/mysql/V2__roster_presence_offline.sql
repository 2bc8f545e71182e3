-- Binary JID columns as in V1 (exact comparison, keys within InnoDB's 3072-byte limit); text
-- columns are utf8mb4 with a binary collation, so nothing is folded or lost.

-- Accounts that have a roster. The row's lock serializes writes to one roster and holds its
-- version (XEP-0237), so a version always matches exactly one state of the items.
CREATE TABLE roster_owners (
    id        BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    domain    VARBINARY(1023) NOT NULL,
    localpart VARBINARY(1023) NOT NULL,
    version   BIGINT NOT NULL DEFAULT 0,
    UNIQUE KEY roster_owners_jid (domain, localpart)
) ENGINE = InnoDB;

-- Roster items (RFC 6121 §2.1). A bare JID is at most 2047 octets (RFC 7622 §3).
-- groups_json is a JSON array of group names: groups are only ever read with their item.
CREATE TABLE roster_items (
    owner_id     BIGINT NOT NULL,
    contact      VARBINARY(2047) NOT NULL,
    name         TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    subscription VARCHAR(4) CHARACTER SET ascii NOT NULL,
    ask_out      BOOLEAN NOT NULL,
    pending_in   BOOLEAN NOT NULL,
    approved     BOOLEAN NOT NULL,
    groups_json  MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (owner_id, contact),
    FOREIGN KEY (owner_id) REFERENCES roster_owners (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Inbound subscription requests kept until answered (RFC 6121 §3.1.3).
CREATE TABLE roster_pending (
    owner_id BIGINT NOT NULL,
    contact  VARBINARY(2047) NOT NULL,
    stanza   MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (owner_id, contact),
    FOREIGN KEY (owner_id) REFERENCES roster_owners (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- Online resources with their last presence and the node holding the session (RFC 6121 §4).
CREATE TABLE presence_resources (
    domain    VARBINARY(1023) NOT NULL,
    localpart VARBINARY(1023) NOT NULL,
    resource  VARBINARY(1023) NOT NULL,
    node      VARBINARY(255) NOT NULL,
    presence  MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (domain, localpart, resource),
    KEY presence_resources_node (node)
) ENGINE = InnoDB;

-- XEP-0012: when the last resource went offline (epoch milliseconds) and its status text.
CREATE TABLE last_activity (
    domain    VARBINARY(1023) NOT NULL,
    localpart VARBINARY(1023) NOT NULL,
    seen_ms   BIGINT NOT NULL,
    status    TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    PRIMARY KEY (domain, localpart)
) ENGINE = InnoDB;

-- Accounts that have offline messages; the row's lock makes "count, then append" atomic.
CREATE TABLE offline_owners (
    id        BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    domain    VARBINARY(1023) NOT NULL,
    localpart VARBINARY(1023) NOT NULL,
    UNIQUE KEY offline_owners_jid (domain, localpart)
) ENGINE = InnoDB;

-- XEP-0160 offline messages; id increases in arrival order.
CREATE TABLE offline_messages (
    id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_id    BIGINT NOT NULL,
    received_ms BIGINT NOT NULL,
    stanza      MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    KEY offline_messages_owner (owner_id, id),
    FOREIGN KEY (owner_id) REFERENCES offline_owners (id) ON DELETE CASCADE
) ENGINE = InnoDB;
