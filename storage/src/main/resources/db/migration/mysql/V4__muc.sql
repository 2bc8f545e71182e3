-- XEP-0045 persistent rooms (RoomStore). Binary JID parts as in V1 (exact comparison, keys
-- within InnoDB's 3072-byte limit); config is a JSON object of option name to value.
CREATE TABLE muc_rooms (
    service    VARBINARY(1023) NOT NULL,
    name       VARBINARY(1023) NOT NULL,
    config     MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    subject    MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    subject_by TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (service, name)
) ENGINE = InnoDB;

-- Room affiliations (XEP-0045 §5.2); jid_hash is the SHA-256 of jid, a short key whatever its length.
CREATE TABLE muc_affiliations (
    service     VARBINARY(1023) NOT NULL,
    name        VARBINARY(1023) NOT NULL,
    jid_hash    BINARY(32) NOT NULL,
    jid         VARBINARY(3071) NOT NULL,
    affiliation VARCHAR(16) CHARACTER SET ascii NOT NULL,
    nick        TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    reason      MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    PRIMARY KEY (service, name, jid_hash)
) ENGINE = InnoDB;
