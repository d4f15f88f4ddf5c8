package org.confab.e2e;

import java.util.List;

/** {@link FileTransferScenarios} with the embedded H2 database. */
class FileTransferH2Test extends FileTransferScenarios {
    @Override
    List<String> databaseOptions() {
        return List.of();
    }

    @Override
    String name() {
        return "h2";
    }
}
