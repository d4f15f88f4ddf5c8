package org.confab.provisioning;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.confab.protocol.ErrorCode;
import org.confab.protocol.ProtocolException;

/**
 * The plugins a product ships as plugins: file transfer and screenshots are not part of the products'
 * locked base (which p2 would refuse to remove from a shared installation's profile) but features in
 * the product's own bundled repository, installed into each server data directory or client
 * configuration the first time it starts. Each feature is offered exactly once per profile: the ids
 * already offered are remembered next to the profile (in the configuration area), so a plugin an
 * administrator or user removed stays removed after a restart and can be installed again like any
 * other plugin.
 *
 * <p>Launch properties (the products' config.ini): {@value #FEATURES_PROPERTY}, a comma-separated list
 * of feature ids; {@value #REPOSITORY_PROPERTY}, the repository's URL, by default the folder
 * {@code repository/} of the installation ({@code osgi.install.area}).
 */
public final class BuiltInPlugins {
    /** The feature ids to install at the first start, comma-separated. */
    public static final String FEATURES_PROPERTY = "confab.plugins.builtIn";
    /** Where they come from; default {@code ${osgi.install.area}/repository/}. */
    public static final String REPOSITORY_PROPERTY = "confab.plugins.builtInRepository";

    /** Installs one feature from the repository (through whatever records the change). */
    @FunctionalInterface
    public interface Installer {
        void install(URI repository, String feature) throws ProtocolException;
    }

    /** What a start did: the features installed now, and the failures, tried again at the next start. */
    public record Report(List<String> installed, List<String> failed) {
    }

    private final List<String> features;
    private final Optional<URI> repository;
    private final Path offeredFile;

    /**
     * @param features the value of {@value #FEATURES_PROPERTY} (may be null)
     * @param repository the value of {@value #REPOSITORY_PROPERTY} (may be null)
     * @param installArea the value of {@code osgi.install.area} (may be null)
     * @param offeredFile where the ids already offered are kept (a bundle data file of the installer)
     */
    public BuiltInPlugins(String features, String repository, String installArea, Path offeredFile) {
        this.features = features == null ? List.of()
                : Arrays.stream(features.split(",")).map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
        this.repository = repositoryOf(repository, installArea);
        this.offeredFile = offeredFile;
    }

    /** The features the product names, whether or not they were offered yet. */
    public List<String> features() {
        return features;
    }

    public Optional<URI> repository() {
        return repository;
    }

    /**
     * Installs every named feature not offered before. A feature the profile has already (as a plugin
     * or as part of the product) counts as offered; a failure is reported and tried again at the next
     * start.
     */
    public Report installMissing(Installer installer) throws IOException {
        Set<String> offered = offered();
        List<String> installed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String feature : features) {
            if (offered.contains(feature)) {
                continue;
            }
            if (repository.isEmpty()) {
                failed.add(feature + ": the product has no repository of built-in plugins");
                continue;
            }
            try {
                installer.install(repository.get(), feature);
                installed.add(feature);
            } catch (ProtocolException e) {
                if (e.code() != ErrorCode.CONFLICT) {
                    failed.add(feature + ": " + e.getMessage());
                    continue;
                }
                // installed already, or locked into the product by an older version: nothing to do
            }
            markOffered(feature);
        }
        return new Report(List.copyOf(installed), List.copyOf(failed));
    }

    private Set<String> offered() throws IOException {
        if (!Files.isRegularFile(offeredFile)) {
            return Set.of();
        }
        return new LinkedHashSet<>(Files.readAllLines(offeredFile, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> !line.isEmpty()).toList());
    }

    private void markOffered(String feature) throws IOException {
        Files.createDirectories(offeredFile.toAbsolutePath().getParent());
        Files.writeString(offeredFile, feature + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static Optional<URI> repositoryOf(String repository, String installArea) {
        try {
            if (repository != null && !repository.isBlank()) {
                return Optional.of(new URI(repository.strip()));
            }
            if (installArea == null || installArea.isBlank()) {
                return Optional.empty();
            }
            // osgi.install.area is a file: URL of the installation folder, usually with a trailing slash
            URI area = new URI(installArea.strip().replace(" ", "%20"));
            File folder = new File(area.getPath(), "repository");
            return folder.isDirectory() ? Optional.of(folder.toURI()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
