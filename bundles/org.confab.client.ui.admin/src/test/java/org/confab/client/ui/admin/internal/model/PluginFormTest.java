package org.confab.client.ui.admin.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.confab.protocol.messages.PluginMessages.Plugin;
import org.junit.jupiter.api.Test;

class PluginFormTest {

    @Test
    void theRepositoryShapesTheServerAccepts() {
        for (String accepted : new String[] { "https://plugins.example.org/confab/", "http://10.0.0.5:8080/repo",
                "/srv/confab/dice-repository", "/srv/confab/dice.zip", "file:/srv/confab/repo/", "jar:file:/srv/r.zip!/" }) {
            assertEquals(Optional.empty(), PluginForm.repositoryProblem(accepted), accepted);
        }
        assertTrue(PluginForm.repositoryProblem(" ").orElseThrow().startsWith("Enter the repository"));
        assertTrue(PluginForm.repositoryProblem("plugins/dice").orElseThrow().contains("absolute path"));
        assertTrue(PluginForm.repositoryProblem("ftp://example.org/repo").orElseThrow().contains("http(s) URL"));
        assertTrue(PluginForm.repositoryProblem("https://").orElseThrow().contains("needs a host"));
        assertTrue(PluginForm.repositoryProblem("https://bob:secret@example.org/r").orElseThrow().contains("password"));
        assertTrue(PluginForm.repositoryProblem("/" + "a".repeat(2000)).orElseThrow().contains("longer than 2000"));
    }

    @Test
    void featureIdsFollowTheWireRecordWithOrWithoutTheGroupSuffix() {
        assertEquals(Optional.empty(), PluginForm.featureProblem("org.confab.examples.dice.server.feature"));
        assertEquals(Optional.empty(), PluginForm.featureProblem("org.confab.examples.dice.server.feature.feature.group"));
        assertTrue(PluginForm.featureProblem("").orElseThrow().startsWith("Enter the feature id"));
        assertTrue(PluginForm.featureProblem("org.example feature").orElseThrow().contains("dot-separated"));
        assertTrue(PluginForm.featureProblem("org..example").orElseThrow().contains("dot-separated"));
    }

    @Test
    void theRepositoryIsCheckedFirstAndTheOriginIsSaidInWords() {
        assertTrue(PluginForm.problem("", "bad id").orElseThrow().startsWith("Enter the repository"));
        assertTrue(PluginForm.problem("/srv/r", "bad id").orElseThrow().contains("dot-separated"));
        assertEquals(Optional.empty(), PluginForm.problem("/srv/r", "org.example.feature"));
        assertEquals("Built in", PluginForm.origin(new Plugin("a.feature", "1.0.0", "A", "Confab", true)));
        assertEquals("Installed", PluginForm.origin(new Plugin("a.feature", "1.0.0", "A", "Confab", false)));
    }
}
