-- XEP-0313 message archives of accounts and rooms. Binary JID columns as in V1.
CREATE TABLE archive_owners (
    id        BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    domain    VARBINARY(1023) NOT NULL,
    localpart VARBINARY(1023) NOT NULL,
    UNIQUE KEY archive_owners_jid (domain, localpart)
) ENGINE = InnoDB;

-- id is time-ordered (epoch ms << 22 | sequence), so every query is a range on an index.
CREATE TABLE archive_messages (
    owner_id      BIGINT NOT NULL,
    id            BIGINT NOT NULL,
    with_jid      VARBINARY(2047) NOT NULL,
    with_resource VARBINARY(1023),
    outgoing      BOOLEAN NOT NULL,
    origin_id     VARBINARY(512),
    stanza        MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (owner_id, id),
    KEY archive_messages_with (owner_id, with_jid, id),
    KEY archive_messages_origin (owner_id, origin_id),
    KEY archive_messages_age (id),
    FOREIGN KEY (owner_id) REFERENCES archive_owners (id) ON DELETE CASCADE
) ENGINE = InnoDB;
