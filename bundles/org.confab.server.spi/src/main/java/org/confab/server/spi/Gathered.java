package org.confab.server.spi;

import java.util.List;

/**
 * What the other nodes of a cluster answered to a question, and the live nodes that did not answer
 * within the wait (empty when all did).
 */
public record Gathered<T>(T result, List<String> missingNodes) {

    public Gathered {
        missingNodes = List.copyOf(missingNodes);
    }
}
