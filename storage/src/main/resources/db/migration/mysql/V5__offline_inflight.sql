-- Durable delivery (XEP-0198): a message is written here before it is pushed to a client
-- session that acknowledges stanzas, and removed when the client's <a h/> covers it. Rows left
-- by a crash are moved to offline_messages when the server starts again.
CREATE TABLE offline_inflight (
    id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    domain      VARBINARY(1023) NOT NULL,
    localpart   VARBINARY(1023) NOT NULL,
    received_ms BIGINT NOT NULL,
    stanza      MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL
) ENGINE = InnoDB;
