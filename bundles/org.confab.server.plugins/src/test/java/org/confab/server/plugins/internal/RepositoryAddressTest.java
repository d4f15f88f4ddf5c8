package org.confab.server.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which repository addresses an administrator's request may name (docs/security.md, "Plugin repositories"). */
class RepositoryAddressTest {

    @TempDir
    Path folder;

    @Test
    void aLocalFolderByPathOrFileUrlIsAFileUri() throws ProtocolException {
        assertEquals(folder.toUri(), RepositoryAddress.parse(folder.toString()));
        assertEquals(folder.toUri(), RepositoryAddress.parse(folder.toUri().toString()));
        assertEquals(folder.toUri(), RepositoryAddress.parse("  " + folder + "/./  "));
    }

    @Test
    void aLocalZipBecomesAJarUri() throws IOException, ProtocolException {
        Path zip = Files.createFile(folder.resolve("dice-repository.zip"));
        URI expected = URI.create("jar:" + zip.toUri() + "!/");
        assertEquals(expected, RepositoryAddress.parse(zip.toString()));
        assertEquals(expected, RepositoryAddress.parse(zip.toUri().toString()));
        assertEquals(expected, RepositoryAddress.parse(expected.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://plugins.example.org/confab/", "http://192.0.2.7:8080/repo" })
    void webAddressesPassUnchanged(String address) throws ProtocolException {
        assertEquals(URI.create(address), RepositoryAddress.parse(address));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.org/repo", "jar:http://example.org/repo.zip!/", "relative/folder",
            "https://user:secret@example.org/repo", "https:///no-host", "https://example.org/repo#x",
            "file://otherhost/srv/repo", "file:relative", "javascript:alert(1)", "", "   ", "https://exa mple.org/",
            "/tmp/\nfolder" })
    void otherAddressesAreRefused(String address) {
        ProtocolException refused = assertThrows(ProtocolException.class, () -> RepositoryAddress.parse(address));
        assertEquals(ErrorCode.BAD_REQUEST, refused.code(), refused.getMessage());
    }

    @Test
    void aMissingLocalRepositoryIsNotFound() throws IOException {
        Path file = Files.createFile(folder.resolve("notes.txt"));
        for (String address : new String[] { folder.resolve("absent").toString(), file.toString(),
                "file:" + folder.resolve("absent") }) {
            assertEquals(ErrorCode.NOT_FOUND,
                    assertThrows(ProtocolException.class, () -> RepositoryAddress.parse(address)).code(), address);
        }
    }

    @Test
    void anOverlongAddressIsRefused() {
        String address = "https://example.org/" + "a".repeat(RepositoryAddress.MAX_LENGTH);
        assertEquals(ErrorCode.BAD_REQUEST,
                assertThrows(ProtocolException.class, () -> RepositoryAddress.parse(address)).code());
    }
}
