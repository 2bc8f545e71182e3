package org.xmppd.storage.jdbc;

import java.util.Set;
import java.util.TreeSet;

import org.xmppd.storage.StorageException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Roster groups as a JSON array of names, sorted so equal sets give equal text. */
final class GroupsJson {
    private final ObjectMapper mapper = new ObjectMapper();

    String write(Set<String> groups) {
        try {
            return mapper.writeValueAsString(new TreeSet<>(groups));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings always serializes", e);
        }
    }

    Set<String> read(String json) {
        try {
            return Set.of(mapper.readValue(json, String[].class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StorageException("Corrupt roster groups in the database: " + json, e);
        }
    }
}
