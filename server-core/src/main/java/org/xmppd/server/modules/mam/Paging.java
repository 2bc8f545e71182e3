package org.xmppd.server.modules.mam;

import org.xmppd.codec.Element;
import org.xmppd.codec.StanzaErrorCondition;
import org.xmppd.codec.StanzaErrorException;

/**
 * An XEP-0059 result set request: page size, and after/before ids ({@code <before/>} empty asks
 * for the last page). Offsets ({@code <index/>}) are not offered: they cost a scan.
 */
record Paging(int max, Long after, Long before, boolean fromEnd) {
    static Paging parse(Element set, int defaultMax, int maxMax) throws StanzaErrorException {
        if (set == null) {
            return new Paging(defaultMax, null, null, false);
        }
        if (set.child("index", MamQuery.RSM).isPresent()) {
            throw new StanzaErrorException(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED,
                    "Paging by index is not offered; use after or before");
        }
        int max = set.childText("max", MamQuery.RSM).map(Paging::max).orElse(defaultMax);
        if (max < 0) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "max must be a non-negative number");
        }
        String afterText = set.childText("after", MamQuery.RSM).map(String::strip).orElse("");
        Long after = afterText.isEmpty() ? null : MamQuery.id(afterText);
        Element before = set.childOrNull("before", MamQuery.RSM);
        Long beforeId = before == null || before.text().isBlank() ? null : MamQuery.id(before.text());
        return new Paging(Math.min(max, maxMax), after, beforeId, before != null);
    }

    private static int max(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
