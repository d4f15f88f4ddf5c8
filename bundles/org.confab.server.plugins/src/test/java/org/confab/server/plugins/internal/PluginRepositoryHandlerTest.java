package org.confab.server.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PluginRepositoryHandlerTest {

    @Test
    void webAndFileUrlsAreOffered() {
        assertTrue(PluginRepositoryHandler.offerable("https://plugins.example.org/confab/"));
        assertTrue(PluginRepositoryHandler.offerable("http://10.0.0.5:8080/repo"));
        assertTrue(PluginRepositoryHandler.offerable("file:/srv/confab/plugins/"));
    }

    @Test
    void credentialsOtherSchemesAndJunkAreNot() {
        assertFalse(PluginRepositoryHandler.offerable(""));
        assertFalse(PluginRepositoryHandler.offerable("https://user:secret@plugins.example.org/"));
        assertFalse(PluginRepositoryHandler.offerable("ftp://plugins.example.org/"));
        assertFalse(PluginRepositoryHandler.offerable("jar:http://plugins.example.org/r.zip!/"));
        assertFalse(PluginRepositoryHandler.offerable("/srv/confab/plugins"));
        assertFalse(PluginRepositoryHandler.offerable("https://plugins.example.org/\nX-Injected: 1"));
        assertFalse(PluginRepositoryHandler.offerable("https:///no-host"));
        assertFalse(PluginRepositoryHandler.offerable("https://plugins.example.org/" + "a".repeat(2000)));
    }
}
